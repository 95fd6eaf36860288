"""Every CSV export: UTF-8 for spreadsheet programs, numbers kept, no cell that a spreadsheet would run as a formula."""

import csv
import io

import pytest

from decisions.export import csv_response, safe_cell


@pytest.mark.parametrize("text", [
    "=HYPERLINK(\"http://evil.example\",\"Кликнете\")",
    "+359 888 123 456",
    "-2+3",
    "-5",
    "@SUM(A1:A2)",
    "\t=1+1",
    "\r=1+1",
    " =1+1",
    "  @lookup",
    "\n-1",
    "\r\n+1",
])
def test_text_that_a_spreadsheet_would_run_gets_a_leading_apostrophe(text):
    assert safe_cell(text) == "'" + text


@pytest.mark.parametrize("text", [
    "Повече пейки в парка.",
    "Читалище „Христо Ботев“",
    "Ремонт = по-добре",
    "Първи ред\n=втори ред, в средата на клетката",
    "e-mail: ivan@example.bg",
    "",
])
def test_plain_text_is_unchanged(text):
    assert safe_cell(text) == text


def test_numbers_stay_numbers_and_none_is_empty():
    assert safe_cell(7) == 7
    assert safe_cell(-5) == -5
    assert safe_cell(2.5) == 2.5
    assert safe_cell(None) == ""


def test_multi_line_cell_starting_with_a_formula_is_neutralised():
    assert safe_cell("=1+1\nвтори ред") == "'=1+1\nвтори ред"


def read(response):
    content = response.content.decode("utf-8")
    assert content.startswith("\ufeff"), "spreadsheet programs need the BOM to read the Cyrillic as UTF-8"
    return list(csv.reader(io.StringIO(content.removeprefix("\ufeff"))))


def test_response_is_a_utf8_attachment_with_the_header_and_safe_rows():
    response = csv_response("spravka-12.csv", ["№", "Предложение", "Мотиви"], [
        [1, "=cmd|' /C calc'!A0", None],
        [-5, "Първи ред\nвтори ред", ""],
        [3, "Кирилица „в кавички“, със запетая", "@SUM(1)"],
    ])
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert response["Content-Disposition"] == 'attachment; filename="spravka-12.csv"'
    assert read(response) == [
        ["№", "Предложение", "Мотиви"],
        ["1", "'=cmd|' /C calc'!A0", ""],
        ["-5", "Първи ред\nвтори ред", ""],
        ["3", "Кирилица „в кавички“, със запетая", "'@SUM(1)"],
    ]


def test_header_cells_are_neutralised_too_and_a_cyrillic_file_name_is_encoded():
    response = csv_response("справка.csv", ["=Колона"], [])
    assert read(response) == [["'=Колона"]]
    assert "filename*=utf-8''" in response["Content-Disposition"]


def test_report_header_and_rows_survive_unchanged():
    from consultations.report_rows import ReportRow, report_columns

    row = ReportRow(1, "Иван Петров", "Гражданин", "Чл. 1. Предмет", "-Да се махне чл. 2", "Неприето", "Мотиви.",
                    "rejected")
    rows = read(csv_response("spravka-1.csv", report_columns(), [row.cells()]))
    assert rows[0] == report_columns()
    assert rows[1] == ["1", "Иван Петров", "Гражданин", "Чл. 1. Предмет", "'-Да се махне чл. 2", "Неприето",
                       "Мотиви."]
