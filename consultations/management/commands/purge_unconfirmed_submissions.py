"""Delete submissions nobody confirmed once their confirmation link has expired: personal data kept no longer than needed."""

from datetime import timedelta

from django.core.management.base import BaseCommand
from django.utils import timezone

from consultations.models import Submission, SubmissionStatus
from consultations.views import CONFIRMATION_MAX_AGE


class Command(BaseCommand):
    help = "Изтрива непотвърдените предложения, чиято връзка за потвърждение е изтекла (пускайте ежедневно)."

    def handle(self, *args, **options):
        cutoff = timezone.now() - timedelta(seconds=CONFIRMATION_MAX_AGE)
        deleted, _ = Submission.objects.filter(status=SubmissionStatus.UNCONFIRMED, created_at__lt=cutoff).delete()
        self.stdout.write(f"Изтрити непотвърдени предложения: {deleted}")
