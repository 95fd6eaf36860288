"""The public form a participant fills in to send a proposal to a consultation."""

import secrets
import time

from django import forms
from django.conf import settings
from django.core import signing
from django.utils.translation import gettext_lazy as _

from search.forms import page_number_field

from .models import StakeholderType, Submission
from .models.submission import MAX_TEXT_LENGTH

# A form left open longer than this is sent again, so the timestamp below cannot be replayed forever.
MAXIMUM_FORM_AGE_SECONDS = 24 * 60 * 60
FORM_TIMESTAMP_SALT = "consultations.submission-form"
# Every public form that asks for an address says the same when it is not one (alerts/forms.py too).
INVALID_EMAIL_MESSAGE = _("Въведете валиден адрес на електронна поща, например ivan@example.bg.")


def form_timestamp(shown_at=None):
    """The signed moment a form is shown, with a random value that tells one showing from another: a survey
    counts a double click's copies as one answer by it (surveys/answering.py)."""
    moment = int(time.time() if shown_at is None else shown_at)
    return signing.dumps([moment, secrets.token_urlsafe(12)], salt=FORM_TIMESTAMP_SALT)


def read_form_timestamp(value):
    """(the moment, the showing's random value) of a `form_timestamp()`; raises signing.BadSignature. A form shown
    before the random value was added carries the moment alone: its showing is None."""
    shown = signing.loads(value, salt=FORM_TIMESTAMP_SALT, max_age=MAXIMUM_FORM_AGE_SECONDS)
    if isinstance(shown, list) and len(shown) == 2:
        return shown[0], shown[1]
    return shown, None


class HumanGuardedForm(forms.Form):
    """Mix into a public form (before the form class): a honeypot field and a signed render time.

    A bot that fills in every field fills in the honeypot; one that posts at once, or replays an old
    page, fails the render time. Both `website` and `rendered_at` go into the template.
    """

    # A field people never see; bots that fill in every field reveal themselves.
    website = forms.CharField(label=_("Не попълвайте това поле"), required=False)
    rendered_at = forms.CharField(widget=forms.HiddenInput, required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.showing = None  # the random value of the showing the form was sent from, once it is valid
        self.fields["website"].widget.attrs.update(tabindex="-1", autocomplete="off")
        if not self.is_bound:
            self.initial.setdefault("rendered_at", form_timestamp())

    def is_from_a_bot(self):
        """The hidden field was filled in: answer as if all went well, store nothing."""
        return bool(self.data.get(self.add_prefix("website")))

    def clean(self):
        cleaned = super().clean()
        # Errors about the hidden timestamp go to the top of the form: there is no field to point to.
        try:
            rendered, self.showing = read_form_timestamp(cleaned.get("rendered_at", ""))
        except signing.BadSignature:
            self.add_error(None, _(
                "Формулярът е остарял. Копирайте текста си, презаредете страницата и го изпратете отново."))
        else:
            if time.time() - rendered < settings.SUBMISSION_MINIMUM_FILL_SECONDS:
                self.add_error(None, _("Формулярът беше изпратен твърде бързо. Моля, изпратете го отново."))
        return cleaned


class SubmissionForm(HumanGuardedForm, forms.ModelForm):
    """Validates a participant's proposal; knows the consultation and the sections of its draft."""

    section_anchor = forms.ChoiceField(label=_("Раздел от проекта"), required=False)
    consent = forms.BooleanField(
        label=_("Съгласен/на съм данните ми да бъдат обработени според уведомлението за поверителност."),
        error_messages={"required": _("Без съгласие не можем да приемем предложението.")},
    )
    # The order of the page (includes/submission_form.html), so the error summary reads top to bottom.
    field_order = ["kind", "section_anchor", "text", "author_name", "email", "stakeholder_type", "organisation",
                   "publish_name", "notify", "consent"]

    class Meta:
        model = Submission
        fields = ["kind", "author_name", "email", "stakeholder_type", "organisation", "publish_name", "notify", "text"]
        labels = {
            "author_name": _("Име и фамилия"),
            "email": _("Електронна поща"),
            "stakeholder_type": _("Вие сте"),
            "organisation": _("Организация"),
            "publish_name": _("Съгласен/на съм името ми да бъде публикувано"),
            "notify": _("Искам едно писмо, когато предложението получи отговор или бъде публикувана справката"),
            "text": _("Вашето предложение"),
            "kind": _("Вид"),
        }
        help_texts = {
            "email": _("За да потвърдите предложението. Адресът не се публикува никога."),
            "organisation": _("Задължително за НПО, бизнес и институции; публикува се."),
            "publish_name": _("Ако не отбележите, публикуваме „Гражданин“ вместо името ви."),
            "notify": _("Махнете отметката, ако не искате да получите това писмо."),
            "text": _("До %(max)s знака. HTML и връзки се показват като обикновен текст.") % {"max": MAX_TEXT_LENGTH},
        }
        widgets = {
            "text": forms.Textarea(attrs={"rows": 8, "maxlength": MAX_TEXT_LENGTH}),
            "stakeholder_type": forms.RadioSelect,
            "kind": forms.RadioSelect,
        }

    def __init__(self, *args, consultation, sections=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.consultation = consultation
        self.instance.consultation = consultation
        self.sections = dict(sections)
        self.fields["section_anchor"].choices = [("", _("Проекта като цяло"))] + list(sections)
        self.fields["email"].required = True
        self.fields["email"].error_messages["required"] = _("Въведете електронна поща, за да потвърдите предложението.")
        self.fields["email"].error_messages["invalid"] = INVALID_EMAIL_MESSAGE
        self.fields["author_name"].error_messages["required"] = _("Въведете името си.")
        self.fields["text"].error_messages["required"] = _("Напишете предложението си.")
        self.fields["stakeholder_type"].error_messages["required"] = _("Изберете кого представлявате.")
        self.fields["stakeholder_type"].choices = StakeholderType.choices
        self.fields["email"].widget.attrs.update(autocomplete="email")
        self.fields["author_name"].widget.attrs.update(autocomplete="name")

    def clean_text(self):
        return self.cleaned_data["text"].strip()

    def save(self, commit=True):
        submission = super().save(commit=False)
        anchor = self.cleaned_data.get("section_anchor", "")
        submission.section_anchor = anchor
        submission.section_title = self.sections.get(anchor, "")
        if commit:
            submission.save()
        return submission


class SubmissionsPageForm(forms.Form):
    """The page of published proposals asked for in the address (?predlozheniya=N)."""

    predlozheniya = page_number_field()


class RecommendationsPageForm(forms.Form):
    """The page of published recommendations of an evaluation block (?preporaki=N)."""

    preporaki = page_number_field()
