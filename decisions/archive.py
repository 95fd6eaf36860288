"""The archive's list as its address asks for it: filters, order and search words, checked and applied in SQL."""

from dataclasses import dataclass, field

from django.db.models.functions import ExtractYear
from django.utils.http import urlencode
from django.utils.translation import gettext as _

from botevgrad.dated import years_with
from botevgrad.public_tree import visible

from . import archive_cache

# The order of the parameters in every link the archive makes, so a link is the same however it was reached.
FILTER_NAMES = ("q", "year", "body", "policy", "tag", "status", "sort")

SORT_ORDERS = {
    "newest": ("-date", "-number", "-pk"),
    "oldest": ("date", "number", "pk"),
    # Numbers start again each year: the newest year first, its decisions in their order.
    "number": ("-year", "number", "issuing_body", "pk"),
}


def search_archive(decisions, query):
    """The decisions matching `query`, most relevant first (the site's search, search/archive.py ArchiveMatches)."""
    # Imported here: the search app builds its index from every app, so it is loaded after them.
    from search.archive import search_archive as site_search_archive

    return site_search_archive(decisions, query)


@dataclass
class ArchiveQuery:
    """What the archive shows for one address: the decisions, or why there are none (status 400 or 404)."""

    status: int = 200
    errors: list = field(default_factory=list)
    decisions: object = None  # the filtered, ordered queryset; None for a search in order of relevance
    matches: object = None  # a search's matches in order of relevance (search.archive.ArchiveMatches)
    known_count: int | None = None  # the number of decisions, when a search has already counted them
    known_over: bool = False  # ... and there are more than that
    years: list = field(default_factory=list)
    params: dict = field(default_factory=dict)  # the filter as it goes into links
    tag: object = None
    policy: object = None
    policies: list = field(default_factory=list)  # every live, public policy, for the form's options

    def listed(self):
        """What the list pages through: a search's matches are read only as far as the page shown."""
        return self.matches if self.decisions is None else self.decisions

    def all_decisions(self):
        """Every decision of the list as a queryset in its order (the exports)."""
        return self.matches.queryset() if self.decisions is None else self.decisions

    def link_query(self, **changes):
        """The query string of this filter with `changes` (a value of None or "" removes a parameter)."""
        params = {**self.params, **changes}
        return urlencode([(name, params[name]) for name in FILTER_NAMES + ("page",) if params.get(name)])


def policy_model():
    """The policy page model, reached through the field: decisions never import policy_pages."""
    from .models import DecisionPage

    return DecisionPage._meta.get_field("related_policies").related_model


def find_policy(policies, value):
    """The policy named by its id or its slug among `policies`, or None."""
    for policy in policies:
        if (value.isascii() and value.isdigit() and policy.pk == int(value)) or policy.slug == value:
            return policy
    return None


def search_unavailable(result):
    """Elasticsearch is down: say so, and keep the filters that do not need it usable."""
    result.status = 503
    result.errors = [_("Търсенето по думи временно не работи. Опитайте след няколко минути или "
                       "използвайте филтрите без думи за търсене.")]
    return result


def filter_archive(index_page, form):
    """Apply the validated form to the archive's decisions; never fall back to a different list than asked for."""
    from .models import DecisionPage, DecisionPageTag

    result = ArchiveQuery(policies=archive_cache.remembered("policies", (), lambda: list(
        visible(policy_model().objects).order_by("title").only("pk", "slug", "title"))))
    if not form.is_valid():
        result.status, result.errors = 400, form.error_messages_list()
        return result
    data = form.cleaned_data
    result.params = {name: data.get(name) for name in FILTER_NAMES}
    archive = visible(DecisionPage.objects.child_of(index_page))
    decisions = archive

    if data["policy"]:
        result.policy = find_policy(result.policies, data["policy"])
        if result.policy is None:
            result.status = 404
            result.errors = [_("Няма политика „%(policy)s“.") % {"policy": data["policy"]}]
            return result
        result.params["policy"] = result.policy.slug
        decisions = decisions.filter(related_policies=result.policy)
    if data["tag"]:
        tagged = DecisionPageTag.objects.filter(tag__slug=data["tag"], content_object__in=archive)
        tagged_item = tagged.select_related("tag").first()
        if tagged_item is None:
            result.status = 404
            result.errors = [_("Няма решения с етикет „%(tag)s“.") % {"tag": data["tag"]}]
            return result
        result.tag = tagged_item.tag
        decisions = decisions.filter(tagged_items__tag=result.tag)
    if data["body"]:
        decisions = decisions.filter(issuing_body=data["body"])
    if data["status"]:
        decisions = decisions.filter(status=data["status"])

    # The years the other filters leave: links to years with nothing are not offered.
    result.years = archive_cache.remembered(
        "years", (index_page.pk, data["policy"], data["tag"], data["body"], data["status"]),
        lambda: years_with(decisions))
    if data["year"]:
        decisions = decisions.filter(date__year=data["year"])

    sort = data["sort"] or ("relevance" if data["q"] else "newest")
    if data["q"]:
        from search.engine import SearchUnavailable

        try:
            matches = search_archive(decisions, data["q"])
            if sort == "relevance":
                result.matches = matches
                matches.count()  # asks the search now, while its failure can still be told
                return result
            decisions = matches.every_page()
            result.known_count, result.known_over = matches.every_page_count, matches.every_page_over
        except SearchUnavailable:
            return search_unavailable(result)
    decisions = decisions.annotate(year=ExtractYear("date")) if sort == "number" else decisions
    result.decisions = decisions.order_by(*SORT_ORDERS[sort])
    return result
