"""The archive's address filters (year, tag, page): validated, combined, and never a 500 or a silently different list."""

import datetime

import pytest

from decisions.models import DECISIONS_PER_PAGE
from tests.hostile import XSS, XSS_ATTRIBUTE

pytestmark = pytest.mark.django_db

# "²" passes str.isdigit() but not int(); 5,000 digits pass isdigit() and overflow int().
INVALID_YEARS = ["²", "٢٠٢٤²", "9" * 5000, "abc", "2024'; DROP TABLE x;--", "-5", "99999", "20 24", XSS]
INVALID_PAGES = ["0", "-1", "abc", "\u0000", "²", "9" * 5000, "1.5e3", XSS_ATTRIBUTE]
INVALID_TAGS = [XSS, XSS_ATTRIBUTE, "два думи", "a" * 101, "../", "\u0000"]


def tagged(decision, *names):
    decision.tags.add(*names)
    decision.save()
    return decision


@pytest.fixture
def archive(decision_index, decision_page_factory):
    """Two years of decisions, one of each year about the budget."""
    tagged(decision_page_factory(parent=decision_index, title="Бюджет 2024", date=datetime.date(2024, 2, 1)), "бюджет")
    tagged(decision_page_factory(parent=decision_index, title="Бюджет 2025", date=datetime.date(2025, 2, 1)), "бюджет")
    tagged(decision_page_factory(parent=decision_index, title="Паркове", date=datetime.date(2025, 6, 1)), "паркове")
    return decision_index


def titles(response):
    return [decision.title for decision in response.context["decisions_page"]]


@pytest.mark.parametrize("year", INVALID_YEARS)
def test_invalid_year_is_a_400_with_a_message_and_no_list(client, archive, year):
    response = client.get(archive.url, {"year": year})
    assert response.status_code == 400
    content = response.content.decode()
    assert "Не можем да покажем този списък" in content
    assert response.context["filter_errors"]
    assert response.context["decisions_page"] is None
    assert "Паркове" not in content
    assert XSS not in content


def test_year_message_says_what_is_wrong(client, archive):
    assert "Годината трябва да е число" in client.get(archive.url, {"year": "²"}).content.decode()


def test_year_without_decisions_is_an_empty_list_not_all_decisions(client, archive):
    response = client.get(archive.url, {"year": "1999"})
    assert response.status_code == 200
    assert titles(response) == []
    content = response.content.decode()
    assert "Решения от 1999 г." in content
    assert "Няма публикувани решения." in content


def test_empty_year_means_every_year(client, archive):
    response = client.get(archive.url, {"year": ""})
    assert response.status_code == 200
    assert len(titles(response)) == 3


@pytest.mark.parametrize("page", INVALID_PAGES)
def test_invalid_page_number_is_a_400_with_a_message(client, archive, page):
    response = client.get(archive.url, {"page": page})
    assert response.status_code == 400
    assert response.context["decisions_page"] is None
    assert "Не можем да покажем този списък" in response.content.decode()


def test_page_past_the_last_is_a_404_that_says_how_many_pages_there_are(client, archive):
    response = client.get(archive.url, {"page": "999"})
    assert response.status_code == 404
    assert "Няма страница 999; решенията са на 1 страница." in response.content.decode()


def test_tag_filters_the_archive(client, archive):
    response = client.get(archive.url, {"tag": "бюджет"})
    assert response.status_code == 200
    assert titles(response) == ["Бюджет 2025", "Бюджет 2024"]
    content = response.content.decode()
    assert "С етикет „бюджет“" in content
    assert f'href="{archive.url}">Премахни етикета' in content


def test_tag_combines_with_the_year_and_each_link_keeps_the_other(client, archive):
    response = client.get(archive.url, {"tag": "бюджет", "year": "2024"})
    assert titles(response) == ["Бюджет 2024"]
    content = response.content.decode()
    assert 'href="?year=2025&amp;tag=%D0%B1%D1%8E%D0%B4%D0%B6%D0%B5%D1%82"' in content
    assert 'href="?tag=%D0%B1%D1%8E%D0%B4%D0%B6%D0%B5%D1%82">Всички години' in content
    assert 'href="?year=2024">Премахни етикета' in content


def test_tag_and_year_survive_pagination(client, decision_index, decision_page_factory):
    for _ in range(DECISIONS_PER_PAGE + 2):
        tagged(decision_page_factory(parent=decision_index, date=datetime.date(2025, 1, 1)), "бюджет")
    decision_page_factory(parent=decision_index, date=datetime.date(2025, 1, 1))
    first = client.get(decision_index.url, {"tag": "бюджет", "year": "2025"})
    assert 'href="?year=2025&amp;tag=%D0%B1%D1%8E%D0%B4%D0%B6%D0%B5%D1%82&amp;page=2"' in first.content.decode()
    second = client.get(decision_index.url, {"tag": "бюджет", "year": "2025", "page": "2"})
    assert len(second.context["decisions_page"]) == 2
    assert second.context["decisions_page"].paginator.count == DECISIONS_PER_PAGE + 2


def test_unknown_tag_is_a_404_with_a_message(client, archive):
    response = client.get(archive.url, {"tag": "nyama-takav"})
    assert response.status_code == 404
    assert "Няма решения с етикет „nyama-takav“." in response.content.decode()
    assert response.context["decisions_page"] is None


def test_tag_of_an_unpublished_decision_is_unknown(client, decision_index, decision_page_factory):
    tagged(decision_page_factory(parent=decision_index), "таен").unpublish()
    assert client.get(decision_index.url, {"tag": "таен"}).status_code == 404


@pytest.mark.parametrize("tag", INVALID_TAGS)
def test_malformed_tag_is_a_400_and_escaped(client, archive, tag):
    response = client.get(archive.url, {"tag": tag})
    assert response.status_code == 400
    content = response.content.decode()
    assert "Етикетът в адреса е" in content
    assert XSS not in content
    assert "<img src=x" not in content


def test_decision_page_tags_link_to_the_filtered_archive(client, archive):
    decision = archive.get_children().live().get(title="Паркове").specific
    content = client.get(decision.url).content.decode()
    assert '<a href="/resheniya/?tag=%D0%BF%D0%B0%D1%80%D0%BA%D0%BE%D0%B2%D0%B5">паркове</a>' in content
    assert client.get("/resheniya/?tag=%D0%BF%D0%B0%D1%80%D0%BA%D0%BE%D0%B2%D0%B5").status_code == 200


@pytest.mark.parametrize("decisions", [2, 80])
def test_filtered_archive_query_count_is_flat(client, decision_index, decision_page_factory, decisions,
                                             django_assert_max_num_queries):
    for number in range(decisions):
        tagged(decision_page_factory(parent=decision_index, date=datetime.date(2025, 1, 1)), "бюджет", f"друг-{number}")
    url_params = {"tag": "бюджет", "year": "2025", "page": "1"}
    client.get(decision_index.url, url_params)
    with django_assert_max_num_queries(2):
        assert client.get(decision_index.url, url_params).status_code == 200


@pytest.mark.parametrize("tags", [1, 30])
def test_decision_page_query_count_with_tags(client, decision_index, decision_page_factory, tags,
                                            django_assert_max_num_queries):
    decision = tagged(decision_page_factory(parent=decision_index), *[f"етикет-{n}" for n in range(tags)])
    client.get(decision.url)
    with django_assert_max_num_queries(1):
        assert client.get(decision.url).status_code == 200
