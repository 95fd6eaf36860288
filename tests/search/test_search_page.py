"""The public search page over every live, public page."""

import datetime

import pytest

from search.views import MAX_QUERY_LENGTH, RESULTS_PER_PAGE
from tests.hostile import XSS, XSS_ATTRIBUTE

pytestmark = pytest.mark.django_db


@pytest.fixture
def compost_decision(decision_index, committed):
    from tests.decisions.factories import DecisionPageFactory

    with committed():
        return DecisionPageFactory(
            parent=decision_index,
            title="Решение за разделното събиране",
            body="<p>Общината раздава безплатни компостери на домакинствата в селата.</p>",
            date=datetime.date(2025, 10, 1),
        )


def test_search_finds_a_decision_by_a_word_of_its_body(client, compost_decision):
    response = client.get("/search/", {"q": "компостери"})
    assert response.status_code == 200
    assert [r.title for r in response.context["results_page"]] == ["Решение за разделното събиране"]
    assert compost_decision.url in response.content.decode()


def test_search_does_not_find_unpublished_pages(client, compost_decision, committed):
    with committed():
        compost_decision.unpublish()
    response = client.get("/search/", {"q": "компостери"})
    assert list(response.context["results_page"]) == []
    assert "0 резултата" in response.content.decode()


def test_empty_search_shows_just_the_form(client, home):
    response = client.get("/search/")
    assert response.status_code == 200
    assert response.context["results_page"] is None


@pytest.mark.parametrize("query", [XSS, XSS_ATTRIBUTE, "'; DROP TABLE wagtailcore_page; --", "%", "\\", "\u0000"])
def test_hostile_queries_are_answered_and_escaped(client, compost_decision, query):
    response = client.get("/search/", {"q": query})
    assert response.status_code in (200, 400)
    content = response.content.decode()
    assert XSS not in content
    assert "<img src=x" not in content


def test_huge_query_is_cut_to_the_maximum_and_the_page_says_so(client, compost_decision):
    response = client.get("/search/", {"q": "компостери " + "а" * 100_000})
    assert response.status_code == 200
    assert len(response.context["search_query"]) == MAX_QUERY_LENGTH
    assert f"Търсенето е съкратено до първите {MAX_QUERY_LENGTH} знака." in response.content.decode()


def test_results_are_paginated(client, decision_index, committed):
    from tests.decisions.factories import DecisionPageFactory

    with committed():
        for _ in range(RESULTS_PER_PAGE + 2):
            DecisionPageFactory(parent=decision_index, body="<p>Бюджетът за пътища.</p>")
    second = client.get("/search/", {"q": "пътища", "page": "2"})
    assert len(second.context["results_page"]) == 2


@pytest.mark.parametrize("decisions", [2, 60])
def test_search_query_count(client, decision_index, decisions, django_assert_max_num_queries, committed):
    from tests.decisions.factories import DecisionPageFactory

    with committed():
        for _ in range(decisions):
            DecisionPageFactory(parent=decision_index, body="<p>Бюджетът за пътища.</p>")
    client.get("/search/", {"q": "пътища"})
    # The page of hits is remembered until a change: asked again, the search costs no query.
    with django_assert_max_num_queries(0):
        assert client.get("/search/", {"q": "пътища"}).status_code == 200
    # Another search is made afresh: one of its queries asks the planner how many entries have the word, before
    # counting them (search/engine.py).
    with django_assert_max_num_queries(4):
        assert client.get("/search/", {"q": "бюджетът"}).status_code == 200


def test_the_year_filter_offers_the_years_with_entries_newest_first(client, decision_index, committed):
    from tests.decisions.factories import DecisionPageFactory

    with committed():
        for year in (2019, 2024, 2024, 2026):
            DecisionPageFactory(parent=decision_index, date=datetime.date(year, 6, 30))
        DecisionPageFactory(parent=decision_index, date=datetime.date(2021, 1, 1), live=False)
    years = client.get("/search/").context["years"]
    # The index and home pages carry their publication date: this year.
    assert [year for year in years if year < 2026] == [2024, 2019]
    assert years == sorted(set(years), reverse=True)
