"""The demo content loader: a believable site, and running it twice changes nothing."""

import pytest
from django.core.management import call_command
from wagtail.models import Page, Site

from decisions.models import DecisionPage
from home.models import HomePage, MunicipalityContacts
from policy_pages.models import PolicyPage

pytestmark = pytest.mark.django_db


def snapshot():
    return sorted(Page.objects.values_list("url_path", "title"))


def test_load_demo_builds_the_site(client):
    call_command("load_demo")
    site = Site.objects.get(is_default_site=True)
    assert isinstance(site.root_page.specific, HomePage)
    assert PolicyPage.objects.live().count() == 5
    decisions = DecisionPage.objects.live()
    assert decisions.count() >= 30
    assert len({d.date.year for d in decisions}) == 3
    assert MunicipalityContacts.for_site(site).accessibility_page.slug == "dostapnost"
    for url in ["/", "/politiki/", "/resheniya/", "/za-platformata/", "/dobri-praktiki/", "/dostapnost/"]:
        assert client.get(url).status_code == 200, url


def test_load_demo_is_idempotent():
    call_command("load_demo")
    first = snapshot()
    call_command("load_demo")
    assert snapshot() == first


def test_if_empty_leaves_an_existing_site_alone(home):
    call_command("load_demo", "--if-empty")
    assert not PolicyPage.objects.exists()
