"""The archive's body, policy, status and order filters and its search box: combined, kept in every link, validated."""

import datetime
import re

import pytest

from decisions.models import DECISIONS_PER_PAGE, IssuingBody, LegalStatus
from tests.hostile import XSS, XSS_ATTRIBUTE
from tests.search.hostile_queries import HOSTILE_QUERIES

pytestmark = pytest.mark.django_db


@pytest.fixture
def waste_policy(policy_index, policy_page_factory):
    return policy_page_factory(parent=policy_index, title="Околна среда и отпадъци", slug="okolna-sreda")


@pytest.fixture
def archive(decision_index, decision_page_factory, waste_policy, django_capture_on_commit_callbacks):
    """Council decisions and mayor's orders over two years; two about waste, one of them repealed."""
    # The search index is updated once the pages are stored (on commit), as after an editor publishes.
    with django_capture_on_commit_callbacks(execute=True):
        return make_archive(decision_index, decision_page_factory, waste_policy)


def make_archive(decision_index, decision_page_factory, waste_policy):
    make = decision_page_factory
    fee = make(parent=decision_index, title="Такса за отпадъци", number=7, date=datetime.date(2024, 2, 1))
    make(parent=decision_index, title="Бюджет 2025", number=3, date=datetime.date(2025, 1, 20))
    make(parent=decision_index, title="График за зелените отпадъци", number=23, date=datetime.date(2025, 10, 1),
         issuing_body=IssuingBody.MAYOR, session=None)
    new_fee = make(parent=decision_index, title="Нова такса за отпадъци", number=12, date=datetime.date(2025, 3, 1))
    for decision in (fee, new_fee):
        decision.related_policies = [waste_policy]
        decision.save()
    fee.status, fee.amended_or_repealed_by = LegalStatus.REPEALED, new_fee
    fee.save()
    return decision_index


def titles(response):
    return [decision.title for decision in response.context["decisions_page"]]


def test_body_filter_shows_only_the_mayors_orders_and_calls_them_zapovedi(client, archive):
    response = client.get(archive.url, {"body": "mayor"})
    assert titles(response) == ["График за зелените отпадъци"]
    content = response.content.decode()
    assert '<p class="result-count">1 заповед</p>' in content
    assert "<h2>Всички заповеди</h2>" in content


def test_body_filter_council(client, archive):
    response = client.get(archive.url, {"body": "council"})
    assert titles(response) == ["Нова такса за отпадъци", "Бюджет 2025", "Такса за отпадъци"]
    assert '<p class="result-count">3 решения</p>' in response.content.decode()


def test_result_count_of_the_whole_archive(client, archive):
    assert '<p class="result-count">4 решения и заповеди</p>' in client.get(archive.url).content.decode()


@pytest.mark.parametrize("value", ["okolna-sreda", "by-id"])
def test_policy_filter_by_slug_or_id(client, archive, waste_policy, value):
    value = str(waste_policy.pk) if value == "by-id" else value
    response = client.get(archive.url, {"policy": value})
    assert titles(response) == ["Нова такса за отпадъци", "Такса за отпадъци"]
    content = response.content.decode()
    assert "По политика „Околна среда и отпадъци“" in content
    assert '<option value="okolna-sreda" selected>' in content


@pytest.mark.parametrize("value", ["nyama-takava", "999999"])
def test_unknown_policy_is_a_404_with_a_message(client, archive, value):
    response = client.get(archive.url, {"policy": value})
    assert response.status_code == 404
    assert f"Няма политика „{value}“." in response.content.decode()
    assert response.context["decisions_page"] is None


def test_unpublished_policy_is_unknown(client, archive, waste_policy):
    waste_policy.unpublish()
    assert client.get(archive.url, {"policy": "okolna-sreda"}).status_code == 404


@pytest.mark.parametrize("status, expected", [
    ("repealed", ["Такса за отпадъци"]),
    ("in_force", ["График за зелените отпадъци", "Нова такса за отпадъци", "Бюджет 2025"]),
    ("amended", []),
])
def test_status_filter(client, archive, status, expected):
    response = client.get(archive.url, {"status": status})
    assert response.status_code == 200
    assert titles(response) == expected


def test_repealed_decision_says_so_in_the_list(client, archive):
    content = client.get(archive.url, {"status": "repealed"}).content.decode()
    assert '<span class="decision-status decision-status-repealed">Отменено</span>' in content


@pytest.mark.parametrize("sort, expected", [
    ("newest", ["График за зелените отпадъци", "Нова такса за отпадъци", "Бюджет 2025", "Такса за отпадъци"]),
    ("oldest", ["Такса за отпадъци", "Бюджет 2025", "Нова такса за отпадъци", "График за зелените отпадъци"]),
    ("number", ["Бюджет 2025", "Нова такса за отпадъци", "График за зелените отпадъци", "Такса за отпадъци"]),
])
def test_sort_orders(client, archive, sort, expected):
    assert titles(client.get(archive.url, {"sort": sort})) == expected


@pytest.mark.parametrize("name, value, message", [
    ("body", "kmet", "Органът в адреса трябва да е council"),
    ("body", XSS, "Органът в адреса трябва да е council"),
    ("status", "valid", "Състоянието в адреса трябва да е in_force"),
    ("sort", "title", "Подреждането в адреса трябва да е newest"),
    ("sort", "relevance", "Подреждането по съответствие е само при търсене"),
    ("policy", XSS_ATTRIBUTE, "Политиката в адреса е неправилна."),
    ("policy", "a" * 300, "Политиката в адреса е твърде дълга."),
    ("q", "бюджет\u0000", "Търсенето не може да съдържа нулев знак"),
])
def test_invalid_value_is_a_400_with_a_message_and_no_list(client, archive, name, value, message):
    response = client.get(archive.url, {name: value})
    assert response.status_code == 400
    content = response.content.decode()
    assert "Не можем да покажем този списък" in content
    assert message in content
    assert response.context["decisions_page"] is None
    assert XSS not in content and "<img src=x" not in content


def test_filters_combine(client, archive, waste_policy):
    response = client.get(archive.url, {"year": "2025", "body": "council", "policy": "okolna-sreda",
                                        "status": "in_force", "sort": "oldest"})
    assert titles(response) == ["Нова такса за отпадъци"]


def test_every_link_keeps_the_other_filters(client, archive):
    params = {"year": "2025", "body": "council", "policy": "okolna-sreda", "status": "in_force", "sort": "oldest"}
    content = client.get(archive.url, params).content.decode()
    rest = "body=council&amp;policy=okolna-sreda&amp;status=in_force&amp;sort=oldest"
    assert f'href="?year=2025&amp;{rest}"' in content  # the year links
    assert f'href="?{rest}">Всички години' in content
    assert 'href="?year=2025&amp;body=council&amp;status=in_force&amp;sort=oldest">Премахни политиката' in content
    assert f'href="/resheniya/export/csv/?year=2025&amp;{rest}"' in content
    assert f'href="/resheniya/export/json/?year=2025&amp;{rest}"' in content


def test_all_filters_survive_pagination(client, decision_index, decision_page_factory, waste_policy):
    for number in range(DECISIONS_PER_PAGE + 2):
        decision = decision_page_factory(parent=decision_index, date=datetime.date(2025, 1, 1))
        decision.related_policies = [waste_policy]
        decision.tags.add("бюджет")
        decision.save()
    decision_page_factory(parent=decision_index, date=datetime.date(2025, 1, 1))
    params = {"year": "2025", "body": "council", "policy": "okolna-sreda", "tag": "бюджет", "status": "in_force",
              "sort": "number"}
    first = client.get(decision_index.url, params).content.decode()
    next_link = re.search(r'href="\?([^"]*page=2)" rel="next"', first).group(1).replace("&amp;", "&")
    assert next_link == ("year=2025&body=council&policy=okolna-sreda&tag=%D0%B1%D1%8E%D0%B4%D0%B6%D0%B5%D1%82"
                         "&status=in_force&sort=number&page=2")
    second = client.get(f"{decision_index.url}?{next_link}")
    assert len(second.context["decisions_page"]) == 2
    assert second.context["decisions_page"].paginator.count == DECISIONS_PER_PAGE + 2


def test_filter_form_works_without_javascript(client, archive):
    content = client.get(archive.url, {"body": "mayor", "year": "2025"}).content.decode()
    form = re.search(r'<form class="archive-filter" method="get" action="/resheniya/".*?</form>', content, re.S).group(0)
    assert '<fieldset>' in form and '<legend class="visually-hidden">' in form and '<details' in form
    assert '<button type="submit">' in form
    for field in ["archive-q", "archive-year", "archive-body", "archive-policy", "archive-status", "archive-sort"]:
        assert f'<label for="{field}">' in form and f'id="{field}"' in form
    assert '<option value="mayor" selected>' in form
    assert '<option value="2025" selected>' in form
    assert 'value="relevance"' not in form  # relevance is offered only with search words


def test_invalid_filter_keeps_the_form_with_what_was_chosen(client, archive):
    content = client.get(archive.url, {"body": "mayor", "status": "nyama"}).content.decode()
    assert '<option value="mayor" selected>' in content


@pytest.mark.parametrize("decisions", [3, 60])
def test_archive_query_count_with_every_filter_is_flat(client, decision_index, decision_page_factory, waste_policy,
                                                      decisions, django_assert_max_num_queries):
    for number in range(decisions):
        decision = decision_page_factory(parent=decision_index, date=datetime.date(2025, 1, 1))
        decision.related_policies = [waste_policy]
        decision.tags.add("бюджет", f"друг-{number}")
        decision.save()
    params = {"year": "2025", "body": "council", "policy": "okolna-sreda", "tag": "бюджет", "status": "in_force",
              "sort": "number", "page": "1"}
    client.get(decision_index.url, params)
    with django_assert_max_num_queries(2):
        assert client.get(decision_index.url, params).status_code == 200


# --- The search box (search.archive.search_archive, written by the search app) ---

def test_search_box_restricts_the_archive_and_keeps_the_filters(client, archive):
    response = client.get(archive.url, {"q": "такса", "body": "council"})
    assert response.status_code == 200
    assert set(titles(response)) == {"Нова такса за отпадъци", "Такса за отпадъци"}
    content = response.content.decode()
    assert 'value="такса"' in content
    assert "q=%D1%82%D0%B0%D0%BA%D1%81%D0%B0&amp;body=council" in content  # export and year links keep it
    assert 'value="relevance"' in content


def test_explicit_sort_wins_over_relevance(client, archive):
    response = client.get(archive.url, {"q": "такса", "sort": "oldest"})
    assert titles(response) == ["Такса за отпадъци", "Нова такса за отпадъци"]


@pytest.mark.parametrize("decisions", [3, 60])
def test_search_box_query_count_is_flat(client, decision_index, decision_page_factory, decisions,
                                        django_assert_max_num_queries, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        for _ in range(decisions):
            decision_page_factory(parent=decision_index, body="<p>Ремонт на улици.</p>")
    client.get(decision_index.url, {"q": "улици"})
    # With the planner's estimate of the matches, asked before counting them (search/engine.py).
    with django_assert_max_num_queries(7):
        response = client.get(decision_index.url, {"q": "улици"})
    assert response.context["decisions_page"].paginator.count == decisions


@pytest.mark.parametrize("query", HOSTILE_QUERIES)
def test_hostile_text_in_the_search_box_is_answered_not_a_server_error(client, archive, query):
    response = client.get(archive.url, {"q": query})
    assert response.status_code < 500
    assert "<script>alert" not in response.content.decode()


def test_a_word_only_in_an_attached_document_finds_its_decision(client, archive, django_capture_on_commit_callbacks):
    from decisions.models import DecisionDocument, DecisionPage
    from search.models import DocumentText
    from tests.consultations.factories import DocumentFactory

    decision = DecisionPage.objects.get(title="Такса за отпадъци")
    document = DocumentFactory(title="Приложение")
    with django_capture_on_commit_callbacks(execute=True):
        decision.documents.add(DecisionDocument(document=document))
        decision.save()
        DocumentText.objects.update_or_create(document=document, defaults={"status": "extracted",
                                                                           "text": "Контейнери на улица Зелена планина"})
    response = client.get(archive.url, {"q": "зелената планина"})
    # All words first (in the annex); "зелените отпадъци" of another decision is a partial match after it.
    assert titles(response)[0] == "Такса за отпадъци"


def test_a_search_orders_the_archive_by_one_array_not_a_branch_per_match(client, archive):
    """A CASE of a thousand branches cost Django 230 ms to build at 100,000 decisions (search/archive.py)."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    # The list page puts its few pages in order in Python; the export and the other orders take all the matches.
    with CaptureQueriesContext(connection) as captured:
        response = client.get(archive.url + "export/json/", {"q": "отпадъци"})
        assert response.status_code == 200 and b"".join(response.streaming_content).count(b'"number"') == 3
    listed = [query["sql"] for query in captured.captured_queries if "array_position" in query["sql"]]
    assert listed and not any(" CASE WHEN" in sql for sql in listed)


def test_a_search_that_finds_nothing_says_so_with_its_words_and_offers_no_download(client, archive):
    content = client.get(archive.url, {"q": "жираф"}).content.decode()
    assert "Няма решения и заповеди с „жираф“" in content
    assert "export/csv" not in content


def test_a_search_names_its_words_in_the_heading_not_all_decisions(client, archive):
    content = client.get(archive.url, {"q": "такса", "year": "2025"}).content.decode()
    assert "<h2>Намерени с „такса“</h2>" in content
    assert "Всички решения" not in content
    hostile = client.get(archive.url, {"q": XSS}).content.decode()
    assert "<script>alert" not in hostile
