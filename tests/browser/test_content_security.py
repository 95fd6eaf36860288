"""In Chromium, no page breaks the Content-Security-Policy or Permissions-Policy it is sent with.

The public pages are held to the strict policy (no inline script or style at all); the admin's screens
to the admin's (site/content_security.py). Chromium reports each refused script, style or frame, and each
feature it does not know in Permissions-Policy, as an error in the console: that is what is read here.
"""

import pytest
from django.contrib.auth import get_user_model
from playwright.sync_api import Error as PlaywrightError

from tests.browser.test_accessibility import PAGES

pytestmark = pytest.mark.django_db

POLICY_ERRORS = ("Content Security Policy", "Permissions-Policy")


@pytest.fixture
def policy_errors(page):
    """The console's complaints about the page's policies since the last clear()."""
    errors = []
    page.on("console", lambda message: errors.append(message.text) if any(
        name in message.text for name in POLICY_ERRORS) else None)
    return errors


@pytest.mark.parametrize("name", PAGES)
def test_public_page_keeps_to_the_strict_policy(page, demo_site_to_read, policy_errors, name):
    response = page.goto(demo_site_to_read + PAGES[name])
    assert "'unsafe-inline'" not in response.headers["content-security-policy"]
    page.wait_for_load_state("load")
    assert policy_errors == []


def test_an_injected_script_is_refused_and_reported(page, demo_site_to_read, policy_errors):
    """The listener above hears the browser refuse something; without this, the tests above could not fail."""
    page.goto(demo_site_to_read + PAGES["survey form"])
    with pytest.raises(PlaywrightError, match="Content Security Policy"):
        page.add_script_tag(content="window.injected = true")
    assert page.evaluate("typeof window.injected") == "undefined"
    page.evaluate("document.body.insertAdjacentHTML('beforeend', '<p style=\"color: red\">x</p>')")
    page.wait_for_timeout(100)
    assert any("inline style" in error for error in policy_errors), policy_errors


@pytest.fixture(scope="module")
def admin_password(demo_site_to_read, django_db_blocker):
    """A superuser on the module's demo (committed: the live server reads it from its own connection)."""
    with django_db_blocker.unblock():
        user = get_user_model().objects.create_superuser("csp-redaktor", "csp@example.bg", "тайна-парола-123")
    yield "тайна-парола-123"
    with django_db_blocker.unblock():
        user.delete()


def admin_screens():
    """The admin's main screens: the explorer, each page type's editor, the snippets, media and reports."""
    from wagtail.models import Page

    from consultations.models import Consultation

    edits = [f"/admin/pages/{page.pk}/edit/" for page in
             Page.objects.filter(depth__gt=1).order_by("content_type_id", "path").distinct("content_type_id")]
    return [
        "/admin/", "/admin/pages/", "/admin/pages/search/?q=бюджет", *edits,
        "/admin/snippets/consultations/consultation/",
        "/admin/snippets/consultations/consultation/edit/%d/" % Consultation.objects.order_by("pk").first().pk,
        "/admin/snippets/consultations/submission/", "/admin/snippets/surveys/surveytextanswer/", "/admin/forms/",
        "/admin/images/", "/admin/images/add/", "/admin/documents/", "/admin/reports/site-history/", "/admin/users/",
        "/admin/participants/erase/",
    ]


def test_admin_screens_keep_to_the_admin_policy(page, demo_site_to_read, admin_password, policy_errors):
    from policy_pages.models import PolicyPage

    page.goto(demo_site_to_read + "/admin/login/")
    page.locator("#id_username").fill("csp-redaktor")
    page.locator("#id_password").fill(admin_password)
    page.locator("button[type=submit]").click()
    page.wait_for_url("**/admin/")
    broken = {}
    for address in admin_screens():
        policy_errors.clear()
        response = page.goto(demo_site_to_read + address)
        assert response.status == 200, address
        page.wait_for_load_state("load")
        if policy_errors:
            broken[address] = policy_errors[:]
    assert broken == {}

    # The preview panel frames the public page under the admin's address; a chooser's modal brings its scripts.
    policy = PolicyPage.objects.live().order_by("path").first()
    page.goto(demo_site_to_read + f"/admin/pages/{policy.pk}/edit/")
    page.locator("button[data-side-panel-toggle='preview']").click()
    page.frame_locator("#w-preview-iframe").locator("h1").wait_for()
    page.goto(demo_site_to_read + next(address for address in admin_screens() if "consultation/edit/" in address))
    page.locator("[data-chooser-action-choose]:visible").first.click()
    page.locator(".modal-content").wait_for()
    assert policy_errors == []
