"""A consultation end to end in a real browser: propose, confirm, moderate, answer, publish the справка."""

import re
from datetime import timedelta

import pytest
import time_machine
from django.contrib.auth import get_user_model
from django.core import mail
from playwright.sync_api import expect

from consultations.models import Consultation, Submission, SubmissionStatus
from tests.browser.consultation_form import fill_proposal

pytestmark = [pytest.mark.django_db(transaction=True), pytest.mark.usefixtures("people_fill_forms_instantly")]

POLICY = "/politiki/socialni-uslugi-i-zdraveopazvane/"
PROPOSAL = "Да има вечерен курс на автобуса до Литаково за хората на смени."


def send_proposal(page, base_url):
    page.goto(base_url + POLICY)
    page.get_by_role("link", name="Предложение по „Чл. 3. Мобилен здравен кабинет“").click()
    form = page.locator("form.submission-form")
    expect(form.get_by_label("Раздел от проекта")).to_have_value(re.compile(r".+"))
    form.get_by_label("Предложение", exact=True).check()
    fill_proposal(form, PROPOSAL, "Елена Димитрова", "elena@example.org")
    form.get_by_role("button", name="Изпрати предложението").click()


def test_consultation_from_proposal_to_published_report(page, browser, demo_site):
    send_proposal(page, demo_site)
    expect(page.get_by_text("ще получите писмо на elena@example.org")).to_be_visible()
    link = re.search(r"https?://\S+/konsultacii/potvardi/\S+/", mail.outbox[-1].body).group(0)
    page.goto(link)
    page.get_by_role("button", name="Потвърждавам предложението").click()
    expect(page.get_by_text("Предложението е потвърдено")).to_be_visible()
    submission = Submission.objects.get(text=PROPOSAL)
    assert submission.status == SubmissionStatus.PENDING
    assert submission.section_title == "Чл. 3. Мобилен здравен кабинет"

    consultation = Consultation.objects.get(pk=submission.consultation_id)
    get_user_model().objects.create_superuser("redaktor", "r@example.bg", "тайна-парола-123")
    with time_machine.travel(consultation.closes_at + timedelta(hours=1)):
        editor = browser.new_context(locale="bg-BG").new_page()
        editor.goto(demo_site + "/admin/login/")
        editor.locator("#id_username").fill("redaktor")
        editor.locator("#id_password").fill("тайна-парола-123")
        editor.locator("button[type=submit]").click()
        editor.goto(demo_site + f"/admin/snippets/consultations/submission/?consultation={consultation.pk}&status=pending")
        editor.locator(f'input[data-bulk-action-checkbox][data-object-id="{submission.pk}"]').check()
        editor.get_by_label("Одобри избраните предложения").click()
        editor.get_by_label("Причина").fill("Отнася се до проекта.")
        editor.get_by_role("button", name="Потвърди").click()
        expect(editor.get_by_text("1 предложение е обработено.")).to_be_visible()

        editor.goto(demo_site + f"/admin/snippets/consultations/submission/edit/{submission.pk}/")
        editor.get_by_role("tab", name="Официален отговор").click()
        editor.locator("#id_answer").select_option(label="Частично прието")
        editor.locator("#id_answer_reason").fill("Вечерен курс ще има в работни дни от 1 март.")
        editor.locator("button.action-save").click()
        expect(editor.locator(".messages")).to_be_visible()

        editor.goto(demo_site + "/admin/snippets/consultations/consultation/")
        editor.get_by_role("link", name="Публикувай справката").click()
        editor.get_by_role("button", name="Публикувай справката").click()
        expect(editor.locator(".messages .success")).to_contain_text("е публикувана")

        page.goto(demo_site + POLICY)
        page.get_by_role("link", name="Справка за отразяване на предложенията").click()
        expect(page.get_by_role("heading", level=1)).to_have_text("Справка за отразяване на предложенията")
        row = page.get_by_role("row").filter(has_text=PROPOSAL)
        expect(row).to_contain_text("Частично прието")
        expect(row).to_contain_text("Вечерен курс ще има в работни дни от 1 март.")
        expect(row).to_contain_text("Гражданин (името не се публикува)")
        expect(page.locator("body")).not_to_contain_text("elena@example.org")
