"""Pages with a form in the page cache (botevgrad/page_cache.py): each visitor gets a form of their own that
sends, a form without the visitor's own token is refused, and what one visitor's sending writes keeps or drops the
kept page as it should."""

import re

import pytest
import time_machine
from django.core import mail
from django.test import Client
from django.utils import timezone

from consultations.models import Submission
from surveys.models import SurveyAnswer
from tests.consultations.helpers import confirmation_path, valid_submission
from tests.site.test_page_cache import consultation, get, policy, text  # noqa: F401 - fixtures
from tests.surveys.helpers import make_survey, valid_answers

pytestmark = pytest.mark.django_db


def test_a_kept_form_page_gives_each_visitor_a_working_form(policy, consultation, settings):
    settings.SUBMISSION_MINIMUM_FILL_SECONDS = 0
    first, second = Client(enforce_csrf_checks=True), Client(enforce_csrf_checks=True)
    first_page = text(get(first, policy.url))
    response = get(second, policy.url)
    assert response["X-Page-Cache"] == "hit"
    # The second visitor's page carries a token for the second visitor's own cookie, and a fresh form time.
    assert second.cookies["csrftoken"].value != first.cookies["csrftoken"].value
    token = response.content.decode().split('name="csrfmiddlewaretoken" value="')[1].split('"')[0]
    assert token not in first_page
    data = valid_submission(consultation, text="Предложение от втория посетител")
    prefix = next(key for key in data if key.endswith("-rendered_at")).removesuffix("rendered_at")
    data[prefix + "rendered_at"] = response.content.decode().split(f'name="{prefix}rendered_at" value="')[1].split('"')[0]
    posted = second.post(policy.url + "predlozhenie/", {**data, "csrfmiddlewaretoken": token})
    assert posted.status_code == 302
    assert Submission.objects.filter(text="Предложение от втория посетител").exists()


def test_a_kept_form_refuses_a_post_without_the_visitors_own_token(policy, consultation):
    stranger = Client(enforce_csrf_checks=True)
    get(Client(enforce_csrf_checks=True), policy.url)
    page = get(stranger, policy.url).content.decode()
    token = page.split('name="csrfmiddlewaretoken" value="')[1].split('"')[0]
    attacker = Client(enforce_csrf_checks=True)  # has the page's token but not the cookie it was made for
    response = attacker.post(policy.url + "predlozhenie/", {**valid_submission(consultation), "csrfmiddlewaretoken": token})
    assert response.status_code == 403
    assert not Submission.objects.exists()


def test_a_proposal_waiting_for_confirmation_keeps_the_page_but_its_confirmation_does_not(
        client, policy, consultation, settings):
    settings.SUBMISSION_MINIMUM_FILL_SECONDS = 0
    get(client, policy.url)
    resident = Client()
    assert resident.post(policy.url + "predlozhenie/", valid_submission(consultation)).status_code == 302
    assert get(Client(), policy.url)["X-Page-Cache"] == "hit"
    assert resident.post(confirmation_path(mail.outbox[-1])).status_code == 302
    assert get(Client(), policy.url)["X-Page-Cache"] == "miss"  # a confirmed proposal is counted in public


def test_a_kept_survey_takes_one_answer_from_each_browser_and_the_answered_page_is_never_kept(home, settings):
    settings.SUBMISSION_MINIMUM_FILL_SECONDS = 0
    survey = make_survey(home)
    browsers = [Client(enforce_csrf_checks=True) for _ in range(2)]
    with time_machine.travel(timezone.now(), tick=False):  # both shown the same second
        pages = [get(browser, survey.url) for browser in browsers]
    assert [page["X-Page-Cache"] for page in pages] == ["miss", "hit"]  # showing the form wrote nothing
    shown = [dict(re.findall(r'name="(csrfmiddlewaretoken|rendered_at)" value="([^"]*)"', page.content.decode()))
             for page in pages]
    assert shown[0]["rendered_at"] != shown[1]["rendered_at"]  # each showing its own, which the answer is counted by
    for browser, fresh in zip(browsers, shown):
        assert browser.post(survey.url, {**valid_answers(survey), **fresh}).status_code == 302
    assert SurveyAnswer.objects.count() == 2
    answered = get(browsers[0], survey.url)  # a session now says "answered": its page is its own
    assert "X-Page-Cache" not in answered and "Вече попълнихте тази анкета" in text(answered)
