"""A journalist finds a decision by a word that is only inside its PDF, typed in another form, on a desktop and a phone."""

import datetime

import pytest
from django.core.files.base import ContentFile
from playwright.sync_api import expect

from decisions.models import DecisionDocument
from tests.consultations.factories import DocumentFactory
from tests.decisions.factories import DecisionIndexPageFactory, DecisionPageFactory
from tests.search.document_files import pdf

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def decision_with_annex(transactional_db, live_server):
    from tests.conftest import make_home, restore_wagtail_base_data

    restore_wagtail_base_data()
    archive = DecisionIndexPageFactory(parent=make_home())
    decision = DecisionPageFactory(
        parent=archive, title="Ремонт на улици през 2026 г.", number=150, date=datetime.date(2026, 3, 26),
        body="<p>Одобрява списъка на улиците за ремонт, приложен към решението.</p>",
    )
    # The street names are only in the PDF; the worker's extraction (immediate in tests) reads them.
    document = DocumentFactory(
        title="Приложение 1 – списък на улиците",
        file=ContentFile(pdf("Улица Зелена планина, улица Здравец и булевард Освобождение."), name="prilozhenie-1.pdf"),
    )
    decision.documents.add(DecisionDocument(document=document))
    decision.save()
    return live_server.url, decision


def no_sideways_scroll(page):
    return page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")


@pytest.mark.parametrize("width,height", [(1280, 900), (360, 740)])
def test_a_word_only_inside_the_pdf_finds_the_decision(page, decision_with_annex, axe, width, height):
    base_url, decision = decision_with_annex
    page.set_viewport_size({"width": width, "height": height})
    page.goto(base_url + "/")
    page.get_by_label("Търсете в решенията, политиките и документите").fill("зелената планина")
    page.locator("form.hero-search").get_by_role("button", name="Търси").click()

    hit = page.locator(".search-hit").first
    expect(hit).to_contain_text("Приложение 1 – списък на улиците")
    expect(hit.locator("mark").first).to_have_text("Зелена")
    assert no_sideways_scroll(page)
    assert axe() == []
    page.screenshot(path=f"/tmp/journalist-search-{width}.png", full_page=True)

    hit.get_by_role("link", name="Ремонт на улици през 2026 г.").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Ремонт на улици през 2026 г.")
    expect(page.get_by_role("link", name="Приложение 1 – списък на улиците")).to_be_visible()
    assert no_sideways_scroll(page)


@pytest.mark.parametrize("query", ["бюджет", "зелена", "нищонеможедасенамери", "Решение № 150"])
def test_every_search_state_passes_axe(page, decision_with_annex, axe, query):
    base_url, _decision = decision_with_annex
    page.goto(f"{base_url}/search/?q={query}")
    assert axe() == []
    page.goto(f"{base_url}/search/?q={query}&year=abc")
    assert axe() == []


ARCHIVE_STATES = {
    "everything": "",
    "words found": "?q=зелената+планина",
    "words not found": "?q=нищонеможедасенамери",
    "a long word not found (its message wraps at 360 px)": "?q=" + "бюджет" * 12,
    "filters chosen (the fold open)": "?year=2026&body=council&sort=number",
    "a filter it cannot apply (400)": "?status=abc",
    "a page past the end (404)": "?page=99",
}


@pytest.mark.parametrize("state", ARCHIVE_STATES)
@pytest.mark.parametrize("width", [1280, 360])
def test_every_archive_state_passes_axe(page, decision_with_annex, axe, state, width):
    base_url, decision = decision_with_annex
    page.set_viewport_size({"width": width, "height": 800})
    page.goto(base_url + decision.get_parent().url + ARCHIVE_STATES[state])
    assert axe() == []
    assert no_sideways_scroll(page)
