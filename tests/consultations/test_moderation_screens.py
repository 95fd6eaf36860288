"""What moderators see: the text they moderate, what waits per consultation; deleting is for administrators, with a reason."""

import pytest
from django.urls import reverse
from wagtail.models import ModelLogEntry

from consultations.models import Submission, SubmissionStatus
from tests.consultations.factories import ConsultationFactory, SubmissionFactory
from tests.consultations.test_moderation import bulk_url, url
from tests.policy_pages.factories import PolicyPageFactory

pytestmark = pytest.mark.django_db


def test_listing_shows_the_text_of_each_proposal(client, moderator, consultation):
    SubmissionFactory(consultation=consultation, text="Да има повече пейки в парк „Зорница“.")
    content = client.get(url("list")).content.decode()
    assert "Да има повече пейки в парк „Зорница“." in content


def test_approval_confirmation_shows_the_text_being_approved(client, moderator, consultation):
    submission = SubmissionFactory(consultation=consultation, text="Текстът, който се одобрява.")
    content = client.get(bulk_url("approve_submissions", [submission])).content.decode()
    assert "Текстът, който се одобрява." in content


def test_moderators_cannot_delete_a_proposal(client, moderator, consultation):
    submission = SubmissionFactory(consultation=consultation)
    assert client.get(url("delete", submission.pk)).status_code in (302, 403)
    client.post(url("delete", submission.pk), {"reason": "опит"})
    client.post(bulk_url("delete", [submission]), {"reason": "опит"})
    assert Submission.objects.filter(pk=submission.pk).exists()
    assert not ModelLogEntry.objects.filter(action="consultations.delete").exists()
    listing = client.get(url("list")).content.decode()
    assert "Изтрий избраните" not in listing and "Одобри избраните" in listing


def test_administrator_deletes_only_with_a_reason_kept_in_the_log(client, editor, consultation):
    submission = SubmissionFactory(consultation=consultation, text="Обиден текст")
    response = client.post(url("delete", submission.pk), {"reason": ""})
    assert response.status_code == 200
    assert Submission.objects.filter(pk=submission.pk).exists()
    assert "Обиден текст" in client.get(url("delete", submission.pk)).content.decode()
    assert client.post(url("delete", submission.pk), {"reason": "Спам, изпратен три пъти."}).status_code == 302
    assert not Submission.objects.filter(pk=submission.pk).exists()
    entry = ModelLogEntry.objects.get(action="consultations.delete")
    assert entry.data["reason"] == "Спам, изпратен три пъти." and entry.user == editor


def test_administrators_bulk_delete_asks_for_a_reason(client, editor, consultation):
    submissions = SubmissionFactory.create_batch(2, consultation=consultation)
    assert "Изтрий избраните" in client.get(url("list")).content.decode()
    assert client.post(bulk_url("delete", submissions), {"reason": ""}).status_code == 200
    assert Submission.objects.count() == 2
    client.post(bulk_url("delete", submissions), {"reason": "Дублирани"})
    assert Submission.objects.count() == 0
    assert ModelLogEntry.objects.filter(action="consultations.delete").count() == 2


def test_dashboard_shows_what_waits_per_consultation(client, moderator, consultation):
    SubmissionFactory.create_batch(3, consultation=consultation, status=SubmissionStatus.PENDING)
    SubmissionFactory(consultation=consultation, status=SubmissionStatus.APPROVED, answer="accepted")
    content = client.get(reverse("wagtailadmin_home")).content.decode()
    assert "Предложения, които чакат" in content
    assert f"?consultation={consultation.pk}&amp;status=pending\">3<" in content


def test_chooser_in_a_pages_editor_offers_that_pages_consultations_only(client, editor, policy_index, policy):
    ConsultationFactory(policy_page=policy, title="Собствена консултация")
    ConsultationFactory(policy_page=PolicyPageFactory(parent=policy_index), title="Чужда консултация")
    chooser = reverse(Consultation_chooser_url_name())
    editing = "http://testserver" + reverse("wagtailadmin_pages:edit", args=[policy.pk])
    content = client.get(chooser, HTTP_REFERER=editing).json()["html"]
    assert "Собствена консултация" in content and "Чужда консултация" not in content
    results = client.get(chooser + "results/", HTTP_REFERER=editing).content.decode()
    assert "Собствена консултация" in results and "Чужда консултация" not in results
    for query in ["Собствена", "Чужда", "консултация", '"']:  # searching inside the chooser filters the same way
        searched = client.get(chooser + "results/", {"q": query}, HTTP_REFERER=editing)
        assert searched.status_code == 200, query
        assert "Чужда консултация" not in searched.content.decode()
    elsewhere = client.get(chooser).json()["html"]
    assert "Чужда консултация" in elsewhere and "Собствена консултация" in elsewhere
    creating = "http://testserver" + reverse("wagtailadmin_pages:add", args=["policy_pages", "policypage", policy_index.pk])
    for_new_page = client.get(chooser, HTTP_REFERER=creating).json()["html"]
    assert "Собствена консултация" not in for_new_page and "Чужда консултация" not in for_new_page


def Consultation_chooser_url_name():
    from consultations.models import Consultation

    return Consultation.snippet_viewset.chooser_viewset.get_url_name("choose")
