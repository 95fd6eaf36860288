"""Background work of reports, run by the task worker: building a published справка's PDF."""

import logging

from django.core.files.base import ContentFile
from django.db import transaction
from django.utils import timezone
from django_tasks import task

from consultations.models import Consultation

from .models import StoredReportPdf
from .report_pdf import ReportFontMissing, report_pdf
from .report_rows import report_rows

logger = logging.getLogger(__name__)


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
