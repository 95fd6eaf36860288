"""Proposals editors enter from e-mail, the registry or paper count from the moment they are saved."""

from datetime import timedelta

import pytest
from django.core.management import call_command
from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils import timezone

from consultations.models import Channel, Submission, SubmissionStatus
from tests.consultations.factories import SubmissionFactory
from tests.consultations.test_moderation import edit_data

pytestmark = pytest.mark.django_db


def add_url():
    return reverse("wagtailsnippets_consultations_submission:add")


def test_add_form_preselects_counted_status_and_offers_no_unconfirmed(client, editor, consultation):
    content = client.get(add_url()).content.decode()
    assert 'value="pending" selected' in content
    assert 'value="unconfirmed"' not in content


def test_paper_submission_saved_with_the_form_defaults_is_counted_and_survives_the_purge(client, editor, consultation):
    data = edit_data(
        SubmissionFactory.build(consultation=consultation, email="", text="Писмо от читалището"),
        channel=Channel.REGISTRY, registry_number="94-00-17", status=SubmissionStatus.PENDING,
        created_at=(timezone.now() - timedelta(days=30)).strftime("%Y-%m-%d %H:%M"),
    )
    assert client.post(add_url(), data).status_code == 302
    submission = Submission.objects.get()
    assert submission in consultation.counted_submissions()
    call_command("purge_unconfirmed_submissions")
    assert Submission.objects.filter(pk=submission.pk).exists()


def test_unconfirmed_status_for_a_paper_submission_is_refused_at_the_status_field(client, editor, consultation):
    data = edit_data(
        SubmissionFactory.build(consultation=consultation, email="", text="Писмо"),
        channel=Channel.PAPER, registry_number="1", status=SubmissionStatus.UNCONFIRMED,
    )
    response = client.post(add_url(), data)
    assert response.status_code == 200
    assert "status" in response.context["form"].errors
    assert not Submission.objects.exists()


def test_database_refuses_an_unconfirmed_submission_from_another_channel(consultation):
    with pytest.raises(IntegrityError), transaction.atomic():
        SubmissionFactory(consultation=consultation, channel=Channel.EMAIL, status=SubmissionStatus.UNCONFIRMED)


def test_purge_deletes_only_expired_online_unconfirmed(consultation):
    old = timezone.now() - timedelta(days=8)
    SubmissionFactory(consultation=consultation, status=SubmissionStatus.UNCONFIRMED, created_at=old, text="Изтекла")
    SubmissionFactory(consultation=consultation, channel=Channel.PAPER, registry_number="5",
                      status=SubmissionStatus.PENDING, created_at=old, text="Хартия")
    call_command("purge_unconfirmed_submissions")
    assert list(Submission.objects.values_list("text", flat=True)) == ["Хартия"]
