"""The public search page: every visible page and document, with filters by kind, year and policy."""

import logging

from django.core.paginator import EmptyPage, Page, Paginator
from django.db import DatabaseError
from django.template.response import TemplateResponse
from django.utils.http import urlencode
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from botevgrad.remembered import PUBLIC_PAGES

from .config import uses_elasticsearch
from .engine import Filters, SearchUnavailable, search as run_search
from .forms import EXAMPLE_QUERIES, MAX_QUERY_LENGTH, SearchForm
from .models import SearchEntry

logger = logging.getLogger(__name__)

RESULTS_PER_PAGE = 10


def filter_choices():
    """The years and policies people can narrow to, from the entries themselves, remembered until entries change.

    Read afresh, a DISTINCT over every entry's year takes 16–25 ms at 100,000 decisions (botevgrad/dated.py's
    one EXISTS a year reads less, but Django took 47 ms to write its 37 subqueries).
    """
    def read():
        years = list(SearchEntry.objects.exclude(year=None).values_list("year", flat=True).distinct().order_by("-year"))
        policies = SearchEntry.objects.filter(kind=SearchEntry.Kind.POLICY, document=None).values_list("page_id", "title")
        return years, list(policies.order_by("title"))

    return PUBLIC_PAGES.remembered("search-filters", (), read)


def results_page_of(query, filters, number):
    """(the hits on page `number`, or None past the last page; their count; whether it is an estimate)."""
    results = run_search(query, filters)
    paginator = Paginator(results, RESULTS_PER_PAGE, allow_empty_first_page=True)
    try:
        hits = list(paginator.page(number).object_list)
    except EmptyPage:
        hits = None
    return hits, paginator.count, results.is_estimate()


def search(request):
    form = SearchForm(request.GET)
    years, policies = filter_choices()
    context = {"form": form, "search_query": "", "results_page": None, "errors": [], "query_was_shortened": False,
               "max_query_length": MAX_QUERY_LENGTH, "examples": EXAMPLE_QUERIES, "years": years,
               "policies": policies, "kinds": SearchEntry.Kind.choices, "unavailable": False}
    if not form.is_valid():
        # Keep what the person typed in the box when only a filter or the page number was wrong.
        context.update(search_query=form.cleaned_data.get("q", ""), errors=form.error_messages_list())
        return TemplateResponse(request, "search/search.html", context, status=400)
    data = form.cleaned_data
    query = data["q"]
    context.update(search_query=query, query_was_shortened=form.query_was_shortened,
                   selected={"kind": data["kind"], "year": data["year"], "policy": data["policy"]})
    if data["policy"] and data["policy"] not in {page_id for page_id, _title in policies}:
        context["errors"] = [_("Няма такава политика.")]
        return TemplateResponse(request, "search/search.html", context, status=404)
    if not query:
        return TemplateResponse(request, "search/search.html", context)
    filters = Filters(kinds=(data["kind"],) if data["kind"] else (), year=data["year"], policy=data["policy"])
    number = data["page"] or 1
    status = 200
    try:
        if uses_elasticsearch():
            # Elasticsearch takes in a change after the database has: what it answers meanwhile is not remembered.
            hits, count, estimate = results_page_of(query, filters, number)
        else:
            # The entries are rows of a public table: any change to them replaces the version.
            hits, count, estimate = PUBLIC_PAGES.remembered(
                "search-page", (query, filters, number), lambda: results_page_of(query, filters, number))
        paginator = Paginator((), RESULTS_PER_PAGE, allow_empty_first_page=True)
        paginator.count = count
        if hits is None:
            message = ngettext("Няма страница %(number)s; резултатите са на %(total)s страница.",
                               "Няма страница %(number)s; резултатите са на %(total)s страници.", paginator.num_pages)
            context["errors"] = [message % {"number": number, "total": paginator.num_pages}]
            status = 404
        else:
            context.update(results_page=Page(hits, number, paginator), results_are_estimated=estimate,
                           pagination_query=urlencode({key: value for key, value in
                                                       [("q", query), ("kind", data["kind"]), ("year", data["year"]),
                                                        ("policy", data["policy"])] if value}))
    except (DatabaseError, SearchUnavailable):
        # The rest of the site keeps working; the person is told, in Bulgarian, to try again.
        logger.exception("Search failed for %r", query)
        context["unavailable"] = True
        status = 503
    return TemplateResponse(request, "search/search.html", context, status=status)
