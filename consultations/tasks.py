"""Background work of consultations, run by the task worker: delivering e-mail, building a published справка's PDF."""

import logging
from datetime import timedelta

from django.core.files.base import ContentFile
from django.core.mail import send_mail
from django.db import transaction
from django.utils import timezone
from django_tasks import task

from .models import Consultation, StoredReportPdf
from .report_pdf import ReportFontMissing, report_pdf
from .report_rows import report_rows

logger = logging.getLogger(__name__)

# A mail server that refuses now is tried again after these pauses, then given up with an error in the log.
RETRY_DELAYS = (timedelta(minutes=1), timedelta(minutes=10), timedelta(hours=1), timedelta(hours=6))


@task()
def deliver_mail(subject, body, recipient, attempt=1):
    try:
        send_mail(subject=subject, message=body, from_email=None, recipient_list=[recipient])
    except Exception:
        if attempt > len(RETRY_DELAYS):
            logger.exception("E-mail to a participant given up after %s attempts", attempt)
            raise
        delay = RETRY_DELAYS[attempt - 1]
        logger.warning("E-mail to a participant failed (attempt %s); retrying in %s", attempt, delay, exc_info=True)
        retry = deliver_mail
        if deliver_mail.get_backend().supports_defer:
            retry = deliver_mail.using(run_after=timezone.now() + delay)
        retry.enqueue(subject, body, recipient, attempt=attempt + 1)


@task()
def build_report_pdf(consultation_id):
    """Build the PDF of a published справка and store it in place of the previous one."""
    consultation = Consultation.objects.filter(pk=consultation_id, report_published_at__isnull=False).first()
    if consultation is None:
        return
    try:
        content = report_pdf(consultation, report_rows(consultation))
    except ReportFontMissing:
        logger.error("The PDF of the справка of consultation %s was not built: its font is missing", consultation_id)
        return
    with transaction.atomic():
        stored = StoredReportPdf.objects.select_for_update().filter(consultation=consultation).first()
        old_name = stored.file.name if stored else None
        stored = stored or StoredReportPdf(consultation=consultation)
        stored.file.save(f"spravka-{consultation.pk}.pdf", ContentFile(content), save=False)
        stored.built_at = timezone.now()
        stored.save()
    if old_name and old_name != stored.file.name:
        stored.file.storage.delete(old_name)
