"""What a resident or a reporter does on the site, in a real browser."""

import re

import pytest
from playwright.sync_api import expect

# The demo is loaded once for the module and committed: each test only reads it (demo_site_to_read).
pytestmark = pytest.mark.django_db



def test_resident_goes_from_home_to_a_policy(page, demo_site_to_read):
    page.goto(demo_site_to_read + "/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Диалози за бъдещето на Ботевград")
    page.get_by_role("navigation", name="Основна навигация").get_by_role("link", name="Политики").click()
    expect(page).to_have_url(re.compile(r"/politiki/$"))
    page.get_by_role("link", name="Образование и млади хора").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Образование и млади хора")
    expect(page.locator('[aria-current="step"]')).to_have_text("Изпълнение")


def test_reporter_searches_for_a_decision_and_opens_it(page, demo_site_to_read):
    page.goto(demo_site_to_read + "/")
    page.get_by_label("Търсете в решенията, политиките и документите").fill("компостери")
    page.get_by_label("Търсете в решенията, политиките и документите").press("Enter")
    expect(page).to_have_url(re.compile(r"/search/\?q="))
    results = page.locator(".search-results a")
    expect(results.first).to_be_visible()
    page.get_by_role("link", name="Добри практики").last.click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Добри практики")


def test_reporter_finds_a_decision_by_its_text_and_cites_its_address(page, demo_site_to_read):
    page.goto(demo_site_to_read + "/search/?q=" + "асистентска")
    page.locator(".search-results a").first.click()
    expect(page).to_have_url(re.compile(r"/resheniya/\d{4}-\d+/$"))
    expect(page.get_by_text("Постоянен адрес")).to_be_visible()


def test_skip_link_moves_focus_to_the_main_content(page, demo_site_to_read):
    page.goto(demo_site_to_read + "/")
    page.keyboard.press("Tab")
    skip = page.get_by_role("link", name="Към основното съдържание")
    expect(skip).to_be_focused()
    skip.press("Enter")
    expect(page.locator("main#main")).to_be_focused()


def test_site_works_on_a_small_phone_without_javascript(browser, demo_site_to_read):
    context = browser.new_context(java_script_enabled=False, viewport={"width": 320, "height": 640})
    page = context.new_page()
    page.goto(demo_site_to_read + "/resheniya/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Решения и заповеди")
    # On a phone the row of year links gives way to the folded form's year field.
    expect(page.get_by_role("link", name="2025", exact=True)).to_be_hidden()
    page.locator("summary", has_text="Филтри и подреждане").click()
    page.get_by_label("Година", exact=True).select_option("2025")
    page.get_by_role("button", name="Покажи").click()
    expect(page.get_by_role("heading", level=2, name="Решения от 2025 г.")).to_be_visible()
    expect(page.get_by_label("Година", exact=True)).to_be_visible()  # the fold stays open on what was chosen
    overflow = page.evaluate("document.documentElement.scrollWidth > document.documentElement.clientWidth")
    assert not overflow, "the page scrolls sideways on a 320 px screen"
    context.close()
