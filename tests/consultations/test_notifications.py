"""A participant who asked for it gets one e-mail when the answer to their proposal becomes public."""

from datetime import timedelta

import pytest
from django.core import mail
from django.utils import timezone

from consultations.models import Answer, PublicationMode, SubmissionStatus
from tests.consultations.conftest import put_on_page
from tests.consultations.factories import ConsultationFactory, SubmissionFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def commit(django_capture_on_commit_callbacks):
    return lambda: django_capture_on_commit_callbacks(execute=True)


def answer(submission, kind=Answer.REJECTED, status=SubmissionStatus.APPROVED):
    submission.answer, submission.answer_reason, submission.status = kind, "Мотиви на общината.", status
    submission.save()


def test_approved_answer_on_the_page_sends_one_email_with_the_link(consultation, policy, commit):
    submission = SubmissionFactory(consultation=consultation, email="ana@example.org", notify=True)
    with commit():
        answer(submission)
    assert [m.to for m in mail.outbox] == [["ana@example.org"]]
    message = mail.outbox[0]
    assert f"#konsultaciya-{consultation.pk}" in message.body and policy.slug in message.body
    assert "Неприето" in message.body
    with commit():
        submission.answer_reason = "Поправени мотиви."
        submission.save()
    assert len(mail.outbox) == 1  # one e-mail, however often the answer is edited


def test_no_email_for_those_who_opted_out(consultation, commit):
    submission = SubmissionFactory(consultation=consultation, notify=False)
    with commit():
        answer(submission)
    assert mail.outbox == []


def test_answer_not_yet_public_sends_nothing(consultation, commit):
    submission = SubmissionFactory(consultation=consultation)
    with commit():
        answer(submission, status=SubmissionStatus.PENDING)  # not approved: not on the page
    assert mail.outbox == []


def test_report_only_consultation_tells_people_when_the_report_is_published(policy, commit):
    closed = ConsultationFactory(policy_page=policy, publication=PublicationMode.REPORT_ONLY,
                                 opens_at=timezone.now() - timedelta(days=40))
    put_on_page(policy, closed)
    answered = SubmissionFactory(consultation=closed, email="a@example.org")
    with commit():
        answer(answered)
    assert mail.outbox == []
    SubmissionFactory(consultation=closed, email="b@example.org")
    SubmissionFactory(consultation=closed, email="c@example.org", notify=False)
    SubmissionFactory(consultation=closed, email="d@example.org", status=SubmissionStatus.UNCONFIRMED)
    SubmissionFactory(consultation=closed, email="e@example.org", status=SubmissionStatus.HIDDEN)
    with commit():
        closed.publish_report()
    assert sorted(m.to[0] for m in mail.outbox) == ["a@example.org", "b@example.org"]
    assert all("справката" in m.subject for m in mail.outbox)


def test_report_of_a_hidden_page_sends_nothing(policy, commit):
    closed = ConsultationFactory(policy_page=policy, opens_at=timezone.now() - timedelta(days=40))
    SubmissionFactory(consultation=closed)
    policy.unpublish()
    with commit():
        closed.publish_report()
    assert mail.outbox == []


def test_the_form_offers_the_notice_checked_and_stores_the_choice(client, policy, consultation):
    from django.core.cache import cache

    from consultations.models import Submission
    from tests.consultations.helpers import submit

    cache.clear()
    content = client.get(policy.url).content.decode()
    import re

    assert re.search(r'<input type="checkbox" name="[0-9a-f-]+-notify"[^>]* checked>', content)
    submit(client, policy, consultation, notify=None)  # unticked
    assert Submission.objects.get().notify is False
