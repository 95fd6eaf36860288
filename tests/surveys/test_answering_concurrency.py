"""Twenty copies of one browser's form sent at once (a double click, a script): exactly one is stored."""

from concurrent.futures import ThreadPoolExecutor

import pytest
from django.core.cache import cache
from django.db import connection
from django.test import Client, override_settings

from surveys.models import SurveyAnswer
from tests.conftest import make_home, restore_wagtail_base_data
from tests.surveys.helpers import make_survey, valid_answers

pytestmark = pytest.mark.django_db(transaction=True)

PARALLEL = 20


@override_settings(SUBMISSION_RATE_LIMIT="1000/h")
def test_one_form_sent_many_times_at_once_is_stored_once():
    restore_wagtail_base_data()
    survey = make_survey(make_home())
    cache.clear()
    browser = Client()
    browser.get(survey.url)
    cookies = browser.cookies
    payload = valid_answers(survey)

    def send(_):
        try:
            same_browser = Client()
            same_browser.cookies = cookies
            return same_browser.post(survey.url, payload).status_code
        finally:
            connection.close()

    with ThreadPoolExecutor(max_workers=PARALLEL) as pool:
        statuses = list(pool.map(send, range(PARALLEL)))
    assert SurveyAnswer.objects.count() == 1
    # One is thanked; every other is told the survey was already answered from this browser.
    assert sorted(statuses) == [302] + [409] * (PARALLEL - 1)
