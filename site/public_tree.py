"""The page tree as the public sees it — the site, where each address leads, which pages are restricted —
remembered instead of asked of the database on every request.

Wagtail asks the database for the site, twice for each segment of an address (the child, then its specific
page), twice for the view restrictions over a page and its ancestors, and once more for all restrictions in every
`.public()`: ten to fifteen queries before a page shows anything of its own, more the deeper it lies. These
answers change only when the tree does, so they are remembered under PUBLIC_PAGES, whose version every write to a
public table replaces at the write and at its commit (content_changes.py); a page then costs one query to load.
Wagtail's own routing still decides every address: its answer is what is remembered.
"""

from dataclasses import dataclass, fields

from django.contrib.contenttypes.models import ContentType
from django.db.models import Q
from django.http import Http404
from wagtail.models import CollectionViewRestriction, Page, PageViewRestriction, Site

from .remembered import PUBLIC_PAGES


@dataclass(frozen=True)
class Restrictions:
    by_path: tuple  # (restriction pk, path of the page it is set on)
    alias_paths: frozenset  # pages that take their restrictions from another page's place in the tree
    collections: tuple  # (restriction, the ids of its collection and of those under it)


def _read_restrictions():
    return Restrictions(
        by_path=tuple(PageViewRestriction.objects.values_list("pk", "page__path")),
        alias_paths=frozenset(Page.objects.filter(alias_of__isnull=False).values_list("path", flat=True)),
        collections=tuple(
            (restriction, frozenset(restriction.collection.get_descendants(inclusive=True).values_list("pk", flat=True)))
            for restriction in CollectionViewRestriction.objects.select_related("collection")
        ),
    )


def restrictions():
    # The fields' names in the key: a value of another shape, remembered by an older deploy, is never read.
    return PUBLIC_PAGES.remembered("view-restrictions", [field.name for field in fields(Restrictions)],
                                   _read_restrictions, read_once=True)


def visible(queryset):
    """The live pages of `queryset` that no view restriction covers: Wagtail's `.live().public()`."""
    restricted = Q()
    for _pk, path in restrictions().by_path:
        restricted |= Q(path__startswith=path)
    return queryset.live().exclude(restricted) if restricted else queryset.live()


def hidden_collection_ids(request=None):
    """The collections whose documents are not public or, given a request, that it has not passed the restriction of.

    Wagtail's get_restricted_collection_ids, without its queries.
    """
    return {
        pk for restriction, pks in restrictions().collections
        if request is None or not restriction.accept_request(request) for pk in pks
    }


class KnownRestrictions:
    """For page models: the restrictions over a page found without a query when there are none."""

    def get_view_restrictions(self):
        known = restrictions()
        own_and_ancestors = {self.path[:end] for end in range(self.steplen, len(self.path) + 1, self.steplen)}
        if own_and_ancestors & known.alias_paths:
            return super().get_view_restrictions()
        found = [pk for pk, path in known.by_path if path in own_and_ancestors]
        # none() is an empty queryset that never asks the database, still a queryset for the admin's callers.
        return PageViewRestriction.objects.filter(pk__in=found) if found else PageViewRestriction.objects.none()


def site_for(request):
    """Site.find_for_request, remembered by host and port, and left on the request where Wagtail looks."""
    if not hasattr(request, "_wagtail_site"):
        request._wagtail_site = PUBLIC_PAGES.remembered(
            "site", (request.get_host(), request.get_port()), lambda: Site.find_for_request(request))
    return request._wagtail_site


def _find(request, site, components):
    """Where Wagtail's routing leads: the page (primary key, type) and how many segments it consumed."""
    root = site.root_page.localized.specific
    try:
        page = root.route(request, components)[0]
    except Http404:
        return None  # not remembered: a missing address is routed afresh
    return page.pk, page.content_type_id, page.depth - root.depth


def route(request, path):
    """Page.route_for_request's answer: (page, args, kwargs) or None."""
    site = site_for(request)
    if site is None:
        return None
    components = [component for component in path.split("/") if component]
    found = PUBLIC_PAGES.remembered("route", (site.pk, components), lambda: _find(request, site, components))
    if found is None:
        return None
    pk, content_type_id, consumed = found
    page = ContentType.objects.get_for_id(content_type_id).model_class().objects.filter(pk=pk).first()
    if page is None:  # deleted since, in a transaction the version has not caught up with yet
        return None
    try:
        # The page routes the rest itself, as in Wagtail: its sub-pages (RoutablePageMixin) and its live check.
        return page.route(request, components[consumed:])
    except Http404:
        return None

