"""The layout's navigation, footer and the search page's filter lists are remembered, and never shown stale."""

from unittest import mock

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from home.models import MunicipalityContacts, StandardPage
from search.bulk_entries import sync_batch

pytestmark = pytest.mark.django_db


def nav_and_footer_queries(client, url):
    with CaptureQueriesContext(connection) as captured:
        content = client.get(url).content.decode()
    sql = " ".join(query["sql"] for query in captured.captured_queries)
    return content, sql


@pytest.fixture
def about(home):
    page = home.add_child(instance=StandardPage(title="За платформата", slug="za-platformata", show_in_menus=True))
    return page


def test_the_second_visit_reads_no_menu_and_no_contacts(client, home, about):
    client.get("/search/")
    content, sql = nav_and_footer_queries(client, "/search/")
    assert "За платформата" in content
    assert "home_municipalitycontacts" not in sql
    assert "wagtailcore_page\".\"show_in_menus\" AND" not in sql and "depth\" = 3" not in sql  # no menu query
    assert not MunicipalityContacts.objects.exists()  # a visit writes nothing


def test_the_menu_follows_publishing_unpublishing_and_moving_out_of_the_menu(client, home, about):
    client.get("/search/")
    news = home.add_child(instance=StandardPage(title="Събития", slug="sabitiya", show_in_menus=True))
    assert ">Събития</a>" in client.get("/search/").content.decode()
    news.unpublish()
    assert ">Събития</a>" not in client.get("/search/").content.decode()
    about.show_in_menus = False
    about.save_revision().publish()
    assert "За платформата" not in client.get("/search/").content.decode()


def test_the_footer_follows_the_contacts(client, home):
    client.get("/search/")
    contacts = MunicipalityContacts.for_site(home.get_site())
    contacts.phone = "0723 69 100"
    contacts.save()
    assert "0723 69 100" in client.get("/search/").content.decode()


def test_without_a_working_cache_the_layout_is_read_every_time(client, home, about):
    from botevgrad import remembered

    down = mock.Mock(**{f"{method}.side_effect": ConnectionError("memcached is down")
                        for method in ("get", "add", "set", "delete")})
    with mock.patch.object(remembered, "cache", down):
        response = client.get("/search/")
    assert response.status_code == 200 and "За платформата" in response.content.decode()


def test_the_search_filter_years_follow_the_entries(client, home, decision_index):
    import datetime

    from tests.decisions.factories import DecisionPageFactory as decision_page_factory

    first = decision_page_factory(parent=decision_index, number=1, date=datetime.date(2023, 5, 1))
    sync_batch([first.pk])
    assert 2023 in client.get("/search/").context["years"]
    later = decision_page_factory(parent=decision_index, number=2, date=datetime.date(2019, 5, 1))
    sync_batch([later.pk])
    assert 2019 in client.get("/search/").context["years"]
