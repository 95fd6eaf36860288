"""axe-core finds no WCAG 2.1 A/AA or best-practice violation on any page type."""

import pytest

PAGES = {
    "home": "/",
    "standard page": "/za-platformata/",
    "accessibility statement": "/dostapnost/",
    "privacy notice": "/poveritelnost/",
    "policy index": "/politiki/",
    "policy page": "/politiki/socialni-uslugi-i-zdraveopazvane/",
    "policy page with evaluation results, trend and an open rating": "/politiki/obrazovanie-i-mladi-hora/",
    "policy page with an evaluation below the threshold": "/politiki/okolna-sreda-i-otpadaci/",
    "reports index": "/otcheti/",
    "monitoring report with live data": "/otcheti/otchet-2025-vtoro-polugodie/",
    "survey form": "/anketa/",
    "survey results with charts, groups and published text answers": "/anketa/rezultati/",
    "survey text answers of one question": "/anketa/rezultati/kakvo_tryabva_da_promeni_obshtinata_za_da_uchastvat_poveche/",
    "decision index": "/resheniya/?year=2025",
    "decision page": "/resheniya/2025-20/",
    "search results": "/search/?q=бюджет",
    "search without results": "/search/?q=несъществуващадума",
    "not found": "/nyama-takava-stranica/",
}

# The demo is loaded once for the module and committed: each test only reads it (demo_site_to_read).
pytestmark = pytest.mark.django_db



@pytest.mark.parametrize("name", PAGES)
def test_page_type_has_no_accessibility_violations(page, demo_site_to_read, axe, name):
    response = page.goto(demo_site_to_read + PAGES[name])
    assert response.status == (404 if name == "not found" else 200)
    assert axe() == []
