"""A resident sends a proposal and confirms it, on a desktop and on a phone: each time the answer is where the eye is."""

import re

import pytest
from django.core import mail
from playwright.sync_api import expect

from tests.browser.consultation_form import fill_proposal

pytestmark = [pytest.mark.django_db(transaction=True), pytest.mark.usefixtures("people_fill_forms_instantly")]

POLICY = "/politiki/socialni-uslugi-i-zdraveopazvane/"


def in_viewport(page, locator):
    box = locator.bounding_box()
    height = page.viewport_size["height"]
    return box is not None and 0 <= box["y"] and box["y"] + min(box["height"], 40) <= height


def no_sideways_scroll(page):
    return page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")


@pytest.mark.parametrize("width,height", [(1280, 900), (360, 740)])
def test_send_then_confirm_and_see_each_message_where_the_eye_lands(page, demo_site, axe, width, height):
    page.set_viewport_size({"width": width, "height": height})
    page.goto(demo_site + POLICY)
    form = page.locator("form.submission-form")
    fill_proposal(form, f"Пейки и сянка на спирките ({width} px).", "Иван Георгиев", f"ivan{width}@example.org")
    form.get_by_role("button", name="Изпрати предложението").click()

    sent = page.get_by_role("alert").filter(has_text="Предложението е записано")
    expect(sent).to_be_visible()
    assert in_viewport(page, sent), "the message must be on screen after the redirect, not above it"
    assert page.url.endswith("-suobshtenie")
    assert no_sideways_scroll(page)
    assert axe() == []

    link = re.search(r"https?://\S+/konsultacii/potvardi/\S+/", mail.outbox[-1].body).group(0)
    page.goto(link)
    page.get_by_role("button", name="Потвърждавам предложението").click()
    confirmed = page.get_by_role("alert").filter(has_text="Предложението е потвърдено")
    expect(confirmed).to_be_visible()
    assert in_viewport(page, confirmed)
    assert no_sideways_scroll(page)
