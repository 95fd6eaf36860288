"""The example searches printed under the search boxes find what they promise on the demo site."""

import pytest
from django.core.management import call_command

from search.engine import search
from search.forms import EXAMPLE_QUERIES

pytestmark = pytest.mark.django_db


@pytest.fixture(scope="module")
def first_hits(django_db_setup, django_db_blocker):
    with django_db_blocker.unblock():
        from django.db import transaction

        with transaction.atomic():
            call_command("load_demo", stdout=open("/dev/null", "w"))
            # Inside this block nothing commits, so the entries publishing would write are built directly.
            call_command("rebuild_search_entries", "--no-progress", stdout=open("/dev/null", "w"))
            hits = {query: search(query)[0:5] for query in EXAMPLE_QUERIES}
            transaction.set_rollback(True)
    return hits


def test_every_example_finds_something(first_hits):
    assert all(first_hits[query] for query in EXAMPLE_QUERIES), first_hits


def test_waste_collection_finds_the_waste_fee_decision(first_hits):
    assert "отпадъ" in first_hits["сметосъбиране"][0].title.lower() or "смет" in first_hits["сметосъбиране"][0].title.lower()


def test_budget_2025_finds_a_budget_decision_of_2025(first_hits):
    hit = first_hits["бюджет 2025"][0]
    assert hit.entry.year == 2025 and "бюджет" in hit.title.lower()


def test_decision_23_is_first(first_hits):
    hit = first_hits["Решение № 23"][0]
    assert (hit.kind, hit.entry.number) == ("decision", 23)


def test_kindergartens_find_kindergartens(first_hits):
    assert "градин" in (first_hits["детски градини"][0].title + first_hits["детски градини"][0].snippet).lower()
