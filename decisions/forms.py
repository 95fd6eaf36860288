"""The decisions archive's filter: the year, the tag and the page asked for in the address."""

from django import forms
from django.utils.translation import gettext_lazy as _

from search.forms import GetParametersForm, page_number_field, tag_field

# Wide enough for any decision the municipality has or will have; a bound keeps
# "2024" and a 5,000-digit number from meaning the same thing to the database.
FIRST_YEAR = 1878
LAST_YEAR = 2200


class DecisionFilterForm(GetParametersForm):
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
    tag = tag_field()
    page = page_number_field()
