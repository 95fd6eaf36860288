"""A decision's permanent address and the sitemap name the site's real address, never a placeholder."""

import datetime
import re

import pytest
from wagtail.models import Site

from decisions.permalinks import public_root_url

pytestmark = pytest.mark.django_db


@pytest.fixture
def decision(decision_index, decision_page_factory):
    return decision_page_factory(parent=decision_index, number=42, date=datetime.date(2025, 6, 26))


def set_site_address(hostname, port=80):
    site = Site.objects.get(is_default_site=True)
    site.hostname, site.port = hostname, port
    site.save()


def permanent_address(content):
    return re.search(r"<dt>Постоянен адрес</dt><dd><a href=\"([^\"]+)\">\1</a>", content).group(1)


def sitemap_locations(client, **headers):
    return re.findall(r"<loc>([^<]+)</loc>", client.get("/sitemap.xml", **headers).content.decode())


def test_site_record_address_is_the_permanent_address(client, decision):
    set_site_address("obshtina.example")
    assert permanent_address(client.get(decision.url).content.decode()) == "http://obshtina.example/resheniya/2025-42/"


def test_request_through_another_allowed_name_still_gets_the_site_record_address(client, decision):
    set_site_address("obshtina.example", 443)
    content = client.get(decision.url, HTTP_HOST="10.0.0.7:8000").content.decode()
    assert permanent_address(content) == "https://obshtina.example/resheniya/2025-42/"


def test_placeholder_site_record_gives_way_to_the_host_people_came_to(client, decision):
    set_site_address("localhost")
    content = client.get(decision.url, HTTP_HOST="dialozi.botevgrad.bg").content.decode()
    assert permanent_address(content) == "http://dialozi.botevgrad.bg/resheniya/2025-42/"
    assert "http://localhost" not in content


def test_https_behind_the_proxy_is_kept(client, decision, settings):
    settings.SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    set_site_address("localhost")
    content = client.get(decision.url, HTTP_HOST="dialozi.botevgrad.bg", HTTP_X_FORWARDED_PROTO="https").content.decode()
    assert permanent_address(content) == "https://dialozi.botevgrad.bg/resheniya/2025-42/"


@pytest.mark.parametrize("site_root, host, expected", [
    ("http://obshtina.example", "other.example", "http://obshtina.example"),
    ("http://localhost:8000", "dialozi.bg", "http://dialozi.bg"),
    ("http://localhost", "127.0.0.1:8000", "http://localhost"),
])
def test_public_root_url(rf, site_root, host, expected):
    assert public_root_url(site_root, rf.get("/", HTTP_HOST=host)) == expected
    assert public_root_url(site_root, None) == site_root


def test_sitemap_lists_decisions_at_the_site_record_address(client, decision):
    set_site_address("obshtina.example")
    locations = sitemap_locations(client, HTTP_HOST="10.0.0.7")
    assert "http://obshtina.example/resheniya/2025-42/" in locations
    assert "http://obshtina.example/resheniya/" in locations
    assert not [location for location in locations if "10.0.0.7" in location or "localhost" in location]


def test_sitemap_lists_decisions_at_the_visited_host_while_the_record_is_a_placeholder(client, decision):
    set_site_address("localhost")
    locations = sitemap_locations(client, HTTP_HOST="dialozi.botevgrad.bg")
    assert "http://dialozi.botevgrad.bg/resheniya/2025-42/" in locations
    assert "http://dialozi.botevgrad.bg/resheniya/" in locations
