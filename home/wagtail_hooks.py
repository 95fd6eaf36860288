"""Admin additions of the home app: Latin slugs in the page editor."""

from django.templatetags.static import static
from django.utils.html import format_html
from wagtail import hooks


@hooks.register("insert_editor_js")
def slug_transliteration_js():
    return format_html('<script src="{}"></script>', static("home/js/slug-transliteration.js"))
