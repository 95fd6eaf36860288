"""A resident reads a справка with long proposals on a 360 px phone: cards, no sideways scrolling; a table on desktop."""

from pathlib import Path

import pytest

from consultations.models import Answer, Consultation, SubmissionStatus
from tests.consultations.factories import SubmissionFactory

pytestmark = pytest.mark.django_db(transaction=True)

SCREENSHOTS = Path(__file__).resolve().parents[2] / "var" / "screenshots"
LONG_WORD = "https://botevgrad.bg/" + "dokumenti" * 31  # ~300 characters without a break opportunity
LONG_TEXT = ("Предлагаме повече пейки и засаждане на дървета по брега на реката. " * 80)[:4700] + " " + LONG_WORD


@pytest.fixture
def report_url(demo_site):
    """The demo's published справка, with long proposals and answers of every kind added to it."""
    consultation = Consultation.objects.filter(report_published_at__isnull=False).get()
    for answer in [Answer.ACCEPTED, Answer.PARTIALLY_ACCEPTED, Answer.REJECTED, Answer.NOT_ANSWERED]:
        SubmissionFactory(consultation=consultation, status=SubmissionStatus.APPROVED, text=LONG_TEXT,
                          author_name=LONG_WORD[:200], publish_name=True, answer=answer,
                          answer_reason="" if answer == Answer.ACCEPTED else LONG_TEXT)
    return f"{demo_site}/konsultacii/{consultation.pk}/spravka/"


def screenshot(page, name):
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SCREENSHOTS / name), full_page=False)


def test_report_on_a_small_phone_has_no_sideways_scrolling(page, report_url, axe):
    page.set_viewport_size({"width": 360, "height": 740})
    page.goto(report_url)
    assert page.evaluate("document.documentElement.scrollWidth") <= 360
    caption = page.locator("table.report caption")
    caption.scroll_into_view_if_needed()
    box = caption.bounding_box()
    assert box["x"] >= 0 and box["x"] + box["width"] <= 360, f"the caption is outside the screen: {box}"
    first_cell = page.locator("table.report tbody td").first
    label = first_cell.evaluate("cell => getComputedStyle(cell, '::before').content")
    assert label == '"№"'
    assert page.locator("table.report thead").bounding_box()["width"] <= 1  # read by screen readers, not shown
    screenshot(page, "report-360-top.png")
    page.locator(".answer-rejected").first.scroll_into_view_if_needed()
    screenshot(page, "report-360-card.png")
    assert axe() == []


def test_report_on_a_desktop_is_a_table(page, report_url, axe):
    page.goto(report_url)
    assert page.locator("table.report").evaluate("table => getComputedStyle(table).display") == "table"
    assert page.locator("table.report thead").is_visible()
    assert page.evaluate("document.documentElement.scrollWidth") <= 1280
    kinds = page.locator("table.report .answer").evaluate_all(
        "spans => spans.map(s => getComputedStyle(s, '::before').content + ' ' + getComputedStyle(s).borderLeftStyle)")
    assert len(set(kinds)) == 4, kinds
    page.locator(".answer-partially_accepted").first.scroll_into_view_if_needed()
    screenshot(page, "report-1280.png")
    assert axe() == []
