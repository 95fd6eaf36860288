"""The search's queries are served by the full-text index on PostgreSQL, not by reading every entry."""

import pytest
from django.db import connection

from search.engine import search
from search.models import SearchEntry

pytestmark = pytest.mark.django_db


@pytest.fixture
def many_entries(home):
    SearchEntry.objects.bulk_create(
        SearchEntry(key=f"plan:{n}", kind="decision", page=home, title=f"Решение {n}", number=n, year=2000 + n % 27,
                    title_terms=f"решение {n}", body_terms=f"общината пътища улици дума{n}",
                    body_stems="общин път улиц")
        for n in range(5000)
    )
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE search_searchentry")


def plan(queryset):
    return queryset.explain()


@pytest.mark.parametrize("query", ["дума1234", "дума1234 дума77"])
def test_a_rare_word_is_looked_up_in_the_gin_index(many_entries, query):
    results = search(query)
    text = plan(results.segments[0].queryset)
    assert "search_entry_vector" in text, text
    assert "Seq Scan on search_searchentry" not in text, text


def test_a_number_is_looked_up_in_its_btree_index(many_entries):
    results = search("Решение № 1234")
    text = plan(results.segments[0].queryset)
    assert "search_entry_number_year" in text, text


def test_the_benchmark_reports_the_plans_of_the_search_queries_only(many_entries):
    """`make bench-search` prints these plans; the planner's estimate (itself an EXPLAIN) is not one of them."""
    from benchmarks.search_bench import explained_plans

    report = explained_plans({"rare word": "дума1234", "common word": "общината"})
    assert "#### rare word `дума1234`: first page query" in report
    assert "#### common word `общината`: count query" in report
    assert "EXPLAIN (FORMAT" not in report
    assert "Execution Time" in report
