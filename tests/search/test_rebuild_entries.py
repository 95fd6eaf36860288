"""Rebuilding the search entries in bulk gives what publishing page by page gives, in a bounded number of queries."""

import datetime

import pytest
from django.core.management import call_command

from decisions.models import DecisionDocument
from search.bulk_entries import sync_pages
from search.models import DocumentText, SearchEntry
from tests.consultations.factories import DocumentFactory
from tests.decisions.factories import DecisionPageFactory
from tests.policy_pages.factories import PolicyPageFactory

pytestmark = pytest.mark.django_db


def snapshot():
    return sorted(
        (entry.key, entry.kind, entry.title, entry.number, entry.date, entry.title_terms, entry.body_terms,
         entry.body_stems, entry.page_id, entry.document_id, tuple(sorted(entry.policies.values_list("id", flat=True))))
        for entry in SearchEntry.objects.all()
    )


@pytest.fixture
def content(decision_index, policy_index, committed):
    with committed():
        policy = PolicyPageFactory(parent=policy_index, title="Чиста околна среда")
        for number in range(1, 6):
            decision = DecisionPageFactory(parent=decision_index, title=f"Пейки в парка {number}", number=number,
                                           date=datetime.date(2025, 1, number))
            decision.tags.add("паркове")
            decision.related_policies = [policy]
            decision.save()
    document = DocumentFactory(title="Приложение")
    with committed():
        decision.documents.add(DecisionDocument(document=document))
        decision.save()
        DocumentText.objects.update_or_create(document=document, defaults={"status": "extracted", "text": "Липи и кленове"})
    return decision_index


def test_the_rebuild_gives_the_same_entries_as_publishing(content):
    published = snapshot()
    assert len(published) >= 7
    SearchEntry.objects.all().delete()
    call_command("rebuild_search_entries", "--no-progress", stdout=open("/dev/null", "w"))
    rebuilt = snapshot()
    # The rebuild also enters the pages the fixtures made before the test began (home, archive).
    assert [row for row in rebuilt if row[0] in {entry[0] for entry in published}] == published
    assert not SearchEntry.objects.filter(title__startswith="Welcome").exists()


@pytest.mark.parametrize("count", [3, 40])
def test_entering_pages_in_bulk_costs_only_the_reference_index_per_page(decision_index, count,
                                                                        django_assert_max_num_queries):
    pages = [DecisionPageFactory(parent=decision_index, number=n + 1).pk for n in range(count)]
    SearchEntry.objects.all().delete()
    # Entries, policies and documents: a fixed number per batch; Wagtail's reference index: a few per page.
    with django_assert_max_num_queries(25 + 4 * count):
        sync_pages(pages)
    assert SearchEntry.objects.filter(kind="decision").count() == count
