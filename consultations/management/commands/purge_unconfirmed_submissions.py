"""Delete submissions nobody confirmed once their confirmation link has expired: personal data kept no longer than needed."""

from django.core.management.base import BaseCommand

from consultations.models import Submission
from consultations.views import SubmissionConfirmation


class Command(BaseCommand):
    help = "Изтрива непотвърдените предложения, чиято връзка за потвърждение е изтекла (пускайте ежедневно)."

    def handle(self, *args, **options):
        expired = Submission.objects.expired_unconfirmed(SubmissionConfirmation.max_age)
        deleted, _ = expired.delete()
        self.stdout.write(f"Изтрити непотвърдени предложения: {deleted}")
