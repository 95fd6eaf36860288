"""The справка's PDF, built once when it is published and then served as it is."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from .consultation import Consultation


class StoredReportPdf(models.Model):
    """The PDF of a published справка, built by the task worker when it is published or an answer changes.

    Public requests serve this file and never build one: a PDF of hundreds of long proposals takes
    seconds of CPU, which anonymous visitors must not be able to start at will.
    """

    consultation = models.OneToOneField(
        Consultation, verbose_name=_("Консултация"), on_delete=models.CASCADE,
        related_name="stored_report_pdf",
    )
    file = models.FileField(verbose_name=_("Файл"), upload_to="spravki/")
    built_at = models.DateTimeField(verbose_name=_("Създаден на"))

    class Meta:
        verbose_name = _("PDF на справка")
        verbose_name_plural = _("PDF на справки")

    def __str__(self):
        return self.file.name
