"""Recommendations sent with an evaluation: moderated and answered like proposals, shown with their answers."""

import pytest
from django.core.cache import cache
from django.urls import reverse
from wagtail.models import ModelLogEntry

from consultations.models import Answer, Channel, Submission, SubmissionKind, SubmissionStatus
from tests.consultations.evaluation_helpers import evaluate, evaluation_confirmation_path, put_period_on_page
from tests.consultations.factories import EvaluationPeriodFactory, SubmissionFactory, add_evaluation, add_recommendation
from tests.consultations.test_editor_entries import add_url
from tests.consultations.test_moderation import bulk_url, edit_data
from tests.hostile import XSS

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def fresh_rate_limits():
    cache.clear()


@pytest.fixture
def period(policy):
    period = EvaluationPeriodFactory(policy_page=policy, title="2026, първо полугодие")
    put_period_on_page(policy, period)
    return period


def test_confirming_an_evaluation_sends_its_recommendation_to_moderation(client, policy, period):
    evaluate(client, policy, period, recommendation=f"Автобус и в неделя. {XSS}", stakeholder_type="ngo")
    assert not Submission.objects.exists()  # nothing of an unconfirmed evaluation reaches the moderators
    client.post(evaluation_confirmation_path())
    recommendation = Submission.objects.get()
    assert recommendation.kind == SubmissionKind.RECOMMENDATION
    assert recommendation.status == SubmissionStatus.PENDING and recommendation.channel == Channel.ONLINE
    assert recommendation.consultation is None and recommendation.evaluation.period == period
    assert recommendation.public_author() == "НПО"
    page = client.get(policy.url).content.decode()
    assert "Автобус и в неделя" not in page  # not before a moderator approves it


def test_an_evaluation_without_a_recommendation_sends_nothing_to_moderation(client, policy, period):
    evaluate(client, policy, period, recommendation="   ")
    client.post(evaluation_confirmation_path())
    assert not Submission.objects.exists()


def test_moderators_approve_and_answer_it_on_the_proposals_screens_and_the_page_shows_both(
        client, editor, policy, period):
    evaluation = add_evaluation(period, "a@example.org", [4, 4, 4, 4])
    recommendation = add_recommendation(evaluation, f"Автобус и в неделя. {XSS}", status=SubmissionStatus.PENDING)
    listing = client.get(reverse("wagtailsnippets_consultations_submission:list"), {"kind": "recommendation"})
    assert list(listing.context["object_list"]) == [recommendation]
    assert f"Препоръка към „{policy.title}“, 2026, първо полугодие" in listing.content.decode()
    client.post(bulk_url("approve_submissions", [recommendation]), {"reason": "Конкретна препоръка"})
    assert ModelLogEntry.objects.filter(action="consultations.approve", object_id=str(recommendation.pk)).exists()
    edit = reverse("wagtailsnippets_consultations_submission:edit", args=[recommendation.pk])
    assert "Препоръка към" in client.get(edit).content.decode()
    recommendation.refresh_from_db()
    recommendation.answer, recommendation.answer_reason = Answer.PARTIALLY_ACCEPTED, "Ще има курс в неделя сутрин."
    recommendation.save()
    page = client.get(policy.url).content.decode()
    assert "Препоръки за по-добри услуги" in page
    assert "Автобус и в неделя." in page and XSS not in page
    assert "Частично прието" in page and "Ще има курс в неделя сутрин." in page


def test_a_hidden_recommendation_and_the_address_never_show(client, policy, period):
    add_recommendation(add_evaluation(period, "secret@example.org", [4, 4, 4, 4]), "Скрита препоръка",
                       status=SubmissionStatus.HIDDEN)
    page = client.get(policy.url).content.decode()
    assert "Скрита препоръка" not in page and "secret@example.org" not in page


def test_a_wrong_page_of_recommendations_is_said_not_hidden(client, policy, period):
    add_recommendation(add_evaluation(period, "a@example.org", [4, 4, 4, 4]))
    page = client.get(policy.url + "?preporaki=abc").content.decode()
    assert "Номерът на страницата трябва да е цяло число." in page
    assert "Няма страница 9 с предложения" in client.get(policy.url + "?preporaki=9").content.decode()


def test_an_editors_entry_without_a_consultation_is_refused_at_that_field(client, editor, consultation):
    data = edit_data(SubmissionFactory.build(consultation=consultation, email="", text="Писмо"),
                     channel=Channel.PAPER, registry_number="1", status=SubmissionStatus.PENDING)
    data["consultation"] = ""
    response = client.post(add_url(), data)
    assert response.status_code == 200
    assert response.context["form"].errors["consultation"] == ["Изберете консултацията, към която е предложението."]
    assert not Submission.objects.exists()
