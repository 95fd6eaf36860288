"""Monitoring reports: the editors' text beside live data, which follows the visibility of the page it comes from."""

import datetime
from datetime import timedelta
from decimal import Decimal

import pytest
import time_machine
from django.db import reset_queries
from django.urls import reverse
from django.utils import timezone
from wagtail.models import PageViewRestriction

from consultations.models import Answer, SubmissionStatus
from policy_pages.models import Indicator, IndicatorValue, Measure
from reports.models import MonitoringReportPage, ReportIndexPage
from search.models import SearchEntry
from tests.consultations.factories import ConsultationFactory, EvaluationPeriodFactory, SubmissionFactory, add_evaluation
from tests.hostile import XSS
from tests.policy_pages.factories import PolicyPageFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def policy(policy_index):
    policy = PolicyPageFactory(parent=policy_index, title=f"Образование {XSS}")
    Measure.objects.create(page=policy, sort_order=0, title="Ремонт на салона", responsible_unit="Инвестиции",
                           status="done", progress=100)
    Measure.objects.create(page=policy, sort_order=1, title="Младежки център", responsible_unit="Култура",
                           status="delayed", progress=40, due_on=datetime.date(2020, 1, 1))
    return policy


@pytest.fixture
def report_index(home):
    return home.add_child(instance=ReportIndexPage(title="Отчети", slug="otcheti"))


def make_report(report_index, body, title="Отчет за 2026", report_date=None):
    return report_index.add_child(instance=MonitoringReportPage(
        title=title, slug=f"otchet-{MonitoringReportPage.objects.count()}", period_covered="2026, първо полугодие",
        summary="Резюме на отчета.", body=body, report_date=report_date or timezone.localdate()))


@pytest.fixture
def indicator(policy):
    indicator = Indicator.objects.create(page=policy, name="Записани ученици", unit="%", baseline_value=Decimal(80),
                                         baseline_year=2024, target_value=Decimal(95), target_year=2030)
    IndicatorValue.objects.create(indicator=indicator, measured_on=datetime.date(2025, 6, 30), value=Decimal("84.5"))
    return indicator


@pytest.fixture
def period(policy):
    period = EvaluationPeriodFactory(policy_page=policy, title="2025", criteria=["Достъпност"])
    for n in range(5):
        add_evaluation(period, f"r{n}@example.org", [n % 5 + 1])
    return period


@pytest.fixture
def consultation(policy):
    consultation = ConsultationFactory(policy_page=policy, title="Проект на програма",
                                       opens_at=timezone.now() - timedelta(days=40))
    SubmissionFactory(consultation=consultation, status=SubmissionStatus.APPROVED, answer=Answer.ACCEPTED)
    SubmissionFactory(consultation=consultation, status=SubmissionStatus.APPROVED, answer=Answer.REJECTED,
                      answer_reason="Извън обхвата.")
    return consultation


@pytest.fixture
def report(report_index, policy, indicator, period, consultation):
    return make_report(report_index, [
        ("paragraph", "<p>Текстът на администрацията.</p>"),
        ("policy_progress", {"policy": policy, "heading": ""}),
        ("indicator_chart", {"indicator": indicator}),
        ("evaluation_summary", {"period": period}),
        ("consultation_summary", {"consultation": consultation}),
    ])


def test_a_report_shows_live_data_beside_the_text(client, report, consultation):
    content = client.get(report.url).content.decode()
    assert "Текстът на администрацията." in content and XSS not in content  # the policy title is escaped
    assert "Общо изпълнение: 70 %" in content  # (100 + 40) / 2
    assert "1 мярка е с изтекъл срок" in content
    assert "Записани ученици" in content and 'role="img"' in content
    assert "Въз основа на 5 потвърдени оценки" in content
    assert "Получени са 2 предложения." in content
    assert "Справката за отразяване на предложенията още не е публикувана." in content
    assert "Прието: 1" not in content  # the answers are told with the справка, not before it
    consultation.publish_report()
    content = client.get(report.url).content.decode()
    assert "Прието: 1" in content and "Неприето: 1" in content
    assert reverse("consultations:report", args=[consultation.pk]) in content


def test_the_live_data_change_with_the_data(client, report, policy):
    Measure.objects.filter(page=policy, title="Младежки център").update(progress=80)
    assert "Общо изпълнение: 90 %" in client.get(report.url).content.decode()


def test_an_evaluation_below_the_threshold_shows_no_result(client, report_index, policy):
    period = EvaluationPeriodFactory(policy_page=policy, title="2026", criteria=["Достъпност"])
    add_evaluation(period, "one@example.org", [5])
    report = make_report(report_index, [("evaluation_summary", {"period": period})])
    content = client.get(report.url).content.decode()
    assert "Още няма достатъчно оценки" in content and "role=\"img\"" not in content


@pytest.mark.parametrize("hide", ["unpublish", "restrict"])
def test_data_of_a_policy_the_public_cannot_see_is_left_out_entirely(client, report, policy, hide):
    if hide == "unpublish":
        policy.unpublish()
    else:
        PageViewRestriction.objects.create(page=policy, restriction_type="password", password="тайна")
    content = client.get(report.url).content.decode()
    assert "Текстът на администрацията." in content
    for leak in ["Образование", "Общо изпълнение", "Записани ученици", "Проект на програма", "Въз основа на"]:
        assert leak not in content


def test_the_index_lists_public_reports_newest_first_and_says_when_a_page_number_is_wrong(client, report_index):
    make_report(report_index, [], title="По-стар отчет", report_date=datetime.date(2025, 1, 10))
    make_report(report_index, [], title="По-нов отчет", report_date=datetime.date(2026, 1, 10))
    hidden = make_report(report_index, [], title="Скрит отчет")
    hidden.unpublish()
    content = client.get(report_index.url).content.decode()
    assert content.index("По-нов отчет") < content.index("По-стар отчет")
    assert "Скрит отчет" not in content
    response = client.get(report_index.url + "?stranica=abc")
    assert response.status_code == 400 and "цяло число" in response.content.decode()
    response = client.get(report_index.url + "?stranica=99")
    assert response.status_code == 404 and "Няма страница 99" in response.content.decode()
    assert "По-нов отчет" in response.content.decode()


def test_a_report_is_found_by_the_site_search_under_its_policies(client, report, policy):
    from search.bulk_entries import sync_batch

    sync_batch([report.pk])
    entry = SearchEntry.objects.get(page=report, fragment="")
    assert entry.kind == SearchEntry.Kind.REPORT
    assert entry.date == report.report_date
    assert list(entry.policies.values_list("pk", flat=True)) == [policy.pk]


def test_a_report_page_takes_the_same_queries_with_few_or_many_measures(
        client, report, policy, django_assert_max_num_queries):
    client.get(report.url)  # what is remembered until the next change (the tree, the blocks' data) is read once
    reset_queries()
    with django_assert_max_num_queries(8) as few:
        client.get(report.url)
    made_with = len(few)  # read now: the log is emptied before the next count
    for number in range(50):
        Measure.objects.create(page=policy, sort_order=10 + number, title=f"Мярка {number}",
                               responsible_unit="Звено", status="in_progress", progress=number)
    client.get(report.url)
    reset_queries()  # Django logs 9,000 queries at most: a full log would count none
    with django_assert_max_num_queries(made_with):
        assert client.get(report.url).status_code == 200


def test_the_indicator_chooser_lists_indicators_for_editors(client, indicator):
    from django.contrib.auth import get_user_model

    client.force_login(get_user_model().objects.create_superuser("r", "r@example.bg", "парола-1234"))
    response = client.get(reverse("indicator_chooser:choose"))
    assert response.status_code == 200
    import json

    html = json.loads(response.content)["html"]
    # Each indicator is named with its policy, since several policies measure alike things.
    assert "Записани ученици" in html and "Образование" in html


def test_a_measure_due_today_shows_as_overdue_from_midnight_though_nothing_is_written(client, report, policy,
                                                                                      page_cache_off):
    """A block's data is remembered until a write or the next timed moment (midnight here): reports/blocks.py."""
    today = timezone.localdate()
    Measure.objects.create(page=policy, sort_order=5, title="Нова ограда", responsible_unit="Инвестиции",
                           status="in_progress", progress=40, due_on=today)

    def overdue():
        return client.get(report.url).content.decode().split("изтекъл срок:")[1].split("</ul>")[0]

    assert "Нова ограда" not in overdue()
    assert "Нова ограда" not in overdue()  # from what was remembered
    tomorrow = timezone.make_aware(datetime.datetime.combine(today + timedelta(days=1), datetime.time(0, 5)))
    with time_machine.travel(tomorrow):
        assert "Нова ограда" in overdue()
