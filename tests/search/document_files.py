"""Real, small document files made on the fly: PDF (text, scanned, encrypted, broken), DOCX, ODT, TXT."""

import io
import os

from PIL import Image, ImageDraw, ImageFont

FONT = "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"

PDF_TEXT = "Общинският съвет на Ботевград прие решение за благоустрояване на градския парк."
SCANNED_WORD = "ПРОТОКОЛ"


def pdf(*pages, font=FONT):
    """A PDF with a text layer: one page for each string given."""
    from fpdf import FPDF

    document = FPDF(format=(148, 210))
    document.add_font("DejaVu", fname=font)
    document.set_font("DejaVu", size=12)
    for text in pages:
        document.add_page()
        document.multi_cell(0, 8, text)
    return bytes(document.output())


def encrypted_pdf(user_password="тайна-парола", owner_password="собственик"):
    """A PDF encrypted with AES-256; with an empty user password it opens but is "protected" against editing."""
    from pypdf import PdfReader, PdfWriter

    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(pdf(PDF_TEXT))))
    writer.encrypt(user_password=user_password, owner_password=owner_password, algorithm="AES-256")
    output = io.BytesIO()
    writer.write(output)
    return output.getvalue()


def scanned_pdf(text=SCANNED_WORD + " за заседание на общинския съвет"):
    """A PDF whose only page is a picture of Bulgarian text, as a scanner makes it: no text layer."""
    from fpdf import FPDF

    image = Image.new("L", (1400, 160), color=255)
    ImageDraw.Draw(image).text((40, 40), text, fill=0, font=ImageFont.truetype(FONT, 56))
    picture = io.BytesIO()
    image.save(picture, format="PNG")
    document = FPDF(unit="mm", format=(190, 30))
    document.set_margin(0)
    document.add_page()
    document.image(picture, x=5, y=5, w=180)
    return bytes(document.output())


def corrupt_pdf():
    return b"%PDF-1.7\n" + os.urandom(2048)


def docx(paragraphs, table_rows=()):
    import docx as python_docx

    document = python_docx.Document()
    for text in paragraphs:
        document.add_paragraph(text)
    if table_rows:
        table = document.add_table(rows=len(table_rows), cols=len(table_rows[0]))
        for row, values in zip(table.rows, table_rows, strict=True):
            for cell, value in zip(row.cells, values, strict=True):
                cell.text = value
    output = io.BytesIO()
    document.save(output)
    return output.getvalue()


def odt(heading, paragraphs, table_cells=()):
    from odf.opendocument import OpenDocumentText
    from odf.table import Table, TableCell, TableColumn, TableRow
    from odf.text import H, P, S

    document = OpenDocumentText()
    document.text.addElement(H(outlinelevel=1, text=heading))
    for text in paragraphs:
        first, _, rest = text.partition(" ")
        paragraph = P(text=first)
        # ODF keeps spaces as <text:s/> elements: the words on either side must not run together.
        paragraph.addElement(S())
        paragraph.addText(rest)
        document.text.addElement(paragraph)
    if table_cells:
        table = Table(name="Таблица")
        table.addElement(TableColumn(numbercolumnsrepeated=len(table_cells)))
        row = TableRow()
        for value in table_cells:
            cell = TableCell()
            cell.addElement(P(text=value))
            row.addElement(cell)
        table.addElement(row)
        document.text.addElement(table)
    output = io.BytesIO()
    document.write(output)
    return output.getvalue()
