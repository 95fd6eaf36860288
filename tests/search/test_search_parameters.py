"""The search page's GET parameters: a bad page number or hostile text is answered, never a 500."""

import datetime

import pytest
from django.contrib.auth import get_user_model

from search.backend import MAX_TERM_LENGTH, clean_search_text
from search.views import RESULTS_PER_PAGE
from tests.hostile import XSS, XSS_ATTRIBUTE
from tests.search.hostile_queries import HOSTILE_QUERIES

pytestmark = pytest.mark.django_db


@pytest.fixture
def road_decisions(decision_index, committed):
    from tests.decisions.factories import DecisionPageFactory

    with committed():
        for _ in range(RESULTS_PER_PAGE + 2):
            DecisionPageFactory(parent=decision_index, body="<p>Бюджетът за пътища.</p>", date=datetime.date(2025, 1, 1))


@pytest.mark.parametrize("page", ["abc", "0", "-1", "²", "9" * 5000, "\u0000", XSS_ATTRIBUTE])
def test_invalid_page_number_is_a_400_that_keeps_the_query(client, road_decisions, page):
    response = client.get("/search/", {"q": "пътища", "page": page})
    assert response.status_code == 400
    content = response.content.decode()
    assert "Не можем да покажем тези резултати" in content
    assert 'value="пътища"' in content
    assert response.context["results_page"] is None
    assert "<img src=x" not in content


def test_page_past_the_last_is_a_404_that_says_how_many_pages_there_are(client, road_decisions):
    response = client.get("/search/", {"q": "пътища", "page": "5"})
    assert response.status_code == 404
    assert "Няма страница 5; резултатите са на 2 страници." in response.content.decode()


def test_nul_in_the_query_is_a_400_with_a_message(client, road_decisions):
    response = client.get("/search/", {"q": "път\u0000ища"})
    assert response.status_code == 400
    assert "Търсенето не може да съдържа нулев знак" in response.content.decode()


@pytest.fixture
def park_decision(decision_index, committed):
    from tests.decisions.factories import DecisionPageFactory

    with committed():
        return DecisionPageFactory(parent=decision_index, title='Решение за "парка"', body="<p>Пейки в парка.</p>")


@pytest.mark.parametrize("query", HOSTILE_QUERIES)
def test_hostile_query_on_the_public_search_is_not_a_server_error(client, park_decision, query):
    response = client.get("/search/", {"q": query})
    assert response.status_code < 500
    assert XSS not in response.content.decode()


def test_query_with_unbalanced_quotes_still_finds_its_words(client, park_decision):
    response = client.get("/search/", {"q": '"пейки'})
    assert response.status_code == 200
    assert [r.title for r in response.context["results_page"]] == ['Решение за "парка"']


def test_hostile_queries_in_the_admin_searches_are_not_server_errors(client, park_decision, policy_index):
    from tests.consultations.factories import ConsultationFactory, SubmissionFactory
    from tests.policy_pages.factories import PolicyPageFactory

    consultation = ConsultationFactory(policy_page=PolicyPageFactory(parent=policy_index))
    SubmissionFactory(consultation=consultation, text="Повече пейки в парка.")
    client.force_login(get_user_model().objects.create_superuser("admin", "admin@example.bg", "парола-за-тест"))
    failures = []
    for url in ["/admin/documents/", "/admin/images/", "/admin/snippets/consultations/submission/", "/admin/pages/search/"]:
        for query in HOSTILE_QUERIES + ["пейки"]:
            status = client.get(url, {"q": query}).status_code
            if status >= 500:
                failures.append((url, query[:40], status))
    assert failures == []


def test_search_text_loses_control_characters_and_absurd_words():
    assert clean_search_text("a\u0000b\tc") == "a b c"
    assert clean_search_text("я" * 5000) == "я" * MAX_TERM_LENGTH
    assert clean_search_text('кмет "община') == 'кмет "община'


@pytest.mark.parametrize(
    ("params", "message"),
    [
        ({"kind": XSS}, "Няма такъв вид резултати"),
        ({"kind": "decision\u0000"}, "Няма такъв вид резултати"),
        ({"year": "abc"}, "Годината трябва да е число"),
        ({"year": "1200"}, "Няма документи отпреди 1878 г."),
        ({"year": "9" * 5000}, "Годината трябва да е"),
        ({"policy": "abc"}, "Политиката в адреса е неправилна."),
        ({"policy": "9" * 40}, "Политиката в адреса е неправилна."),
    ],
)
def test_an_invalid_filter_is_a_400_with_its_message_and_keeps_the_query(client, road_decisions, params, message):
    response = client.get("/search/", {"q": "пътища", **params})
    assert response.status_code == 400
    content = response.content.decode()
    assert message in content
    assert 'value="пътища"' in content
    assert XSS not in content


def test_a_policy_that_does_not_exist_is_a_404_that_says_so(client, road_decisions):
    response = client.get("/search/", {"q": "пътища", "policy": "987654"})
    assert response.status_code == 404
    assert "Няма такава политика." in response.content.decode()


def test_filters_survive_pagination(client, road_decisions):
    response = client.get("/search/", {"q": "пътища", "kind": "decision", "year": "2025"})
    assert response.status_code == 200
    assert "kind=decision" in response.context["pagination_query"] and "year=2025" in response.context["pagination_query"]
    second = client.get("/search/", {"q": "пътища", "kind": "decision", "year": "2025", "page": "2"})
    assert len(second.context["results_page"]) == 2

