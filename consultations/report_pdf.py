"""The справка as a PDF, laid out with fpdf2 in a font that has Cyrillic letters."""

import re
from pathlib import Path
from zoneinfo import ZoneInfo

from django.conf import settings
from django.utils import timezone
from django.utils.translation import gettext as _
from fpdf import FPDF

from .report_rows import report_columns

SOFIA = ZoneInfo("Europe/Sofia")
FONT = "Report"
# mm on landscape A4, 277 mm between the margins; wide enough that no header word is split
# (tests/consultations/test_report_pdf.py measures them).
COLUMN_WIDTHS = (9, 35, 31, 30, 78, 25, 69)
FONT_SIZE = 8  # pt, body and header
LINE_HEIGHT = 3.6  # mm
CELL_PADDING = 1.2  # mm inside each side of a cell
MARGIN = 10  # mm
FOOTER_HEIGHT = 12  # mm kept free at the bottom of every page for the footer
MIN_LINES_BEFORE_BREAK = 3  # fewer lines than this of a row at the foot of a page start on the next page
# Control characters other than the line break would be drawn as missing glyphs or break the layout.
CONTROL_CHARACTERS = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u200b\u2028\u2029\ufeff]")


class ReportFontMissing(Exception):
    """The configured TrueType font is not on this machine."""


class ReportDocument(FPDF):
    """A landscape A4 page with the municipality, the state of the справка and the page numbers in its footer."""

    footer_text = ""

    def footer(self):
        self.set_y(-FOOTER_HEIGHT + 3)
        self.set_font(FONT, "", 7.5)
        self.set_text_color(60, 60, 60)
        self.set_draw_color(160, 160, 160)
        self.line(self.l_margin, self.get_y(), self.w - self.r_margin, self.get_y())
        half = (self.w - self.l_margin - self.r_margin) / 2
        self.cell(half, 5, self.footer_text, align="L")
        # {nb} is fpdf2's alias for the number of pages, filled in when the document is closed.
        self.cell(half, 5, _("Страница %(page)s от %(pages)s") % {"page": self.page_no(), "pages": "{nb}"},
                  align="R")
        self.set_text_color(0, 0, 0)
        self.set_draw_color(0, 0, 0)


def new_document():
    """An empty report document with the configured fonts; raises ReportFontMissing without them."""
    font = Path(settings.REPORT_PDF_FONT)
    bold = Path(settings.REPORT_PDF_BOLD_FONT)
    if not font.exists() or not bold.exists():
        raise ReportFontMissing(str(font))
    pdf = ReportDocument(orientation="L", unit="mm", format="A4")
    pdf.add_font(FONT, "", str(font))
    pdf.add_font(FONT, "B", str(bold))
    pdf.set_margins(MARGIN, MARGIN, MARGIN)
    pdf.set_auto_page_break(auto=True, margin=FOOTER_HEIGHT)
    pdf.c_margin = CELL_PADDING
    pdf.set_font(FONT, "", FONT_SIZE)
    return pdf


def publication_state(consultation):
    """'Публикувана на dd.mm.yyyy' (Sofia time) or, before publication, that this is a preview."""
    if consultation.report_published_at is None:
        return _("Преглед преди публикуване")
    published = timezone.localtime(consultation.report_published_at, SOFIA)
    return _("Публикувана на %(date)s") % {"date": published.strftime("%d.%m.%Y")}


def report_pdf(consultation, rows):
    """Return the PDF bytes of the справка for `consultation`."""
    pdf = new_document()
    state = publication_state(consultation)
    pdf.footer_text = _("Община Ботевград · Справка за отразяване на предложенията · %(state)s") % {"state": state}
    pdf.set_title(_("Справка за отразяване на предложенията: %(title)s") % {"title": consultation.title})
    pdf.set_author(_("Община Ботевград"))
    pdf.set_lang("bg")
    pdf.add_page()
    pdf.set_font(FONT, "B", 10)
    pdf.multi_cell(0, 5, _("Община Ботевград"), new_x="LMARGIN", new_y="NEXT")
    pdf.set_font(FONT, "B", 13)
    pdf.multi_cell(0, 7, _("Справка за отразяване на предложенията и становищата"), new_x="LMARGIN", new_y="NEXT")
    pdf.set_font(FONT, "", 11)
    pdf.multi_cell(0, 6, printable(consultation.title), new_x="LMARGIN", new_y="NEXT")
    period = _("Срок на консултацията: %(opens)s – %(closes)s") % {
        "opens": timezone.localtime(consultation.opens_at, SOFIA).strftime("%d.%m.%Y %H:%M"),
        "closes": timezone.localtime(consultation.closes_at, SOFIA).strftime("%d.%m.%Y %H:%M"),
    }
    pdf.set_font(FONT, "", 10)
    pdf.multi_cell(0, 5.5, period, new_x="LMARGIN", new_y="NEXT")
    pdf.set_font(FONT, "B" if consultation.report_published_at is None else "", 10)
    pdf.multi_cell(0, 5.5, state, new_x="LMARGIN", new_y="NEXT")
    pdf.ln(3)
    pdf.set_font(FONT, "", FONT_SIZE)
    if not rows:
        pdf.multi_cell(0, 6, _("По време на консултацията не са постъпили предложения."), new_x="LMARGIN", new_y="NEXT")
    else:
        ReportTable(pdf).draw(rows)
    return bytes(pdf.output())


def printable(text):
    """The text with one kind of line break and without control characters."""
    text = str(text).replace("\r\n", "\n").replace("\r", "\n").replace("\t", "    ")
    return CONTROL_CHARACTERS.sub("", text)


class ReportTable:
    """The rows drawn by hand rather than with fpdf2's table(), whose rows cannot continue on the next page.

    Each cell is split into lines that fit its column; a row whose lines do not fit on the page goes on
    in consecutive chunks, each under the repeated header and a band saying which row it continues.
    """

    def __init__(self, pdf):
        self.pdf = pdf
        self.measured = {}  # stakeholder types, sections and answers repeat: measure each text once

    def lines(self, width, text, style=""):
        key = (width, text, style)
        if key not in self.measured:
            self.pdf.set_font(FONT, style, FONT_SIZE)
            text = printable(text)
            self.measured[key] = [""] if not text.strip() else self.pdf.multi_cell(
                width, LINE_HEIGHT, text, align="L", dry_run=True, output="LINES")
        return self.measured[key]

    def room(self):
        """How many lines of a row fit between here and the footer."""
        return int((self.pdf.page_break_trigger - self.pdf.get_y() - 2 * CELL_PADDING) // LINE_HEIGHT)

    def draw_lines(self, columns, start, stop, style="", fill=False):
        pdf = self.pdf
        pdf.set_font(FONT, style, FONT_SIZE)
        top = pdf.get_y()
        height = (stop - start) * LINE_HEIGHT + 2 * CELL_PADDING
        x = pdf.l_margin
        for width, lines in zip(COLUMN_WIDTHS, columns):
            pdf.rect(x, top, width, height, style="DF" if fill else "D")
            for offset, line in enumerate(lines[start:stop]):
                pdf.set_xy(x, top + CELL_PADDING + offset * LINE_HEIGHT)
                pdf.cell(width, LINE_HEIGHT, line)
            x += width
        pdf.set_xy(pdf.l_margin, top + height)

    def draw_header(self):
        columns = [self.lines(width, column, "B") for width, column in zip(COLUMN_WIDTHS, report_columns())]
        self.pdf.set_fill_color(230, 233, 236)
        self.draw_lines(columns, 0, max(map(len, columns)), style="B", fill=True)

    def draw_continuation(self, number):
        pdf = self.pdf
        pdf.set_font(FONT, "B", FONT_SIZE)
        pdf.set_fill_color(245, 246, 247)
        text = _("№ %(number)s — продължение от предходната страница") % {"number": number}
        pdf.cell(sum(COLUMN_WIDTHS), LINE_HEIGHT + 2 * CELL_PADDING, text, border=1, fill=True,
                 new_x="LMARGIN", new_y="NEXT")

    def draw(self, rows):
        self.draw_header()
        for row in rows:
            columns = [self.lines(width, value) for width, value in zip(COLUMN_WIDTHS, row.cells())]
            total = max(map(len, columns))
            start = 0
            while start < total:
                if start > 0:
                    self.pdf.add_page()
                    self.draw_header()
                    self.draw_continuation(row.number)
                elif self.room() < min(total, MIN_LINES_BEFORE_BREAK):
                    self.pdf.add_page()
                    self.draw_header()
                stop = min(total, start + self.room())
                self.draw_lines(columns, start, stop)
                start = stop
