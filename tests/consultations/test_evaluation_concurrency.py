"""A hundred identical evaluations sent and confirmed at once: exactly one counts, and nobody sees an error."""

from concurrent.futures import ThreadPoolExecutor

import pytest
from django.core import mail
from django.core.cache import cache
from django.db import connection
from django.test import Client, override_settings

from consultations.models import Evaluation, EvaluationStatus
from tests.conftest import make_home, restore_wagtail_base_data
from tests.consultations.evaluation_helpers import evaluation_confirmation_path, put_period_on_page, valid_evaluation
from tests.consultations.factories import EvaluationPeriodFactory
from tests.policy_pages.factories import PolicyIndexPageFactory, PolicyPageFactory

pytestmark = pytest.mark.django_db(transaction=True)

PARALLEL = 100


def post_in_thread(url, data=None):
    try:
        return Client().post(url, data or {}).status_code
    finally:
        connection.close()


@override_settings(SUBMISSION_RATE_LIMIT="1000/h", CONFIRMATION_EMAIL_RATE_LIMIT="1000/h")
def test_a_hundred_identical_evaluations_confirmed_at_once_leave_exactly_one_counted():
    restore_wagtail_base_data()
    policy = PolicyPageFactory(parent=PolicyIndexPageFactory(parent=make_home()))
    period = EvaluationPeriodFactory(policy_page=policy)
    put_period_on_page(policy, period)
    cache.clear()
    payload = valid_evaluation(period)
    with ThreadPoolExecutor(max_workers=20) as pool:
        sent = list(pool.map(lambda _: post_in_thread(policy.url + "ocenka/", payload), range(PARALLEL)))
    assert sent == [302] * PARALLEL
    assert Evaluation.objects.filter(status=EvaluationStatus.UNCONFIRMED).count() == PARALLEL
    links = [evaluation_confirmation_path(message) for message in mail.outbox]
    assert len(set(links)) == PARALLEL
    with ThreadPoolExecutor(max_workers=20) as pool:
        confirmed = list(pool.map(post_in_thread, links))
    # Confirmations of one period take turns (the period's row is locked): each replaces the one before.
    assert confirmed == [302] * PARALLEL
    assert Evaluation.objects.filter(status=EvaluationStatus.COUNTED).count() == 1
    assert Evaluation.objects.filter(status=EvaluationStatus.REPLACED).count() == PARALLEL - 1
