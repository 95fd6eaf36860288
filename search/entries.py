"""Keeps SearchEntry in step with what the public may see: live, public pages and documents in public collections."""

import datetime
import logging
from decimal import Decimal

from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import FieldDoesNotExist
from django.db import transaction
from django.utils.html import strip_tags
from wagtail.documents import get_document_model
from wagtail.models import Collection, Page, ReferenceIndex
from wagtail.search import index

from botevgrad.public_tree import hidden_collection_ids, visible

from .bulgarian import extra_stems, index_words
from .drafts import drafted_only
from .models import DocumentText, SearchEntry
from .query_parser import reference_words

logger = logging.getLogger(__name__)

# Past this, a document's words are not indexed (a tsvector holds at most 1 MB); its start still is.
MAX_INDEXED_CHARS = 300_000
MAX_STORED_CHARS = 2_000_000
# Pages or documents entered in one transaction by the bulk paths (imports, the rebuild, a restricted section).
BATCH_SIZE = 500


def analysed(title, text, title_extra=""):
    """The four analysed columns: exact words and their extra stems, of the title and of the body."""
    title_words = index_words(f"{title} {title_extra}") + reference_words(f"{title} {title_extra}")
    body_words = index_words(text[:MAX_INDEXED_CHARS]) + reference_words(text[:MAX_INDEXED_CHARS])
    return {
        "title_terms": " ".join(title_words),
        "title_stems": " ".join(extra_stems(title_words)),
        "body_terms": " ".join(body_words),
        "body_stems": " ".join(extra_stems(body_words)),
    }


def searchable_text(obj, related=False):
    """The text of an object's search fields other than its title, as plain text.

    `related=True` gives the text of its related fields (tags) and its numbers instead: searched, but not
    shown in snippets.
    """
    parts = []
    for field in obj.get_search_fields():
        if isinstance(field, index.SearchField) and field.field_name != "title":
            try:
                model_field = field.get_field(obj.__class__)
            except FieldDoesNotExist:
                model_field = None
            if hasattr(model_field, "get_searchable_content"):
                if not related:
                    # The field's own value (a StreamValue), not the serialised form get_value gives.
                    value = getattr(obj, field.field_name)
                    parts.extend(str(part) for part in model_field.get_searchable_content(value))
            elif (value := field.get_value(obj)) not in (None, ""):
                # A number (a decision's) is a particular, searched with the title: as text it ended snippets.
                if isinstance(value, (int, float, Decimal)) == related:
                    parts.append(str(value))
        elif related and isinstance(field, index.RelatedFields):
            value = field.get_value(obj)
            items = value.all() if hasattr(value, "all") else [value] if value is not None else []
            for item in items:
                parts.extend(str(sub.get_value(item) or "") for sub in field.fields if isinstance(sub, index.SearchField))
    return " ".join(strip_tags(part) for part in parts if part)


def visible_pages():
    return visible(Page.objects)


def public_documents():
    return get_document_model().objects.exclude(collection_id__in=hidden_collection_ids())


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


def sync_page(page_id):
    """Make the page's entries match what the public sees of it now, and its documents' entries with them."""
    from .bulk_entries import sync_batch

    sync_batch([page_id])


def referenced_document_ids(page_ids):
    """The documents the pages attach (Wagtail's reference index), and those their entries listed until now."""
    references = ReferenceIndex.objects.filter(
        base_content_type=ContentType.objects.get_for_model(Page),
        object_id__in=[str(page_id) for page_id in page_ids],
        to_content_type=ContentType.objects.get_for_model(get_document_model()),
    )
    linked = {int(object_id) for object_id in references.values_list("to_object_id", flat=True)}
    listed = set(SearchEntry.objects.filter(page_id__in=page_ids, document__isnull=False).values_list("document_id", flat=True))
    return linked | listed


def pages_attaching(documents):
    """{document id: the ids of the pages that attach or link it}, from Wagtail's reference index."""
    references = ReferenceIndex.get_references_to_in_bulk(list(documents)).filter(
        base_content_type=ContentType.objects.get_for_model(Page)
    )
    attached = {}
    for document_id, page_id in references.values_list("to_object_id", "object_id"):
        attached.setdefault(int(document_id), set()).add(int(page_id))
    return attached


def parent_pages(attached):
    """{document id: the page its entry belongs to}: the most recently published visible page attaching it.

    Documents that only invisible pages attach have none.
    """
    documents_of = {}
    for document_id, page_ids in attached.items():
        for page_id in page_ids:
            documents_of.setdefault(page_id, []).append(document_id)
    parents = {}
    # One order for all the pages: the first of a document's pages in it is its newest visible one.
    newest_first = visible_pages().filter(id__in=documents_of).order_by("-first_published_at", "id")
    for page_id in newest_first.values_list("id", flat=True):
        for document_id in documents_of[page_id]:
            parents.setdefault(document_id, page_id)
    return parents


def sync_document(document_id):
    """Make the document's entry match what the public sees of it now (see sync_documents)."""
    sync_documents([document_id])


@transaction.atomic
def sync_documents(document_ids):
    """A document is found when its collection is public and, if pages attach it, one of them is visible.

    A draft decision's annex must not be found before the decision is published, nor an annex that only
    a live page's unpublished draft attaches (search/drafts.py). Its entry belongs to
    the newest of those pages and takes that page's date and policies. Any number of documents in a
    fixed number of queries.
    """
    document_ids = set(document_ids)
    if not document_ids:
        return
    documents = public_documents().in_bulk(document_ids)
    attached = pages_attaching(documents.values())
    parents = parent_pages(attached)
    in_drafts = drafted_only(documents)
    shown = {pk: document for pk, document in documents.items()
             if pk in parents or (not attached.get(pk) and pk not in in_drafts)}
    SearchEntry.objects.filter(key__in=[f"document:{pk}" for pk in document_ids - shown.keys()]).delete()
    if not shown:
        return
    texts = DocumentText.objects.in_bulk(list(shown))
    parent_entries = {
        entry.page_id: entry
        for entry in SearchEntry.objects.filter(key__in=[f"page:{page_id}" for page_id in set(parents.values())])
    }
    policies = {}
    for entry_id, policy_id in SearchEntry.policies.through.objects.filter(
        searchentry_id__in=[entry.pk for entry in parent_entries.values()]
    ).values_list("searchentry_id", "page_id"):
        policies.setdefault(entry_id, []).append(policy_id)
    rows = []
    for pk, document in sorted(shown.items()):
        parent_id = parents.get(pk)
        parent_entry = parent_entries.get(parent_id)
        extracted = texts.get(pk)
        rows.append((f"document:{pk}", {
            "kind": SearchEntry.Kind.DOCUMENT,
            "page_id": parent_id,
            "document": document,
            "fragment": "",
            "title": document.title,
            "number": None,
            "date": parent_entry.date if parent_entry and parent_entry.date else document.created_at.date(),
            "year": None,
            "text": extracted.text if extracted and extracted.searchable else "",
            "policies": policies.get(parent_entry.pk, []) if parent_entry else (),
        }))
    write_entries(rows)


def write_entries(rows):
    """Insert or update the entries (key, fields) in one statement, then their policies."""
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


def forget_subtree(page):
    """Drop at once every entry of a page and its descendants (a view restriction was added): nothing may leak meanwhile."""
    SearchEntry.objects.filter(page__path__startswith=page.path).delete()


def sync_subtree(page_id):
    from .bulk_entries import sync_pages

    page = Page.objects.filter(pk=page_id).first()
    if page is None:
        return 0
    page_ids = list(Page.objects.descendant_of(page, inclusive=True).values_list("id", flat=True))
    sync_pages(page_ids)
    return len(page_ids)


def forget_collection(collection):
    ids = collection.get_descendants(inclusive=True).values_list("id", flat=True)
    SearchEntry.objects.filter(document__collection_id__in=ids).delete()


def sync_collection(collection_id):
    collection = Collection.objects.filter(pk=collection_id).first()
    if collection is None:
        return
    ids = collection.get_descendants(inclusive=True).values_list("id", flat=True)
    document_ids = list(get_document_model().objects.filter(collection_id__in=ids).values_list("id", flat=True))
    for start in range(0, len(document_ids), BATCH_SIZE):
        sync_documents(document_ids[start : start + BATCH_SIZE])
