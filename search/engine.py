"""The public search over SearchEntry: numbered references first, then entries with every word, then the best partial matches."""

import contextlib
from dataclasses import dataclass

from django.db.models import Q
from django.db.models.functions import Substr

from . import fulltext
from .config import uses_elasticsearch
from .entries import public_documents, visible_pages
from .models import SearchEntry
from .query_parser import Term, parse, reference_word
from .snippets import SCANNED_CHARS, snippet

# Past this many matches a count is shown as "over N": counting every row of a common word costs
# more than the answer is worth, and nobody pages that far.
COUNT_LIMIT = 1000
# An estimate this far past COUNT_LIMIT is taken as "over 1,000" without counting: the planner's statistics
# may be off by a few times for a combination of words, not by twenty.
TRUSTED_ESTIMATE = 20 * COUNT_LIMIT
# A slice this short (a page of results) is read along the date index when its segment is large.
PAGE_WALK_LIMIT = 100
NUMBERED_KINDS = (SearchEntry.Kind.DECISION, SearchEntry.Kind.ORDER)
# What the results list needs; the analysed columns stay in the database.
LISTED_FIELDS = ("id", "kind", "page_id", "document_id", "fragment", "title", "number", "date", "year")


@dataclass
class Filters:
    kinds: tuple = ()
    year: int | None = None
    policy: int | None = None
    page_ids: object = None  # a queryset of page ids the results must belong to (the archive's filter)


class Segment:
    """One group of entries in its order, counted at most up to COUNT_LIMIT + 1."""

    def __init__(self, queryset, count=None):
        self.queryset = queryset
        self._count = count

    # Whether to ask the planner first: worth it where matches are word matches, which cost a vector each.
    estimated = False
    # Entries with only some of the query's words: listed after the rest, and left out of the archive's
    # date and number orders when any entry has them all.
    partial = False

    def count(self):
        if self._count is None:
            # Without the order: counting needs no ranking.
            matches = self.queryset.order_by().values("id")
            estimate = fulltext.backend().estimated_rows(matches) if self.estimated else None
            if estimate is not None and estimate >= TRUSTED_ESTIMATE:
                self._count = COUNT_LIMIT + 1  # "over 1,000", as a count would have said
            else:
                self._count = matches[: COUNT_LIMIT + 1].count()
        return self._count

    def ordered(self):
        return self.queryset

    def page_ids(self, limit):
        return list(self.ordered().exclude(page_id=None).values_list("page_id", flat=True)[:limit])

    def slice(self, start, stop):
        # Only the start of the text: the snippet is taken from it, and a document's text may run to megabytes.
        listed = self.ordered().only(*LISTED_FIELDS).annotate(text_start=Substr("text", 1, SCANNED_CHARS))
        return list(listed[start:stop])


class RankedSegment(Segment):
    """Entries matching the words: ranked when they are at most COUNT_LIMIT, else newest first.

    Ranking reads every candidate's whole vector; for a word in most of 100,000 decisions that is
    seconds, and a rank among thousands of near-equal matches tells a reader less than the date does.
    """

    estimated = True

    def __init__(self, queryset, terms, count=None):
        super().__init__(queryset, count)
        self.terms = terms

    def ordered(self):
        if self.count() <= COUNT_LIMIT:
            return ranked(self.queryset, self.terms)
        return self.queryset.order_by("-date", "-id")

    def walked(self, size):
        """A page of thousands of matches newest first walks the date index (fulltext.backend().date_index_walk).

        Not for a thousand (the archive's other orders and exports): a walk that long reads more than it saves.
        """
        walk = self.count() > COUNT_LIMIT and size <= PAGE_WALK_LIMIT
        return fulltext.backend().date_index_walk() if walk else contextlib.nullcontext()

    def slice(self, start, stop):
        with self.walked(stop - start):
            return super().slice(start, stop)

    def page_ids(self, limit):
        # The archive's list page: its few pages, each checked against the archive as the walk meets it.
        with self.walked(limit):
            return super().page_ids(limit)


class FullTextSegment(Segment):
    """The entries matching the words, best first; past COUNT_LIMIT matches, those with the words in the title first."""

    estimated = True

    def __init__(self, queryset, terms, require_all=True):
        super().__init__(queryset)
        self.terms = terms
        self.require_all = require_all
        self.partial = not require_all  # entries with only some of the words
        self._parts = None

    def parts(self):
        if self._parts is None:
            if self.count() <= COUNT_LIMIT:
                self._parts = [RankedSegment(self.queryset, self.terms, self.count())]
            else:
                in_title = fulltext.backend().matching(self.terms, self.require_all, in_title=True)
                titled = self.queryset.alias(in_title=in_title)
                self._parts = [
                    RankedSegment(titled.filter(in_title=True), self.terms),
                    RankedSegment(titled.filter(in_title=False), self.terms),
                ]
        return self._parts

    def page_ids(self, limit):
        return first_page_ids(self.parts(), limit)

    def slice(self, start, stop):
        return concatenated(self.parts(), start, stop)


def first_page_ids(segments, limit):
    """The pages of the first `limit` entries of the segments in turn (a page once per entry that found it)."""
    found = []
    for segment in segments:
        if len(found) >= limit:
            break
        found.extend(segment.page_ids(limit - len(found)))
    return found


def concatenated(segments, start, stop):
    """Entries start..stop of the segments read one after another, counting only the segments reached."""
    entries = []
    for segment in segments:
        if stop <= 0:
            break
        size = segment.count()
        if start < size:
            wanted = min(stop, size) - start
            found = segment.slice(start, min(stop, size))
            entries.extend(found)
            if len(found) < wanted:
                # A count taken from the planner's estimate was too high: the segment ends here.
                size = start + len(found)
        start, stop = max(start - size, 0), stop - size
    return entries


class SearchUnavailable(Exception):
    """The search backend did not answer (Elasticsearch down or slow); the page says so instead of a 500."""


class ElasticsearchSegment(Segment):
    """The entries Elasticsearch finds for the words, ranked by its `bulgarian` analyzer and BM25."""

    def __init__(self, queryset, text):
        from wagtail.search.backends import get_search_backend

        super().__init__(queryset)
        self.results = get_search_backend().search(text, queryset, operator="or")

    def count(self):
        if self._count is None:
            try:
                self._count = min(self.results.count(), COUNT_LIMIT + 1)
            except Exception as error:
                raise SearchUnavailable from error
        return self._count

    def slice(self, start, stop):
        try:
            entries = list(self.results[start:stop])
        except Exception as error:
            raise SearchUnavailable from error
        for entry in entries:
            entry.text_start = entry.text[:SCANNED_CHARS]
        return entries

    def page_ids(self, limit):
        return [entry.page_id for entry in self.slice(0, limit) if entry.page_id]


class Results:
    """Search results as a sequence Django's Paginator can page through without loading them all."""

    def __init__(self, parsed, segments):
        self.parsed = parsed
        self.segments = segments

    def total(self):
        """The entries found, counted up to just past COUNT_LIMIT: later segments are not counted once it is passed."""
        total = 0
        for segment in self.segments:
            if total > COUNT_LIMIT:
                break
            total += segment.count()
        return total

    def count(self):
        return min(self.total(), COUNT_LIMIT)

    def is_estimate(self):
        return self.total() > COUNT_LIMIT

    def page_ids(self, limit):
        """The pages of the first `limit` results, best first (a page appears once per entry that found it)."""
        return first_page_ids(self.segments, limit)

    def __len__(self):
        return self.count()

    def __getitem__(self, item):
        if not isinstance(item, slice):
            return self[item : item + 1][0]
        start, stop = item.start or 0, min(item.stop if item.stop is not None else COUNT_LIMIT, COUNT_LIMIT)
        return hits(concatenated(self.segments, start, stop), self.parsed)


def filtered(queryset, filters):
    if filters.kinds:
        queryset = queryset.filter(kind__in=filters.kinds)
    if filters.year:
        queryset = queryset.filter(year=filters.year)
    joined = SearchEntry.objects.all()
    if filters.policy:
        joined = joined.filter(policies=filters.policy)
    if filters.page_ids is not None and uses_elasticsearch():
        joined = joined.filter(page_id__in=filters.page_ids)
    elif filters.page_ids is not None:
        # A page is one row: no join to repeat an entry, so no second lookup of each entry by its id.
        queryset = queryset.filter(page_id__in=filters.page_ids)
    if joined.query.where:
        # Elasticsearch filters on indexed fields only, so joins become a list of entries first.
        ids = joined.values_list("id", flat=True)
        queryset = queryset.filter(id__in=list(ids[: COUNT_LIMIT * 10]) if uses_elasticsearch() else ids)
    return queryset


def ranked(queryset, terms):
    return queryset.annotate(rank=fulltext.backend().rank(terms)).order_by("-rank", "-date", "-id")


def search(query, filters=None):
    """The entries that answer `query`, best first; `filters` narrow them (kind, year, policy, pages)."""
    filters = filters or Filters()
    parsed = parse(query)
    entries = filtered(SearchEntry.objects.all(), filters)
    cited = parsed.reference_only and not uses_elasticsearch()
    if parsed.year and not filters.year and uses_elasticsearch():
        entries = entries.filter(year=parsed.year)
    elif parsed.year and not filters.year and not cited:
        # "бюджет 2025": that year's decisions, and undated pages that mention the year.
        year_word = fulltext.backend().matching([Term.of(str(parsed.year))], require_all=True)
        entries = entries.alias(mentions_year=year_word).filter(Q(year=parsed.year) | Q(year__isnull=True, mentions_year=True))
    segments = []
    numbered_ids = []
    if parsed.number is not None:
        numbered = entries.filter(number=parsed.number, kind__in=[parsed.kind] if parsed.kind else NUMBERED_KINDS)
        numbered = numbered.filter(year=parsed.year) if cited else numbered
        numbered = numbered.order_by("-date", "kind", "-id")
        numbered_ids = list(numbered.values_list("id", flat=True)[:COUNT_LIMIT])
        segments.append(Segment(numbered))
    terms = parsed.terms or ([Term.of(str(parsed.number))] if parsed.number is not None else [])
    if cited:
        # "23/2026" is cited as "№ 23/2026" or "№ 23 от 12.03.2026" in any later year's texts, indexed as one
        # word (query_parser.reference_word); "23" and "2026" apart are also "23 улици" in a 2026 text and
        # the date of every act of 23.xx.2026.
        terms = [Term.of(reference_word(parsed.number, parsed.year))]
    if terms and uses_elasticsearch():
        rest = entries.exclude(id__in=numbered_ids) if numbered_ids else entries
        segments.append(ElasticsearchSegment(rest, " ".join(term.word for term in terms)))
    elif terms:
        backend = fulltext.backend()
        rest = entries.exclude(id__in=numbered_ids) if numbered_ids else entries
        every_word = rest.alias(has_all=backend.matching(terms)).filter(has_all=True)
        segments.append(FullTextSegment(every_word, terms))
        if len(terms) > 1 and not cited:
            some_words = rest.alias(has_any=backend.matching(terms, require_all=False), has_all=backend.matching(terms))
            segments.append(FullTextSegment(some_words.filter(has_any=True, has_all=False), terms, require_all=False))
    elif parsed.year:
        segments.append(Segment(entries.exclude(id__in=numbered_ids).order_by("-date", "-id")))
    return Results(parsed, segments)


@dataclass
class Hit:
    """One result as the page shows it."""

    entry: SearchEntry
    url: str
    title: str
    kind_label: str
    snippet: str
    page: object = None
    document: object = None

    @property
    def kind(self):
        return self.entry.kind


def hits(entries, parsed):
    """The entries made displayable, dropping any whose page or document the public may no longer see."""
    page_ids = {entry.page_id for entry in entries if entry.page_id}
    pages = {page.pk: page for page in visible_pages().filter(id__in=page_ids)}
    document_ids = {entry.document_id for entry in entries if entry.document_id}
    documents = {doc.pk: doc for doc in public_documents().filter(id__in=document_ids)} if document_ids else {}
    result = []
    for entry in entries:
        page = pages.get(entry.page_id)
        if entry.document_id:
            document = documents.get(entry.document_id)
            if document is None or (entry.page_id and page is None):
                continue
            url = document.url
        else:
            document = None
            if page is None:
                continue
            url = page.url + (f"#{entry.fragment}" if entry.fragment else "")
        result.append(
            Hit(
                entry=entry,
                url=url,
                title=entry.title,
                kind_label=entry.get_kind_display(),
                snippet=snippet(entry.text_start or "", parsed.forms),
                page=page,
                document=document,
            )
        )
    return result

