"""Keeps SearchEntry in step with what the public may see: live, public pages and documents in public collections."""

import datetime
import logging

from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import FieldDoesNotExist
from django.db import transaction
from django.utils.html import strip_tags
from wagtail.documents import get_document_model
from wagtail.models import Collection, CollectionViewRestriction, Page, ReferenceIndex
from wagtail.search import index

from .bulgarian import extra_stems, index_words
from .models import DocumentText, SearchEntry

logger = logging.getLogger(__name__)

# Past this, a document's words are not indexed (a tsvector holds at most 1 MB); its start still is.
MAX_INDEXED_CHARS = 300_000
MAX_STORED_CHARS = 2_000_000


def analysed(title, text, title_extra=""):
    """The four analysed columns: exact words and their extra stems, of the title and of the body."""
    title_words = index_words(f"{title} {title_extra}")
    body_words = index_words(text[:MAX_INDEXED_CHARS])
    return {
        "title_terms": " ".join(title_words),
        "title_stems": " ".join(extra_stems(title_words)),
        "body_terms": " ".join(body_words),
        "body_stems": " ".join(extra_stems(body_words)),
    }


def searchable_text(obj, related=False):
    """The text of an object's search fields other than its title, as plain text.

    `related=True` gives the text of its related fields instead (tags): searched, but not shown in snippets.
    """
    parts = []
    for field in obj.get_search_fields():
        if not related and isinstance(field, index.SearchField) and field.field_name != "title":
            value = field.get_value(obj)
            try:
                model_field = field.get_field(obj.__class__)
            except FieldDoesNotExist:
                model_field = None
            if hasattr(model_field, "get_searchable_content"):
                # The field's own value (a StreamValue), not the serialised form get_value gives.
                value = getattr(obj, field.field_name)
                parts.extend(str(part) for part in model_field.get_searchable_content(value))
            elif value not in (None, ""):
                parts.append(str(value))
        elif related and isinstance(field, index.RelatedFields):
            value = field.get_value(obj)
            items = value.all() if hasattr(value, "all") else [value] if value is not None else []
            for item in items:
                parts.extend(str(sub.get_value(item) or "") for sub in field.fields if isinstance(sub, index.SearchField))
    return " ".join(strip_tags(part) for part in parts if part)


def visible_pages():
    return Page.objects.live().public()


def restricted_collection_ids():
    ids = set()
    for restriction in CollectionViewRestriction.objects.select_related("collection"):
        ids.update(restriction.collection.get_descendants(inclusive=True).values_list("id", flat=True))
    return ids


def public_documents():
    return get_document_model().objects.exclude(collection_id__in=restricted_collection_ids())


def entry_values(fields):
    """The entry's columns from what a page or document says about itself, with the analysed text."""
    fields = dict(fields)
    fields.pop("policies", None)
    title_extra = fields.pop("title_extra", "")
    values = {**fields, **analysed(fields["title"], fields.get("text", ""), title_extra)}
    values["text"] = values.get("text", "")[:MAX_STORED_CHARS]
    values["title"] = values["title"][:500]
    if values.get("date") and not values.get("year"):
        values["year"] = values["date"].year
    return values


def save_entry(key, *, policies=(), **fields):
    entry, _ = SearchEntry.objects.update_or_create(key=key, defaults=entry_values(fields))
    entry.policies.set(policies)
    return entry


def page_entries(page):
    """The entries a specific, visible page makes: itself, and any its type adds (a consultation on a policy page)."""
    if page.get_url_parts() is None:
        return  # outside every site (Wagtail's welcome page): nobody can reach it
    facets = page.search_facets() if hasattr(page, "search_facets") else {}
    text = " ".join(filter(None, [page.search_description, searchable_text(page)]))
    # Tags, the citation, status and votes are searched with the title but not shown as if they were the text.
    extra = " ".join(filter(None, [facets.get("title_extra", ""), searchable_text(page, related=True),
                                   facets.get("extra_text", "")]))
    yield f"page:{page.pk}", {
        "kind": facets.get("kind", SearchEntry.Kind.PAGE),
        "page": page,
        "document": None,
        "fragment": "",
        "title": page.title,
        "title_extra": extra,
        "number": facets.get("number"),
        "date": facets.get("date") or (page.first_published_at or page.latest_revision_created_at or datetime.datetime.now()).date(),
        "year": None,
        "text": text,
        "policies": facets.get("policies", ()),
    }
    for extra in page.search_extra_entries() if hasattr(page, "search_extra_entries") else ():
        key = extra.pop("key")
        yield f"page:{page.pk}:{key}", {"page": page, "document": None, "number": None, "year": None, **extra}


@transaction.atomic
def sync_page(page_id):
    """Make the page's entries match what the public sees of it now, and its documents' entries with them."""
    page = visible_pages().filter(pk=page_id).specific().first()
    stored = page or Page.objects.filter(pk=page_id).specific().first()
    if stored is not None:
        # Wagtail updates references in the task worker, later; which documents a page attaches
        # (a draft decision's annex stays hidden) must be known now.
        ReferenceIndex.create_or_update_for_object(stored)
    keys = []
    if page is not None:
        for key, fields in page_entries(page):
            save_entry(key, **fields)
            keys.append(key)
    SearchEntry.objects.filter(page_id=page_id, document__isnull=True).exclude(key__in=keys).delete()
    for document_id in referenced_document_ids(page_id):
        sync_document(document_id)


def referenced_document_ids(page_id):
    document_type = ContentType.objects.get_for_model(get_document_model())
    references = ReferenceIndex.objects.filter(
        base_content_type=ContentType.objects.get_for_model(Page), object_id=str(page_id), to_content_type=document_type
    )
    linked = {int(object_id) for object_id in references.values_list("to_object_id", flat=True)}
    listed = set(SearchEntry.objects.filter(page_id=page_id, document__isnull=False).values_list("document_id", flat=True))
    return linked | listed


def pages_referencing(document):
    references = ReferenceIndex.get_references_to(document).filter(
        base_content_type=ContentType.objects.get_for_model(Page)
    )
    return {int(object_id) for object_id in references.values_list("object_id", flat=True)}


@transaction.atomic
def sync_document(document_id):
    """A document is found when its collection is public and, if pages attach it, one of them is visible.

    A draft decision's annex must not be found before the decision is published.
    """
    key = f"document:{document_id}"
    document = public_documents().filter(pk=document_id).first()
    parent = None
    if document is not None:
        page_ids = pages_referencing(document)
        if page_ids:
            parent = visible_pages().filter(id__in=page_ids).order_by("-first_published_at", "id").first()
            if parent is None:
                document = None
    if document is None:
        SearchEntry.objects.filter(key=key).delete()
        return
    extracted = DocumentText.objects.filter(document=document).first()
    parent_entry = SearchEntry.objects.filter(key=f"page:{parent.pk}").first() if parent else None
    save_entry(
        key,
        kind=SearchEntry.Kind.DOCUMENT,
        page=parent,
        document=document,
        fragment="",
        title=document.title,
        number=None,
        date=parent_entry.date if parent_entry and parent_entry.date else document.created_at.date(),
        year=None,
        text=extracted.text if extracted and extracted.searchable else "",
        policies=list(parent_entry.policies.values_list("id", flat=True)) if parent_entry else (),
    )


def forget_subtree(page):
    """Drop at once every entry of a page and its descendants (a view restriction was added): nothing may leak meanwhile."""
    SearchEntry.objects.filter(page__path__startswith=page.path).delete()


def sync_subtree(page_id):
    page = Page.objects.filter(pk=page_id).first()
    if page is None:
        return 0
    count = 0
    for descendant_id in Page.objects.descendant_of(page, inclusive=True).values_list("id", flat=True).iterator():
        sync_page(descendant_id)
        count += 1
    return count


def forget_collection(collection):
    ids = collection.get_descendants(inclusive=True).values_list("id", flat=True)
    SearchEntry.objects.filter(document__collection_id__in=ids).delete()


def sync_collection(collection_id):
    collection = Collection.objects.filter(pk=collection_id).first()
    if collection is None:
        return
    ids = collection.get_descendants(inclusive=True).values_list("id", flat=True)
    for document_id in get_document_model().objects.filter(collection_id__in=ids).values_list("id", flat=True):
        sync_document(document_id)
