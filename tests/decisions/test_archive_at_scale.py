"""The archive's year list and the page tree's child lookups at size: the right answer, from indexes.

Asked naively, both read every decision: a DISTINCT of the years over 100,000 decisions took 60 ms and
the menu (the home page's children) a 34 ms sequential scan of the page table on every request.
"""

import datetime

import pytest
from django.db import connection

from botevgrad.dated import years_with
from decisions.models import DecisionPage
from tests.decisions.factories import DecisionPageFactory

pytestmark = pytest.mark.django_db


def archive_decisions(index):
    return DecisionPage.objects.child_of(index).live()


def test_years_skip_the_years_without_decisions_and_follow_the_filters(decision_index):
    for year, body in [(2001, "council"), (2010, "mayor"), (2010, "council"), (2025, "council")]:
        DecisionPageFactory(parent=decision_index, date=datetime.date(year, 12, 31), issuing_body=body,
                            **({"session": None} if body == "mayor" else {}))
    DecisionPageFactory(parent=decision_index, date=datetime.date(2030, 1, 1), live=False)
    decisions = archive_decisions(decision_index)
    assert years_with(decisions) == [2025, 2010, 2001]
    assert years_with(decisions.filter(issuing_body="mayor")) == [2010]
    assert years_with(decisions.filter(issuing_body="mayor", number=-1)) == []


def test_an_empty_archive_has_no_years(decision_index):
    assert years_with(archive_decisions(decision_index)) == []


@pytest.fixture
def large_tree(decision_index):
    """4,000 live decisions, enough for the planner to prefer an index, written by the import's bulk path."""
    from decisions.importing.rows import DecisionRow
    from decisions.importing.writer import DecisionWriter
    from decisions.models import LegalStatus

    rows = [DecisionRow(line=n, issuing_body="council", number=n, date=datetime.date(2000 + n % 26, 1, 1), session=1,
                        title=f"Решение {n}", body="<p>Текст.</p>", status=LegalStatus.IN_FORCE)
            for n in range(1, 4001)]
    DecisionWriter(decision_index, announce=lambda page_ids: None).create_all([(row, None) for row in rows])
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE wagtailcore_page")
        cursor.execute("ANALYZE decisions_decisionpage")
    return decision_index


def test_the_menu_finds_the_home_pages_children_in_the_tree_index(large_tree, home):
    plan = home.get_children().live().in_menu().explain()
    assert "page_depth_path" in plan, plan
    assert "Seq Scan on wagtailcore_page" not in plan, plan


def test_the_years_are_asked_for_in_the_date_index(large_tree):
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as captured:
        years = years_with(archive_decisions(large_tree))
    assert years == list(range(2025, 1999, -1))
    assert len(captured.captured_queries) == 2
    # Each year is an EXISTS that stops at its first decision (at this size the planner may still scan
    # the small table for it); nothing groups or sorts every decision.
    for query in captured.captured_queries:
        with connection.cursor() as cursor:
            cursor.execute("EXPLAIN " + query["sql"])
            plan = "\n".join(row[0] for row in cursor.fetchall())
        assert "InitPlan" in plan and "Aggregate" not in plan and "Unique" not in plan, plan
