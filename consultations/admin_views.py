"""Admin views: publishing a справка with one action, deleting a proposal with a reason, the consultation chooser."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.translation import gettext as _
from wagtail.log_actions import log
from wagtail.snippets.permissions import get_permission_name
from wagtail.snippets.views.chooser import ChooseResultsView, ChooseView, SnippetChooserViewSet
from wagtail.snippets.views.snippets import CreateView, DeleteView

from .admin_forms import ModerationReasonForm
from .models import Consultation


def publish_report(request, pk):
    """GET: what will be published; POST: publish it (and record who did it in the audit log)."""
    if not request.user.has_perm(get_permission_name("change", Consultation)):
        raise PermissionDenied
    consultation = get_object_or_404(Consultation, pk=pk)
    listing_url = reverse(Consultation.snippet_viewset.get_url_name("list"))
    if request.method == "POST":
        try:
            published = consultation.publish_report(request.user)
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
        else:
            if published:
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


class SubmissionDeleteView(DeleteView):
    """Deleting a participant's proposal takes a reason, kept in the audit log with who did it.

    Only those with the delete permission (administrators; the Editors and Moderators groups are
    not given it) see this view: moderators hide proposals instead, which keeps the record.
    """

    form_class = ModerationReasonForm
    template_name = "consultations/admin/confirm_delete_submission.html"

    def form_valid(self, form):
        log(self.object, "consultations.delete", user=self.request.user,
            data={"reason": form.cleaned_data["reason"], "text": self.object.text[:500]})
        return super().form_valid(form)


def page_being_edited(request):
    """The id of the page whose editor opened this chooser (from the Referer), "new" for a page being
    created, or None when the chooser was opened elsewhere or the browser sent no Referer."""
    from urllib.parse import urlparse

    from django.urls import Resolver404, resolve

    referer = request.headers.get("Referer", "")
    try:
        match = resolve(urlparse(referer).path)
    except Resolver404:
        return None
    if match.view_name == "wagtailadmin_pages:edit":
        return match.kwargs.get("page_id")
    if match.view_name == "wagtailadmin_pages:add":
        return "new"
    return None


class PageConsultationsMixin:
    """In a page's editor the chooser offers that page's own consultations (or rating periods) only.

    A convenience, not the guard: the page itself refuses another page's consultation or period when saved
    (ParticipationPageMixin.clean, errors_on_page of the blocks), which also covers a browser that sends no Referer.
    """

    def get_object_list(self):
        consultations = super().get_object_list().select_related("policy_page")
        page_id = page_being_edited(self.request)
        if page_id == "new":
            return consultations.none()  # a page not yet saved has no consultations
        if page_id is not None:
            consultations = consultations.filter(policy_page=page_id)
        return consultations


class ConsultationChooseView(PageConsultationsMixin, ChooseView):
    pass


class ConsultationChooseResultsView(PageConsultationsMixin, ChooseResultsView):
    pass


class ConsultationChooserViewSet(SnippetChooserViewSet):
    choose_view_class = ConsultationChooseView
    choose_results_view_class = ConsultationChooseResultsView


class EvaluationPeriodChooseView(PageConsultationsMixin, ChooseView):
    pass


class EvaluationPeriodChooseResultsView(PageConsultationsMixin, ChooseResultsView):
    pass


class EvaluationPeriodChooserViewSet(SnippetChooserViewSet):
    choose_view_class = EvaluationPeriodChooseView
    choose_results_view_class = EvaluationPeriodChooseResultsView


class EvaluationPeriodCreateView(CreateView):
    """A new period starts with the usual criteria, which editors change or remove before it opens."""

    def get_initial_form_instance(self):
        if self.request.method != "GET":
            return super().get_initial_form_instance()
        from .models import EvaluationCriterion, EvaluationPeriod
        from .models.evaluation import DEFAULT_CRITERIA

        return EvaluationPeriod(criteria=[EvaluationCriterion(name=str(name)) for name in DEFAULT_CRITERIA])
