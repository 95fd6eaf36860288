"""The справка's PDF: long texts flow onto the next pages, headers keep whole words, every page says whose and which."""

import re
import shutil
import subprocess
from datetime import datetime, timedelta, timezone

import pytest
from django.utils import translation

from consultations.models import Consultation
from consultations.models.submission import MAX_TEXT_LENGTH
from consultations.report_pdf import CELL_PADDING, COLUMN_WIDTHS, FONT, FONT_SIZE, ReportTable, new_document, report_pdf
from consultations.report_rows import ReportRow, report_columns

PDFTOTEXT = shutil.which("pdftotext")
needs_pdftotext = pytest.mark.skipif(
    PDFTOTEXT is None, reason="pdftotext (Debian's poppler-utils) is not installed: apt-get install poppler-utils")

CLOSED = datetime(2026, 3, 1, 22, 30, tzinfo=timezone.utc)  # 2 March 2026, 00:30 in Sofia
SENTENCE = "Предлагаме повече пейки и засаждане на дървета по брега на реката. "
URL = "https://botevgrad.bg/" + "dokument" * 35  # 300 characters without a break opportunity


@pytest.fixture(autouse=True)
def bulgarian():
    with translation.override("bg"):
        yield


def consultation(published_at=CLOSED):
    return Consultation(title="Наредба за обществения ред", opens_at=CLOSED - timedelta(days=30), closes_at=CLOSED,
                        report_published_at=published_at)


def long_text(ending):
    """A text of the longest length the form accepts, ending with a word that marks its end."""
    return (SENTENCE * 100)[:MAX_TEXT_LENGTH - len(ending) - 1] + " " + ending


def row(number, text="Повече пейки в парка.", **values):
    fields = {"author": "Читалище „Христо Ботев“", "stakeholder_type": "НПО", "section": "Чл. 1. Предмет",
              "proposal": text, "answer": "Неприето", "reason": "Извън обхвата на наредбата.",
              "answer_kind": "rejected"}
    return ReportRow(number=number, **(fields | values))


def page_count(content):
    return len(re.findall(rb"/Type\s*/Page\b", content))


def pdf_text(content, tmp_path):
    path = tmp_path / "spravka.pdf"
    path.write_bytes(content)
    return subprocess.run([PDFTOTEXT, "-enc", "UTF-8", str(path), "-"], check=True, capture_output=True,
                          text=True).stdout


def test_texts_of_the_longest_allowed_length_in_every_column_flow_onto_the_next_pages(tmp_path):
    rows = [row(1, long_text("КРАЙПРЕДЛОЖЕНИЕ"), author=long_text("КРАЙАВТОР"), section=long_text("КРАЙРАЗДЕЛ"),
                stakeholder_type=long_text("КРАЙСТРАНА"), answer=long_text("КРАЙОТГОВОР"),
                reason=long_text("КРАЙМОТИВИ")),
            row(2, "Кратко предложение.")]
    content = report_pdf(consultation(), rows)
    assert content.startswith(b"%PDF")
    assert page_count(content) > 2
    if PDFTOTEXT:
        text = pdf_text(content, tmp_path)
        for ending in ["КРАЙПРЕДЛОЖЕНИЕ", "КРАЙАВТОР", "КРАЙРАЗДЕЛ", "КРАЙСТРАНА", "КРАЙОТГОВОР", "КРАЙМОТИВИ"]:
            assert ending in text, f"the end of a long cell ({ending}) is missing"
        assert "№ 1 — продължение от предходната страница" in text
        assert "Кратко предложение." in text


def test_words_longer_than_their_column_are_broken_rather_than_cut(tmp_path):
    content = report_pdf(consultation(), [row(1, f"Вижте {URL} и {URL}", author=URL, stakeholder_type=URL,
                                              section=URL, answer=URL, reason=URL)])
    if PDFTOTEXT:
        flat = re.sub(r"\s+", "", pdf_text(content, tmp_path))
        assert flat.count(URL) >= 7


def test_three_hundred_rows_and_line_breaks(tmp_path):
    rows = [row(n, f"Предложение {n}\nвтори ред\r\n\r\nсled празен ред\tи табулация\x00.") for n in range(1, 301)]
    content = report_pdf(consultation(), rows)
    assert page_count(content) > 10
    if PDFTOTEXT:
        text = pdf_text(content, tmp_path)
        assert "Предложение 300" in text
        assert f"Страница {page_count(content)} от {page_count(content)}" in text


def test_no_header_word_is_split_across_lines():
    pdf = new_document()
    pdf.add_page()
    pdf.set_font(FONT, "B", FONT_SIZE)
    table = ReportTable(pdf)
    for column, width in zip(report_columns(), COLUMN_WIDTHS, strict=True):
        for word in column.split():
            assert pdf.get_string_width(word) <= width - 2 * CELL_PADDING, f"„{word}“ does not fit in {width} mm"
        lines = table.lines(width, column, "B")
        assert " ".join(" ".join(lines).split()) == column, f"{column!r} was broken into {lines!r}"


@needs_pdftotext
def test_every_page_names_the_municipality_the_publication_date_and_its_number(tmp_path):
    rows = [row(n, long_text(f"КРАЙ{n}")) for n in range(1, 4)]
    content = report_pdf(consultation(), rows)
    text = pdf_text(content, tmp_path)
    pages = page_count(content)
    assert text.startswith("Община Ботевград")
    assert "Публикувана на 02.03.2026" in text  # the date in Sofia, a day after the UTC date
    for number in range(1, pages + 1):
        assert f"Страница {number} от {pages}" in text
    assert text.count("Община Ботевград · Справка за отразяване на предложенията") == pages


@needs_pdftotext
def test_a_preview_says_so_instead_of_a_publication_date(tmp_path):
    text = pdf_text(report_pdf(consultation(published_at=None), [row(1)]), tmp_path)
    assert "Преглед преди публикуване" in text
    assert "Публикувана на" not in text


@needs_pdftotext
def test_text_is_extractable_with_the_header_words_whole(tmp_path):
    text = pdf_text(report_pdf(consultation(), [row(1, "Ремонт на улица „Васил Левски“.")]), tmp_path)
    for word in " ".join(report_columns()).split():
        assert re.search(rf"(^|\s){re.escape(word)}(\s|$)", text), f"header word „{word}“ is not whole in the text"
    assert "Ремонт на улица „Васил Левски“." in text
    assert "Наредба за обществения ред" in text


@needs_pdftotext
def test_report_without_proposals_says_so(tmp_path):
    text = pdf_text(report_pdf(consultation(), []), tmp_path)
    assert "не са постъпили предложения" in text
    assert "Страница 1 от 1" in text
