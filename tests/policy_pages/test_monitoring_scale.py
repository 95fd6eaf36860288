"""A policy page at the size monitoring reaches (benchmarks/monitoring_data.py) costs the queries of a small one."""

import datetime

import pytest

from benchmarks.monitoring_data import INDICATORS, MEASURES, fill
from policy_pages.models import Indicator, IndicatorValue, Measure, MeasureDecision
from tests.decisions.factories import DecisionPageFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def policy(policy_index, policy_page_factory, decision_index):
    for number in range(3):
        DecisionPageFactory(parent=decision_index, date=datetime.date(2025, 1, 10 + number))
    return policy_page_factory(parent=policy_index, title="Градска среда")


def small(policy):
    measure = Measure.objects.create(page=policy, title="Мярка", responsible_unit="Отдел", status="in_progress",
                                     progress=10)
    from decisions.models import DecisionPage

    MeasureDecision.objects.create(measure=measure, decision=DecisionPage.objects.first())
    indicator = Indicator.objects.create(page=policy, name="Индикатор", unit="%")
    IndicatorValue.objects.create(indicator=indicator, measured_on=datetime.date(2025, 12, 31), value=5)


@pytest.mark.parametrize("size", ["small", "monitoring"])
def test_the_policy_page_costs_the_same_queries_at_1_and_50_measures(client, policy, size,
                                                                     django_assert_max_num_queries):
    fill(policy) if size == "monitoring" else small(policy)
    client.get(policy.url)
    with django_assert_max_num_queries(1):
        response = client.get(policy.url)
    assert response.status_code == 200
    content = response.content.decode()
    if size == "monitoring":
        assert content.count('class="measure"') == MEASURES and content.count("<svg") == INDICATORS
