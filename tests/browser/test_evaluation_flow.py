"""A resident rates a policy in a real browser: errors where the eye is, confirmation, the result counted.

At 1280 and 360 px, with axe-core on every state (the form, its errors, the thanks, the confirmation page,
the results with their charts), and nothing that scrolls sideways on a phone.
"""

import re

import pytest
from django.core import mail
from playwright.sync_api import expect

from consultations.models import Evaluation, EvaluationStatus
from tests.browser.conftest import inject_axe

pytestmark = [pytest.mark.django_db(transaction=True), pytest.mark.usefixtures("people_fill_forms_instantly")]

POLICY = "/politiki/obrazovanie-i-mladi-hora/"


def sideways_overflow(page):
    return page.evaluate("() => document.documentElement.scrollWidth - document.documentElement.clientWidth")


@pytest.mark.parametrize("width", [1280, 360])
def test_a_resident_rates_a_policy_confirms_and_sees_it_counted(browser, demo_site, width):
    context = browser.new_context(locale="bg-BG", viewport={"width": width, "height": 900})
    page = context.new_page()
    page.set_default_timeout(15_000)
    def axe():
        inject_axe(page)
        return page.evaluate("""() => axe.run(document, {runOnly: {type: 'tag',
            values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice']}})
            .then(r => r.violations.map(v => v.id + ': ' + v.nodes.map(n => n.target.join(' ')).join(', ')))""")

    page.goto(demo_site + POLICY)
    section = page.locator("section.evaluation").last
    expect(section.get_by_role("heading", name="Оценка на изпълнението: 2026, първо полугодие")).to_be_visible()
    counted_before = Evaluation.objects.filter(status=EvaluationStatus.COUNTED, period__title="2026, първо полугодие",
                                               period__policy_page__slug="obrazovanie-i-mladi-hora").count()
    assert axe() == []
    assert sideways_overflow(page) <= 0

    # Sent with nothing scored: the summary at the form, each criterion named.
    form = section.locator("form.evaluation-form")
    form.get_by_role("button", name="Изпрати оценката").click()
    summary = page.locator(".error-summary")
    expect(summary).to_be_visible()
    expect(summary).to_contain_text("Оценете „Ефективност“ или изберете „Не мога да преценя“.")
    assert axe() == []

    form = page.locator("section.evaluation").last.locator("form.evaluation-form")
    for criterion, choice in [("Ефективност", "4 — добре"), ("Качество на услугите", "5 — много добре"),
                              ("Достъпност", "3 — средно"), ("Прозрачност", "Не мога да преценя")]:
        form.get_by_role("group", name=criterion).get_by_label(choice).check()
    form.get_by_role("group", name="Вие сте").get_by_label("НПО").check()
    form.get_by_label("Как услугите по тази политика").fill("Повече светофари с бутон до училищата.")
    form.get_by_label("Електронна поща").fill(f"ocenka{width}@example.org")
    form.get_by_label("Съгласен/на съм данните ми").check()
    form.get_by_role("button", name="Изпрати оценката").click()
    thanks = page.get_by_text(f"ще получите писмо на ocenka{width}@example.org")
    expect(thanks).to_be_visible()
    expect(thanks).to_be_in_viewport()
    assert axe() == []

    link = re.search(r"https?://\S+/konsultacii/ocenka/potvardi/\S+/", mail.outbox[-1].body).group(0)
    page.goto(link)
    expect(page.get_by_role("heading", name="Потвърждаване на оценка")).to_be_visible()
    assert axe() == []
    page.get_by_role("button", name="Потвърждавам оценката").click()
    confirmed = page.get_by_text("Оценката е потвърдена и е отчетена")
    expect(confirmed).to_be_visible()
    expect(confirmed).to_be_in_viewport()
    section = page.locator("section.evaluation").last
    expect(section.locator(".facts")).to_contain_text(str(counted_before + 1))
    expect(section.get_by_role("img", name=re.compile("Средна оценка по критерии"))).to_be_visible()
    expect(page.get_by_role("heading", name="Как се променя оценката").last).to_be_visible()
    assert axe() == []
    assert sideways_overflow(page) <= 0
    page.screenshot(path=f"/tmp/evaluation-{width}.png", full_page=True)
    context.close()
