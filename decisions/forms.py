"""The decisions archive's filter: the year, the tag and the page asked for in the address."""

from django import forms
from django.utils.translation import gettext_lazy as _

# Wide enough for any decision the municipality has or will have; a bound keeps
# "2024" and a 5,000-digit number from meaning the same thing to the database.
FIRST_YEAR = 1878
LAST_YEAR = 2200
MAX_PAGE = 100_000


class DecisionFilterForm(forms.Form):
    """Validates the archive's GET parameters; the page turns an invalid one into a 400 with the message."""

    year = forms.IntegerField(
        required=False,
        min_value=FIRST_YEAR,
        max_value=LAST_YEAR,
        error_messages={
            "invalid": _("Годината трябва да е число, например 2025."),
            "min_value": _("Няма решения отпреди %(limit_value)s г."),
            "max_value": _("Годината трябва да е не по-късна от %(limit_value)s."),
        },
    )
    tag = forms.SlugField(
        required=False,
        max_length=100,
        allow_unicode=True,
        error_messages={
            "invalid": _("Етикетът в адреса е неправилен."),
            "max_length": _("Етикетът в адреса е твърде дълъг."),
        },
    )
    page = forms.IntegerField(
        required=False,
        min_value=1,
        max_value=MAX_PAGE,
        error_messages={
            "invalid": _("Номерът на страницата трябва да е цяло число."),
            "min_value": _("Номерът на страницата трябва да е поне 1."),
            "max_value": _("Няма толкова страници."),
        },
    )

    def error_messages_list(self):
        """Every error as one sentence, in field order, for the summary at the top of the page."""
        return [message for field in self for message in field.errors]
