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
        if site is None:
            return None
        # The footer links to both pages: fetch them with the setting rather than one query each.
        contacts = (
            MunicipalityContacts.objects.select_related("accessibility_page", "privacy_page").filter(site=site).first()
        )
        return contacts or MunicipalityContacts.for_site(site)

    return {
        "main_navigation": SimpleLazyObject(navigation),
        "municipality_contacts": SimpleLazyObject(contacts),
    }
