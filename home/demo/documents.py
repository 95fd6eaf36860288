"""Demo content: small documents (PDF where a Cyrillic font is at hand, plain text otherwise)."""

from pathlib import Path

from django.conf import settings
from django.core.files.base import ContentFile
from fpdf import FPDF
from wagtail.documents import get_document_model


def demo_document(title, paragraphs):
    """Return the document called `title`, creating it with `paragraphs` as its text."""
    Document = get_document_model()
    existing = Document.objects.filter(title=title).first()
    if existing:
        return existing
    font = Path(settings.REPORT_PDF_FONT)
    if font.exists():
        pdf = FPDF()
        pdf.add_font("Demo", "", str(font))
        pdf.add_page()
        pdf.set_font("Demo", "", 12)
        pdf.multi_cell(0, 7, title + "\n\n" + "\n\n".join(paragraphs))
        content, extension = bytes(pdf.output()), "pdf"
    else:
        content, extension = (title + "\n\n" + "\n\n".join(paragraphs)).encode(), "txt"
    document = Document(title=title)
    document.file.save(f"demo-{abs(hash(title)) % 10**8}.{extension}", ContentFile(content), save=False)
    document.save()
    return document
