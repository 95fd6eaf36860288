"""The справка as a page: every cell names its column (for the phone layout) and each kind of answer looks different."""

import re

import pytest
from django.contrib.auth import get_user_model

from consultations.models import Answer, SubmissionStatus
from consultations.report_rows import report_columns, report_rows
from tests.consultations.factories import SubmissionFactory

pytestmark = pytest.mark.django_db

ANSWERS = [Answer.ACCEPTED, Answer.PARTIALLY_ACCEPTED, Answer.REJECTED, Answer.NOT_ANSWERED, ""]


@pytest.fixture
def answered(closed_consultation):
    for answer in ANSWERS:
        SubmissionFactory(consultation=closed_consultation, status=SubmissionStatus.APPROVED, answer=answer,
                          answer_reason="" if answer in ("", Answer.ACCEPTED) else "Мотиви на администрацията.")
    return closed_consultation


def page(client, consultation):
    # An editor sees the page whatever the publication rules; the markup is the same for everyone.
    client.force_login(get_user_model().objects.create_superuser("redaktor", "r@example.bg", "парола-за-тест"))
    response = client.get(f"/konsultacii/{consultation.pk}/spravka/")
    assert response.status_code == 200
    return response.content.decode()


def test_rows_carry_the_raw_kind_of_answer(answered):
    assert [row.answer_kind for row in report_rows(answered)] == ANSWERS
    assert [row.answer for row in report_rows(answered)][-1] == "Без отговор"


def test_every_cell_is_labelled_with_its_column(client, answered):
    body = re.search(r"<tbody>(.*)</tbody>", page(client, answered), re.S).group(1)
    rows = re.findall(r"<tr>(.*?)</tr>", body, re.S)
    assert len(rows) == len(ANSWERS)
    for row in rows:
        assert re.findall(r'<td data-label="([^"]*)"', row) == report_columns()
        assert len(re.findall(r"<td\b", row)) == len(report_columns())


def test_each_kind_of_answer_has_its_own_class(client, answered):
    classes = re.findall(r'<span class="(answer [^"]*)">([^<]*)</span>', page(client, answered))
    assert classes == [
        ("answer answer-accepted", "Прието"),
        ("answer answer-partially_accepted", "Частично прието"),
        ("answer answer-rejected", "Неприето"),
        ("answer answer-not_answered", "Без отговор в срок"),
        ("answer answer-not_answered", "Без отговор"),
    ]


def test_it_is_still_a_table_with_a_caption_and_column_headers(client, answered):
    html = page(client, answered)
    assert '<caption id="report-caption">5 предложения</caption>' in html
    assert re.findall(r'<th scope="col">([^<]*)</th>', html) == report_columns()


def test_answer_kinds_differ_by_shape_not_only_by_colour():
    from pathlib import Path

    css = (Path(__file__).resolve().parents[2] / "site" / "static" / "css" / "site.css").read_text()
    symbols = {kind: re.search(rf'\.answer-{kind}::before \{{ content: "([^"]+)"', css).group(1)
               for kind in ["accepted", "partially_accepted", "rejected", "not_answered"]}
    assert len(set(symbols.values())) == 4, symbols
