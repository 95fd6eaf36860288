"""Every response carries the Content-Security-Policy and Permissions-Policy: the strict one outside the admin."""

import pytest
from django.core.files.base import ContentFile
from wagtail.documents import get_document_model

from botevgrad.content_security import ADMIN_POLICY, PUBLIC_POLICY
from tests.site.test_served_files import media_on_disk  # noqa: F401 (a fixture)

pytestmark = pytest.mark.django_db


def policy(response):
    """The Content-Security-Policy header as {directive: [sources]}."""
    directives = (part.split() for part in response["Content-Security-Policy"].split(";"))
    return {name: sources for name, *sources in directives}


def test_the_strict_policy_allows_no_inline_code_nor_other_origins():
    for directive in ("script-src", "style-src", "default-src", "connect-src", "form-action"):
        assert PUBLIC_POLICY[directive] == ["'self'"], directive
    assert PUBLIC_POLICY["object-src"] == PUBLIC_POLICY["base-uri"] == ["'none'"]
    assert "'unsafe-eval'" not in ADMIN_POLICY["script-src"]


@pytest.mark.parametrize("address", [
    "/", "/search/?q=бюджет", "/nyama-takava/", "/sitemap.xml", "/robots.txt", "/emisii/resheniya/rss/",
    "/api/v2/pages/", "/izvestiya/", "/izvestiya/potvardi/nevaliden/", "/administraciya/",
])
def test_public_addresses_get_the_strict_policy(client, home, address):
    response = client.get(address)
    assert response.status_code < 500
    assert policy(response)["script-src"] == ["'self'"], address
    assert policy(response)["frame-ancestors"] == ["'self'"]
    assert "camera=()" in response["Permissions-Policy"] and "geolocation=()" in response["Permissions-Policy"]


def test_a_served_document_keeps_wagtails_stricter_policy(client, media_on_disk, home):  # noqa: F811
    """An uploaded file is not our page: it may load nothing at all (Wagtail's own header, left as it is)."""
    document = get_document_model().objects.create(title="Наредба", file=ContentFile(b"%PDF-1.4", name="naredba.pdf"))
    response = client.get(document.url)
    assert response.status_code == 200
    assert policy(response) == {"default-src": ["'none'"]}
    assert "camera=()" in response["Permissions-Policy"]


@pytest.mark.parametrize("address", ["/admin/login/", "/admin/", "/admin/pages/"])
def test_the_admin_gets_its_own_policy_and_nothing_more(client, admin_user, home, address):
    if address != "/admin/login/":
        client.force_login(admin_user)
    response = client.get(address)
    assert response.status_code == 200
    assert policy(response) == {name: sources for name, sources in ADMIN_POLICY.items()}
    assert "camera=()" in response["Permissions-Policy"]
