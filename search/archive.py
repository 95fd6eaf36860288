"""Search inside one list of pages (the decisions archive): the same matching and ranking as the site's search."""

from django.db.models import Case, IntegerField, Value, When

from .engine import COUNT_LIMIT, Filters, search


def search_archive(pages, query, limit=COUNT_LIMIT):
    """`pages` restricted to those the query finds, best first.

    A page is found by its own text or by the text of a document attached to it. The ranking is the
    site search's (numbered references, all words, partial matches); `limit` bounds how many ranked
    pages are kept, since an archive page shows a few dozen.
    """
    results = search(query, Filters(page_ids=pages.values("pk")))
    ranked_page_ids = list(dict.fromkeys(results.page_ids(limit)))
    order = Case(*[When(pk=page_id, then=Value(position)) for position, page_id in enumerate(ranked_page_ids)],
                 output_field=IntegerField())
    return pages.filter(pk__in=ranked_page_ids).annotate(search_position=order).order_by("search_position")
