"""Unconfirmed submissions are deleted once their link has expired; everything else stays."""

from datetime import timedelta

import pytest
from django.core.management import call_command
from django.utils import timezone

from consultations.models import Submission, SubmissionStatus
from tests.consultations.factories import SubmissionFactory

pytestmark = pytest.mark.django_db


def test_expired_unconfirmed_submissions_are_purged(consultation):
    old = timezone.now() - timedelta(days=8)
    SubmissionFactory(consultation=consultation, status=SubmissionStatus.UNCONFIRMED, created_at=old, text="Стара")
    SubmissionFactory(consultation=consultation, status=SubmissionStatus.UNCONFIRMED, text="Прясна")
    SubmissionFactory(consultation=consultation, status=SubmissionStatus.PENDING, created_at=old, text="Потвърдена")
    call_command("purge_unconfirmed_submissions")
    assert sorted(Submission.objects.values_list("text", flat=True)) == ["Потвърдена", "Прясна"]
