"""Two people (or one double click) subscribing the same address at once: one row, never a server error."""

from concurrent.futures import ThreadPoolExecutor

import pytest
from django.core.cache import cache
from django.db import connection
from django.test import Client, override_settings

from alerts.models import Subscription
from tests.alerts.helpers import SUBSCRIBE_URL, form_data
from tests.conftest import make_home, restore_wagtail_base_data

pytestmark = pytest.mark.django_db(transaction=True)

PARALLEL = 10


@pytest.fixture
def site():
    restore_wagtail_base_data()
    make_home()
    cache.clear()


def post_in_thread(data):
    try:
        return Client().post(SUBSCRIBE_URL, data).status_code
    finally:
        connection.close()


@override_settings(ALERT_SUBSCRIPTION_RATE_LIMIT="1000/h", ALERT_CONFIRMATION_EMAIL_RATE_LIMIT="1000/h")
def test_the_same_subscription_sent_ten_times_at_once_is_stored_once(site):
    payloads = [form_data(email="Maria@example.org" if n % 2 else "maria@example.org") for n in range(PARALLEL)]
    with ThreadPoolExecutor(max_workers=PARALLEL) as pool:
        statuses = list(pool.map(post_in_thread, payloads))
    assert statuses == [302] * PARALLEL
    assert Subscription.objects.count() == 1


def test_the_database_refuses_a_second_row_for_the_same_address_and_topic(site):
    from django.db import IntegrityError

    Subscription.objects.create(email="maria@example.org", topic="decisions")
    with pytest.raises(IntegrityError):
        Subscription.objects.create(email="MARIA@example.org", topic="decisions")
