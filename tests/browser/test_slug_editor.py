"""An editor types a new page's title in Bulgarian; the slug fills in Latin, as the server makes it."""

import pytest
from django.contrib.auth import get_user_model
from playwright.sync_api import expect

from home.models import StandardPage
from home.slugs import latin_slugify
from tests.conftest import make_home, restore_wagtail_base_data

pytestmark = pytest.mark.django_db(transaction=True)

PASSWORD = "тайна-парола-123"


@pytest.fixture
def new_page_form(page, live_server):
    """The editor, signed in, on the form for a new content page under the home page."""
    restore_wagtail_base_data()
    home = make_home()
    get_user_model().objects.create_superuser("redaktor", "r@example.bg", PASSWORD)
    errors = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.goto(live_server.url + "/admin/login/")
    page.locator("#id_username").fill("redaktor")
    page.locator("#id_password").fill(PASSWORD)
    page.locator("button[type=submit]").click()
    page.goto(live_server.url + f"/admin/pages/add/home/standardpage/{home.pk}/")
    yield page
    assert errors == []


def test_typing_a_title_fills_the_slug_in_latin(new_page_form):
    page = new_page_form
    title = "Паркиране в централната градска част"
    page.locator("#id_title").press_sequentially(title)
    page.get_by_role("tab", name="Представяне").click()
    expect(page.locator("#id_slug")).to_have_value("parkirane-v-tsentralnata-gradska-chast")

    page.get_by_role("button", name="Запази като чернова").click()
    expect(page.locator(".messages")).to_be_visible()
    assert StandardPage.objects.get(title=title).slug == "parkirane-v-tsentralnata-gradska-chast"


@pytest.mark.parametrize(
    "title",
    [
        "София, България и Ботевградия",
        "Щъркел, жаба, цвят, чичо, шише, юли, ябълка, йод, хляб, ъгъл, шофьор",
        "ИЗСЛЕДВАНИЯ И ПРОУЧВАНИЯ",
        "„Зелен Ботевград“ — Решение № 23/2026 г.!",
        "Wi-Fi в парка: безплатно, café",
        "Дълга дума " * 30,
    ],
    ids=["ia-and-bulgaria", "letters", "capitals", "punctuation", "latin", "long"],
)
def test_editor_slug_matches_the_server(new_page_form, title):
    page = new_page_form
    page.locator("#id_title").fill(title)
    page.locator("#id_title").blur()
    expect(page.locator("#id_slug")).to_have_value(latin_slugify(title))


def test_cyrillic_typed_into_the_slug_becomes_latin(new_page_form):
    page = new_page_form
    page.locator("#id_title").fill("Новини")
    page.get_by_role("tab", name="Представяне").click()
    slug = page.locator("#id_slug")
    expect(slug).to_have_value("novini")
    slug.fill("Новини от общината")
    slug.blur()
    expect(slug).to_have_value("novini-ot-obshtinata")
