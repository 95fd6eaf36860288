"""Forms editors use in the admin: moderating and answering a submission."""

from django import forms
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminModelForm

from .models import Answer, Channel


class SubmissionAdminForm(WagtailAdminModelForm):
    """What a participant wrote online is their record: editors moderate and answer it, never rewrite it."""

    PARTICIPANT_FIELDS = [
        "consultation", "kind", "section_title", "text", "author_name", "email", "stakeholder_type",
        "organisation", "publish_name", "channel", "registry_number", "created_at",
    ]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.pk and self.instance.channel == Channel.ONLINE:
            for name in self.PARTICIPANT_FIELDS:
                if name in self.fields:
                    self.fields[name].disabled = True
        elif "channel" in self.fields:
            self.fields["channel"].choices = [c for c in self.fields["channel"].choices if c[0] != Channel.ONLINE]

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("channel") not in (None, Channel.ONLINE) and not cleaned.get("registry_number", "").strip():
            self.add_error("registry_number", _("Въведете входящия номер на документа."))
        answer = cleaned.get("answer")
        if answer and answer != Answer.ACCEPTED and not cleaned.get("answer_reason", "").strip():
            self.add_error("answer_reason", _("Посочете мотивите: те са задължителни, освен когато предложението е прието."))
        return cleaned


class ModerationReasonForm(forms.Form):
    reason = forms.CharField(
        label=_("Причина"),
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Записва се в историята на всяко предложение; вижда се само от редакторите."),
    )
