"""Keep the search entries in step: publishing, unpublishing, moves, view restrictions, documents and their text."""

import logging
import threading
from contextlib import contextmanager

from django.contrib.contenttypes.models import ContentType
from django.db import transaction
from django.db.models.signals import post_delete, post_save, pre_delete
from wagtail.documents import get_document_model
from wagtail.models import Collection, CollectionViewRestriction, Page, PageViewRestriction, Revision
from wagtail.signals import page_published, page_unpublished, post_page_move

from . import entries
from .models import DocumentText, SearchEntry

logger = logging.getLogger(__name__)
_batch = threading.local()


@contextmanager
def entries_in_bulk():
    """Collect the pages and documents saved inside the block and enter them in one go at its end (imports).

    A block inside another collects for the outer one, which enters everything once.
    """
    from .bulk_entries import sync_pages

    if getattr(_batch, "page_ids", None) is not None:
        yield
        return
    _batch.page_ids, _batch.document_ids = set(), set()
    try:
        yield
        page_ids, document_ids = _batch.page_ids, _batch.document_ids
    finally:
        del _batch.page_ids, _batch.document_ids
    sync_pages(sorted(page_ids))
    if document_ids:
        entries.sync_documents(document_ids)


def sync_page_later(page_id):
    collected = getattr(_batch, "page_ids", None)
    if collected is not None:
        collected.add(page_id)
    else:
        after_commit(entries.sync_page, page_id)


def sync_document_later(document_id):
    collected = getattr(_batch, "document_ids", None)
    if collected is not None:
        collected.add(document_id)
    else:
        after_commit(entries.sync_document, document_id)


def after_commit(function, *args):
    """Run once the change is stored, with its tags, documents and policies.

    A failure is logged and never undoes or breaks what the editor did.
    """

    def run():
        try:
            function(*args)
        except Exception:
            logger.exception("The search entries could not be updated (%s%s)", function.__name__, args)

    transaction.on_commit(run, robust=True)


def enqueue(task, *args):
    def run():
        task.enqueue(*args)

    after_commit(run)


def on_page_published_or_unpublished(sender, instance, **kwargs):
    sync_page_later(instance.pk)


def on_page_saved(sender, instance, raw=False, **kwargs):
    # Pages created live in code (imports, the demo) are never "published" through a revision.
    if isinstance(instance, Page) and not raw:
        sync_page_later(instance.pk)


def on_revision_saved(sender, instance, raw=False, **kwargs):
    # A page's draft may attach an annex that must stay hidden until it is published (search/drafts.py).
    if not raw and instance.base_content_type_id == ContentType.objects.get_for_model(Page).id:
        sync_page_later(int(instance.object_id))


def on_page_moved(sender, instance, **kwargs):
    from .tasks import sync_page_subtree

    # A new ancestor may be restricted: nothing is found until the worker has looked again.
    entries.forget_subtree(instance)
    enqueue(sync_page_subtree, instance.pk)


def on_page_deleted(sender, instance, **kwargs):
    if not isinstance(instance, Page):
        return
    # The page's entries go with it (cascade); its documents may still be public on their own.
    for document_id in SearchEntry.objects.filter(page_id=instance.pk, document__isnull=False).values_list(
        "document_id", flat=True
    ):
        sync_document_later(document_id)


def on_page_restriction_changed(sender, instance, **kwargs):
    from .tasks import sync_page_subtree

    page = Page.objects.filter(pk=instance.page_id).first()
    if page is None:
        return
    entries.forget_subtree(page)
    enqueue(sync_page_subtree, page.pk)


def on_collection_restriction_changed(sender, instance, **kwargs):
    from .tasks import sync_collection_documents

    collection = Collection.objects.filter(pk=instance.collection_id).first()
    if collection is None:
        return
    entries.forget_collection(collection)
    enqueue(sync_collection_documents, instance.collection_id)


def on_document_changed(sender, instance, raw=False, **kwargs):
    if not raw:
        sync_document_later(instance.pk)


def on_document_text_saved(sender, instance, raw=False, **kwargs):
    if not raw:
        sync_document_later(instance.document_id)


def connect():
    page_published.connect(on_page_published_or_unpublished, dispatch_uid="search.entries.published")
    page_unpublished.connect(on_page_published_or_unpublished, dispatch_uid="search.entries.unpublished")
    post_save.connect(on_page_saved, dispatch_uid="search.entries.page_saved")
    post_save.connect(on_revision_saved, sender=Revision, dispatch_uid="search.entries.revision_saved")
    post_page_move.connect(on_page_moved, dispatch_uid="search.entries.moved")
    pre_delete.connect(on_page_deleted, dispatch_uid="search.entries.page_deleted")
    for model in (PageViewRestriction,):
        post_save.connect(on_page_restriction_changed, sender=model, dispatch_uid="search.entries.restricted")
        post_delete.connect(on_page_restriction_changed, sender=model, dispatch_uid="search.entries.unrestricted")
    post_save.connect(on_collection_restriction_changed, sender=CollectionViewRestriction,
                      dispatch_uid="search.entries.collection_restricted")
    post_delete.connect(on_collection_restriction_changed, sender=CollectionViewRestriction,
                        dispatch_uid="search.entries.collection_unrestricted")
    post_save.connect(on_document_changed, sender=get_document_model(), dispatch_uid="search.entries.document")
    post_save.connect(on_document_text_saved, sender=DocumentText, dispatch_uid="search.entries.document_text")
