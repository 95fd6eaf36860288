"""The public справка of a consultation: as a page, as CSV and as PDF."""

from django.http import FileResponse, Http404, HttpResponse
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _
from wagtail.snippets.permissions import get_permission_name

from consultations.models import Consultation

from .csv_export import csv_response
from .models import StoredReportPdf
from .report_pdf import ReportFontMissing, report_pdf
from .report_rows import report_columns, report_rows


def may_preview(user):
    return user.is_authenticated and user.has_perm(get_permission_name("change", Consultation))


def visible_consultation(request, pk):
    """The consultation, if its справка is published and its policy page public, or an editor previews it.

    A справка follows its page: while the page is a draft, unpublished or view-restricted, the
    справка and its downloads tell the public nothing, not even the page's title.
    """
    if may_preview(request.user):
        return get_object_or_404(Consultation.objects.select_related("policy_page"), pk=pk)
    consultation = (
        Consultation.objects.visible().filter(pk=pk, report_published_at__isnull=False)
        .select_related("policy_page").first()
    )
    if consultation is None:
        raise Http404(_("Справката не е публикувана."))
    return consultation


def consultation_report(request, pk):
    consultation = visible_consultation(request, pk)
    context = {"consultation": consultation, "rows": report_rows(consultation), "columns": report_columns()}
    return TemplateResponse(request, "reports/consultation_report.html", context)


def consultation_report_csv(request, pk):
    consultation = visible_consultation(request, pk)
    rows = [row.cells() for row in report_rows(consultation)]
    return csv_response(f"spravka-{consultation.pk}.csv", report_columns(), rows)


def consultation_report_pdf(request, pk):
    """The stored PDF of a published справка; editors previewing an unpublished one get it built for them."""
    consultation = visible_consultation(request, pk)
    filename = f"spravka-{consultation.pk}.pdf"
    if consultation.report_is_published():
        stored = StoredReportPdf.objects.filter(consultation=consultation).first()
        if stored is None:
            return TemplateResponse(request, "reports/pdf_unavailable.html", {"consultation": consultation},
                                    status=503, headers={"Retry-After": "120"})
        return FileResponse(stored.file.open("rb"), as_attachment=True, filename=filename,
                            content_type="application/pdf")
    try:
        content = report_pdf(consultation, report_rows(consultation))
    except ReportFontMissing:
        return TemplateResponse(request, "reports/pdf_unavailable.html", {"consultation": consultation}, status=503)
    response = HttpResponse(content, content_type="application/pdf")
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response
