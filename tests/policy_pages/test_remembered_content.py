"""A policy page's content made once per address for plain visits (site/templatetags/remembered_content.py), with
the page cache off: each visitor still gets a form of their own, a visitor with a message or a session gets the
content made for them, and the content follows time and writes as the page cache does."""

import re
from datetime import timedelta

import pytest
import time_machine
from django.test import Client
from django.utils import timezone

from consultations.models import Consultation, Submission
from tests.consultations.helpers import valid_submission
from tests.participation import every_public_form

pytestmark = pytest.mark.django_db

CONTENT_TEMPLATES = {"consultations/blocks/consultation_block.html", "consultations/blocks/evaluation_block.html"}
FRESH = re.compile(r'name="(?:csrfmiddlewaretoken|(?:[\w-]+-)?rendered_at)" value="[^"]*"')
MESSAGE = "Предложението е записано"


@pytest.fixture
def site(home, policy_index, settings):
    settings.PAGE_CACHE_SECONDS = 0
    settings.SUBMISSION_MINIMUM_FILL_SECONDS = 0
    return every_public_form(home, policy_index)


def visit(client, address):
    response = client.get(address)
    assert response.status_code == 200
    return response


def made(response):
    return CONTENT_TEMPLATES & {template.name for template in response.templates}


def test_a_second_plain_visit_gets_the_content_made_for_the_first_with_a_form_of_its_own(site):
    address = site["policy"].url
    first, second = visit(Client(), address), visit(Client(), address)
    assert made(first) == CONTENT_TEMPLATES and not made(second)
    assert "X-Page-Cache" not in second  # the page cache is off: only the content was remembered
    assert FRESH.sub("", second.content.decode()) == FRESH.sub("", first.content.decode())
    token = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')
    assert token.search(second.content.decode()).group(1) != token.search(first.content.decode()).group(1)


def test_a_message_is_shown_to_the_visitor_it_is_for_and_to_nobody_else(site, mailoutbox):
    policy, consultation = site["policy"], site["consultation"]
    visit(Client(), policy.url)  # the plain content is remembered
    resident = Client()
    visit(resident, policy.url)
    assert resident.post(policy.url + "predlozhenie/", valid_submission(consultation)).status_code == 302
    assert Submission.objects.count() == 1 and len(mailoutbox) == 1
    with_message = visit(resident, policy.url)
    assert MESSAGE in with_message.content.decode() and made(with_message)
    after = visit(Client(), policy.url)
    assert MESSAGE not in after.content.decode() and not made(after)


def test_a_signed_in_editor_gets_content_made_for_them(site, admin_client):
    visit(Client(), site["policy"].url)
    assert made(visit(admin_client, site["policy"].url)) == CONTENT_TEMPLATES


def test_the_stage_and_the_form_follow_a_consultation_opening_with_no_write(site):
    policy, consultation = site["policy"], site["consultation"]
    opens_at = timezone.now() + timedelta(hours=2)
    Consultation.objects.filter(pk=consultation.pk).update(opens_at=opens_at, closes_at=opens_at + timedelta(days=30))
    before = visit(Client(), policy.url).content.decode()
    assert 'aria-current="step">Обществено обсъждане' not in before and "predlozhenie/" not in before
    assert not made(visit(Client(), policy.url))  # remembered until the consultation opens
    with time_machine.travel(opens_at + timedelta(minutes=1)):
        opened = visit(Client(), policy.url).content.decode()
    assert 'aria-current="step">Обществено обсъждане' in opened and "predlozhenie/" in opened
