"""The public search page over every live, public page."""

from django.core.paginator import Paginator
from django.template.response import TemplateResponse
from wagtail.models import Page

RESULTS_PER_PAGE = 10
MAX_QUERY_LENGTH = 200


def clean_query(raw):
    """The query as the backends can take it: printable characters only (PostgreSQL rejects NUL), trimmed."""
    printable = "".join(char if char.isprintable() else " " for char in raw[: MAX_QUERY_LENGTH * 4])
    return " ".join(printable.split())[:MAX_QUERY_LENGTH]


def search(request):
    query = clean_query(request.GET.get("q", ""))
    results_page = None
    if query:
        results = Page.objects.live().public().specific().search(query)
        results_page = Paginator(results, RESULTS_PER_PAGE).get_page(request.GET.get("page"))
    return TemplateResponse(request, "search/search.html", {"search_query": query, "results_page": results_page})
