"""The public form for subscribing to e-mail alerts, without an account."""

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from botevgrad.public_tree import visible
from consultations.forms import INVALID_EMAIL_MESSAGE
from policy_pages.models import PolicyPage

from .models import Topic, normalise_email


def public_policies():
    return visible(PolicyPage.objects).order_by("title")


# A page's id is a positive 32-bit integer: any other number names no page, and SQLite raises on one beyond
# 64 bits, either sign, instead of finding nothing (tests/trust/test_fuzzing.py found it).
LARGEST_PAGE_ID = 2**31 - 1


class PolicyChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj):
        return obj.title

    def to_python(self, value):
        try:
            number = int(str(value)) if str(value).isascii() else None
        except ValueError:
            number = None  # not a number: the queryset's own lookup refuses it
        if number is not None and not 0 < number <= LARGEST_PAGE_ID:
            raise ValidationError(self.error_messages["invalid_choice"], code="invalid_choice")
        return super().to_python(value)


class SubscriptionForm(forms.Form):
    """An address and what to send to it; `policy` is needed only for the one-policy topic."""

    email = forms.EmailField(
        label=_("Електронна поща"),
        max_length=254,
        help_text=_("Ще ви изпратим писмо с връзка за потвърждение. Адресът не се публикува никога."),
        error_messages={
            "required": _("Въведете адреса на електронната си поща."),
            "invalid": INVALID_EMAIL_MESSAGE,
            "max_length": _("Адресът е твърде дълъг (най-много %(limit_value)d знака)."),
            "null_characters_not_allowed": _("Адресът съдържа непозволен знак."),
        },
    )
    topic = forms.ChoiceField(
        label=_("Какво искате да получавате"),
        choices=Topic.choices,
        widget=forms.RadioSelect,
        error_messages={
            "required": _("Изберете какво искате да получавате."),
            "invalid_choice": _("Изберете една от посочените възможности."),
        },
    )
    policy = PolicyChoiceField(
        label=_("Политика"),
        queryset=PolicyPage.objects.none(),
        required=False,
        empty_label=_("— изберете политика —"),
        help_text=_("Само за „Всичко ново по една политика“: новите решения и консултации по нея."),
        error_messages={"invalid_choice": _("Изберете една от посочените политики.")},
    )
    consent = forms.BooleanField(
        label=_("Съгласен/на съм адресът ми да се използва само за тези известия, докато не се отпиша."),
        error_messages={"required": _("Без съгласие не можем да ви изпращаме известия.")},
    )
    # A field people never see; bots that fill in every field reveal themselves.
    website = forms.CharField(label=_("Не попълвайте това поле"), required=False)

    field_order = ["email", "topic", "policy", "consent"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["policy"].queryset = public_policies()
        self.fields["email"].widget.attrs.update(autocomplete="email")
        self.fields["website"].widget.attrs.update(tabindex="-1", autocomplete="off")

    def is_from_a_bot(self):
        return bool(self.data.get("website"))

    def clean_email(self):
        return normalise_email(self.cleaned_data["email"])

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("topic") == Topic.POLICY and not cleaned.get("policy") and "policy" not in self.errors:
            self.add_error("policy", _("Изберете политиката, за която искате известия."))
        if cleaned.get("topic") != Topic.POLICY:
            cleaned["policy"] = None
        return cleaned

    def subscription_key(self):
        """The fields that identify one subscription (its unique constraint)."""
        return {
            "email": self.cleaned_data["email"],
            "topic": self.cleaned_data["topic"],
            "policy_page_id": self.cleaned_data["policy"].pk if self.cleaned_data["policy"] else None,
        }
