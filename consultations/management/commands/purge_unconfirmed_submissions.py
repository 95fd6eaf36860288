"""Delete proposals and evaluations nobody confirmed once their link has expired: personal data kept no longer than needed."""

from django.core.management.base import BaseCommand

from consultations.evaluation_views import EvaluationConfirmation
from consultations.models import Evaluation, Submission
from consultations.views import SubmissionConfirmation


class Command(BaseCommand):
    help = ("Изтрива непотвърдените предложения и оценки, чиято връзка за потвърждение е изтекла "
            "(пускайте ежедневно).")

    def handle(self, *args, **options):
        deleted, _ = Submission.objects.expired_unconfirmed(SubmissionConfirmation.max_age).delete()
        self.stdout.write(f"Изтрити непотвърдени предложения: {deleted}")
        _, by_model = Evaluation.objects.expired_unconfirmed(EvaluationConfirmation.max_age).delete()
        self.stdout.write(f"Изтрити непотвърдени оценки: {by_model.get(Evaluation._meta.label, 0)}")
