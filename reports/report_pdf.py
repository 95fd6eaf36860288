"""The справка as a PDF, laid out with fpdf2 in a font that has Cyrillic letters."""

from pathlib import Path

from django.conf import settings
from django.utils import timezone
from django.utils.translation import gettext as _
from fpdf import FPDF

from .report_rows import report_columns

COLUMN_WIDTHS = (10, 38, 25, 30, 80, 25, 69)  # mm on landscape A4, 277 mm between the margins


class ReportFontMissing(Exception):
    """The configured TrueType font is not on this machine."""


def report_pdf(consultation, rows):
    """Return the PDF bytes of the справка for `consultation`."""
    font = Path(settings.REPORT_PDF_FONT)
    bold = Path(settings.REPORT_PDF_BOLD_FONT)
    if not font.exists() or not bold.exists():
        raise ReportFontMissing(str(font))
    pdf = FPDF(orientation="L", unit="mm", format="A4")
    pdf.set_title(_("Справка за отразяване на предложенията: %(title)s") % {"title": consultation.title})
    pdf.set_lang("bg")
    pdf.add_font("Report", "", str(font))
    pdf.add_font("Report", "B", str(bold))
    pdf.set_auto_page_break(auto=True, margin=12)
    pdf.add_page()
    pdf.set_font("Report", "B", 13)
    pdf.multi_cell(0, 7, _("Справка за отразяване на предложенията и становищата"), new_x="LMARGIN", new_y="NEXT")
    pdf.set_font("Report", "", 11)
    pdf.multi_cell(0, 6, consultation.title, new_x="LMARGIN", new_y="NEXT")
    period = _("Срок на консултацията: %(opens)s – %(closes)s") % {
        "opens": timezone.localtime(consultation.opens_at).strftime("%d.%m.%Y %H:%M"),
        "closes": timezone.localtime(consultation.closes_at).strftime("%d.%m.%Y %H:%M"),
    }
    pdf.multi_cell(0, 6, period, new_x="LMARGIN", new_y="NEXT")
    pdf.ln(3)
    if not rows:
        pdf.multi_cell(0, 6, _("По време на консултацията не са постъпили предложения."), new_x="LMARGIN", new_y="NEXT")
        return bytes(pdf.output())
    pdf.set_font("Report", "", 8)
    with pdf.table(col_widths=COLUMN_WIDTHS, text_align="LEFT", repeat_headings=1) as table:
        table.row(report_columns())
        for row in rows:
            table.row([str(row.number), row.author, row.stakeholder_type, row.section, row.proposal, row.answer,
                       row.reason])
    return bytes(pdf.output())
