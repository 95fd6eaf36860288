"""Writing the search entries of many pages at once: imports, the rebuild command, a section after a restriction.

A batch costs a fixed number of queries whatever its size (tests/search/test_rebuild_entries.py
holds it to that): the pages with every relation their entries and references read, Wagtail's
reference index, the entries and the documents the pages attach, each read and written in bulk.
"""

from django.contrib.contenttypes.models import ContentType
from django.db import connection, transaction
from modelcluster.fields import ParentalManyToManyField
from modelcluster.models import ClusterableModel, get_all_child_relations
from wagtail.models import Page, ReferenceIndex, Site
from wagtail.search import index

from .drafts import store_draft_attachments
from .entries import BATCH_SIZE, page_entries, referenced_document_ids, sync_documents, visible_pages, write_entries
from .models import SearchEntry


def sync_pages(page_ids):
    """What sync_page does, for many pages: a fixed number of queries per batch of BATCH_SIZE."""
    page_ids = list(page_ids)
    for start in range(0, len(page_ids), BATCH_SIZE):
        sync_batch(page_ids[start : start + BATCH_SIZE])


def prefetched_names(model):
    """The relations read for each page: by its search text and facets (RelatedFields, parental many-to-many
    fields) and by Wagtail's reference index (its child relations and theirs)."""
    names = {field.field_name for field in model.get_search_fields() if isinstance(field, index.RelatedFields)}
    names.update(field.name for field in model._meta.get_fields() if isinstance(field, ParentalManyToManyField))
    names.update(child_relation_names(model))
    return sorted(names)


def child_relation_names(model, prefix=""):
    """The child relations ReferenceIndex scans on an instance of `model`, as prefetch_related lookups."""
    for relation in get_all_child_relations(model):
        name = prefix + relation.get_accessor_name()
        yield name
        if issubclass(relation.related_model, ClusterableModel):
            yield from child_relation_names(relation.related_model, f"{name}__")


def specific_pages(page_ids):
    """The pages as their specific types (the generic Page if the type is gone), with what prefetched_names lists."""
    by_type = {}
    for page_id, content_type_id in Page.objects.filter(id__in=page_ids).values_list("id", "content_type_id"):
        by_type.setdefault(content_type_id, []).append(page_id)
    # Each page would ask the cache for the sites' root paths (its URL): ask once for the batch.
    root_paths = Site.get_site_root_paths()
    for content_type_id, ids in by_type.items():
        model = ContentType.objects.get_for_id(content_type_id).model_class() or Page
        for page in model.objects.filter(id__in=ids).prefetch_related(*prefetched_names(model)):
            page._wagtail_cached_site_root_paths = root_paths
            yield page


@transaction.atomic
def sync_batch(page_ids):
    """Make the pages' entries match what the public sees of them now, and their documents' entries with them."""
    visible = set(visible_pages().filter(id__in=page_ids).values_list("id", flat=True))
    pages = list(specific_pages(page_ids))
    # Wagtail indexes references later, in the worker, and never for pages written in bulk (imports);
    # which documents a page attaches (a draft decision's annex stays hidden) must be known now.
    update_references(pages)
    rows = [row for page in pages if page.pk in visible for row in page_entries(page)]
    write_entries(rows)
    stale = SearchEntry.objects.filter(page_id__in=page_ids, document__isnull=True)
    stale.exclude(key__in=[key for key, _fields in rows]).delete()
    drafted = store_draft_attachments(pages)
    sync_documents(referenced_document_ids(page_ids) | drafted)


def update_references(objects):
    """ReferenceIndex.create_or_update_for_object for many objects at once, in three queries.

    The same records as Wagtail's method (Wagtail 8.0, whose extraction this uses), only read and
    written for the whole batch: Wagtail has no bulk form of it. Objects must have their child
    relations prefetched (prefetched_names), or the extraction queries them one by one.
    """
    if not objects:
        return
    # Per object: its model's content type and its ancestors', most specific first (as Wagtail keeps them).
    chains = {}
    for model in {type(obj) for obj in objects}:
        chains[model] = [ContentType.objects.get_for_model(each, for_concrete_model=False)
                         for each in [model, *model._meta.get_parent_list()]]
    found = {obj.pk: set(ReferenceIndex._extract_references_from_object(obj)) for obj in objects}
    existing = {}
    base_ids = {chain[-1].id for chain in chains.values()}
    stored = ReferenceIndex.objects.filter(
        base_content_type_id__in=base_ids, object_id__in=[str(obj.pk) for obj in objects]
    ).values_list("id", "base_content_type_id", "object_id", "content_type_id", "to_content_type",
                  "to_object_id", "model_path", "content_path")
    for pk, base_id, object_id, content_type_id, *record in stored:
        existing.setdefault((base_id, object_id), {})[tuple(record)] = (content_type_id, pk)
    new, deleted = [], []
    for obj in objects:
        chain = chains[type(obj)]
        references = found[obj.pk]
        known = existing.get((chain[-1].id, str(obj.pk)), {})
        new.extend(
            ReferenceIndex(
                content_type=chain[0], base_content_type=chain[-1], object_id=obj.pk,
                to_content_type_id=to_content_type_id, to_object_id=to_object_id, model_path=model_path,
                content_path=content_path, content_path_hash=ReferenceIndex._get_content_path_hash(content_path),
            )
            for to_content_type_id, to_object_id, model_path, content_path in references - known.keys()
        )
        known_content_types = {content_type.id for content_type in chain}
        # A record under a more specific type than this object's (a page seen as a plain Page) stays, as in Wagtail.
        deleted.extend(pk for record, (content_type_id, pk) in known.items()
                       if record not in references and content_type_id in known_content_types)
    ReferenceIndex.objects.bulk_create(new, ignore_conflicts=connection.features.supports_ignore_conflicts)
    if deleted:
        ReferenceIndex.objects.filter(id__in=deleted).delete()
