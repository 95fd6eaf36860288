"""The archive remembers its counts and years until the public decisions change, and never shows a stale one."""

import datetime
from unittest import mock

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import PageViewRestriction

from decisions import archive_cache

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("page_cache_off")]


def shown_count(client, archive, **params):
    return client.get(archive.url, params).context["decisions_page"].paginator.count


@pytest.fixture
def three(decision_index, decision_page_factory):
    return [decision_page_factory(parent=decision_index, number=n, date=datetime.date(2025, 3, n)) for n in (1, 2, 3)]


def test_the_second_visit_counts_nothing(client, decision_index, three):
    assert shown_count(client, decision_index) == 3
    with CaptureQueriesContext(connection) as captured:
        assert shown_count(client, decision_index) == 3
    assert not [query for query in captured.captured_queries if "COUNT(" in query["sql"].upper()]


def test_the_count_follows_publishing_unpublishing_and_restricting(client, decision_index, decision_page_factory,
                                                                   three):
    assert shown_count(client, decision_index) == 3
    assert shown_count(client, decision_index, year=2025) == 3
    new = decision_page_factory(parent=decision_index, number=4, date=datetime.date(2025, 4, 1), live=False)
    new.save_revision().publish()
    assert shown_count(client, decision_index) == 4
    three[0].unpublish()
    assert shown_count(client, decision_index) == 3
    PageViewRestriction.objects.create(page=three[1], restriction_type=PageViewRestriction.LOGIN)
    assert shown_count(client, decision_index) == 2
    assert shown_count(client, decision_index, year=2025) == 2
    PageViewRestriction.objects.filter(page=three[1]).delete()
    assert shown_count(client, decision_index) == 3


def test_the_years_follow_the_decisions(client, decision_index, decision_page_factory, three):
    assert [year for year, _link in client.get(decision_index.url).context["years"]] == [2025]
    decision_page_factory(parent=decision_index, number=1, date=datetime.date(2019, 1, 5))
    assert [year for year, _link in client.get(decision_index.url).context["years"]] == [2025, 2019]


def test_an_import_is_counted_at_once(client, decision_index, three, tmp_path):
    """The import writes pages in bulk, without the signals of a save: it says itself that the archive changed."""
    from django.core.management import call_command

    assert shown_count(client, decision_index) == 3
    csv = tmp_path / "decisions.csv"
    csv.write_text("issuing_body,number,date,session,title,text,tags,policy,status,documents\n"
                   "council,10,2025-05-01,,Решение за парка,Текст.,,,,\n"
                   "council,11,2025-05-01,,Решение за улиците,Текст.,,,,\n", encoding="utf-8")
    call_command("import_decisions", str(csv), verbosity=0)
    assert shown_count(client, decision_index) == 5


def test_without_a_working_cache_the_archive_counts_every_time(client, decision_index, three):
    down = mock.Mock(**{f"{method}.side_effect": ConnectionError("memcached is down")
                        for method in ("get", "add", "set", "delete")})
    from botevgrad import remembered as remembered_module

    with mock.patch.object(remembered_module, "cache", down):
        response = client.get(decision_index.url)
    assert response.status_code == 200
    assert response.context["decisions_page"].paginator.count == 3


def test_a_search_is_counted_afresh(client, decision_index, three):
    """A search's matches follow the search index, which changes without any page being saved."""
    client.get(decision_index.url, {"q": "решение"})
    with mock.patch.object(archive_cache, "remembered", wraps=archive_cache.remembered) as remembered:
        client.get(decision_index.url, {"q": "решение"})
    assert "count" not in [call.args[0] for call in remembered.call_args_list]


def list_was_made(response):
    return "decisions/includes/archive_filter_form.html" in {template.name for template in response.templates}


def test_the_archives_list_is_made_once_per_address_and_again_after_a_publication(
        client, decision_index, decision_page_factory, three):
    """The content (site/templatetags/remembered_content.py): the filter form, the years, the list and its pages."""
    address = f"{decision_index.url}?year=2025"
    first, second = client.get(address), client.get(address)
    assert list_was_made(first) and not list_was_made(second)
    assert second.content == first.content
    assert list_was_made(client.get(decision_index.url))  # another address, its own content
    new = decision_page_factory(parent=decision_index, number=9, date=datetime.date(2025, 5, 1),
                                title="Решение за новия парк")
    after = client.get(address)
    assert list_was_made(after) and "Решение за новия парк" in after.content.decode()
    assert new.url in after.content.decode()


def test_a_refused_filter_keeps_its_status_and_message_when_its_content_is_remembered(client, decision_index, three):
    for _visit in range(2):
        response = client.get(decision_index.url, {"year": "²"})
        assert response.status_code == 400 and "Годината трябва да е число" in response.content.decode()


def test_a_search_with_words_is_made_afresh_every_time(client, decision_index, three):
    """Its hits follow a search index that may take a change in after the database."""
    address = f"{decision_index.url}?q=бюджета"
    assert list_was_made(client.get(address)) and list_was_made(client.get(address))
