"""The public справка of a consultation: as a page, as CSV and as PDF."""

import csv

from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _
from wagtail.snippets.permissions import get_permission_name

from consultations.models import Consultation

from .report_pdf import ReportFontMissing, report_pdf
from .report_rows import report_columns, report_rows


def visible_consultation(request, pk):
    """The consultation, if its справка is published or the user is an editor who may preview it."""
    consultation = get_object_or_404(Consultation.objects.select_related("policy_page"), pk=pk)
    may_preview = request.user.is_authenticated and request.user.has_perm(get_permission_name("change", Consultation))
    if not consultation.report_is_published() and not may_preview:
        raise Http404(_("Справката още не е публикувана."))
    return consultation


def consultation_report(request, pk):
    consultation = visible_consultation(request, pk)
    context = {"consultation": consultation, "rows": report_rows(consultation), "columns": report_columns()}
    return TemplateResponse(request, "reports/consultation_report.html", context)


def consultation_report_csv(request, pk):
    consultation = visible_consultation(request, pk)
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="spravka-{consultation.pk}.csv"'
    response.write("\ufeff")  # so that spreadsheet programs read the Cyrillic as UTF-8
    writer = csv.writer(response)
    writer.writerow(report_columns())
    for row in report_rows(consultation):
        writer.writerow([row.number, row.author, row.stakeholder_type, row.section, row.proposal, row.answer,
                         row.reason])
    return response


def consultation_report_pdf(request, pk):
    consultation = visible_consultation(request, pk)
    try:
        content = report_pdf(consultation, report_rows(consultation))
    except ReportFontMissing:
        return TemplateResponse(request, "reports/pdf_unavailable.html", {"consultation": consultation}, status=503)
    response = HttpResponse(content, content_type="application/pdf")
    response["Content-Disposition"] = f'attachment; filename="spravka-{consultation.pk}.pdf"'
    return response
