"""axe-core on the consultation block's states that need a change: before it opens, thanks after sending, confirmation."""

import re
from datetime import timedelta

import pytest
from django.core import mail
from django.utils import timezone

from policy_pages.models import PolicyPage
from tests.browser.consultation_form import fill_proposal
from tests.consultations.conftest import put_on_page
from tests.consultations.factories import ConsultationFactory

pytestmark = [pytest.mark.django_db(transaction=True), pytest.mark.usefixtures("people_fill_forms_instantly")]

OPEN_POLICY = "/politiki/socialni-uslugi-i-zdraveopazvane/"


def test_upcoming_consultation(page, demo_site, axe):
    policy = PolicyPage.objects.get(slug="gradska-sreda-i-transport")
    put_on_page(policy, ConsultationFactory(policy_page=policy, title="Проект за велоалеята",
                                            opens_at=timezone.now() + timedelta(days=3)))
    page.goto(demo_site + policy.url)
    assert page.get_by_text("Консултацията започва на").is_visible()
    assert axe() == []


def test_thanks_after_sending(page, demo_site, axe):
    page.goto(demo_site + OPEN_POLICY)
    form = page.locator("form.submission-form")
    fill_proposal(form, "Повече пейки по пътя към поликлиниката.", "Стоян Стоянов", "stoyan@example.org")
    form.get_by_role("button", name="Изпрати предложението").click()
    assert page.get_by_text("ще получите писмо на stoyan@example.org").is_visible()
    assert axe() == []


def test_confirmation_page(page, demo_site, axe):
    page.goto(demo_site + OPEN_POLICY)
    fill_proposal(page.locator("form.submission-form"), "Осветление на спирките.", "Вера Вълчева", "vera@example.org")
    page.get_by_role("button", name="Изпрати предложението").click()
    page.goto(re.search(r"https?://\S+/konsultacii/potvardi/\S+/", mail.outbox[-1].body).group(0))
    assert page.get_by_role("button", name="Потвърждавам предложението").is_visible()
    assert axe() == []
