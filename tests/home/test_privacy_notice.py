"""The privacy notice (чл. 13 GDPR): what it must tell a participant, and the footer link to it on every page."""

import pytest
from django.core.management import call_command
from wagtail.models import Site

from home.demo.pages import DPO_EMAIL
from home.models import MunicipalityContacts
from tests.home.html_links import links

pytestmark = pytest.mark.django_db

PRIVACY_URL = "/poveritelnost/"


@pytest.fixture
def notice(client, demo_content_pages):
    response = client.get(PRIVACY_URL)
    assert response.status_code == 200
    return response.content.decode()


def test_notice_names_the_controller_and_its_data_protection_officer(notice):
    assert "Администратор на личните данни е <b>Община Ботевград</b>" in notice
    assert "2140 Ботевград, пл. „Освобождение“ № 13" in notice
    assert "Длъжностното лице по защита на данните" in notice
    assert (f"mailto:{DPO_EMAIL}", DPO_EMAIL) in links(notice, inside="main")


def test_notice_lists_the_data_collected(notice):
    for item in ["име, електронна поща, вид заинтересована", "наименованието ѝ", "Текста на предложението",
                 "оценката", "IP адрес"]:
        assert item in notice, item


def test_notice_states_purposes_and_legal_basis(notice):
    assert "чл. 26 от Закона за нормативните актове" in notice
    assert "обществен интерес" in notice and "чл. 6, параграф 1, буква „д“" in notice
    # Consent: publishing a citizen's name and e-mail notifications, each with its own basis.
    assert notice.count("Основание: съгласие (чл. 6, параграф 1, буква „а“)") == 2
    assert "Публикуване на името на гражданин" in notice
    assert "Известия по електронна поща" in notice


def test_notice_says_what_is_published_and_that_email_addresses_never_are(notice):
    assert "<b>Никога не публикуваме</b> адресите на електронна поща" in notice
    assert "Гражданин (името не се публикува)" in notice


def test_notice_states_retention_and_what_erasure_keeps(notice):
    assert "Непотвърдено предложение се изтрива автоматично" in notice
    assert "7 дни" in notice
    assert "5 години от края на годината, в която е приключила консултацията" in notice
    assert "„изтрит участник“" in notice


def test_notice_lists_the_rights_and_how_to_exercise_them(notice):
    for right in ["Достъп", "Коригиране", "Изтриване", "Ограничаване", "Възражение", "Оттегляне на съгласието"]:
        assert f"<b>{right}</b>" in notice, right
    assert notice.count(f'href="mailto:{DPO_EMAIL}"') >= 2  # with the controller, and under the rights
    assert "до един месец" in notice


def test_notice_gives_the_right_to_complain_to_the_supervisory_authority(notice):
    assert "Комисията за защита на личните данни (КЗЛД)" in notice
    assert "София 1592, бул. „Проф. Цветан Лазаров“ № 2" in notice
    assert ("https://www.cpdp.bg", "www.cpdp.bg") in links(notice, inside="main")


def test_every_page_links_to_the_notice_in_its_footer(client):
    call_command("load_demo")
    for url in ["/", "/politiki/", "/politiki/socialni-uslugi-i-zdraveopazvane/", "/resheniya/", "/resheniya/2025-20/",
                "/obshtestveni-konsultacii/", "/dostapnost/", PRIVACY_URL, "/search/?q=бюджет",
                "/nyama-takava-stranica/"]:
        footer = links(client.get(url).content.decode(), inside="footer")
        assert (PRIVACY_URL, "Поверителност") in footer, url


def test_footer_has_no_privacy_link_until_a_page_is_chosen(client, home):
    assert MunicipalityContacts.for_site(Site.objects.get(is_default_site=True)).privacy_page is None
    assert "Поверителност" not in client.get("/").content.decode()
