"""Page slugs in Latin by the official Bulgarian transliteration, however a page is made."""

import json
import re
from pathlib import Path

import pytest
from django.core.exceptions import ValidationError
from django.core.management import call_command
from django.urls import reverse
from wagtail.models import Page
from wagtail.test.utils.form_data import nested_form_data, streamfield

from consultations.models import ConsultationIndexPage
from decisions.models import DecisionIndexPage
from home.demo.pages import STANDARD_PAGES
from home.demo.policies import POLICIES
from home.models import StandardPage
from home.slugs import BULGARIAN_TO_LATIN, SLUG_MAX_LENGTH, WHOLE_WORDS, latin_slugify
from policy_pages.models import PolicyIndexPage

JS_FILE = Path(__file__).resolve().parents[2] / "home" / "static" / "home" / "js" / "slug-transliteration.js"


@pytest.mark.parametrize(
    ("title", "slug"),
    [
        ("Паркиране в централната градска част", "parkirane-v-tsentralnata-gradska-chast"),
        ("Щъркел", "shtarkel"),
        ("Жица, цвят, чичо, шише", "zhitsa-tsvyat-chicho-shishe"),
        ("Юли, ябълка, йод, хляб", "yuli-yabalka-yod-hlyab"),
        ("Пълнолуние и ъгъл", "palnolunie-i-agal"),
        ("Дядо Коледа в Джурово", "dyado-koleda-v-dzhurovo"),
        ("Шофьор и район", "shofyor-i-rayon"),
        ("Ѝ казах", "i-kazah"),
        # Чл. 5: "ия" at the end of a word only.
        ("София", "sofia"),
        ("Стратегия за развитие", "strategia-za-razvitie"),
        ("Марияна", "mariyana"),
        ("Ботевградия", "botevgradia"),
        ("Ботевградиянци", "botevgradiyantsi"),
        ("ИЗСЛЕДВАНИЯ", "izsledvania"),
        # Чл. 6: the country's name keeps its traditional spelling, as a whole word only.
        ("Република България", "republika-bulgaria"),
        ("Българият", "balgariyat"),
        # Latin letters, digits and punctuation.
        ("Решение № 23/2026 г.", "reshenie-232026-g"),
        ("„Зелен Ботевград“ — 2026!", "zelen-botevgrad-2026"),
        ("Wi-Fi в парка: безплатно", "wi-fi-v-parka-bezplatno"),
        ("  Café   Müller  ", "cafe-muller"),
        ("_Тест_", "test"),
        ("?!…", ""),
    ],
)
def test_slug_follows_the_transliteration_law(title, slug):
    assert latin_slugify(title) == slug


def test_long_title_gives_a_slug_as_long_as_wagtail_allows_without_a_trailing_dash():
    slug = latin_slugify("Дълга дума " * 60)
    assert len(slug) <= SLUG_MAX_LENGTH == Page._meta.get_field("slug").max_length
    assert re.fullmatch(r"[a-z0-9]+(-[a-z0-9]+)*", slug)
    assert slug.startswith("dalga-duma-dalga-duma")


def js_object(name):
    source = JS_FILE.read_text(encoding="utf-8")
    return json.loads(re.search(rf"var {name} = (\{{.*?\}});", source, re.DOTALL).group(1))


def test_editor_script_has_the_same_table_as_the_server():
    assert js_object("BULGARIAN_TO_LATIN") == BULGARIAN_TO_LATIN
    assert js_object("WHOLE_WORDS") == WHOLE_WORDS


@pytest.mark.django_db
@pytest.mark.parametrize("page_class", [StandardPage, PolicyIndexPage, DecisionIndexPage, ConsultationIndexPage])
def test_every_page_type_gets_a_latin_slug_from_its_title(home, page_class):
    page = home.add_child(instance=page_class(title="Общинска стратегия"))
    page.refresh_from_db()
    assert page.slug == "obshtinska-strategia"
    assert page.url_path == "/nachalo/obshtinska-strategia/"


@pytest.mark.django_db
def test_cyrillic_slug_given_in_code_becomes_latin(home):
    page = home.add_child(instance=StandardPage(title="За нас", slug="за-общината"))
    page.refresh_from_db()
    assert page.slug == "za-obshtinata"
    assert page.url_path == "/nachalo/za-obshtinata/"


@pytest.mark.django_db
def test_draft_saved_with_a_cyrillic_slug_becomes_latin(home):
    page = home.add_child(instance=StandardPage(title="Чернова", slug="чернова", live=False))
    assert Page.objects.get(pk=page.pk).slug == "chernova"


@pytest.mark.django_db
def test_page_saved_without_cleaning_still_gets_a_latin_slug(home):
    page = StandardPage(title="Без проверка", slug="без-проверка")
    home.add_child(instance=page)
    page.slug = "още-без-проверка"
    page.save(clean=False)
    page.refresh_from_db()
    assert (page.slug, page.url_path) == ("oshte-bez-proverka", "/nachalo/oshte-bez-proverka/")


@pytest.mark.django_db
def test_wagtail_full_clean_fills_the_slug_in_latin(home):
    page = StandardPage(title="Добри практики")
    page._cached_parent_obj = home
    page.full_clean(exclude=["path", "depth"])  # set when the page is added to the tree
    assert page.slug == "dobri-praktiki"


@pytest.mark.django_db
def test_renaming_to_a_cyrillic_slug_moves_the_subpages_too(home):
    parent = home.add_child(instance=StandardPage(title="Раздел", slug="razdel"))
    child = parent.add_child(instance=StandardPage(title="Подстраница", slug="podstranitsa"))
    parent.slug = "нов-раздел"
    parent.save()
    child.refresh_from_db()
    assert child.url_path == "/nachalo/nov-razdel/podstranitsa/"


@pytest.mark.django_db
def test_title_slug_taken_by_a_sibling_gets_a_number(home):
    home.add_child(instance=StandardPage(title="Новини"))
    second = home.add_child(instance=StandardPage(title="Новини"))
    assert second.slug == "novini-2"


@pytest.mark.django_db
def test_cyrillic_slug_taken_by_a_sibling_in_latin_is_refused(home):
    home.add_child(instance=StandardPage(title="Новини", slug="novini"))
    with pytest.raises(ValidationError) as error:
        home.add_child(instance=StandardPage(title="Още новини", slug="новини"))
    assert "slug" in error.value.message_dict


@pytest.mark.django_db
def test_title_of_punctuation_only_gets_the_page_type_as_slug(home):
    page = home.add_child(instance=StandardPage(title="?!…"))
    assert page.slug == "stranitsa-sas-sadarzhanie"


@pytest.mark.django_db
def test_latin_slugs_are_left_alone(home):
    page = home.add_child(instance=StandardPage(title="Политики", slug="socialni-uslugi"))
    page.title = "Социални услуги"
    page.save()
    assert Page.objects.get(pk=page.pk).slug == "socialni-uslugi"


@pytest.mark.django_db
def test_demo_pages_keep_their_slugs():
    call_command("load_demo")
    slugs = set(Page.objects.values_list("slug", flat=True))
    assert {p["slug"] for p in STANDARD_PAGES} | {p["slug"] for p in POLICIES} <= slugs
    assert not any(re.search(r"[^a-z0-9-]", slug) for slug in slugs)


# Through the admin: Wagtail's create form, posted as the editor's browser posts it.


@pytest.fixture
def editor_client(client, django_user_model):
    client.force_login(django_user_model.objects.create_superuser("redaktor", "r@example.bg", "парола"))
    return client


def create_standard_page(client, parent, title, slug=""):
    url = reverse("wagtailadmin_pages:add", args=("home", "standardpage", parent.pk))
    data = nested_form_data({"title": title, "slug": slug, "intro": "", "body": streamfield([])})
    return client.post(url, data)


@pytest.mark.django_db
def test_admin_page_without_a_slug_gets_one_in_latin_from_its_title(editor_client, home):
    response = create_standard_page(editor_client, home, "Паркиране в централната градска част")
    assert response.status_code == 302
    page = StandardPage.objects.get(title="Паркиране в централната градска част")
    assert page.slug == "parkirane-v-tsentralnata-gradska-chast"
    assert page.url_path == "/nachalo/parkirane-v-tsentralnata-gradska-chast/"


@pytest.mark.django_db
def test_admin_slug_typed_in_cyrillic_is_saved_in_latin(editor_client, home):
    response = create_standard_page(editor_client, home, "За общината", slug="За общината")
    assert response.status_code == 302
    assert StandardPage.objects.get(title="За общината").slug == "za-obshtinata"


@pytest.mark.django_db
def test_admin_cyrillic_slug_taken_in_latin_is_a_form_error(editor_client, home):
    home.add_child(instance=StandardPage(title="Новини", slug="novini"))
    response = create_standard_page(editor_client, home, "Още новини", slug="новини")
    assert response.status_code == 200
    errors = response.context["form"].errors
    assert list(errors) == ["slug"]
    assert errors["slug"][0] == "Адресът „novini“ вече се използва от друга страница в този раздел."
    assert StandardPage.objects.filter(slug="novini").count() == 1


@pytest.mark.django_db
def test_admin_title_of_punctuation_only_still_makes_a_page(editor_client, home):
    response = create_standard_page(editor_client, home, "!!!")
    assert response.status_code == 302
    assert StandardPage.objects.get(title="!!!").slug == "stranitsa-sas-sadarzhanie"


@pytest.mark.django_db
def test_admin_slug_field_carries_the_editor_script(editor_client, home):
    response = editor_client.get(reverse("wagtailadmin_pages:add", args=("home", "standardpage", home.pk)))
    content = response.content.decode()
    assert "home/js/slug-transliteration.js" in content
    assert 'data-controller="w-slug' in content
