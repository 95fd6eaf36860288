"""Demo content: small documents (PDF where a Cyrillic font is at hand, plain text otherwise; DOCX for reports)."""

import functools
import io
from pathlib import Path

import docx
from django.conf import settings
from django.core.files.base import ContentFile
from fpdf import FPDF
from wagtail.documents import get_document_model


def stored_document(title, content, extension):
    document = get_document_model()(title=title)
    document.file.save(f"demo-{abs(hash(title)) % 10**8}.{extension}", ContentFile(content), save=False)
    document.save()
    return document


def demo_document(title, paragraphs):
    """Return the document called `title`, creating it with `paragraphs` as its text."""
    existing = get_document_model().objects.filter(title=title).first()
    if existing:
        return existing
    font = Path(settings.REPORT_PDF_FONT)
    if font.exists():
        return stored_document(title, pdf_bytes(str(font), title, tuple(paragraphs)), "pdf")
    return stored_document(title, (title + "\n\n" + "\n\n".join(paragraphs)).encode(), "txt")


@functools.lru_cache(maxsize=256)
def pdf_bytes(font, title, paragraphs):
    # Embedding the font is most of the cost; the same demo loaded again (the browser tests) reuses the files.
    pdf = FPDF()
    pdf.add_font("Demo", "", font)
    pdf.add_page()
    pdf.set_font("Demo", "", 12)
    pdf.multi_cell(0, 7, title + "\n\n" + "\n\n".join(paragraphs))
    return bytes(pdf.output())


def demo_docx(title, paragraphs):
    """Return the Word document called `title`, creating it with a heading and `paragraphs`."""
    existing = get_document_model().objects.filter(title=title).first()
    if existing:
        return existing
    word = docx.Document()
    word.add_heading(title, level=1)
    for paragraph in paragraphs:
        word.add_paragraph(paragraph)
    content = io.BytesIO()
    word.save(content)
    return stored_document(title, content.getvalue(), "docx")
