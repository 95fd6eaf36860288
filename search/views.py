"""The public search page over every live, public page."""

from django.core.paginator import EmptyPage, Paginator
from django.template.response import TemplateResponse
from django.utils.translation import ngettext
from wagtail.models import Page

from .forms import MAX_QUERY_LENGTH, SearchForm

RESULTS_PER_PAGE = 10


def search(request):
    form = SearchForm(request.GET)
    context = {"form": form, "search_query": "", "results_page": None, "errors": [], "query_was_shortened": False,
               "max_query_length": MAX_QUERY_LENGTH}
    status = 200
    if not form.is_valid():
        # Keep what the person typed in the box when only the page number was wrong.
        context.update(search_query=form.cleaned_data.get("q", ""), errors=form.error_messages_list())
        return TemplateResponse(request, "search/search.html", context, status=400)
    query = form.cleaned_data["q"]
    context.update(search_query=query, query_was_shortened=form.query_was_shortened)
    if query:
        results = Page.objects.live().public().specific().search(query)
        paginator = Paginator(results, RESULTS_PER_PAGE)
        number = form.cleaned_data["page"] or 1
        try:
            context["results_page"] = paginator.page(number)
        except EmptyPage:
            message = ngettext("Няма страница %(number)s; резултатите са на %(total)s страница.",
                               "Няма страница %(number)s; резултатите са на %(total)s страници.", paginator.num_pages)
            context["errors"] = [message % {"number": number, "total": paginator.num_pages}]
            status = 404
    return TemplateResponse(request, "search/search.html", context, status=status)
