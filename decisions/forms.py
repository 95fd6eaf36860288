"""The decisions archive's filter: what the address asks for (search words, year, body, policy, tag, status, order, page)."""

from django import forms
from django.core.validators import RegexValidator
from django.utils.translation import gettext_lazy as _

from search.forms import GetParametersForm, clean_query, page_number_field, tag_field

# Wide enough for any decision the municipality has or will have; a bound keeps
# "2024" and a 5,000-digit number from meaning the same thing to the database.
FIRST_YEAR = 1878
LAST_YEAR = 2200

BODY_CHOICES = [("council", _("Решения на Общинския съвет")), ("mayor", _("Заповеди на кмета"))]
STATUS_CHOICES = [("in_force", _("В сила")), ("amended", _("Изменени")), ("repealed", _("Отменени"))]
SORT_CHOICES = [
    ("newest", _("Най-новите първо")),
    ("oldest", _("Най-старите първо")),
    ("number", _("По номер")),
    ("relevance", _("Най-съответните първо")),
]


def choice_field(choices, message):
    return forms.ChoiceField(
        required=False, choices=[("", "")] + choices, error_messages={"invalid_choice": message}
    )


class DecisionFilterForm(GetParametersForm):
    """Validates the archive's GET parameters; the page turns an invalid one into a 400 with the message."""

    q = forms.CharField(
        required=False,
        error_messages={"null_characters_not_allowed": _("Търсенето не може да съдържа нулев знак (NUL).")},
    )
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
    body = choice_field(BODY_CHOICES, _("Органът в адреса трябва да е council (Общинският съвет) или mayor (кметът)."))
    policy = forms.CharField(
        required=False,
        max_length=255,
        validators=[RegexValidator(r"^[-\w]+\Z", message=_("Политиката в адреса е неправилна."))],
        error_messages={"max_length": _("Политиката в адреса е твърде дълга.")},
    )
    tag = tag_field()
    status = choice_field(
        STATUS_CHOICES, _("Състоянието в адреса трябва да е in_force (в сила), amended (изменени) или repealed (отменени).")
    )
    sort = choice_field(
        SORT_CHOICES,
        _("Подреждането в адреса трябва да е newest (най-новите), oldest (най-старите), number (по номер) "
          "или relevance (най-съответните при търсене)."),
    )
    page = page_number_field()

    def clean_q(self):
        return clean_query(self.cleaned_data["q"])

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("sort") == "relevance" and not cleaned.get("q"):
            self.add_error("sort", _("Подреждането по съответствие е само при търсене с думи: въведете какво търсите."))
        return cleaned
