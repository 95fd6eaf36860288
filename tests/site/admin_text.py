"""Finding English in the admin's HTML, and posting admin forms as the browser would."""

import json
import re
from html.parser import HTMLParser

from wagtail.fields import StreamField
from wagtail.test.utils.form_data import nested_form_data, streamfield

from tests.hostile import XSS, XSS_ATTRIBUTE


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
