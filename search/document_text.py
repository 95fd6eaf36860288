"""Taking the text out of uploaded documents (PDF, DOCX, ODT, TXT; OCR for scans) so the search can find it."""

import functools
import hashlib
import io
import logging
import os
import re
import shutil
import subprocess
import tempfile
import time
import unicodedata
import zipfile
from dataclasses import dataclass
from pathlib import Path

from django.conf import settings
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from .models import DocumentText

logger = logging.getLogger(__name__)

Status = DocumentText.Status

DEFAULT_MAX_BYTES = 50 * 1024 * 1024
DEFAULT_MAX_PAGES = 500
# A whole law fits in far less; the cap keeps one odd file from bloating the index and the table.
MAX_TEXT_CHARS = 2_000_000
# A page whose text layer has fewer letters than this is a scan (or a stamp and a page number on one).
MIN_PAGE_LETTERS = 20
# Rendering and recognising one page takes seconds; these bound a page and a document that never end.
OCR_DPI = 300
OCR_PAGE_TIMEOUT = 120
OCR_DOCUMENT_SECONDS = 3600
OCR_LANGUAGE = "bul"
# DOCX and ODT are zip files: a small upload may unpack to gigabytes (a "zip bomb").
MAX_UNPACK_RATIO = 20

FINAL_STATUSES = frozenset(Status.values) - {Status.PENDING}
MESSAGE_LENGTH = DocumentText._meta.get_field("message").max_length


@dataclass
class Extraction:
    status: str
    text: str = ""
    message: str = ""


class Unreadable(Exception):
    """The file is broken in a way worth telling the editor about (the message is in Bulgarian)."""


def max_bytes():
    return getattr(settings, "SEARCH_DOCUMENT_MAX_BYTES", DEFAULT_MAX_BYTES)


def max_pages():
    return getattr(settings, "SEARCH_DOCUMENT_MAX_PAGES", DEFAULT_MAX_PAGES)


def text_of(document):
    """The searchable text of a document, or "" (read from what the worker stored; nothing is extracted here)."""
    try:
        stored = document.extracted_text
    except DocumentText.DoesNotExist:
        return ""
    return stored.text if stored.searchable else ""


def is_up_to_date(stored, file_hash):
    return bool(stored and file_hash and stored.status in FINAL_STATUSES and stored.file_hash == file_hash)


def store_text(document, force=False):
    """Extract the document's text and save it in its DocumentText row, unless the same file was done already."""
    stored = DocumentText.objects.filter(document=document).first()
    if not force and is_up_to_date(stored, document.file_hash):
        return stored
    extraction, file_hash = extract(document)
    stored, _created = DocumentText.objects.update_or_create(
        document=document,
        defaults={
            "status": extraction.status,
            "text": extraction.text,
            "message": str(extraction.message)[:MESSAGE_LENGTH],
            "file_hash": file_hash,
            "extracted_at": timezone.now(),
        },
    )
    return stored


def extract(document):
    """(Extraction, file hash) for a document's file; never raises, a broken file is reported in the result."""
    extension = (document.file_extension or "").lower()
    try:
        size = document.file_size if document.file_size is not None else document.file.size
        if size > max_bytes():
            return Extraction(Status.TOO_LARGE, message=too_large_message()), document.file_hash
        if extension not in EXTRACTORS:
            message = _("Текст се извлича само от PDF, DOCX, ODT и TXT файлове.")
            return Extraction(Status.UNSUPPORTED, message=message), document.file_hash
        with document.open_file() as file:
            data = file.read(max_bytes() + 1)
    except Exception:
        logger.warning("The file of document %s could not be opened", document.pk, exc_info=True)
        return Extraction(Status.FAILED, message=_("Файлът на документа не може да бъде отворен.")), document.file_hash
    file_hash = hashlib.sha1(data, usedforsecurity=False).hexdigest()  # the same digest as Document.file_hash
    if len(data) > max_bytes():
        return Extraction(Status.TOO_LARGE, message=too_large_message()), file_hash
    return extract_bytes(data, extension, document_id=document.pk), file_hash


def extract_bytes(data, extension, document_id=None):
    try:
        extraction = EXTRACTORS[extension](data)
    except Unreadable as error:
        return Extraction(Status.FAILED, message=str(error))
    except Exception:
        logger.warning("Text extraction failed for document %s (.%s)", document_id, extension, exc_info=True)
        return Extraction(Status.FAILED, message=_("Файлът е повреден или не е във формата, който показва името му."))
    # Cleaning goes character by character: bound it before, cut to the cap after.
    raw = extraction.text
    text = clean_text(raw[: MAX_TEXT_CHARS * 2])
    if len(text) > MAX_TEXT_CHARS or len(raw) > MAX_TEXT_CHARS * 2:
        text = text[:MAX_TEXT_CHARS]
        note = _("Текстът е съкратен до първите %(count)s знака.") % {"count": f"{MAX_TEXT_CHARS:,}".replace(",", " ")}
        extraction.message = " ".join(filter(None, [str(extraction.message), str(note)]))
    extraction.text = text
    if not text and extraction.status == Status.EXTRACTED:
        extraction.status = Status.NOT_SEARCHABLE
        extraction.message = extraction.message or _("Във файла няма текст.")
    return extraction


def too_large_message():
    megabytes = max_bytes() / (1024 * 1024)
    return _("Файлът е по-голям от %(size)s MB; текстът му не е извлечен.") % {"size": f"{megabytes:g}"}


LINE_SPACE = re.compile(r"[^\S\n]+")
BLANK_LINES = re.compile(r"\n\s*\n+")


def clean_text(text):
    """Whitespace made plain and no control characters: PostgreSQL refuses NUL, and nobody searches for them."""
    text = "".join(
        char if char == "\n" or unicodedata.category(char) not in ("Cc", "Cs", "Co") else " " for char in text
    )
    text = "\n".join(LINE_SPACE.sub(" ", line).strip() for line in text.split("\n"))
    return BLANK_LINES.sub("\n", text).strip()


def extract_pdf(data):
    from pypdf import PdfReader

    reader = PdfReader(io.BytesIO(data))
    if reader.is_encrypted:
        # Many official PDFs are "protected" only against editing and open with an empty password.
        try:
            opened = reader.decrypt("")
        except Exception:
            opened = False
        if not opened:
            raise Unreadable(_("PDF файлът е защитен с парола; текстът му не може да бъде прочетен."))
    total = len(reader.pages)
    limit = min(total, max_pages())
    texts = []
    for number in range(limit):
        try:
            texts.append(reader.pages[number].extract_text() or "")
        except Exception:
            logger.warning("Page %s of a PDF has no readable text layer", number + 1, exc_info=True)
            texts.append("")
    messages = []
    if limit < total:
        messages.append(ngettext(
            "Прочетена е само първата страница от %(total)s.",
            "Прочетени са само първите %(count)s страници от %(total)s.",
            limit,
        ) % {"count": limit, "total": total})
    scanned = [number for number, text in enumerate(texts) if letters_in(text) < MIN_PAGE_LETTERS]
    status = Status.EXTRACTED
    if scanned:
        if ocr_available():
            recognised, skipped = recognise_pages(data, scanned)
            for number, text in recognised.items():
                texts[number] = text
            if any(letters_in(text) for text in recognised.values()):
                status = Status.OCR
            if skipped:
                messages.append(ngettext(
                    "%(count)s сканирана страница не е разпозната (изтече времето за разпознаване).",
                    "%(count)s сканирани страници не са разпознати (изтече времето за разпознаване).",
                    skipped,
                ) % {"count": skipped})
        elif len(scanned) == len(texts):
            return Extraction(Status.NOT_SEARCHABLE, message=" ".join([str(_(
                "PDF файлът е сканиран (няма текстов слой), а разпознаването на текст (OCR) не е налично."
            ))] + messages))
        else:
            messages.append(ngettext(
                "%(count)s страница няма текстов слой и не е разпозната (OCR не е наличен).",
                "%(count)s страници нямат текстов слой и не са разпознати (OCR не е наличен).",
                len(scanned),
            ) % {"count": len(scanned)})
    text = "\n".join(texts)
    if not letters_in(text):
        return Extraction(Status.NOT_SEARCHABLE, message=" ".join(
            [str(_("В PDF файла не е открит текст, дори чрез разпознаване (OCR)."))] + messages
        ))
    return Extraction(status, text, " ".join(messages))


def letters_in(text):
    return sum(char.isalnum() for char in text)


@functools.lru_cache(maxsize=1)
def ocr_available():
    """Whether pdftoppm, tesseract and its Bulgarian data are installed (asked once per process)."""
    if not (shutil.which("pdftoppm") and shutil.which("tesseract")):
        return False
    try:
        listed = subprocess.run(["tesseract", "--list-langs"], capture_output=True, text=True, timeout=30)
    except (OSError, subprocess.SubprocessError):
        return False
    # Older tesseract versions print the list on stderr.
    return OCR_LANGUAGE in (listed.stdout + listed.stderr).split()


def recognise_pages(data, page_numbers):
    """({page number: recognised text}, how many pages were left out when the time ran out) for 0-based pages."""
    recognised = {}
    deadline = time.monotonic() + OCR_DOCUMENT_SECONDS
    # One thread each: the worker may run several extractions, and tesseract's own threads only fight them.
    environment = {**os.environ, "OMP_THREAD_LIMIT": "1"}
    with tempfile.TemporaryDirectory(prefix="ocr-") as folder:
        pdf = Path(folder) / "document.pdf"
        pdf.write_bytes(data)
        for done, number in enumerate(page_numbers):
            if time.monotonic() > deadline:
                return recognised, len(page_numbers) - done
            image = Path(folder) / f"page-{number + 1}"
            try:
                subprocess.run(
                    ["pdftoppm", "-f", str(number + 1), "-l", str(number + 1), "-r", str(OCR_DPI), "-gray", "-png",
                     "-singlefile", str(pdf), str(image)],
                    check=True, capture_output=True, timeout=OCR_PAGE_TIMEOUT, env=environment,
                )
                result = subprocess.run(
                    ["tesseract", f"{image}.png", "stdout", "-l", OCR_LANGUAGE],
                    check=True, capture_output=True, timeout=OCR_PAGE_TIMEOUT, env=environment,
                )
            except (OSError, subprocess.SubprocessError):
                logger.warning("OCR of page %s failed", number + 1, exc_info=True)
                continue
            finally:
                Path(f"{image}.png").unlink(missing_ok=True)
            recognised[number] = result.stdout.decode("utf-8", errors="replace")
    return recognised, 0


def check_unpacked_size(data):
    """Refuse an archive whose contents claim to be far larger than the upload limit."""
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        unpacked = sum(member.file_size for member in archive.infolist())
    if unpacked > max_bytes() * MAX_UNPACK_RATIO:
        raise Unreadable(_("Файлът се разархивира до прекалено голям обем; текстът му не е извлечен."))


def extract_docx(data):
    import docx

    check_unpacked_size(data)
    document = docx.Document(io.BytesIO(data))
    lines = docx_block_lines(document)
    for section in document.sections:
        for part in (section.header, section.footer):
            if not part.is_linked_to_previous:
                lines.extend(docx_block_lines(part))
    return Extraction(Status.EXTRACTED, "\n".join(lines))


def docx_block_lines(container):
    """Paragraph and table-cell text of a document body, header or cell, in reading order."""
    from docx.table import Table

    lines = []
    for block in container.iter_inner_content():
        if isinstance(block, Table):
            for row in block.rows:
                seen = set()
                for cell in row.cells:
                    # A merged cell is returned once for every grid column it spans.
                    if id(cell._tc) not in seen:
                        seen.add(id(cell._tc))
                        lines.extend(docx_block_lines(cell))
        else:
            lines.append(block.text)
    return lines


def extract_odt(data):
    from odf import opendocument

    check_unpacked_size(data)
    document = opendocument.load(io.BytesIO(data))
    parts = []
    odf_text(document.body, parts)
    return Extraction(Status.EXTRACTED, "".join(parts))


ODF_TEXT_NS = "urn:oasis:names:tc:opendocument:xmlns:text:1.0"


def odf_text(node, parts):
    """Every text node under `node`, with the spaces, tabs and line ends ODF stores as elements."""
    for child in node.childNodes:
        if child.nodeType == child.TEXT_NODE:
            parts.append(child.data)
            continue
        if child.nodeType != child.ELEMENT_NODE:
            continue
        namespace, name = child.qname
        if namespace == ODF_TEXT_NS and name == "s":
            parts.append(" " * int(child.getAttrNS(ODF_TEXT_NS, "c") or 1))
        elif namespace == ODF_TEXT_NS and name in ("tab", "line-break"):
            parts.append(" " if name == "tab" else "\n")
        else:
            odf_text(child, parts)
            if namespace == ODF_TEXT_NS and name in ("p", "h"):
                parts.append("\n")


def extract_txt(data):
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        text = data.decode("utf-16")
    else:
        try:
            text = data.decode("utf-8-sig")
        except UnicodeDecodeError:
            # Older Bulgarian Windows files are in cp1251.
            text = data.decode("cp1251", errors="replace")
    return Extraction(Status.EXTRACTED, text)


EXTRACTORS = {"pdf": extract_pdf, "docx": extract_docx, "odt": extract_odt, "txt": extract_txt}
