"""A person rates how a policy is carried out: stored at once, counted once confirmed, one per address and period."""

from datetime import timedelta

import pytest
from django.core import mail
from django.core.cache import cache
from django.core.management import call_command
from django.utils import timezone
from django.utils.html import escape

from consultations.evaluation_views import EvaluationConfirmation
from consultations.models import Evaluation, EvaluationScore, EvaluationStatus
from tests.consultations.evaluation_helpers import (
    evaluate,
    evaluation_block_id,
    evaluation_confirmation_path,
    put_period_on_page,
    valid_evaluation,
)
from tests.consultations.factories import EvaluationPeriodFactory, add_evaluation
from tests.hostile import XSS
from tests.policy_pages.factories import PolicyPageFactory

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def fresh_rate_limits():
    cache.clear()


@pytest.fixture
def period(policy):
    period = EvaluationPeriodFactory(policy_page=policy, title="2026, първо полугодие")
    put_period_on_page(policy, period)
    return period


def confirm(client):
    return client.post(evaluation_confirmation_path())


def test_a_valid_evaluation_is_stored_unconfirmed_with_its_scores_and_a_link_is_mailed(client, policy, period):
    response = evaluate(client, policy, period)
    assert response.status_code == 302
    assert response["Location"] == f"{policy.url}#ocenka-{period.pk}-suobshtenie"
    evaluation = Evaluation.objects.get()
    assert evaluation.status == EvaluationStatus.UNCONFIRMED
    assert [s.score for s in evaluation.scores.order_by("criterion__sort_order")] == [4, 3, 5, None]
    assert evaluation.recommendation == "Повече автобуси сутрин към индустриалната зона."
    assert mail.outbox[0].to == ["petar@example.org"]
    assert "Потвърдете оценката си" in mail.outbox[0].subject
    page = client.get(response["Location"]).content.decode()
    # The message is in the evaluation's block, where the redirect lands.
    assert page.index("ще получите писмо на petar@example.org") > page.index(f'id="ocenka-{period.pk}-suobshtenie"')


def test_confirming_asks_then_counts_and_a_later_confirmed_evaluation_replaces_the_earlier(client, policy, period):
    evaluate(client, policy, period)
    path = evaluation_confirmation_path()
    shown = client.get(path)
    assert shown.status_code == 200
    assert "не мога да преценя" in shown.content.decode()  # what is being confirmed, criterion by criterion
    assert Evaluation.objects.get().status == EvaluationStatus.UNCONFIRMED  # opening the link is not enough
    landed = client.get(client.post(path)["Location"]).content.decode()
    assert "Оценката е потвърдена и е отчетена" in landed
    first = Evaluation.objects.get()
    assert first.status == EvaluationStatus.COUNTED and first.confirmed_at is not None

    evaluate(client, policy, period, scores=["1", "1", "1", "1"], email="PETAR@Example.org")
    landed = client.get(confirm(client)["Location"]).content.decode()
    assert "замества предишната ви оценка" in landed
    first.refresh_from_db()
    assert first.status == EvaluationStatus.REPLACED
    assert Evaluation.objects.counted().get().scores.filter(score=1).count() == 4


def test_a_replayed_expired_or_forged_confirmation_is_refused_clearly(client, policy, period):
    evaluate(client, policy, period)
    path = evaluation_confirmation_path()
    assert client.post(path).status_code == 302
    again = client.post(path)
    assert again.status_code == 409
    assert "вече е потвърдена" in again.content.decode()
    assert client.get(path[:-5] + "xxxx/").status_code == 404
    expired = EvaluationConfirmation.max_age + timedelta(days=1)
    import time_machine

    with time_machine.travel(timezone.now() + expired):
        assert client.post(path).status_code == 410
    # A link for a proposal is not a link for an evaluation, even with the same id.
    from consultations.views import submission_confirmation

    forged = f"/konsultacii/ocenka/potvardi/{submission_confirmation.token(Evaluation.objects.get())}/"
    assert client.post(forged).status_code == 404
    assert Evaluation.objects.counted().count() == 1


def test_every_criterion_missing_puts_an_error_at_each_criterion_and_stores_nothing(client, policy, period):
    response = evaluate(client, policy, period, scores=[])
    assert response.status_code == 200
    form = response.context["participation_form"]
    for criterion in period.criteria.all():
        assert form.errors[f"kriteriy-{criterion.pk}"] == [
            f"Оценете „{criterion.name}“ или изберете „Не мога да преценя“."]
    assert Evaluation.objects.count() == 0 and len(mail.outbox) == 0
    page = response.content.decode()
    assert "Моля, поправете следното" in page
    assert escape(f"Оценете „Прозрачност {XSS}“") in page and XSS not in page


@pytest.mark.parametrize("bad", ["0", "6", "-1", "3.5", "", " 4", "пет", "x" * 10_000])
def test_an_out_of_range_score_is_an_error_at_its_criterion(client, policy, period, bad):
    response = evaluate(client, policy, period, scores=[bad, "3", "4", "5"])
    first = period.criteria.first()
    assert response.status_code == 200
    assert f"kriteriy-{first.pk}" in response.context["participation_form"].errors
    assert Evaluation.objects.count() == 0


def test_scores_for_criteria_of_another_period_are_ignored(client, policy, period):
    other = EvaluationPeriodFactory(policy_page=policy, title="2025")
    data = valid_evaluation(period)
    prefix = evaluation_block_id(period)
    data |= {f"{prefix}-kriteriy-{criterion.pk}": "1" for criterion in other.criteria.all()}
    assert client.post(policy.url + "ocenka/", data).status_code == 302
    assert not EvaluationScore.objects.filter(criterion__period=other).exists()


@pytest.mark.parametrize("forged", ["", "no-such-block", "'; DROP TABLE x; --", XSS, "a" * 5000])
def test_a_forged_block_is_a_400_and_stores_nothing(client, policy, period, forged):
    response = evaluate(client, policy, period, block=forged)
    assert response.status_code == 400
    assert "Периодът за оценка не е намерен" in response.content.decode()
    assert Evaluation.objects.count() == 0


def test_the_block_of_another_policy_cannot_be_posted_here(client, policy, period, policy_index):
    other_policy = PolicyPageFactory(parent=policy_index, title="Друга политика")
    data = valid_evaluation(period)
    assert client.post(other_policy.url + "ocenka/", data).status_code == 400
    assert Evaluation.objects.count() == 0


@pytest.mark.parametrize("shift, expected", [
    (timedelta(days=5), "Оценяването още не е започнало"),
    (-timedelta(days=60), "Оценяването приключи на"),
])
def test_outside_its_period_an_evaluation_is_refused_with_a_message_at_the_block(client, policy, shift, expected):
    opens = timezone.now() + shift
    period = EvaluationPeriodFactory(policy_page=policy, opens_at=opens, closes_at=opens + timedelta(days=30))
    put_period_on_page(policy, period)
    response = evaluate(client, policy, period)
    assert response.status_code == 403
    page = response.content.decode()
    assert expected in page
    assert page.index(expected) > page.index(f'id="ocenka-{period.pk}"')
    assert Evaluation.objects.count() == 0


def test_a_bot_that_fills_the_hidden_field_is_thanked_and_nothing_is_stored(client, policy, period):
    response = evaluate(client, policy, period, website="http://spam.example")
    assert response.status_code == 302
    assert Evaluation.objects.count() == 0 and len(mail.outbox) == 0


def test_hostile_and_huge_recommendations(client, policy, period):
    response = evaluate(client, policy, period, recommendation="Ж" * 3001)
    assert "recommendation" in response.context["participation_form"].errors
    assert Evaluation.objects.count() == 0
    response = evaluate(client, policy, period, recommendation=f"  {XSS}  ", email="x@example.org")
    assert response.status_code == 302
    assert Evaluation.objects.get().recommendation == XSS
    page = client.get(response["Location"]).content.decode()
    assert XSS not in page


@pytest.mark.parametrize("email", ["", "not-an-address", "a@b", "x" * 300 + "@example.org", f"{XSS}@example.org"])
def test_a_bad_address_is_an_error_at_the_address(client, policy, period, email):
    response = evaluate(client, policy, period, email=email)
    assert "email" in response.context["participation_form"].errors
    assert Evaluation.objects.count() == 0


def test_without_consent_or_group_nothing_is_stored(client, policy, period):
    response = evaluate(client, policy, period, consent=None, stakeholder_type="hacker")
    errors = response.context["participation_form"].errors
    assert "consent" in errors and "stakeholder_type" in errors
    assert Evaluation.objects.count() == 0


def test_a_get_of_the_form_address_goes_back_to_the_page(client, policy, period):
    response = client.get(policy.url + "ocenka/")
    assert response.status_code == 302 and response["Location"] == policy.url


def test_unconfirmed_evaluations_are_purged_after_their_link_expires(policy, period):
    old = add_evaluation(period, "old@example.org", [3, 3, 3, 3], status=EvaluationStatus.UNCONFIRMED)
    Evaluation.objects.filter(pk=old.pk).update(created_at=timezone.now() - timedelta(days=8))
    fresh = add_evaluation(period, "fresh@example.org", [3, 3, 3, 3], status=EvaluationStatus.UNCONFIRMED)
    counted = add_evaluation(period, "counted@example.org", [3, 3, 3, 3])
    Evaluation.objects.filter(pk=counted.pk).update(created_at=timezone.now() - timedelta(days=80))
    call_command("purge_unconfirmed_submissions", stdout=open("/dev/null", "w"))
    assert set(Evaluation.objects.values_list("pk", flat=True)) == {fresh.pk, counted.pk}
