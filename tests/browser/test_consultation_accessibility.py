"""axe-core on the consultation block's states a visitor sees without sending (open, errors, closed), the справка and index."""

import pytest

from consultations.models import Consultation

# The demo is loaded once for the module and only read (demo_site_to_read); a form with errors stores nothing.
pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("people_fill_forms_instantly")]

OPEN_POLICY = "/politiki/socialni-uslugi-i-zdraveopazvane/"
CLOSED_POLICY = "/politiki/okolna-sreda-i-otpadaci/"


def test_open_consultation_with_its_form(page, demo_site_to_read, axe):
    page.goto(demo_site_to_read + OPEN_POLICY)
    assert page.locator("form.submission-form").is_visible()
    assert axe() == []


def test_form_with_errors(page, demo_site_to_read, axe):
    page.goto(demo_site_to_read + OPEN_POLICY)
    page.get_by_role("button", name="Изпрати предложението").click()
    assert page.locator(".error-summary").is_visible()
    assert axe() == []


def test_closed_consultation_with_its_answers(page, demo_site_to_read, axe):
    page.goto(demo_site_to_read + CLOSED_POLICY)
    assert page.get_by_text("Консултацията приключи.").is_visible()
    assert axe() == []


def test_published_report(page, demo_site_to_read, axe):
    report = Consultation.objects.filter(report_published_at__isnull=False).get()
    page.goto(demo_site_to_read + f"/konsultacii/{report.pk}/spravka/")
    assert axe() == []


def test_consultations_index(page, demo_site_to_read, axe):
    page.goto(demo_site_to_read + "/obshtestveni-konsultacii/")
    assert axe() == []


def test_invalid_confirmation_link_page(page, demo_site_to_read, axe):
    response = page.goto(demo_site_to_read + "/konsultacii/potvardi/nevalidna-vrazka/")
    assert response.status == 404
    assert axe() == []
