"""The public's evaluations of a policy as open data and in its golden thread: aggregates only, never a person."""

import json

import pytest
from django.test import override_settings
from wagtail.models import PageViewRestriction

from consultations.models import StakeholderType
from policy_pages.monitoring_export import EVALUATION_COLUMNS, RESULT_COLUMNS
from tests.consultations.evaluation_helpers import put_period_on_page
from tests.consultations.factories import EvaluationPeriodFactory, add_evaluation
from tests.policy_pages.test_monitoring_export import FORMULA, export_url, read_csv

pytestmark = pytest.mark.django_db


@pytest.fixture
def policy(policy_index, policy_page_factory):
    return policy_page_factory(parent=policy_index, title="Социални услуги", slug="socialni-uslugi")


@pytest.fixture
def periods(policy):
    rated = EvaluationPeriodFactory(policy_page=policy, title="2026, първо полугодие", criteria=[FORMULA, "Достъпност"])
    few = EvaluationPeriodFactory(policy_page=policy, title="2026, второ полугодие", criteria=["Достъпност"])
    hidden = EvaluationPeriodFactory(policy_page=policy, title="Не е на страницата", criteria=["Достъпност"])
    for n in range(3):
        add_evaluation(rated, f"grajdanin{n}@example.org", [5, 4], recommendation="Тайна препоръка")
    for n in range(2):
        add_evaluation(rated, f"biznes{n}@example.org", [1, None], stakeholder_type=StakeholderType.BUSINESS)
    add_evaluation(few, "edin@example.org", [3])
    add_evaluation(hidden, "drug@example.org", [3])
    policy.body.append(("evaluation", {"period": rated}))
    put_period_on_page(policy, few)
    return rated, few


@override_settings(EVALUATION_RESULTS_THRESHOLD=3)
def test_evaluations_as_csv_aggregate_per_group_and_criterion_with_neutralised_formulas(client, policy, periods):
    response = client.get(export_url(policy, "ocenki", "csv"))
    assert response.status_code == 200
    rows = read_csv(response)
    assert rows[0] == EVALUATION_COLUMNS + RESULT_COLUMNS
    by_key = {(row[1], row[6], row[8]): row for row in rows[1:]}
    formula = by_key["2026, първо полугодие", "all", "'" + FORMULA]
    assert formula[4:6] == ["5", "да"]
    assert formula[6:] == ["all", "5", "'" + FORMULA, "3.4", "2", "0", "0", "0", "3", "0"]
    citizens = by_key["2026, първо полугодие", "citizen", "Достъпност"]
    assert citizens[6:] == ["citizen", "3", "Достъпност", "4", "0", "0", "0", "3", "0", "0"]
    everyone = by_key["2026, първо полугодие", "all", "Достъпност"]
    assert everyone[6:] == ["all", "5", "Достъпност", "4", "0", "0", "0", "3", "0", "2"]
    # The business group has 2 evaluations, below the threshold of 3: no row of its own.
    assert not any(row[6] == "business" for row in rows[1:])
    # The second period is below the threshold: one row with its count and nothing else.
    assert by_key["2026, второ полугодие", "", ""][4:6] == ["1", "не"]
    # A period the page does not show is not in the file; no address and no recommendation ever is.
    content = response.content.decode()
    assert "Не е на страницата" not in content and "@example.org" not in content and "Тайна" not in content


@override_settings(EVALUATION_RESULTS_THRESHOLD=3)
def test_evaluations_as_json(client, policy, periods):
    records = json.loads(client.get(export_url(policy, "ocenki", "json")).content)
    assert [(r["period"], r["evaluations"], r["published"]) for r in records] == [
        ("2026, първо полугодие", 5, True), ("2026, второ полугодие", 1, False)]
    everyone = records[0]["results"][0]
    assert everyone == {"group": "all", "group_evaluations": 5, "criterion": FORMULA, "mean": 3.4, "score_1": 2,
                        "score_2": 0, "score_3": 0, "score_4": 0, "score_5": 3, "cannot_tell": 0}
    assert records[1]["results"] == []


def test_a_policy_the_public_cannot_see_exports_no_evaluations(client, policy, periods):
    PageViewRestriction.objects.create(page=policy, restriction_type="password", password="тайна")
    assert "2026" not in client.get(export_url(policy, "ocenki", "json")).content.decode()
    policy.unpublish()
    assert client.get(export_url(policy, "ocenki", "csv")).status_code == 404


@override_settings(EVALUATION_RESULTS_THRESHOLD=3)
def test_the_golden_thread_shows_each_period_with_its_result_or_that_it_has_too_few(client, policy, periods):
    page = client.get(policy.url).content.decode()
    thread = page[page.index('id="golden-thread-heading"'):page.index("</ol>", page.index('id="golden-thread-heading"'))]
    assert "Оценка на изпълнението: 2026, първо полугодие" in thread
    assert "5 оценки, средна 3,6 от 5" in thread  # every score given: (2·1 + 3·5 + 3·4) / 8 = 3.625
    assert "още няма достатъчно оценки за резултат" in thread
    assert f'href="#ocenka-{periods[0].pk}"' in thread
