"""The admin screen where a moderator erases a participant on request: find by address, review, confirm."""

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from .erasure import erase, find

PERMISSION = "consultations.erase_participant"


class ErasureForm(forms.Form):
    email = forms.EmailField(label=_("Електронна поща на участника"), max_length=254)
    confirm = forms.BooleanField(
        label=_("Участникът е поискал изтриването и проверих, че адресът е негов."), required=False)

    def clean(self):
        cleaned = super().clean()
        if self.data.get("erase") and not cleaned.get("confirm"):
            self.add_error("confirm", _("Потвърдете, че участникът е поискал изтриването."))
        return cleaned


def erased_message(found):
    counted = [
        (len(found.submissions), ngettext("%(count)d предложение", "%(count)d предложения", len(found.submissions))),
        (len(found.evaluations), ngettext("%(count)d оценка", "%(count)d оценки", len(found.evaluations))),
        (found.subscriptions, ngettext("%(count)d абонамент", "%(count)d абонамента", found.subscriptions)),
        (found.queued_mails,
         ngettext("%(count)d писмо в опашката", "%(count)d писма в опашката", found.queued_mails)),
    ]
    return _("Личните данни са изтрити: %(what)s.") % {
        "what": ", ".join(text % {"count": count} for count, text in counted if count)}


def erase_participant(request):
    """GET: the address to look for; POST: what is kept about it, then (with "erase" and the confirmation) erase."""
    if not request.user.has_perm(PERMISSION):
        raise PermissionDenied
    form = ErasureForm(request.POST or None)
    found = None
    if form.is_bound:
        if form.is_valid() and request.POST.get("erase"):
            erased = erase(form.cleaned_data["email"], request.user)
            if erased:
                messages.success(request, erased_message(erased))
            else:
                messages.info(request, _("За този адрес няма лични данни."))
            return redirect("consultations_erase_participant")
        if "email" in form.cleaned_data:  # looked up, or the confirmation was missing: show what would go
            found = find(form.cleaned_data["email"])
    return TemplateResponse(request, "consultations/admin/erase_participant.html", {"form": form, "found": found})
