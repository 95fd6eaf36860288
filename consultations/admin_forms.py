"""Forms editors use in the admin: moderating and answering a submission."""

from django import forms
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.admin.panels import Panel

from .models import Channel, Consultation, SubmissionStatus


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
        else:
            # Entered by an editor from e-mail, the registry or paper: counted from the moment it is saved,
            # never "unconfirmed" (which only an online author's link can end, and the purge deletes).
            if "channel" in self.fields:
                self.fields["channel"].choices = [c for c in self.fields["channel"].choices if c[0] != Channel.ONLINE]
            if "status" in self.fields:
                self.fields["status"].choices = [
                    c for c in self.fields["status"].choices if c[0] != SubmissionStatus.UNCONFIRMED
                ]
                if not self.instance.pk:
                    self.initial["status"] = SubmissionStatus.PENDING


class ConsultationAdminForm(WagtailAdminModelForm):
    """Asks the editor to confirm a consultation whose whole period lies in the past."""

    confirm_backdated = forms.BooleanField(
        label=_("Потвърждавам: консултацията е изцяло в миналото"),
        required=False,
        help_text=_("Само за запис на вече проведена консултация (например по хартиени предложения)."),
    )

    def clean(self):
        cleaned = super().clean()
        closes_at = cleaned.get("closes_at")
        backdated = closes_at is not None and Consultation(closes_at=closes_at).is_backdated()
        already_saved_so = self.instance.pk and self.instance.closes_at == closes_at
        if backdated and not already_saved_so and not cleaned.get("confirm_backdated"):
            self.add_error("closes_at", _(
                "Краят е в миналото: гражданите няма да могат да изпратят предложения и консултацията ще се покаже "
                "веднага като приключила. Ако това е запис на минала консултация, отбележете потвърждението по-долу."))
        return cleaned


class ModerationReasonForm(forms.Form):
    reason = forms.CharField(
        label=_("Причина"),
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Записва се в историята на всяко предложение; вижда се само от редакторите."),
    )


class EvaluationPeriodAdminForm(WagtailAdminModelForm):
    """A criterion someone has rated stays: its scores are part of the record (and protect it in the database)."""

    def clean(self):
        cleaned = super().clean()
        criteria = self.formsets.get("criteria")
        if criteria is not None:
            for form in criteria.deleted_forms:
                if form.instance.pk and form.instance.scores.exists():
                    self.add_error(None, _("Критерият „%(name)s“ вече е оценяван и не може да бъде премахнат. "
                                           "Можете да промените пояснението му.") % {"name": form.instance.name})
        return cleaned


class AddressedToPanel(Panel):
    """On a submission's edit form: what it was sent to (a consultation, or a rated policy with its evaluation)."""

    class BoundPanel(Panel.BoundPanel):
        template_name = "consultations/admin/addressed_to_panel.html"

        def get_context_data(self, parent_context=None):
            context = super().get_context_data(parent_context)
            context["addressed_to"] = self.instance.addressed_to() if self.instance.pk else ""
            return context
