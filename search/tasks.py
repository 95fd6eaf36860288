"""Background work of the search, run by the task worker: taking the text out of an uploaded document."""

from django_tasks import task
from wagtail.documents import get_document_model

from .document_text import store_text


@task()
def extract_document_text(document_id):
    """Extract a document's text into its DocumentText row; returns the resulting status."""
    document = get_document_model().objects.filter(pk=document_id).first()
    if document is None:  # deleted before the worker got to it
        return None
    return store_text(document).status


@task()
def sync_page_subtree(page_id):
    """Re-enter a page and everything under it after a view restriction or a move changed who may see them."""
    from .entries import sync_subtree

    return sync_subtree(page_id)


@task()
def sync_collection_documents(collection_id):
    """Re-enter a collection's documents after its view restriction changed."""
    from .entries import sync_collection

    sync_collection(collection_id)
