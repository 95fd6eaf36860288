"""Many people sending at once: every accepted proposal is stored, a double click is stored once."""

import time
from concurrent.futures import ThreadPoolExecutor

import pytest
from django.core.cache import cache
from django.db import connection
from django.test import Client, override_settings

from consultations.models import Submission, SubmissionStatus
from tests.conftest import make_home, restore_wagtail_base_data
from tests.consultations.conftest import put_on_page
from tests.consultations.factories import ConsultationFactory
from tests.consultations.helpers import valid_submission
from tests.policy_pages.factories import PolicyIndexPageFactory, PolicyPageFactory

pytestmark = pytest.mark.django_db(transaction=True)

PARALLEL = 50


@pytest.fixture
def open_consultation_page():
    restore_wagtail_base_data()
    home = make_home()
    policy = PolicyPageFactory(parent=PolicyIndexPageFactory(parent=home))
    consultation = ConsultationFactory(policy_page=policy)
    put_on_page(policy, consultation)
    cache.clear()
    return policy, consultation


def post_in_thread(url, data):
    try:
        return Client().post(url, data).status_code
    finally:
        connection.close()


def run_in_parallel(url, payloads):
    with ThreadPoolExecutor(max_workers=PARALLEL) as pool:
        return list(pool.map(lambda data: post_in_thread(url, data), payloads))


@override_settings(SUBMISSION_RATE_LIMIT="1000/h")
def test_fifty_parallel_submissions_are_all_stored(open_consultation_page):
    policy, consultation = open_consultation_page
    payloads = [
        valid_submission(consultation, email=f"uchastnik{n}@example.org", text=f"Предложение номер {n} за парка")
        for n in range(PARALLEL)
    ]
    started = time.monotonic()
    statuses = run_in_parallel(policy.url + "predlozhenie/", payloads)
    elapsed = time.monotonic() - started
    assert statuses == [302] * PARALLEL
    assert Submission.objects.filter(consultation=consultation, status=SubmissionStatus.UNCONFIRMED).count() == PARALLEL
    assert sorted(Submission.objects.values_list("text", flat=True)) == sorted(f"Предложение номер {n} за парка"
                                                                             for n in range(PARALLEL))
    print(f"\n{PARALLEL} parallel submissions stored in {elapsed:.2f} s")


@override_settings(SUBMISSION_RATE_LIMIT="1000/h")
def test_the_same_proposal_sent_ten_times_at_once_is_stored_once(open_consultation_page):
    policy, consultation = open_consultation_page
    payload = valid_submission(consultation)
    statuses = run_in_parallel(policy.url + "predlozhenie/", [payload] * 10)
    assert Submission.objects.count() == 1
    assert statuses.count(302) == 1
    assert set(statuses) <= {200, 302}
