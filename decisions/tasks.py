"""Background work of the decisions archive: telling the rest of the site about decisions the import published."""

from django_tasks import task
from wagtail.search.backends import get_search_backends
from wagtail.signals import page_published


@task()
def announce_published_decisions(page_ids):
    """Do for imported decisions what publishing in the editor does at once: Wagtail's search index and page_published.

    The import writes pages in bulk without their signals; the receivers run here, in the worker.
    """
    from search.entry_signals import entries_in_bulk

    from .models import DecisionPage

    # The site's search enters the whole batch at once at the end, rather than page by page.
    with entries_in_bulk():
        # The tags Wagtail's index reads (its RelatedFields), fetched for the batch rather than page by page.
        # Not get_indexed_objects(): its content type filter, on the statistics of a table the import has
        # just grown, makes PostgreSQL read every decision for each batch.
        pages = list(DecisionPage.objects.filter(pk__in=page_ids).select_related("live_revision").prefetch_related("tags"))
        # Wagtail's own index (the admin's search) takes the batch in one go, as update_index does.
        for backend in get_search_backends(with_auto_update=True):
            backend.add_bulk(DecisionPage, pages)
        for page in pages:
            page_published.send(sender=DecisionPage, instance=page, revision=page.live_revision)
