"""Plain content pages: about, good practices, the accessibility statement."""

import pytest
from wagtail.admin.rich_text.converters.contentstate import ContentstateConverter

from home.demo.pages import ACCESSIBILITY_SECTIONS, CONTACTS, PRIVACY_SECTIONS
from home.models import StandardPage
from policy_pages.blocks import ContentStreamBlock
from tests.home.html_links import links
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
    with django_assert_max_num_queries(1):
        assert client.get(page.url).status_code == 200
    assert StandardPage.objects.count() == 21


STATEMENT_SECTIONS = [  # the Commission's model statement (Implementing Decision (EU) 2018/1523)
    "За кой сайт се отнася декларацията",
    "Статус на съответствие",
    "Недостъпно съдържание",
    "Изготвяне на декларацията",
    "Обратна връзка и данни за контакт",
    "Процедура по прилагане",
]


@pytest.fixture
def statement(client, demo_content_pages):
    response = client.get("/dostapnost/")
    assert response.status_code == 200
    return response.content.decode()


def test_accessibility_statement_has_every_section_of_the_model(statement):
    positions = [statement.find(f">{heading}</h2>") for heading in STATEMENT_SECTIONS]
    assert -1 not in positions, dict(zip(STATEMENT_SECTIONS, positions))
    assert positions == sorted(positions)


def test_accessibility_statement_says_what_it_covers_and_how_far_it_complies(statement):
    assert "„Диалози за бъдещето на Ботевград“ на Община Ботевград" in statement
    assert "<b>частично съответства</b>" in statement
    assert "EN 301 549" in statement and "WCAG) 2.1, ниво AA" in statement
    for reason in ["сканирани документи без текстов слой", "Таблиците в изтеглимите PDF справки",
                   "Вградени карти и видеоклипове"]:
        assert reason in statement, reason


def test_accessibility_statement_dates_its_method_and_review(statement):
    assert "Декларацията е изготвена на 25.11.2026 г." in statement
    assert "axe-core" in statement and "с клавиатура и с екранен четец" in statement
    assert "Последен преглед: 25.11.2026 г." in statement


def test_accessibility_statement_feedback_is_a_working_mailto_link_with_a_deadline(statement):
    email = CONTACTS["email"]
    assert (f"mailto:{email}", email) in links(statement, inside="main")
    assert ("tel:072369100", CONTACTS["phone"]) in links(statement, inside="main")
    assert "в срок до 14 дни" in statement


def test_accessibility_statement_names_the_enforcement_body(statement):
    assert "Министерството на електронното управление" in statement
    assert "Държавна агенция „Електронно управление“" in statement


def test_mailto_links_survive_the_rich_text_editor():
    """An editor who opens and saves the statement keeps its mailto: links (Draftail's round trip)."""
    converter = ContentstateConverter(features=ContentStreamBlock.base_blocks["paragraph"].features)
    for heading, html in ACCESSIBILITY_SECTIONS + PRIVACY_SECTIONS:
        mailtos = [href for href, _ in links(html) if href.startswith("mailto:")]
        saved = converter.to_database_format(converter.from_database_format(html))
        for href in mailtos:
            assert f'href="{href}"' in saved, heading
