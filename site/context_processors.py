"""Data every public page's layout needs: the main navigation and the municipality's contacts."""

from django.utils.functional import SimpleLazyObject
from wagtail.models import Site

from home.models import MunicipalityContacts


def site_navigation(request):
    # Lazy, so admin pages and error pages that never show the public layout cost no queries.
    def navigation():
        site = Site.find_for_request(request)
        if site is None:
            return []
        return list(site.root_page.get_children().live().public().in_menu())

    def contacts():
        site = Site.find_for_request(request)
        return MunicipalityContacts.for_site(site) if site else None

    return {
        "main_navigation": SimpleLazyObject(navigation),
        "municipality_contacts": SimpleLazyObject(contacts),
    }
