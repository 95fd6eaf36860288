"""The survey's public form: the questions editors build, who answers, and the guards of every public form."""

from django import forms
from django.utils.translation import gettext_lazy as _
from wagtail.contrib.forms.forms import BaseForm, FormBuilder

from consultations.forms import HumanGuardedForm
from consultations.models import StakeholderType

from .models import MAX_TEXT_ANSWER_LENGTH


class SurveyForm(HumanGuardedForm, BaseForm):
    stakeholder_type = forms.ChoiceField(
        label=_("Вие сте"), choices=StakeholderType.choices, widget=forms.RadioSelect,
        help_text=_("Резултатите се показват и по групи."),
        error_messages={"required": _("Изберете кого представлявате."),
                        "invalid_choice": _("Изберете от предложените отговори.")},
    )

    NOT_QUESTIONS = ("website", "rendered_at", "stakeholder_type")

    def question_fields(self):
        """The editors' questions, in their order (the guards and "Вие сте" are placed by the template)."""
        return [self[name] for name in self.fields if name not in self.NOT_QUESTIONS]

    def answers(self):
        """The answers to the editors' questions, by question key, as stored (after `is_valid()`)."""
        return {name: value for name, value in self.cleaned_data.items() if name not in self.NOT_QUESTIONS}

    def clean(self):
        cleaned = super().clean()
        for name, value in cleaned.items():
            if isinstance(value, str):
                cleaned[name] = value.strip()
        return cleaned


class SurveyFormBuilder(FormBuilder):
    """Wagtail's form builder with our base form, Bulgarian messages and bounds on what one answer may hold."""

    def get_field_options(self, field):
        options = super().get_field_options(field)
        options["error_messages"] = {
            "required": _("Отговорете на въпроса."),
            "invalid_choice": _("Изберете от предложените отговори."),
            "invalid": _("Въведете число, например 3 или 2,5."),
            "max_length": _("Отговорът е по-дълъг от %(limit_value)d знака (има %(show_value)d)."),
            "max_digits": _("Въведете число с най-много %(max)s цифри."),
            "max_decimal_places": _("Въведете число с най-много %(max)s знака след десетичната запетая."),
        }
        return options

    def create_dropdown_field(self, field, options):
        # Without an empty first option the browser shows the first answer chosen, and a person who skips the
        # question would send it unknowingly.
        options["choices"] = [("", _("— изберете —"))] + self.get_formatted_field_choices(field)
        return forms.ChoiceField(**options)

    def create_multiline_field(self, field, options):
        options["max_length"] = MAX_TEXT_ANSWER_LENGTH
        options["widget"] = forms.Textarea(attrs={"rows": 5, "maxlength": MAX_TEXT_ANSWER_LENGTH})
        return forms.CharField(**options)

    def create_number_field(self, field, options):
        return forms.DecimalField(max_digits=12, decimal_places=2, localize=True, **options)

    def create_checkbox_field(self, field, options):
        # A single tick answers "yes" or "no": leaving it empty is an answer too.
        options["required"] = False
        return forms.BooleanField(**options)

    def get_form_class(self):
        questions = list(self.fields)
        return type("SurveyQuestionsForm", (SurveyForm,), {**self.formfields, "questions": questions})
