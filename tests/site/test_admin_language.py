"""Every admin screen an editor or moderator uses reads in Bulgarian: no English word is left on it."""

import json
import re
from html.parser import HTMLParser

import pytest
import wagtail_factories
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.urls import reverse
from django.utils.html import escape
from django.utils import translation
from wagtail.fields import StreamField
from wagtail.models import Collection, Page, Site
from wagtail.test.utils.form_data import nested_form_data, streamfield

from consultations.models import ConsultationIndexPage
from tests.consultations.factories import ConsultationFactory, DocumentFactory, SubmissionFactory
from tests.decisions.factories import DecisionPageFactory
from tests.home.factories import StandardPageFactory
from tests.hostile import XSS, XSS_ATTRIBUTE
from tests.policy_pages.factories import PolicyPageFactory

pytestmark = pytest.mark.django_db

# Latin-script words an editor may meet that are names, brands or abbreviations used as such in
# Bulgarian; anything else in Latin letters is an untranslated string.
ALLOWED_WORDS = {
    "Wagtail",  # the product's name (the logo, "Wagtail 8.0")
    "URL", "HTML", "PDF", "CSV", "JSON", "ID", "SEO", "RSS",  # abbreviations Bulgarian uses as they are
    "e-mail",  # the Wagtail user form's label is "E-mail" in Wagtail's own Bulgarian catalogue
    "Markdown",  # the name of a markup language (the rich-text editor's paste hint)
    "Draftail",  # the rich-text editor's name in its error screen
    "Ctrl", "Alt", "Shift", "Enter", "Tab", "Esc", "Cmd",  # keys on the keyboard
    "JavaScript", "XLSX", "AVIF", "GIF", "JPG", "JPEG", "PNG", "WEBP",  # technologies and file formats by name
}
# What our factories seed (hostile markup, file names) is content, not interface.
SEEDED_CONTENT = [XSS, XSS_ATTRIBUTE, "alert(1)", "dokument.pdf", "example.org", "example.bg", "localhost"]
# Names of groups Wagtail's migrations create: rows, not strings a catalogue can translate, and kept
# because code looks them up by name (home/migrations/0003 renames the root page, collection and task).
WAGTAIL_DATA_NAMES = ["Editors", "Moderators"]
# English that Wagtail 8.0 writes into its templates or code without gettext, so no catalogue can
# translate it: {(where it stands, the exact text): the reason}. Where "input value" is the value of a
# submit button and "text" a whole text node.
WAGTAIL_HARDCODED = {
    ("input value", "Search"): "wagtailadmin/home.html and shared/header.html: the screen-reader-only submit button",
    ("text", "True"): "boolean cells of listings: the screen-reader text is the Python value",
    ("text", "False"): "boolean cells of listings: the screen-reader text is the Python value",
    ("text", "None"): "wagtailadmin/shared/side_panel_toggle.html: the hidden counter of a panel without one",
}
# English that Wagtail 8.0 writes on one screen only: (the screen's address, the words, the reason).
WAGTAIL_HARDCODED_ON_SCREEN = [
    ("/admin/sites/", "Port", "wagtail/sites/views.py: Column('port') is labelled with the attribute's name"),
    ("/admin/sites/", "Site name", "wagtail/sites/views.py: Column('site_name') is labelled with the attribute's name"),
    ("/admin/groups/", "Page", "wagtail/users/forms.py: PagePermissionsForm's `page` field has no label, so Django "
     "names its screen-reader-only label after the field"),
    ("/admin/sites/", "Root page", "wagtail/sites/views.py: Column('root_page') is labelled with the attribute's name"),
]
# Names of permissions are rows that Django's post_migrate writes in English ("Can add group"); the
# group screens list them. Like WAGTAIL_DATA_NAMES, only a data migration could rename them.
PERMISSION_NAME_SCREENS = ("/admin/groups/",)

ENGLISH_WORD = re.compile(r"(?<![\w@./-])[A-Za-z][A-Za-z'-]*[A-Za-z](?![\w@/])")
PLACEHOLDER = re.compile(r"%\(\w+\)[sd]")  # filled in by the admin's JavaScript
NOT_INTERFACE = re.compile(r"\S*(?:@|://|\.\w{2,4}\b|/)\S*")  # addresses, file names, paths
VISIBLE_ATTRIBUTES = {"title", "aria-label", "placeholder", "alt", "aria-description", "data-w-tooltip-content-value"}
BUTTON_INPUT_TYPES = {"submit", "button", "reset"}


class VisibleText(HTMLParser):
    """The text a person meets on a page: text nodes (templates included), labels in attributes, JSON the
    admin's JavaScript turns into menus and messages."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.fragments = []
        self.skipping = None
        self.json_id = None
        self.time_zones = False

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "select":
            # The account's time-zone choices are IANA identifiers ("Europe/Sofia", "GMT").
            self.time_zones = (attrs.get("name") or "").endswith("time_zone")
        if tag in ("script", "style"):
            self.skipping = tag
            if attrs.get("id") in ("wagtail-sidebar-props", "wagtail-config"):
                self.json_id = attrs["id"]
        for name in VISIBLE_ATTRIBUTES & attrs.keys():
            self.fragments.append((f"{tag} {name}", attrs[name] or ""))
        if tag == "input" and attrs.get("type") in BUTTON_INPUT_TYPES:
            self.fragments.append(("input value", attrs.get("value") or ""))

    def handle_endtag(self, tag):
        if tag == self.skipping:
            self.skipping = self.json_id = None
        if tag == "select":
            self.time_zones = False

    def handle_data(self, data):
        if self.json_id:
            self.fragments.extend(("json", label) for label in json_labels(json.loads(data), self.json_id))
        elif not self.skipping and not self.time_zones:
            self.fragments.append(("text", data))


def json_labels(data, element_id):
    """The strings in the sidebar's menu items and the admin's STRINGS that end up on screen."""
    if element_id == "wagtail-config":
        data = data.get("STRINGS", {})
        data = {key: value for key, value in data.items() if key not in ("MONTHS", "WEEKDAYS", "WEEKDAYS_SHORT")}
        yield from strings_in(data)
        return

    def labels(node):
        if isinstance(node, dict):
            for key, value in node.items():
                if key in ("label", "footer_text", "title") and isinstance(value, str):
                    yield value
                else:
                    yield from labels(value)
        elif isinstance(node, list):
            for item in node:
                yield from labels(item)

    yield from labels(data)


def strings_in(node):
    if isinstance(node, str):
        yield node
    elif isinstance(node, dict):
        for value in node.values():
            yield from strings_in(value)
    elif isinstance(node, list):
        for item in node:
            yield from strings_in(item)


def permission_names():
    from django.contrib.auth.models import Permission

    return sorted(Permission.objects.values_list("name", flat=True), key=len, reverse=True)


def english_words(response, url=""):
    """(word, the fragment it stands in) for every Latin-letter word that is not a name or a brand."""
    html = response.content.decode()
    if response["Content-Type"].startswith("application/json"):
        html = json.loads(html).get("html", "")  # a chooser: the modal's HTML travels in JSON
    parser = VisibleText()
    parser.feed(html)
    found = []
    data_names = SEEDED_CONTENT + WAGTAIL_DATA_NAMES
    if url.startswith(PERMISSION_NAME_SCREENS):
        data_names = permission_names() + data_names
    data_names = [words for screen, words, _ in WAGTAIL_HARDCODED_ON_SCREEN if url.startswith(screen)] + data_names
    for where, fragment in parser.fragments:
        text = " ".join(fragment.split())
        if (where, text) in WAGTAIL_HARDCODED:
            continue
        for seeded in data_names:
            text = text.replace(seeded, " ")
        text = NOT_INTERFACE.sub(" ", PLACEHOLDER.sub(" ", text))
        for word in ENGLISH_WORD.findall(text):
            if word not in ALLOWED_WORDS and word.lower() not in {w.lower() for w in ALLOWED_WORDS}:
                found.append((word, text.strip()[:120]))
    return found


class FormFields(HTMLParser):
    """The values a browser would post from a form, as the server rendered it."""

    def __init__(self, form_id):
        super().__init__(convert_charrefs=True)
        self.form_id = form_id
        self.inside = False
        self.data = {}
        self.textarea = self.select = None
        self.first_option = None

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "form":
            self.inside = attrs.get("id") == self.form_id
        if not self.inside or "name" not in attrs and tag not in ("option",):
            return
        if tag == "input":
            if attrs.get("type") in ("checkbox", "radio") and "checked" not in attrs:
                return
            if attrs.get("type") in BUTTON_INPUT_TYPES | {"file"}:
                return
            self.data.setdefault(attrs["name"], []).append(attrs.get("value", "on" if attrs.get("type") == "checkbox" else ""))
        elif tag == "textarea":
            self.textarea = attrs["name"]
            self.data[self.textarea] = [""]
        elif tag == "select":
            self.select = attrs["name"]
        elif tag == "option" and self.select and "selected" in attrs:
            self.data.setdefault(self.select, []).append(attrs.get("value", ""))

    def handle_endtag(self, tag):
        if tag == "textarea":
            self.textarea = None
        elif tag == "select":
            self.select = None
        elif tag == "form":
            self.inside = False

    def handle_data(self, data):
        if self.textarea:
            self.data[self.textarea][0] += data


def form_data(html, form_id):
    parser = FormFields(form_id)
    parser.feed(html)
    return parser.data


def with_streamfields(page, data):
    """A StreamField's inputs are written by the admin's JavaScript, so the scraped form lacks them: post
    each empty StreamField as an empty stream (our pages' bodies are optional)."""
    for field in page.specific._meta.get_fields():
        if isinstance(field, StreamField) and f"{field.name}-count" not in data:
            data = {**data, **nested_form_data({field.name: streamfield([])})}
    return data


@pytest.fixture
def content(home, policy_index, decision_index):
    """One of everything an editor works with."""
    policy = PolicyPageFactory(parent=policy_index)
    consultation = ConsultationFactory(policy_page=policy)
    collection = Collection.get_first_root_node().add_child(name="Снимки от събития")
    # Wagtail's placeholder page, which `load_demo` deletes too; its title is content in English.
    Page.objects.filter(depth=2).exclude(pk=home.pk).delete()
    return {
        "home": home,
        "policy_index": policy_index,
        "decision_index": decision_index,
        "consultation_index": home.add_child(instance=ConsultationIndexPage(title="Консултации", slug="konsultacii")),
        "standard": StandardPageFactory(parent=home),
        "policy": policy,
        "decision": DecisionPageFactory(parent=decision_index),
        "consultation": consultation,
        "submission": SubmissionFactory(consultation=consultation),
        "image": wagtail_factories.ImageFactory(title="Снимка на площада", collection=collection),
        "document": DocumentFactory(),
        "collection": collection,
        "site": Site.objects.get(is_default_site=True),
    }


def make_user(username, group=None, **extra):
    User = get_user_model()
    create = User.objects.create_superuser if group is None else User.objects.create_user
    user = create(username, f"{username}@example.bg", "парола-за-тест", first_name="Мария", last_name="Иванова", **extra)
    if group:
        user.groups.add(Group.objects.get(name=group))
    return user


def editor_screens(c):
    """The screens Wagtail's Editors and Moderators groups work on."""
    pages = ("standard", "policy", "decision", "home", "policy_index", "decision_index", "consultation_index")
    submission_bulk = reverse(
        "wagtail_bulk_action", args=("consultations", "submission", "approve_submissions")
    ) + f"?id={c['submission'].pk}"
    return [
        "/admin/",
        "/admin/pages/",
        f"/admin/pages/{c['home'].pk}/",
        f"/admin/pages/{c['policy_index'].pk}/",
        f"/admin/pages/add/home/standardpage/{c['home'].pk}/",
        f"/admin/pages/add/policy_pages/policypage/{c['policy_index'].pk}/",
        f"/admin/pages/add/decisions/decisionpage/{c['decision_index'].pk}/",
        f"/admin/pages/{c['home'].pk}/add_subpage/",
        *(f"/admin/pages/{c[name].pk}/edit/" for name in pages),
        f"/admin/pages/{c['policy'].pk}/history/",
        f"/admin/pages/{c['standard'].pk}/copy/",
        "/admin/pages/search/?q=политика",
        "/admin/images/",
        "/admin/images/add/",
        f"/admin/images/{c['image'].pk}/",
        "/admin/images/chooser/",
        "/admin/documents/",
        "/admin/documents/add/",
        f"/admin/documents/edit/{c['document'].pk}/",
        "/admin/documents/chooser/",
        "/admin/choose-page/",
        # (Not /admin/snippets/: our snippets have menus of their own, so Wagtail's snippet index has none
        # to list and answers everyone with "permission denied".)
        "/admin/snippets/consultations/consultation/",
        "/admin/snippets/consultations/consultation/add/",
        f"/admin/snippets/consultations/consultation/edit/{c['consultation'].pk}/",
        f"/admin/snippets/consultations/consultation/history/{c['consultation'].pk}/",
        "/admin/snippets/consultations/submission/",
        "/admin/snippets/consultations/submission/add/",
        f"/admin/snippets/consultations/submission/edit/{c['submission'].pk}/",
        f"/admin/snippets/consultations/submission/history/{c['submission'].pk}/",
        submission_bulk,
        "/admin/reports/site-history/",
        "/admin/account/",
    ]


def admin_screens(c):
    """The screens only an administrator (a superuser) reaches."""
    return [
        f"/admin/pages/{c['standard'].pk}/delete/",
        f"/admin/pages/{c['standard'].pk}/move/",
        "/admin/collections/",
        "/admin/collections/add/",
        f"/admin/collections/{c['collection'].pk}/",
        "/admin/users/",
        reverse("wagtailusers_users:add"),
        "/admin/groups/",
        reverse("wagtailusers_groups:add"),
        f"/admin/groups/edit/{Group.objects.get(name='Editors').pk}/",
        "/admin/sites/",
        f"/admin/sites/edit/{c['site'].pk}/",
        f"/admin/settings/home/municipalitycontacts/{c['site'].pk}/",
        "/admin/redirects/",
        "/admin/reports/locked/",  # Editors may not lock pages, so Wagtail shows this report only to administrators
        "/admin/reports/aging-pages/",
        "/admin/reports/workflow/",
        "/admin/workflows/list/",
    ]


def walk(client, urls):
    problems = {}
    for url in urls:
        try:
            response = client.get(url)
        except Exception as error:  # noqa: BLE001 - one broken screen must not hide the others' English
            problems.setdefault(url, {})[f"{type(error).__name__}: {error}"] = {"(the screen crashed)"}
            continue
        if response.status_code != 200:
            problems.setdefault(url, {})[f"HTTP {response.status_code}"] = {"(the screen did not open)"}
        add_problems(problems, url, response)
    return problems


def add_problems(problems, url, response):
    for word, fragment in english_words(response, url):
        problems.setdefault(url, {}).setdefault(fragment, set()).add(word)


def report(problems):
    lines = []
    for url, fragments in problems.items():
        lines.append(url)
        lines.extend(f"    {', '.join(sorted(words))}  ←  {fragment!r}" for fragment, words in fragments.items())
    return "English left in the admin:\n" + "\n".join(lines)


def test_editors_screens_are_in_bulgarian(client, content):
    client.force_login(make_user("редактор", "Editors"))
    problems = walk(client, editor_screens(content))
    assert not problems, report(problems)


def test_administrators_screens_are_in_bulgarian(client, content):
    user = make_user("администратор")
    client.force_login(user)
    problems = walk(client, admin_screens(content) + [f"/admin/users/edit/{user.pk}/"])
    assert not problems, report(problems)


def test_login_and_failed_login_are_in_bulgarian(client, home):
    make_user("редактор", "Editors")
    problems = walk(client, ["/admin/login/"])
    response = client.post("/admin/login/", {"username": "редактор", "password": "грешна"})
    add_problems(problems, "/admin/login/ (wrong password)", response)
    assert not problems, report(problems)
    message = re.search(r'class="help-block[^"]*"[^>]*>\s*(?:<[^>]+>\s*)*([^<]+)', response.content.decode())
    error = re.search(r"(?s)<div[^>]*w-form-error[^>]*>.*?</div>|<div class=\"messages\".*?</div>", response.content.decode())
    assert error, "the failed login shows no message"
    text = re.sub(r"<[^>]+>|\s+", " ", error.group(0)).strip()
    assert text[:1].isupper(), f"the login error starts with a small letter: {text!r}"


def test_saving_and_publishing_say_so_in_bulgarian(client, content):
    client.force_login(make_user("редактор", "Moderators"))
    problems = {}
    for name in ("standard", "policy", "decision"):
        page = content[name]
        url = f"/admin/pages/{page.pk}/edit/"
        data = with_streamfields(page, form_data(client.get(url).content.decode(), "page-edit-form"))
        invalid = client.post(url, {**data, "title": ""})
        add_problems(problems, f"{url} (validation errors)", invalid)
        published = client.post(url, {**data, "action-publish": "action-publish"}, follow=True)
        add_problems(problems, f"{url} (published)", published)
        assert Page.objects.get(pk=page.pk).live
        assert escape(page.title) in published.content.decode()
    assert not problems, report(problems)


def test_snippet_messages_agree_with_any_model(client, content):
    """Wagtail's generic messages name the model; Bulgarian must not give a feminine model a masculine verb."""
    client.force_login(make_user("редактор", "Moderators"))
    url = f"/admin/snippets/consultations/consultation/edit/{content['consultation'].pk}/"
    data = form_data(client.get(url).content.decode(), "w-editor-form")
    saved = client.post(url, data, follow=True)
    problems = {}
    add_problems(problems, f"{url} (saved)", saved)
    assert not problems, report(problems)
    with translation.override("bg"):
        for message in (
            "%(model_name)s '%(object)s' created.",
            "%(model_name)s '%(object)s' updated.",
            "%(model_name)s '%(object)s' deleted.",
            "%(model_name)s '%(object)s' updated and published.",
            "%(model_name)s '%(object)s' created and published.",
        ):
            bulgarian = translation.gettext(message)
            assert bulgarian != message
            # The verb agrees with "записът", never with the model's name, whatever its gender.
            assert re.search(r"Записът „%\(object\)s“ \(%\(model_name\)s\)", bulgarian), bulgarian


@pytest.mark.django_db
def test_editors_avatar_is_wagtails_own_image_not_an_outside_service():
    from wagtail.admin.templatetags.wagtailadmin_tags import avatar_url

    user = get_user_model().objects.create_user("avatar", "avatar@example.bg", "парола-за-тест")
    url = avatar_url(user, size=50)
    assert url.startswith("/static/wagtailadmin/"), url
    assert "gravatar" not in url


@pytest.mark.django_db
def test_search_results_in_admin_listings_and_choosers_speak_bulgarian(client):
    from tests.consultations.factories import ConsultationFactory, SubmissionFactory
    from tests.policy_pages.factories import PolicyIndexPageFactory, PolicyPageFactory
    from tests.conftest import make_home

    policy = PolicyPageFactory(parent=PolicyIndexPageFactory(parent=make_home()))
    SubmissionFactory(consultation=ConsultationFactory(policy_page=policy), text="Пейки в парка")
    client.force_login(get_user_model().objects.create_superuser("търсач", "t@example.bg", "парола-за-тест"))
    listing = "/admin/snippets/consultations/submission/"
    none_found = client.get(listing, {"q": "несъществуващодумо"}).content.decode()
    assert "match your query" not in none_found and "Няма резултати за търсенето" in none_found
    found = client.get(listing, {"q": "пейки"}).content.decode()
    assert "match" not in found and "Намерен е 1 резултат" in found
    chooser = client.get("/admin/snippets/choose/consultations/consultation/results/", {"q": "несъществуващо"})
    assert "Sorry" not in chooser.content.decode()
