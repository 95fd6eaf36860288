"""A real Chromium (Debian's) driven by Playwright against pytest-django's live server."""

import io
import os
import shutil
from pathlib import Path

import pytest
from django.core.management import call_command

from tests.conftest import restore_wagtail_base_data

CHROMIUM = os.environ.get("CHROMIUM", shutil.which("chromium") or "/usr/bin/chromium")
CHROMIUM_FLAGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
AXE_SCRIPT = Path(__file__).resolve().parents[2] / "node_modules" / "axe-core" / "axe.min.js"


def pytest_collection_modifyitems(items):
    for item in items:
        if "tests/browser/" in str(item.fspath):
            item.add_marker(pytest.mark.browser)


@pytest.fixture(scope="session")
def browser():
    from playwright.sync_api import sync_playwright

    # Playwright's sync API runs an event loop in this thread; the ORM calls our fixtures
    # make around it are still plain synchronous calls.
    os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"

    if not os.path.exists(CHROMIUM):
        pytest.fail(f"Chromium was not found at {CHROMIUM}: `make test` installs Debian's chromium.")
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_FLAGS, headless=True)
        yield browser
        browser.close()
    del os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"]


@pytest.fixture
def page(browser):
    context = browser.new_context(locale="bg-BG", viewport={"width": 1280, "height": 900})
    page = context.new_page()
    page.set_default_timeout(15_000)
    yield page
    context.close()


@pytest.fixture
def demo_site(transactional_db, live_server):
    """The demo content behind a live server; returns the server's base URL."""
    restore_wagtail_base_data()
    call_command("load_demo")
    return live_server.url


@pytest.fixture(scope="module")
def demo_site_to_read(django_db_setup, django_db_blocker):
    """The demo behind a live server of its own, loaded once for a whole module of tests that only look.

    Loading the demo takes seconds; a module of twenty page checks would spend most of its time on it.
    The module's tests are marked `django_db` (each in a transaction of its own, rolled back) and must
    not change the database nor use `demo_site` or `transactional_db`, whose flush would empty it.
    The database is left as it was found, as Django's serialized rollback does, for the tests after.
    """
    from django.db import connection
    from pytest_django.live_server_helper import LiveServer

    with django_db_blocker.unblock():
        found = connection.creation.serialize_db_to_string()
        restore_wagtail_base_data()
        call_command("load_demo", stdout=io.StringIO())
        server = LiveServer("localhost")
        try:
            yield server.url
        finally:
            server.stop()
            call_command("flush", interactive=False, verbosity=0, inhibit_post_migrate=True, reset_sequences=False)
            connection.creation.deserialize_db_from_string(found)


def inject_axe(page):
    """Load axe-core into the page from outside it: the site's CSP rightly refuses an injected <script>."""
    page.evaluate(AXE_SCRIPT.read_text())


@pytest.fixture
def axe(page):
    """Run axe-core on the current page and return its violations of WCAG 2.1 A/AA and best practice."""
    if not AXE_SCRIPT.exists():
        pytest.fail(f"{AXE_SCRIPT} is missing: `make test` installs axe-core with npm.")

    def run():
        inject_axe(page)
        result = page.evaluate(
            """() => axe.run(document, {runOnly: {type: 'tag',
                 values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice']}})"""
        )
        return [
            f"{v['id']} ({v['impact']}): {v['help']} — " + "; ".join(n["target"][0] for n in v["nodes"][:5])
            for v in result["violations"]
        ]

    return run


@pytest.fixture
def people_fill_forms_instantly(settings):
    """A browser fills the form faster than a person; rate limits would count every test's posts."""
    settings.SUBMISSION_MINIMUM_FILL_SECONDS = 0
    settings.SUBMISSION_RATE_LIMIT = "1000/h"

