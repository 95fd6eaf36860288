"""Data every public page's layout needs: the main navigation and the municipality's contacts.

Both are remembered until a public page or the contacts change (botevgrad/remembered.py): read afresh, they
cost a site lookup and three queries on every page, the search page's most expensive part after the search.
"""

from django.utils.functional import SimpleLazyObject

from botevgrad.public_tree import site_for, visible
from botevgrad.remembered import PUBLIC_PAGES
from home.models import MunicipalityContacts


def read_layout(site):
    navigation = list(visible(site.root_page.get_children()).in_menu())
    # The footer links to both pages: fetch them with the setting rather than one query each.
    contacts = MunicipalityContacts.objects.select_related("accessibility_page", "privacy_page").filter(site=site).first()
    # Not for_site(), which writes the empty setting on first use: a visit should write nothing.
    return navigation, contacts or MunicipalityContacts(site=site)


def site_navigation(request):
    # Lazy, so admin pages and error pages that never show the public layout cost nothing.
    layout = {}

    def read():
        if not layout:
            site = site_for(request)
            layout["value"] = ([], None) if site is None else PUBLIC_PAGES.remembered(
                "layout", (site.pk,), lambda: read_layout(site))
        return layout["value"]

    return {
        "main_navigation": SimpleLazyObject(lambda: read()[0]),
        "municipality_contacts": SimpleLazyObject(lambda: read()[1]),
    }
