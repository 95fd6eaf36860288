"""axe-core on every state of the consultation block (before, open, errors, thanks, closed), the справка and confirmation."""

import re
from datetime import timedelta

import pytest
from django.core import mail
from django.utils import timezone

from consultations.models import Consultation
from policy_pages.models import PolicyPage
from tests.browser.consultation_form import fill_proposal
from tests.consultations.conftest import put_on_page
from tests.consultations.factories import ConsultationFactory

pytestmark = [pytest.mark.django_db(transaction=True), pytest.mark.usefixtures("people_fill_forms_instantly")]

OPEN_POLICY = "/politiki/socialni-uslugi-i-zdraveopazvane/"
CLOSED_POLICY = "/politiki/okolna-sreda-i-otpadaci/"


def test_upcoming_consultation(page, demo_site, axe):
    policy = PolicyPage.objects.get(slug="gradska-sreda-i-transport")
    put_on_page(policy, ConsultationFactory(policy_page=policy, title="Проект за велоалеята",
                                            opens_at=timezone.now() + timedelta(days=3)))
    page.goto(demo_site + policy.url)
    assert page.get_by_text("Консултацията започва на").is_visible()
    assert axe() == []


def test_open_consultation_with_its_form(page, demo_site, axe):
    page.goto(demo_site + OPEN_POLICY)
    assert page.locator("form.submission-form").is_visible()
    assert axe() == []


def test_form_with_errors(page, demo_site, axe):
    page.goto(demo_site + OPEN_POLICY)
    page.get_by_role("button", name="Изпрати предложението").click()
    assert page.locator(".error-summary").is_visible()
    assert axe() == []


def test_thanks_after_sending(page, demo_site, axe):
    page.goto(demo_site + OPEN_POLICY)
    form = page.locator("form.submission-form")
    fill_proposal(form, "Повече пейки по пътя към поликлиниката.", "Стоян Стоянов", "stoyan@example.org")
    form.get_by_role("button", name="Изпрати предложението").click()
    assert page.get_by_text("ще получите писмо на stoyan@example.org").is_visible()
    assert axe() == []


def test_closed_consultation_with_its_answers(page, demo_site, axe):
    page.goto(demo_site + CLOSED_POLICY)
    assert page.get_by_text("Консултацията приключи.").is_visible()
    assert axe() == []


def test_published_report(page, demo_site, axe):
    report = Consultation.objects.filter(report_published_at__isnull=False).get()
    page.goto(demo_site + f"/konsultacii/{report.pk}/spravka/")
    assert axe() == []


def test_consultations_index(page, demo_site, axe):
    page.goto(demo_site + "/obshtestveni-konsultacii/")
    assert axe() == []


def test_confirmation_page(page, demo_site, axe):
    page.goto(demo_site + OPEN_POLICY)
    fill_proposal(page.locator("form.submission-form"), "Осветление на спирките.", "Вера Вълчева", "vera@example.org")
    page.get_by_role("button", name="Изпрати предложението").click()
    page.goto(re.search(r"https?://\S+/konsultacii/potvardi/\S+/", mail.outbox[-1].body).group(0))
    assert page.get_by_role("button", name="Потвърждавам предложението").is_visible()
    assert axe() == []


def test_invalid_confirmation_link_page(page, demo_site, axe):
    response = page.goto(demo_site + "/konsultacii/potvardi/nevalidna-vrazka/")
    assert response.status == 404
    assert axe() == []
