"""Editors moderate, answer and enter submissions in the admin; every step is in the audit log."""

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.urls import reverse
from wagtail.models import ModelLogEntry

from consultations.models import Answer, Channel, Submission, SubmissionStatus
from tests.consultations.factories import SubmissionFactory

pytestmark = pytest.mark.django_db


def url(name, *args):
    return reverse(f"wagtailsnippets_consultations_submission:{name}", args=args)


def bulk_url(action, submissions):
    ids = "&".join(f"id={s.pk}" for s in submissions)
    return f"/admin/bulk/consultations/submission/{action}/?next=/admin/&{ids}"


def test_listing_filters_and_searches(client, editor, consultation):
    SubmissionFactory(consultation=consultation, text="Пейки в парка", stakeholder_type="citizen")
    SubmissionFactory(consultation=consultation, text="Нови автобуси", stakeholder_type="ngo", organisation="НПО")
    response = client.get(url("list"), {"stakeholder_type": "ngo"})
    assert response.status_code == 200
    assert [s.text for s in response.context["object_list"]] == ["Нови автобуси"]
    response = client.get(url("list"), {"q": "пейки"})
    assert [s.text for s in response.context["object_list"]] == ["Пейки в парка"]
    for query in [{"status": "pending"}, {"channel": "paper"}, {"consultation": str(consultation.pk)}]:
        assert client.get(url("list"), query).status_code == 200


@pytest.mark.parametrize("action, status, log_action", [
    ("approve_submissions", SubmissionStatus.APPROVED, "consultations.approve"),
    ("hide_submissions", SubmissionStatus.HIDDEN, "consultations.hide"),
])
def test_bulk_moderation_with_a_reason_is_logged(client, editor, consultation, action, status, log_action):
    submissions = SubmissionFactory.create_batch(3, consultation=consultation)
    assert client.get(bulk_url(action, submissions)).status_code == 200
    response = client.post(bulk_url(action, submissions), {"reason": "Проверено от комисията"})
    assert response.status_code == 302
    for submission in Submission.objects.all():
        assert submission.status == status
        assert submission.moderation_reason == "Проверено от комисията"
    entries = ModelLogEntry.objects.filter(action=log_action)
    assert entries.count() == 3
    assert entries.first().user == editor
    assert entries.first().data == {"reason": "Проверено от комисията"}


def test_bulk_moderation_needs_a_reason(client, editor, consultation):
    submission = SubmissionFactory(consultation=consultation)
    response = client.post(bulk_url("approve_submissions", [submission]), {"reason": ""})
    assert response.status_code == 200
    assert Submission.objects.get().status == SubmissionStatus.PENDING


def test_unconfirmed_submissions_cannot_be_approved(client, editor, consultation):
    submission = SubmissionFactory(consultation=consultation, status=SubmissionStatus.UNCONFIRMED)
    client.post(bulk_url("approve_submissions", [submission]), {"reason": "грешка"})
    assert Submission.objects.get().status == SubmissionStatus.UNCONFIRMED


def edit_data(submission, **overrides):
    data = {
        "consultation": submission.consultation_id, "kind": submission.kind, "section_title": submission.section_title,
        "text": submission.text, "author_name": submission.author_name, "email": submission.email,
        "stakeholder_type": submission.stakeholder_type, "organisation": submission.organisation,
        "channel": submission.channel, "registry_number": submission.registry_number,
        "created_at": submission.created_at.strftime("%Y-%m-%d %H:%M"),
        "status": submission.status, "moderation_reason": "", "answer": "", "answer_reason": "",
    }
    data.update(overrides)
    return data


def test_answer_other_than_accepted_needs_its_reason(client, editor, consultation):
    submission = SubmissionFactory(consultation=consultation)
    response = client.post(url("edit", submission.pk), edit_data(submission, answer=Answer.REJECTED))
    assert response.status_code == 200
    assert "Посочете мотивите" in response.content.decode()
    assert Submission.objects.get().answer == ""
    response = client.post(url("edit", submission.pk), edit_data(
        submission, answer=Answer.REJECTED, answer_reason="Противоречи на закона."))
    assert response.status_code == 302
    answered = Submission.objects.get()
    assert answered.answer == Answer.REJECTED
    assert answered.answered_at is not None
    assert ModelLogEntry.objects.filter(action="wagtail.edit", object_id=str(submission.pk)).exists()


def test_accepted_answer_needs_no_reason(client, editor, consultation):
    submission = SubmissionFactory(consultation=consultation)
    response = client.post(url("edit", submission.pk), edit_data(submission, answer=Answer.ACCEPTED))
    assert response.status_code == 302
    assert Submission.objects.get().answer == Answer.ACCEPTED


def test_editor_cannot_rewrite_what_a_participant_sent_online(client, editor, consultation):
    submission = SubmissionFactory(consultation=consultation, text="Оригинален текст", email="a@example.org")
    client.post(url("edit", submission.pk), edit_data(
        submission, text="Подправен текст", email="b@example.org", status=SubmissionStatus.APPROVED))
    submission.refresh_from_db()
    assert (submission.text, submission.email) == ("Оригинален текст", "a@example.org")
    assert submission.status == SubmissionStatus.APPROVED


def test_editor_enters_a_paper_submission_with_its_registry_number(client, editor, consultation):
    data = edit_data(
        SubmissionFactory.build(consultation=consultation, email="", text="Писмо от читалището"),
        channel=Channel.PAPER, registry_number="",
    )
    response = client.post(url("add"), data)
    assert response.status_code == 200
    assert "Въведете входящия номер" in response.content.decode()
    response = client.post(url("add"), {**data, "registry_number": "94-00-17"})
    assert response.status_code == 302
    submission = Submission.objects.get()
    assert (submission.channel, submission.registry_number) == (Channel.PAPER, "94-00-17")
    assert ModelLogEntry.objects.filter(action="wagtail.create").exists()


def test_people_without_admin_access_cannot_moderate(client, consultation):
    submission = SubmissionFactory(consultation=consultation)
    assert client.get(url("list")).status_code == 302  # to the login page
    user = get_user_model().objects.create_user("uchastnik", "u@example.org", "парола-за-тест")
    client.force_login(user)
    response = client.post(bulk_url("approve_submissions", [submission]), {"reason": "опит"})
    assert response.status_code in (302, 403)
    assert Submission.objects.get().status == SubmissionStatus.PENDING


def test_moderators_group_can_moderate(client, consultation):
    user = get_user_model().objects.create_user("moderator", "m@example.org", "парола-за-тест")
    user.groups.add(Group.objects.get(name="Moderators"))
    client.force_login(user)
    submission = SubmissionFactory(consultation=consultation)
    client.post(bulk_url("approve_submissions", [submission]), {"reason": "Проверено"})
    assert Submission.objects.get().status == SubmissionStatus.APPROVED
