"""Rebuilding the search entries in bulk gives what publishing page by page gives, in a bounded number of queries."""

import datetime

import pytest
from django.core.management import call_command
from taggit.models import Tag
from wagtail.models import ReferenceIndex

from decisions.models import DecisionDocument, DecisionPageTag
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


def attached_decisions(decision_index, policy, count):
    """Decisions with a tag, a policy and an annex with its text, as an import leaves them: no reference index yet."""
    pages = []
    for number in range(1, count + 1):
        decision = DecisionPageFactory(parent=decision_index, number=number)
        decision.tags.add(f"етикет {number}")
        decision.related_policies = [policy]
        document = DocumentFactory(title=f"Приложение {number}")
        DocumentText.objects.update_or_create(document=document, defaults={"status": "extracted", "text": "Липи и кленове"})
        decision.documents.add(DecisionDocument(document=document))
        decision.save()
        pages.append(decision)
    ReferenceIndex.objects.filter(object_id__in=[str(page.pk) for page in pages]).delete()
    return pages


@pytest.mark.parametrize("count", [5, 50])
def test_entering_pages_in_bulk_costs_the_same_queries_for_5_or_50_pages(decision_index, policy_index, count,
                                                                       django_assert_max_num_queries):
    pages = attached_decisions(decision_index, PolicyPageFactory(parent=policy_index), count)
    SearchEntry.objects.all().delete()
    # Pages, relations, Wagtail's reference index, entries, documents: each read and written once per batch;
    # the view restrictions of pages and collections, read once (botevgrad/public_tree.py).
    with django_assert_max_num_queries(42):
        sync_pages([page.pk for page in pages])
    assert SearchEntry.objects.filter(kind="decision").count() == count
    documents = SearchEntry.objects.filter(kind="document")
    assert sorted(documents.values_list("page_id", flat=True)) == sorted(page.pk for page in pages)
    assert all(entry.policies.exists() for entry in documents)


def references(pages):
    return sorted(ReferenceIndex.objects.filter(object_id__in=[str(page.pk) for page in pages]).values_list(
        "content_type", "base_content_type", "object_id", "to_content_type", "to_object_id", "model_path",
        "content_path", "content_path_hash",
    ))


def test_the_reference_index_in_bulk_holds_what_wagtail_writes_page_by_page(decision_index, policy_index):
    pages = attached_decisions(decision_index, PolicyPageFactory(parent=policy_index), 3)
    linked = DocumentFactory(title="Свързан в текста")
    pages[0].body = f'<p>Виж <a linktype="document" id="{linked.pk}">приложението</a>.</p>'
    pages[0].save()
    sync_pages([page.pk for page in pages])
    # What changed since: an annex taken off, a tag added (written without signals, as an import does).
    DecisionDocument.objects.filter(page=pages[1]).delete()
    DecisionPageTag.objects.create(content_object=pages[2], tag=Tag.objects.create(name="нов етикет"))
    sync_pages([page.pk for page in pages])
    in_bulk = references(pages)
    ReferenceIndex.objects.filter(object_id__in=[str(page.pk) for page in pages]).delete()
    for page in pages:
        ReferenceIndex.create_or_update_for_object(type(page).objects.get(pk=page.pk))
    assert in_bulk == references(pages)
    assert str(linked.pk) in {row[4] for row in in_bulk}
