"""The default site takes the address people use, so links in e-mails and the sitemap work."""

import io

import pytest
from django.core.management import CommandError, call_command
from wagtail.models import Site

pytestmark = pytest.mark.django_db


def test_address_from_the_admin_base_url_reaches_page_links(home, settings):
    settings.WAGTAILADMIN_BASE_URL = "http://127.0.0.1:8765"
    call_command("set_site_address", stdout=io.StringIO())
    assert Site.objects.get(is_default_site=True).root_url == "http://127.0.0.1:8765"
    assert home.get_full_url().startswith("http://127.0.0.1:8765/")


def test_https_address_without_a_port_uses_443(home):
    call_command("set_site_address", "https://dialozi.botevgrad.bg", stdout=io.StringIO())
    site = Site.objects.get(is_default_site=True)
    assert (site.hostname, site.port, site.root_url) == ("dialozi.botevgrad.bg", 443, "https://dialozi.botevgrad.bg")


@pytest.mark.parametrize("url", ["dialozi.botevgrad.bg", "ftp://x", "http://", "javascript:alert(1)"])
def test_nonsense_address_is_refused_and_changes_nothing(home, url):
    before = Site.objects.get(is_default_site=True).root_url
    with pytest.raises(CommandError):
        call_command("set_site_address", url, stdout=io.StringIO())
    assert Site.objects.get(is_default_site=True).root_url == before
