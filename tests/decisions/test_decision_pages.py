"""The decisions archive: permanent addresses, uniqueness, the year filter and pagination."""

import datetime

import pytest
from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from wagtail.test.utils.form_data import nested_form_data, rich_text

from decisions.models import DECISIONS_PER_PAGE, DecisionPage, IssuingBody
from tests.hostile import XSS

pytestmark = pytest.mark.django_db


def test_decision_address_carries_year_and_number(decision_index, decision_page_factory):
    decision = decision_page_factory(parent=decision_index, number=123, date=datetime.date(2025, 3, 28))
    assert decision.url == "/resheniya/2025-123/"


def test_mayors_order_has_its_own_address_space(decision_index, decision_page_factory):
    decision_page_factory(parent=decision_index, number=7, date=datetime.date(2025, 1, 5))
    order = decision_page_factory(
        parent=decision_index, number=7, date=datetime.date(2025, 1, 5), issuing_body=IssuingBody.MAYOR
    )
    assert order.url == "/resheniya/zapoved-2025-7/"


def test_same_number_in_another_year_is_allowed(decision_index, decision_page_factory):
    decision_page_factory(parent=decision_index, number=1, date=datetime.date(2024, 1, 30))
    decision_page_factory(parent=decision_index, number=1, date=datetime.date(2025, 1, 30))
    assert DecisionPage.objects.count() == 2


def test_same_number_in_the_same_year_is_refused_with_a_message(decision_index, decision_page_factory):
    decision_page_factory(parent=decision_index, number=5, date=datetime.date(2025, 2, 1))
    with pytest.raises(ValidationError) as error:
        decision_page_factory(parent=decision_index, number=5, date=datetime.date(2025, 11, 1))
    assert "Вече има документ с този номер от 2025 г." in str(error.value)


def test_database_refuses_a_duplicate_number_even_without_validation(decision_index, decision_page_factory):
    first = decision_page_factory(parent=decision_index, number=9, date=datetime.date(2025, 2, 1))
    second = decision_page_factory(parent=decision_index, number=10, date=datetime.date(2025, 2, 1))
    with pytest.raises(IntegrityError), transaction.atomic():
        DecisionPage.objects.filter(pk=second.pk).update(number=first.number)


def test_decision_page_shows_its_particulars(client, decision_index, decision_page_factory):
    decision = decision_page_factory(parent=decision_index, number=42, session=7, date=datetime.date(2025, 6, 26))
    response = client.get(decision.url)
    assert response.status_code == 200
    content = response.content.decode()
    assert "<dd>42</dd>" in content
    assert "26.06.2025 г." in content
    assert "<dd>7</dd>" in content
    # The test client's host: the site record still says "localhost", which nobody else could open.
    assert '<a href="http://testserver/resheniya/2025-42/">' in content
    assert XSS not in content


def test_index_filters_by_year(client, decision_index, decision_page_factory):
    decision_page_factory(parent=decision_index, title="Старо", date=datetime.date(2024, 5, 1))
    decision_page_factory(parent=decision_index, title="Ново", date=datetime.date(2025, 5, 1))
    response = client.get(decision_index.url, {"year": "2024"})
    assert [d.title for d in response.context["decisions_page"]] == ["Старо"]
    assert [year for year, _query in response.context["years"]] == [2025, 2024]


def test_index_paginates(client, decision_index, decision_page_factory):
    for _ in range(DECISIONS_PER_PAGE + 3):
        decision_page_factory(parent=decision_index)
    second = client.get(decision_index.url, {"page": "2"})
    assert len(second.context["decisions_page"]) == 3


@pytest.mark.parametrize("decisions", [2, 80])
def test_decision_index_query_count(client, decision_index, decision_page_factory, decisions,
                                    django_assert_max_num_queries):
    for _ in range(decisions):
        decision_page_factory(parent=decision_index)
    client.get(decision_index.url)
    with django_assert_max_num_queries(1):
        assert client.get(decision_index.url).status_code == 200


def test_decision_page_query_count(client, decision_index, decision_page_factory, django_assert_max_num_queries):
    decision = decision_page_factory(parent=decision_index)
    client.get(decision.url)
    with django_assert_max_num_queries(1):
        assert client.get(decision.url).status_code == 200


def test_editor_gets_a_form_error_for_a_duplicate_number(client, decision_index, decision_page_factory):
    decision_page_factory(parent=decision_index, number=77, date=datetime.date(2025, 4, 1))
    editor = get_user_model().objects.create_superuser("redaktor", "r@example.bg", "парола-за-тест")
    client.force_login(editor)
    data = nested_form_data(
        {
            "title": "Второ решение със същия номер",
            "slug": "vtoro",
            "issuing_body": IssuingBody.COUNCIL,
            "number": "77",
            "date": "2025-09-01",
            "session": "",
            "body": rich_text("<p>Текст</p>"),
            "documents-TOTAL_FORMS": "0",
            "documents-INITIAL_FORMS": "0",
            "documents-MIN_NUM_FORMS": "0",
            "documents-MAX_NUM_FORMS": "1000",
            "tags": "",
            "action-publish": "publish",
        }
    )
    response = client.post(f"/admin/pages/add/decisions/decisionpage/{decision_index.pk}/", data)
    assert response.status_code == 200
    assert "Вече има документ с този номер от 2025 г." in response.content.decode()
    assert DecisionPage.objects.count() == 1
