"""What the public sees of evaluations: nothing below the threshold, then means, shares, groups and the trend."""

from datetime import timedelta
from decimal import Decimal

import pytest
from django.db import reset_queries
from django.test import override_settings
from django.utils import timezone

from consultations.evaluation_charts import period_chart
from consultations.evaluation_results import PolicyEvaluations, mean
from consultations.models import EvaluationStatus, StakeholderType
from tests.consultations.evaluation_helpers import put_period_on_page
from tests.consultations.factories import EvaluationPeriodFactory, add_evaluation, add_recommendation
from tests.hostile import XSS

pytestmark = pytest.mark.django_db


@pytest.fixture
def period(policy):
    period = EvaluationPeriodFactory(policy_page=policy, title="2026, първо полугодие",
                                     criteria=["Ефективност", "Достъпност"])
    put_period_on_page(policy, period)
    return period


def rate(period, count, scores, group=StakeholderType.CITIZEN, start=0):
    for n in range(start, start + count):
        add_evaluation(period, f"u{n}-{group}@example.org", scores, stakeholder_type=group)


@pytest.mark.parametrize("counts, expected", [
    ({}, None),
    ({5: 1}, Decimal("5.0")),
    ({1: 1, 2: 1}, Decimal("1.5")),
    ({4: 2, 5: 1}, Decimal("4.3")),  # 4.333…
    ({1: 1, 2: 2}, Decimal("1.7")),  # 1.666…
    ({3: 1, 4: 1, 5: 2}, Decimal("4.3")),  # 4.25 rounds half up
])
def test_mean_to_one_decimal(counts, expected):
    assert mean(counts) == expected


def test_below_the_threshold_the_page_says_so_and_shows_no_answer(client, policy, period):
    rate(period, 4, [1, 5])
    add_evaluation(period, "unconfirmed@example.org", [2, 2], status=EvaluationStatus.UNCONFIRMED)
    add_evaluation(period, "replaced@example.org", [2, 2], status=EvaluationStatus.REPLACED)
    page = client.get(policy.url).content.decode()
    assert "Още няма достатъчно оценки" in page
    assert "Средна оценка по критерии" not in page
    results = PolicyEvaluations(policy).for_period(period.pk)
    assert results.count == 4 and not results.enough and results.criteria == []


def test_at_the_threshold_means_shares_and_cannot_tell_are_shown(client, policy, period):
    rate(period, 3, [5, None])
    rate(period, 2, [2, 4], start=3)
    results = PolicyEvaluations(policy).for_period(period.pk)
    assert results.enough and results.count == 5
    effectiveness, access = results.criteria
    assert effectiveness.distribution == [0, 2, 0, 0, 3] and effectiveness.mean == Decimal("3.8")
    assert access.distribution == [0, 0, 0, 2, 0] and access.cannot_tell == 3 and access.mean == Decimal("4.0")
    assert [share for _score, _n, share in effectiveness.shares()] == [0, 40, 0, 0, 60]
    page = client.get(policy.url).content.decode()
    assert "Средна оценка по критерии" in page
    assert "3,8" in page and "Въз основа на 5 потвърдени оценки" in page


@override_settings(EVALUATION_RESULTS_THRESHOLD=3)
def test_a_group_with_too_few_evaluations_is_not_shown_on_its_own(client, policy, period):
    rate(period, 3, [4, 4])
    rate(period, 2, [1, 1], group=StakeholderType.BUSINESS)
    results = PolicyEvaluations(policy).for_period(period.pk)
    assert [group.label for group in results.groups] == ["Гражданин"]
    assert results.hidden_groups == 1
    page = client.get(policy.url).content.decode()
    assert "не се показват поотделно" in page
    assert ">Бизнес<" not in page


def test_all_cannot_tell_gives_no_mean_and_no_bar(policy, period):
    rate(period, 5, [None, 3])
    results = PolicyEvaluations(policy).for_period(period.pk)
    assert results.criteria[0].mean is None
    chart = period_chart(results)
    assert chart.bars[0].width == 0 and chart.bars[0].value_text == "няма оценки"
    assert chart.bars[1].value_text == "3,0"


def test_the_trend_needs_two_periods_with_enough_evaluations_and_matches_criteria_by_name(client, policy, period):
    earlier = EvaluationPeriodFactory(
        policy_page=policy, title=f"2025 {XSS}", opens_at=timezone.now() - timedelta(days=400),
        closes_at=timezone.now() - timedelta(days=200), criteria=["ДОСТЪПНОСТ", "Прозрачност"])
    rate(earlier, 5, [2, 3])
    assert PolicyEvaluations(policy).trend() is None
    rate(period, 5, [4, 5], start=10)
    trend = PolicyEvaluations(policy).trend()
    assert trend.criteria == ["ДОСТЪПНОСТ", "Прозрачност", "Ефективност"]
    assert [(p.pk, means) for p, means in trend.rows] == [
        (earlier.pk, [Decimal("2.0"), Decimal("3.0"), None]),
        (period.pk, [Decimal("5.0"), None, Decimal("4.0")]),
    ]
    page = client.get(policy.url).content.decode()
    assert "Как се променя оценката" in page
    assert XSS not in page


def test_the_results_of_a_page_take_the_same_queries_for_ten_and_five_hundred_evaluations(
        client, policy, period, django_assert_max_num_queries):
    rate(period, 10, [3, 4])
    add_recommendation(add_evaluation(period, "r@example.org", [3, 3], recommendation="Повече пейки."),
                       "Повече пейки.", answer="accepted")
    client.get(policy.url)  # what is remembered until the next change (the tree, the results) is read once
    reset_queries()
    with django_assert_max_num_queries(8) as few:
        assert client.get(policy.url).status_code == 200
    made_with = len(few)  # read now: the log is emptied before the next count
    rate(period, 489, [5, 1], start=10)
    for n in range(30):
        add_recommendation(add_evaluation(period, f"more{n}@example.org", [1, 1], status="replaced"), f"Препоръка {n}")
    client.get(policy.url)
    reset_queries()  # Django logs 9,000 queries at most: a full log would count none
    with django_assert_max_num_queries(made_with):
        page = client.get(policy.url).content.decode()
    assert "Въз основа на 500 потвърдени оценки" in page
    assert "Страница 1 от 2" in page  # 31 published recommendations, 20 a page


def test_the_results_are_remembered_until_a_confirmation_changes_them(client, settings):
    """Counting the scores is not work for every visit; a confirmed evaluation shows at once all the same."""
    from django.core import mail
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from tests.consultations.evaluation_helpers import evaluate, evaluation_confirmation_path, put_period_on_page
    from tests.consultations.factories import EvaluationPeriodFactory
    from tests.policy_pages.factories import PolicyIndexPageFactory, PolicyPageFactory
    from tests.conftest import make_home

    settings.EVALUATION_RESULTS_THRESHOLD = 1
    settings.SUBMISSION_MINIMUM_FILL_SECONDS = 0
    policy = PolicyPageFactory(parent=PolicyIndexPageFactory(parent=make_home()))
    period = EvaluationPeriodFactory(policy_page=policy)
    put_period_on_page(policy, period)
    client.get(policy.url)
    with CaptureQueriesContext(connection) as queries:
        client.get(policy.url)
    assert not any("consultations_evaluationscore" in q["sql"] for q in queries.captured_queries)
    evaluate(client, policy, period)
    assert "Въз основа на" not in client.get(policy.url).content.decode()  # not yet confirmed, and remembered so
    client.post(evaluation_confirmation_path(mail.outbox[-1]))
    assert "Въз основа на 1 потвърдена оценка." in client.get(policy.url).content.decode()
