"""The archive page: every decision and order, filtered, searched and sorted from its address, and its exports."""

from django.core.paginator import EmptyPage, Paginator
from django.utils.formats import number_format
from django.utils.translation import gettext_lazy as _
from django.utils.translation import gettext, ngettext
from wagtail.admin.panels import FieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import RichTextField
from wagtail.models import Page
from wagtail.search import index

from botevgrad.public_tree import KnownRestrictions

from .. import archive_cache
from ..archive import filter_archive, search_unavailable
from ..forms import BODY_CHOICES, SORT_CHOICES, STATUS_CHOICES, DecisionFilterForm
from ..permalinks import permanent_url

DECISIONS_PER_PAGE = 20


def result_count_label(count, body, over=False):
    """"12 решения", "1 заповед", "40 решения и заповеди", "Над 1000 решения": the list's size in the words for what it holds."""
    if body == "council":
        message = ngettext("%(count)s решение", "%(count)s решения", count)
    elif body == "mayor":
        message = ngettext("%(count)s заповед", "%(count)s заповеди", count)
    else:
        message = ngettext("%(count)s решение или заповед", "%(count)s решения и заповеди", count)
    # Bulgarian groups digits from five on: 2593, but 100 000 (with a non-breaking space).
    label = message % {"count": number_format(count, force_grouping=count >= 10_000)}
    # A search of a common word is not counted past COUNT_LIMIT (search/engine.py), nor in date or number
    # order past MATERIALISED_PAGES (search/archive.py).
    return gettext("Над %(label)s") % {"label": label} if over else label


def options(choices, selected):
    """(value, label, is_selected) for a <select>, with the raw value compared as text."""
    return [(value, label, str(value) == str(selected or "")) for value, label in choices]


class DecisionIndexPage(KnownRestrictions, RoutablePageMixin, Page):
    """The decisions archive: every decision and order, filterable, searchable, sortable and exportable."""

    intro = RichTextField(verbose_name=_("Въведение"), blank=True, features=["bold", "italic", "link"])

    content_panels = Page.content_panels + [FieldPanel("intro")]
    search_fields = Page.search_fields + [index.SearchField("intro")]
    parent_page_types = ["home.HomePage"]
    subpage_types = ["decisions.DecisionPage"]

    class Meta:
        verbose_name = _("Архив на решенията и заповедите")
        verbose_name_plural = _("Архиви на решенията и заповедите")

    @path("")
    def index_route(self, request, *args, **kwargs):
        response = super().index_route(request, *args, **kwargs)
        # A filter that is invalid (400) or names nothing (404) still gets the page with its message.
        response.status_code = response.context_data.get("filter_status", 200)
        return response

    @path("export/csv/", name="export_csv")
    def export_csv(self, request):
        return self.export(request, "csv")

    @path("export/json/", name="export_json")
    def export_json(self, request):
        return self.export(request, "json")

    def export(self, request, file_format):
        """The archive's current list as a streamed file; a filter it cannot apply gets the page with the message."""
        from ..export import export_response

        archive = filter_archive(self, DecisionFilterForm(request.GET))
        if archive.status != 200:
            return self.index_route(request)
        return export_response(archive, file_format, permanent_url(self, request), request)

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        form = DecisionFilterForm(request.GET)
        archive = filter_archive(self, form)
        context.update(self.filtered_context(request, form, archive))
        return context

    def filtered_context(self, request, form, archive):
        """Everything the template shows for the filter: the list page, the form's options, the links that keep the filter."""
        from search.engine import SearchUnavailable  # the search app is loaded after the apps it indexes

        raw = {name: form.data.get(name, "") for name in ("q", "year", "body", "policy", "status", "sort")}
        selected = archive.params if archive.status == 200 else raw
        chosen = [name for name in ("year", "body", "policy", "status", "sort") if selected.get(name)]
        context = {
            "filter_form": form,
            "chosen_filter_count": len(chosen),
            "filters_open": bool(chosen or archive.errors),
            "filter_status": archive.status,
            "filter_errors": archive.errors,
            "decisions_page": None,
            "years": [],
            "archive_query": selected.get("q") or "",
            # What a search answers follows its index, which may take a change in after the database: made afresh.
            "content_is_remembered": not (selected.get("q") or raw["q"]),
            "year_options": options([(year, year) for year in archive.years], selected.get("year")),
            "body_options": options(BODY_CHOICES, selected.get("body")),
            "policy_options": options([(policy.slug, policy.title) for policy in archive.policies], selected.get("policy")),
            "status_options": options(STATUS_CHOICES, selected.get("status")),
            # Relevance means something only for a search with words.
            "sort_options": options([c for c in SORT_CHOICES if c[0] != "relevance" or selected.get("q")],
                                    selected.get("sort")),
        }
        if archive.status != 200:
            return context
        paginator = Paginator(archive.listed(), DECISIONS_PER_PAGE)
        if not archive.params["q"]:
            # A search's matches follow the search index, which changes without a publication: counted afresh.
            count_key = (self.pk, archive.link_query())
            paginator.count = archive_cache.remembered("count", count_key, archive.decisions.count)
        elif archive.known_count is not None:
            paginator.count = archive.known_count  # the search read every match's page: no count over the archive
        number = form.cleaned_data["page"] or 1
        try:
            page = paginator.page(number)
            # The list page's decisions are read here, where a search that stops answering can still be told.
            if archive.params["q"]:
                page.object_list = list(page.object_list)
            else:
                listed = page.object_list
                page.object_list = archive_cache.remembered(
                    "page", (self.pk, archive.link_query(), number), lambda: list(listed))
        except SearchUnavailable:
            search_unavailable(archive)
            context.update(filter_status=archive.status, filter_errors=archive.errors)
            return context
        except EmptyPage:
            message = ngettext("Няма страница %(number)s; решенията са на %(total)s страница.",
                               "Няма страница %(number)s; решенията са на %(total)s страници.", paginator.num_pages)
            context.update(filter_status=404, filter_errors=[message % {"number": number, "total": paginator.num_pages}])
            return context
        year = archive.params["year"]
        if year and year not in archive.years:
            # A year with nothing in it is still the year asked for: the form shows it chosen.
            context["year_options"] = options([(year, year)], year) + context["year_options"]
        archive_url = self.get_url(request)
        export_query = archive.link_query()
        query_suffix = f"?{export_query}" if export_query else ""
        context.update(
            decisions_page=page,
            result_count=result_count_label(paginator.count, archive.params["body"],
                                            over=archive.known_over or (archive.matches is not None
                                                                        and archive.matches.is_estimate())),
            years=[(y, archive.link_query(year=y)) for y in archive.years],
            all_years_query=archive.link_query(year=None),
            selected_year=year,
            selected_body=archive.params["body"],
            selected_tag=archive.tag,
            selected_policy=archive.policy,
            all_tags_query=archive.link_query(tag=None),
            all_policies_query=archive.link_query(policy=None),
            pagination_query=export_query,
            export_csv_url=f"{archive_url}{self.reverse_subpage('export_csv')}{query_suffix}",
            export_json_url=f"{archive_url}{self.reverse_subpage('export_json')}{query_suffix}",
        )
        return context

    def get_sitemap_urls(self, request=None):
        lastmod = self.last_published_at or self.latest_revision_created_at
        return [{"location": permanent_url(self, request), "lastmod": lastmod}]
