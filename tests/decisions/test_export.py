"""The archive's exports: the current filter as CSV and JSON, streamed, with absolute addresses and safe cells."""

import csv
import datetime
import io
import json
import re

import pytest
from django.core.files.base import ContentFile
from django.http import StreamingHttpResponse
from wagtail.documents import get_document_model
from wagtail.models import Site

from decisions.export import COLUMNS, safe_cell
from decisions.models import DecisionDocument, IssuingBody, LegalStatus

pytestmark = pytest.mark.django_db


@pytest.fixture
def archive(decision_index, decision_page_factory, policy_index, policy_page_factory,
            django_capture_on_commit_callbacks):
    # The search index is updated once the pages are stored (on commit), as after an editor publishes.
    with django_capture_on_commit_callbacks(execute=True):
        return make_archive(decision_index, decision_page_factory, policy_index, policy_page_factory)


def make_archive(decision_index, decision_page_factory, policy_index, policy_page_factory):
    site = Site.objects.get(is_default_site=True)
    site.hostname = "obshtina.example"
    site.save()
    policy = policy_page_factory(parent=policy_index, title="Отпадъци", slug="otpadaci")
    fee = decision_page_factory(parent=decision_index, title="=HYPERLINK(\"http://x\")", number=7, session=4,
                                date=datetime.date(2024, 2, 1))
    fee.tags.add("такси", "отпадъци")
    fee.related_policies = [policy]
    document = get_document_model()(title="Приложение 1")
    document.file.save("prilozhenie.txt", ContentFile(b"text"), save=False)
    document.save()
    fee.documents = [DecisionDocument(document=document)]
    fee.save()
    newer = decision_page_factory(parent=decision_index, title="Нова такса", number=12, date=datetime.date(2025, 3, 1),
                                  votes_for=20, votes_against=1, votes_abstained=0)
    fee.status, fee.amended_or_repealed_by = LegalStatus.REPEALED, newer
    fee.save()
    decision_page_factory(parent=decision_index, title="Заповед за графика", number=23, session=None,
                          issuing_body=IssuingBody.MAYOR, date=datetime.date(2025, 10, 1))
    return decision_index


def download(client, url, params=None):
    response = client.get(url, params or {})
    assert response.status_code == 200
    assert isinstance(response, StreamingHttpResponse)
    return response, b"".join(response.streaming_content).decode("utf-8")


def test_csv_has_the_documented_columns_and_absolute_addresses(client, archive):
    response, text = download(client, "/resheniya/export/csv/", {"year": "2024"})
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert response["Content-Disposition"] == 'attachment; filename="resheniya-2024.csv"'
    assert text.startswith("\ufeff")
    rows = list(csv.DictReader(io.StringIO(text[1:])))
    assert list(rows[0]) == COLUMNS
    assert len(rows) == 1
    row = rows[0]
    assert {key: row[key] for key in ["number", "kind", "issuing_body", "date", "session", "status"]} == {
        "number": "7", "kind": "decision", "issuing_body": "council", "date": "2024-02-01", "session": "4",
        "status": "repealed"}
    assert row["url"] == "http://obshtina.example/resheniya/2024-7/"
    assert row["amended_or_repealed_by"] == "http://obshtina.example/resheniya/2025-12/"
    assert row["tags"] == "отпадъци; такси"
    assert row["policies"] == "Отпадъци"
    # The storage adds a suffix when an earlier test stored a file of the same name.
    assert re.fullmatch(r"http://obshtina\.example/documents/\d+/prilozhenie(_\w+)?\.txt", row["documents"])


def test_csv_cell_that_a_spreadsheet_would_run_is_neutralised(client, archive):
    _response, text = download(client, "/resheniya/export/csv/", {"year": "2024"})
    assert "'=HYPERLINK" in text
    assert safe_cell(" \n@SUM(A1)") == "' \n@SUM(A1)"
    assert safe_cell(-5) == -5


def test_json_keeps_lists_and_numbers(client, archive):
    response, text = download(client, "/resheniya/export/json/", {"body": "council", "sort": "oldest"})
    assert response["Content-Type"] == "application/json; charset=utf-8"
    rows = json.loads(text)
    assert [row["number"] for row in rows] == [7, 12]
    assert rows[0]["tags"] == ["отпадъци", "такси"]
    assert rows[1]["votes_for"] == 20 and rows[1]["session"] == 5
    assert rows[0]["title"] == '=HYPERLINK("http://x")'  # JSON is data, not a spreadsheet: kept as it is
    assert set(rows[0]) == set(COLUMNS)


def test_export_follows_the_filter(client, archive):
    _response, text = download(client, "/resheniya/export/json/", {"body": "mayor"})
    assert [(row["kind"], row["number"]) for row in json.loads(text)] == [("order", 23)]


def test_empty_export_is_valid(client, archive):
    _response, text = download(client, "/resheniya/export/json/", {"year": "1999"})
    assert json.loads(text) == []
    _response, text = download(client, "/resheniya/export/csv/", {"year": "1999"})
    assert text.strip() == "\ufeff" + ",".join(COLUMNS)


def test_invalid_filter_gets_the_page_with_the_message(client, archive):
    response = client.get("/resheniya/export/csv/", {"status": "nyama"})
    assert response.status_code == 400
    assert "Състоянието в адреса трябва да е in_force" in response.content.decode()
    assert client.get("/resheniya/export/json/", {"tag": "nyama"}).status_code == 404


def test_search_words_filter_the_export(client, archive):
    _response, text = download(client, "/resheniya/export/json/", {"q": "графика"})
    assert [row["number"] for row in json.loads(text)] == [23]


@pytest.mark.parametrize("decisions", [3, 60])
def test_export_query_count_does_not_grow_per_row(client, decision_index, decision_page_factory, decisions,
                                                   django_assert_max_num_queries):
    for _ in range(decisions):
        decision = decision_page_factory(parent=decision_index)
        decision.tags.add("бюджет")
        decision.save()
    # (17: one of them finds the restricted collections, whose files the export leaves out.)
    with django_assert_max_num_queries(16):
        _response, text = download(client, "/resheniya/export/csv/")
    assert text.count("\n") == decisions + 1
