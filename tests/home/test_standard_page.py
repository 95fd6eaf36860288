"""Plain content pages: about, good practices, the accessibility statement."""

import pytest

from home.models import StandardPage
from tests.hostile import XSS

pytestmark = pytest.mark.django_db


def test_standard_page_renders_its_body(client, standard_page_factory, home):
    page = standard_page_factory(parent=home, title="За платформата")
    response = client.get(page.url)
    assert response.status_code == 200
    content = response.content.decode()
    assert "<h1>За платформата</h1>" in content
    assert "Текст на страницата" in content
    assert XSS not in content


def test_footer_links_to_the_accessibility_statement(client, standard_page_factory, home):
    from wagtail.models import Site

    from home.models import MunicipalityContacts

    statement = standard_page_factory(parent=home, title="Декларация за достъпност", slug="dostapnost")
    contacts = MunicipalityContacts.for_site(Site.objects.get(is_default_site=True))
    contacts.phone = "0723 69 100"
    contacts.accessibility_page = statement
    contacts.save()
    content = client.get("/").content.decode()
    assert 'href="/dostapnost/"' in content
    assert "0723 69 100" in content


def test_unknown_address_is_a_404_in_bulgarian(client, home):
    response = client.get("/nyama-takava-stranica/")
    assert response.status_code == 404
    assert "Страницата не е намерена" in response.content.decode()


def test_standard_page_query_count(client, standard_page_factory, home, django_assert_max_num_queries):
    page = standard_page_factory(parent=home)
    for _ in range(20):
        standard_page_factory(parent=page)
    client.get(page.url)
    with django_assert_max_num_queries(9):
        assert client.get(page.url).status_code == 200
    assert StandardPage.objects.count() == 21
