"""Search inside one list of pages (the decisions archive): the same matching and ranking as the site's search."""

from django.db import connection
from django.db.models import Case, F, Func, IntegerField, Value, When

from .engine import COUNT_LIMIT, Filters, search


def search_archive(pages, query, limit=COUNT_LIMIT):
    """`pages` restricted to those the query finds, best first.

    A page is found by its own text or by the text of a document attached to it. The ranking is the
    site search's (numbered references, all words, partial matches); `limit` bounds how many ranked
    pages are kept, since an archive page shows a few dozen.
    """
    results = search(query, Filters(page_ids=pages.values("pk")))
    ranked_page_ids = list(dict.fromkeys(results.page_ids(limit)))
    return pages.filter(pk__in=ranked_page_ids).annotate(search_position=position_in(ranked_page_ids)).order_by(
        "search_position")


def position_in(ids):
    """Each row's place in `ids`, to order by.

    On PostgreSQL one array parameter: a CASE of a thousand branches took Django 230 ms to build and
    the database a thousand comparisons a row.
    """
    if connection.vendor == "postgresql":
        return Func(Value(ids), F("pk"), function="array_position", output_field=IntegerField())
    return Case(*[When(pk=pk, then=Value(position)) for position, pk in enumerate(ids, start=1)],
                output_field=IntegerField())
