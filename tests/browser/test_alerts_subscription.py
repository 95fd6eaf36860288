"""A person subscribes to alerts in a real browser: the form, its errors and the confirmation pass axe-core."""

import re
from urllib.parse import urlsplit

import pytest
from django.core import mail
from django.core.cache import cache

from alerts.models import Subscription

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_subscribing_from_the_footer_link_to_confirmation(page, demo_site, axe):
    cache.clear()
    page.goto(demo_site + "/")
    page.get_by_role("link", name="Известия по електронна поща и RSS").click()
    assert page.get_by_role("heading", level=1).inner_text() == "Известия по електронна поща"
    assert axe() == []

    page.get_by_label("Електронна поща").fill("не-е-адрес")
    page.get_by_role("button", name="Абонирайте се").click()
    summary = page.locator(".error-summary")
    assert "Въведете валиден адрес" in summary.inner_text()
    assert "Без съгласие" in summary.inner_text()
    assert page.get_by_label("Електронна поща").input_value() == "не-е-адрес"
    assert axe() == []

    page.get_by_label("Електронна поща").fill("maria@example.org")
    page.get_by_label("Нови обществени консултации").check()
    page.get_by_label(re.compile("Съгласен/на съм")).check()
    page.get_by_role("button", name="Абонирайте се").click()
    assert "Изпратихме писмо на maria@example.org" in page.get_by_role("status").inner_text()

    link = re.search(r"https?://\S+/izvestiya/potvardi/\S+/", mail.outbox[-1].body).group(0)
    page.goto(demo_site + urlsplit(link).path)
    assert axe() == []
    page.get_by_role("button", name="Потвърждавам абонамента").click()
    assert "Абонаментът е потвърден" in page.get_by_role("status").inner_text()
    assert Subscription.objects.get().confirmed_at is not None
