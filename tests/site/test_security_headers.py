"""Every response carries the Content-Security-Policy and Permissions-Policy: the strict one outside the admin."""

import pytest
from csp.constants import NONCE, SELF
from csp.utils import build_policy
from django.core.files.base import ContentFile
from django.http import HttpResponse
from django.test import RequestFactory, override_settings
from wagtail.documents import get_document_model

from botevgrad import content_security
from botevgrad.content_security import ADMIN_POLICY, PUBLIC_POLICY, ContentSecurityPolicyMiddleware
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


def through_the_middleware(path="/", nonce=False, **response_attributes):
    request = RequestFactory().get(path)
    middleware = ContentSecurityPolicyMiddleware(lambda request: HttpResponse("<p>x</p>"))
    middleware.process_request(request)
    if nonce:
        str(request.csp_nonce)  # what a template asking for a nonce does
    response = HttpResponse("<p>x</p>")
    for name, value in response_attributes.items():
        setattr(response, name, value)
    return policy(middleware.process_response(request, response))


def test_the_policy_built_once_is_the_librarys_and_follows_the_settings(monkeypatch):
    built = []
    monkeypatch.setattr(content_security, "build_policy", lambda **parts: built.append(parts) or build_policy(**parts))
    content_security.forget_built_policies()
    assert through_the_middleware() == PUBLIC_POLICY
    assert through_the_middleware() == PUBLIC_POLICY
    assert len(built) == 1  # the second response got the kept one
    assert through_the_middleware("/admin/") == ADMIN_POLICY
    with override_settings(CONTENT_SECURITY_POLICY={"DIRECTIVES": {**PUBLIC_POLICY, "img-src": ["'self'"]}}):
        assert through_the_middleware()["img-src"] == ["'self'"]
    assert through_the_middleware()["img-src"] == ["'self'", "data:"]


def test_a_response_whose_policy_differs_still_gets_its_own():
    """A view's decorator or a template's nonce changes one response's policy: the kept one is not used."""
    updated = through_the_middleware(_csp_update={"img-src": ["https://karta.example.bg"]})
    assert updated["img-src"] == ["'self'", "data:", "https://karta.example.bg"]
    assert through_the_middleware() == PUBLIC_POLICY
    with override_settings(CONTENT_SECURITY_POLICY={"DIRECTIVES": {**PUBLIC_POLICY, "script-src": [SELF, NONCE]}}):
        nonces = [through_the_middleware(nonce=True)["script-src"] for _response in range(2)]
        assert nonces[0] != nonces[1] and all(sources[1].startswith("'nonce-") for sources in nonces)
        assert through_the_middleware()["script-src"] == ["'self'"]
