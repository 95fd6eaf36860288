"""The public search form: what to search for and which page of results."""

from django import forms
from django.utils.translation import gettext_lazy as _

from .models import SearchEntry
from .query_parser import FIRST_YEAR, LAST_YEAR

MAX_QUERY_LENGTH = 200
# Shown under the search boxes and on a page that found nothing: each must find something good (tested).
EXAMPLE_QUERIES = ("сметосъбиране", "бюджет 2025", "Решение № 23", "детски градини")
MAX_PAGE = 100_000


def clean_query(raw):
    """The query as the backends can take it: printable characters only (PostgreSQL rejects NUL), trimmed."""
    printable = "".join(char if char.isprintable() else " " for char in raw[: MAX_QUERY_LENGTH * 4])
    return " ".join(printable.split())[:MAX_QUERY_LENGTH]


def page_number_field():
    """The `page` GET parameter of every paginated public list."""
    return forms.IntegerField(
        required=False,
        min_value=1,
        max_value=MAX_PAGE,
        error_messages={
            "invalid": _("Номерът на страницата трябва да е цяло число."),
            "min_value": _("Номерът на страницата трябва да е поне 1."),
            "max_value": _("Няма толкова страници."),
        },
    )


def tag_field():
    """The `tag` GET parameter of the lists that filter by tag."""
    return forms.SlugField(
        required=False,
        max_length=100,
        allow_unicode=True,
        error_messages={
            "invalid": _("Етикетът в адреса е неправилен."),
            "max_length": _("Етикетът в адреса е твърде дълъг."),
        },
    )


class GetParametersForm(forms.Form):
    """Validates a public page's GET parameters; the page turns an invalid one into a 400 with the message."""

    def error_messages_list(self):
        """Every error as one sentence, in field order, for the summary at the top of the page."""
        return [message for field in self for message in field.errors]


def year_field():
    """The `year` GET parameter of the lists that filter by year."""
    return forms.IntegerField(
        required=False,
        min_value=FIRST_YEAR,
        max_value=LAST_YEAR,
        error_messages={
            "invalid": _("Годината трябва да е число, например 2025."),
            "min_value": _("Няма документи отпреди %(limit_value)s г."),
            "max_value": _("Годината трябва да е не по-късна от %(limit_value)s."),
        },
    )


class SearchForm(GetParametersForm):
    """Validates the search page's GET parameters; an invalid one gets a message and a 400, not a 500."""

    q = forms.CharField(
        required=False,
        label=_("Какво търсите?"),
        error_messages={"null_characters_not_allowed": _("Търсенето не може да съдържа нулев знак (NUL).")},
    )
    kind = forms.ChoiceField(
        required=False,
        label=_("Вид"),
        choices=[("", _("Всички видове"))] + list(SearchEntry.Kind.choices),
        error_messages={"invalid_choice": _("Няма такъв вид резултати: „%(value)s“.")},
    )
    year = year_field()
    policy = forms.IntegerField(
        required=False,
        min_value=1,
        max_value=2**31 - 1,
        label=_("Политика"),
        error_messages={
            "invalid": _("Политиката в адреса е неправилна."),
            "min_value": _("Политиката в адреса е неправилна."),
            "max_value": _("Политиката в адреса е неправилна."),
        },
    )
    page = page_number_field()

    def clean_q(self):
        raw = self.cleaned_data["q"]
        query = clean_query(raw)
        # Searched, but said on the page: never a silently different search.
        self.query_was_shortened = len(" ".join(raw.split())) > MAX_QUERY_LENGTH
        return query
