"""A policy's measures and indicators as CSV and JSON: documented columns, safe cells, the page's visibility."""

import csv
import datetime
import io
import json
from decimal import Decimal

import pytest
from wagtail.models import Collection, CollectionViewRestriction, PageViewRestriction

from policy_pages.models import (Currency, Indicator, IndicatorValue, Measure, MeasureDecision, MeasureDocument,
                                 MeasureStatus)
from policy_pages.monitoring_export import INDICATOR_COLUMNS, MEASURE_COLUMNS, VALUE_COLUMNS
from tests.consultations.factories import DocumentFactory
from tests.decisions.factories import DecisionPageFactory

pytestmark = pytest.mark.django_db
FORMULA = '=HYPERLINK("http://example.com","Щракнете")'


@pytest.fixture
def policy(policy_index, policy_page_factory):
    return policy_page_factory(parent=policy_index, title="Чиста околна среда", slug="chista-sreda")


def export_url(policy, dataset, file_format):
    return f"{policy.url}export/{dataset}/{file_format}/"


def read_csv(response):
    text = response.content.decode("utf-8")
    assert text.startswith("\ufeff")  # spreadsheet programs read it as UTF-8
    return list(csv.reader(io.StringIO(text[1:])))


@pytest.fixture
def measures(policy, decision_index):
    decision = DecisionPageFactory(parent=decision_index, title="Решение за контейнерите")
    hidden = DecisionPageFactory(parent=decision_index, title="Неиздадено", live=False)
    private = Collection.get_first_root_node().add_child(name="Вътрешни")
    CollectionViewRestriction.objects.create(collection=private, restriction_type="login")
    # In the order the editor's panel gives them (sort_order): without it, the database may return either first.
    late = Measure.objects.create(page=policy, sort_order=0, title=FORMULA, responsible_unit="Отдел „Чистота“",
                                  status=MeasureStatus.IN_PROGRESS, progress=40, due_on=datetime.date(2020, 1, 31),
                                  budget_currency=Currency.BGN, planned_budget=Decimal("195583"))
    MeasureDecision.objects.create(measure=late, decision=decision)
    MeasureDecision.objects.create(measure=late, decision=hidden)
    MeasureDocument.objects.create(measure=late, document=DocumentFactory(title="График"))
    MeasureDocument.objects.create(measure=late, document=DocumentFactory(title="Тайно", collection=private))
    Measure.objects.create(page=policy, sort_order=1, title="Компостери", responsible_unit="Отдел",
                           status=MeasureStatus.DONE, progress=100)
    return decision


def test_measures_as_csv_with_documented_columns_and_neutralised_formulas(client, policy, measures):
    response = client.get(export_url(policy, "merki", "csv"))
    assert response.status_code == 200 and response["Content-Type"] == "text/csv; charset=utf-8"
    assert 'filename="chista-sreda-merki.csv"' in response["Content-Disposition"]
    header, late, done = read_csv(response)
    assert header == MEASURE_COLUMNS
    row = dict(zip(header, late))
    assert row["measure"] == "'" + FORMULA  # a spreadsheet shows it as text, never runs it
    assert row["status"] == "in_progress" and row["progress"] == "40" and row["overdue"] == "да"
    assert row["planned_budget"] == "195583" and row["planned_budget_eur"] == "100000"
    assert row["decisions"] == f"http://localhost{measures.url}"  # the site's address, the public decision only
    assert "График" not in row["documents"] and row["documents"].count("/documents/") == 1
    assert dict(zip(header, done))["overdue"] == "не"


def test_measures_as_json_nest_links_and_history(client, policy, measures):
    response = client.get(export_url(policy, "merki", "json"))
    assert response["Content-Type"] == "application/json; charset=utf-8"
    records = json.loads(response.content)
    assert [record["measure"] for record in records] == [FORMULA, "Компостери"]  # JSON keeps the text as it is
    assert records[0]["planned_budget_eur"] == 100000 and records[0]["decisions"] == [f"http://localhost{measures.url}"]
    assert records[1]["history"][0]["status"] == "done"
    assert set(records[0]) == set(MEASURE_COLUMNS)


def test_indicators_one_csv_row_a_value_and_one_for_an_indicator_without_values(client, policy):
    measured = Indicator.objects.create(page=policy, name="Рециклиране", unit="%", baseline_value=Decimal("12.5"),
                                        baseline_year=2021, target_value=Decimal("40"), target_year=2027)
    for day, value in [(datetime.date(2024, 12, 31), "20"), (datetime.date(2025, 12, 31), "26.25")]:
        IndicatorValue.objects.create(indicator=measured, measured_on=day, value=Decimal(value), source="+НСИ")
    Indicator.objects.create(page=policy, name="Велоалеи", unit="км")
    header, *rows = read_csv(client.get(export_url(policy, "indikatori", "csv")))
    assert header == INDICATOR_COLUMNS + VALUE_COLUMNS
    rows = [dict(zip(header, row)) for row in rows]
    assert [(row["indicator"], row["measured_on"], row["value"]) for row in rows] == [
        ("Рециклиране", "2024-12-31", "20"), ("Рециклиране", "2025-12-31", "26.25"), ("Велоалеи", "", "")]
    assert rows[0]["baseline_value"] == "12.5" and rows[0]["source"] == "'+НСИ"
    records = json.loads(client.get(export_url(policy, "indikatori", "json")).content)
    assert records[0]["values"][1] == {"measured_on": "2025-12-31", "value": 26.25, "source": "+НСИ", "note": ""}
    assert records[1]["values"] == [] and records[1]["baseline_value"] is None


@pytest.mark.parametrize("path", ["export/merki/xlsx/", "export/drugo/csv/", "export/merki/", "export/../csv/"])
def test_an_unknown_file_is_a_404(client, policy, path):
    assert client.get(f"{policy.url}{path}").status_code == 404


def test_a_policy_the_public_cannot_see_exports_nothing(client, policy, measures):
    policy.unpublish()
    assert client.get(export_url(policy, "merki", "csv")).status_code == 404
    policy.save_revision().publish()
    PageViewRestriction.objects.create(page=policy, restriction_type="password", password="тайна")
    response = client.get(export_url(policy, "merki", "json"))
    assert "Компостери" not in response.content.decode()


def test_the_page_links_its_data_files(client, policy, measures):
    Indicator.objects.create(page=policy, name="Велоалеи", unit="км")
    content = client.get(policy.url).content.decode()
    for dataset in ("merki", "indikatori"):
        for file_format in ("csv", "json"):
            assert f'href="{export_url(policy, dataset, file_format)}"' in content


@pytest.mark.parametrize("count", [2, 40])
def test_the_export_query_count_does_not_grow_with_measures(client, policy, decision_index, count,
                                                            django_assert_max_num_queries):
    decision = DecisionPageFactory(parent=decision_index)
    for number in range(count):
        MeasureDecision.objects.create(measure=Measure.objects.create(page=policy, title=f"Мярка {number}",
                                                                      responsible_unit="Отдел"), decision=decision)
    client.get(export_url(policy, "merki", "csv"))
    with django_assert_max_num_queries(6):
        assert client.get(export_url(policy, "merki", "csv")).status_code == 200
