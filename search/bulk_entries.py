"""Writing the search entries of many pages at once: the rebuild command and bulk imports."""

from django.contrib.contenttypes.models import ContentType
from django.db import transaction
from modelcluster.fields import ParentalManyToManyField
from wagtail.documents import get_document_model
from wagtail.models import Page, ReferenceIndex
from wagtail.search import index

from .entries import entry_values, page_entries, sync_document, visible_pages
from .models import SearchEntry

BATCH_SIZE = 500


def sync_pages(page_ids):
    """What sync_page does, for many pages: a few queries per batch instead of a dozen per page."""
    page_ids = list(page_ids)
    for start in range(0, len(page_ids), BATCH_SIZE):
        sync_batch(page_ids[start : start + BATCH_SIZE])


def prefetched_names(model):
    """The relations a page's search text and facets read: its RelatedFields and parental many-to-many fields."""
    names = {field.field_name for field in model.get_search_fields() if isinstance(field, index.RelatedFields)}
    names.update(field.name for field in model._meta.get_fields() if isinstance(field, ParentalManyToManyField))
    return sorted(names)


def specific_pages(page_ids):
    by_type = {}
    for page_id, content_type_id in Page.objects.filter(id__in=page_ids).values_list("id", "content_type_id"):
        by_type.setdefault(content_type_id, []).append(page_id)
    for content_type_id, ids in by_type.items():
        model = ContentType.objects.get_for_id(content_type_id).model_class()
        if model is None:
            continue
        yield from model.objects.filter(id__in=ids).prefetch_related(*prefetched_names(model))


@transaction.atomic
def sync_batch(page_ids):
    visible = set(visible_pages().filter(id__in=page_ids).values_list("id", flat=True))
    rows = []
    for page in specific_pages(page_ids):
        # Pages written in bulk (imports) never went through Wagtail's reference indexing, which
        # tells which documents a page attaches; do it here, as sync_page does.
        ReferenceIndex.create_or_update_for_object(page)
        if page.pk in visible:
            rows.extend(page_entries(page))
    write_entries(rows)
    stale = SearchEntry.objects.filter(page_id__in=page_ids, document__isnull=True)
    stale.exclude(key__in=[key for key, _fields in rows]).delete()
    documents = set(
        ReferenceIndex.objects.filter(
            base_content_type=ContentType.objects.get_for_model(Page),
            object_id__in=[str(page_id) for page_id in page_ids],
            to_content_type=ContentType.objects.get_for_model(get_document_model()),
        ).values_list("to_object_id", flat=True)
    )
    documents = {int(document_id) for document_id in documents}
    documents |= set(SearchEntry.objects.filter(page_id__in=page_ids, document__isnull=False).values_list("document_id", flat=True))
    for document_id in sorted(documents):
        sync_document(document_id)


def write_entries(rows):
    """Insert or update the entries in one statement, then their policies."""
    if not rows:
        return
    entries = [SearchEntry(key=key, **entry_values(fields)) for key, fields in rows]
    columns = [field.name for field in SearchEntry._meta.concrete_fields if field.name not in ("id", "key")]
    SearchEntry.objects.bulk_create(entries, update_conflicts=True, unique_fields=["key"], update_fields=columns)
    ids = dict(SearchEntry.objects.filter(key__in=[key for key, _ in rows]).values_list("key", "id"))
    through = SearchEntry.policies.through
    through.objects.filter(searchentry_id__in=ids.values()).delete()
    through.objects.bulk_create(
        through(searchentry_id=ids[key], page_id=policy_id)
        for key, fields in rows
        for policy_id in set(fields.get("policies", ()))
    )
