"""Admin views: publishing a consultation's справка with one action."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.translation import gettext as _
from wagtail.snippets.permissions import get_permission_name

from .models import Consultation


def publish_report(request, pk):
    """GET: what will be published; POST: publish it (and record who did it in the audit log)."""
    if not request.user.has_perm(get_permission_name("change", Consultation)):
        raise PermissionDenied
    consultation = get_object_or_404(Consultation, pk=pk)
    listing_url = reverse(Consultation.snippet_viewset.get_url_name("list"))
    if request.method == "POST":
        if consultation.is_open():
            messages.error(request, _("Справката се публикува след края на консултацията."))
        elif consultation.publish_report(request.user):
            messages.success(request, _("Справката за „%(title)s“ е публикувана.") % {"title": consultation.title})
        else:
            messages.info(request, _("Справката вече е публикувана."))
        return redirect(listing_url)
    context = {
        "consultation": consultation,
        "count": consultation.counted_submissions().count(),
        "unanswered": consultation.counted_submissions().filter(answer="").count(),
        "listing_url": listing_url,
    }
    return TemplateResponse(request, "consultations/admin/publish_report.html", context)
