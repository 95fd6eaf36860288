"""Search inside one list of pages (the decisions archive): the same matching and ranking as the site's search."""

from django.db import connection
from django.db.models import BooleanField, Case, F, Func, IntegerField, Q, Value, When

from . import fulltext
from .config import uses_elasticsearch
from .engine import COUNT_LIMIT, TRUSTED_ESTIMATE, Filters, search

# A search in date or number order reads up to this many matching pages' ids (every_page); past it, it
# says "over 10,000" and pages through that many.
MATERIALISED_PAGES = 10_000


def search_archive(pages, query):
    """The pages of `pages` the query finds, best first (ArchiveMatches).

    A page is found by its own text or by the text of a document attached to it. The ranking is the
    site search's (numbered references, all words, partial matches).
    """
    return ArchiveMatches(pages, search(query, Filters(page_ids=pages.values("pk"))))


class ArchiveMatches:
    """The pages a search of the archive finds, as the sequence Django's Paginator pages through.

    A list page reads only the matches up to its last one: the first page of a common word needs twenty
    pages, not the thousand a full ranking would read. Counted as the site's search counts (its count
    of matches, "over 1,000" past COUNT_LIMIT), then as pages once there are few enough to read them all.
    """

    def __init__(self, pages, results):
        self.pages = pages
        self.results = results
        self._read = {}  # entries asked for -> (entries found, distinct pages in order)
        self.every_page_count = None  # known once every_page() has read the pages' ids
        self.every_page_over = False  # more than that: every_page_count is MATERIALISED_PAGES

    def page_ids(self, wanted):
        """The first `wanted` pages found, best first, each once (a page is found by its text and its documents)."""
        limit = min(wanted, COUNT_LIMIT)
        while True:
            found, distinct = self._page_ids_of_first(limit)
            # Documents of pages already found take places: read further until enough pages or no more.
            if len(distinct) >= wanted or found < limit or limit >= 2 * COUNT_LIMIT:
                return distinct[:wanted]
            limit *= 2

    def _page_ids_of_first(self, limit):
        if limit not in self._read:
            found = self.results.page_ids(limit)
            self._read[limit] = (len(found), list(dict.fromkeys(found)))
        return self._read[limit]

    def is_estimate(self):
        return self.results.is_estimate()

    def count(self):
        if self.results.is_estimate():
            return COUNT_LIMIT
        return len(self.page_ids(COUNT_LIMIT))

    def __len__(self):
        return self.count()

    def __getitem__(self, item):
        if not isinstance(item, slice):
            return self[item : item + 1][0]
        ids = self.page_ids(item.stop if item.stop is not None else COUNT_LIMIT)[item.start or 0 :]
        found = self.pages.in_bulk(ids)
        return [found[pk] for pk in ids if pk in found]

    def every_page(self):
        """Every page found, unordered, for the archive's other orders (date, number).

        In date or number order a search lists the decisions with all its words (and a numbered act);
        those with only some of them, which relevance puts last, only when none has them all.

        Up to MATERIALISED_PAGES matches, their pages are read as ids; the search already keeps to the
        archive's pages, so their number is the count (every_page_count) and the database sorts a few
        thousand rows. A subquery instead leads the planner, which takes nearly every decision for a
        match, to walk the number index testing each one: 230 ms for page 30 of `бюджет` (5,000 of
        100,000) against 37. Past that many (by the planner's estimate, or by reading), nearly every
        decision matches, that walk is the right plan and the list is "over MATERIALISED_PAGES", as
        the search's count is "over 1,000": counting 90,000 matches took a second.
        Elasticsearch answers with entries, not a condition: there, the first COUNT_LIMIT.
        """
        if uses_elasticsearch():
            return self.pages.filter(pk__in=self.page_ids(COUNT_LIMIT))
        full = [segment for segment in self.results.segments if not segment.partial]
        partial = [segment for segment in self.results.segments if segment.partial]
        ids, over = self._pages_of(full)
        if not ids and not over and partial:
            full = partial
            ids, over = self._pages_of(partial)
        if not over:
            self.every_page_count = len(ids)
            return self.pages.filter(among(list(ids)))
        self.every_page_count = MATERIALISED_PAGES
        self.every_page_over = True
        found = Q(pk__in=[])
        for segment in full:
            found |= Q(pk__in=segment.queryset.order_by().values("page_id"))
        return self.pages.filter(found)

    @staticmethod
    def _pages_of(segments):
        """The ids of the pages the segments found, and whether there are more than MATERIALISED_PAGES."""
        ids = set()
        for segment in segments:
            matches = segment.queryset.order_by().exclude(page_id=None)
            estimate = fulltext.backend().estimated_rows(matches.values("id")) if segment.estimated else None
            if estimate is not None and estimate >= TRUSTED_ESTIMATE:
                return ids, True
            ids.update(matches.values_list("page_id", flat=True)[:MATERIALISED_PAGES + 1])
            if len(ids) > MATERIALISED_PAGES:
                return ids, True
        return ids, False

    def queryset(self):
        """The pages the list shows (up to COUNT_LIMIT), best first, as a queryset: the export of a search's list."""
        ids = self.page_ids(COUNT_LIMIT)
        return self.pages.filter(pk__in=ids).annotate(search_position=position_in(ids)).order_by("search_position")


def among(ids):
    """A condition: the row's pk is one of `ids`.

    On PostgreSQL one array parameter (pk = ANY(array)): thousands of placeholders of an IN list took
    Django longer to write than the database to answer.
    """
    if connection.vendor == "postgresql":
        return Func(F("pk"), Value(ids), template="(%(expressions)s))", arg_joiner=" = ANY(",
                    output_field=BooleanField())
    return Q(pk__in=ids)


def position_in(ids):
    """Each row's place in `ids`, to order by.

    On PostgreSQL one array parameter: a CASE of a thousand branches took Django 230 ms to build and
    the database a thousand comparisons a row.
    """
    if connection.vendor == "postgresql":
        return Func(Value(ids), F("pk"), function="array_position", output_field=IntegerField())
    return Case(*[When(pk=pk, then=Value(position)) for position, pk in enumerate(ids, start=1)],
                output_field=IntegerField())
