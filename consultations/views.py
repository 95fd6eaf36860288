"""Receiving a proposal posted from a policy page, confirming it from the e-mailed link, and the public справка."""

from django.contrib import messages
from django.db import IntegrityError, transaction
from django.http import FileResponse, Http404, HttpResponse, HttpResponseRedirect
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from wagtail.snippets.permissions import get_permission_name

from botevgrad.content_changes import unseen_writes
from decisions.export import csv_response

from .blocks import ConsultationBlock, consultations_on_page, draft_sections
from .confirmation import EmailConfirmation
from .forms import SubmissionForm
from .models import Consultation, ConsultationPhase, StoredReportPdf, Submission, SubmissionStatus
from .page_messages import block_message_tags, consultation_section, message_anchor
from .receiving import error_page, flooded, guard_valid_form, pretend_received
from .report_pdf import ReportFontMissing, report_pdf
from .report_rows import report_columns, report_rows


def receive_submission(request, page):
    """Handle the consultation form posted to `page`; the page's route calls this.

    Stores the proposal before anything else can fail, e-mails the confirmation link and
    redirects back to the page (post-redirect-get); on errors re-renders the page with the form.
    """
    if request.method != "POST":
        return HttpResponseRedirect(page.url)
    if refused := flooded(request, page, "consultation-submission"):
        return refused
    block = page.participation_block(request.POST.get("block", ""), ConsultationBlock)
    consultation = block.value["consultation"] if block is not None else None
    if consultation is None:
        return error_page(request, 400, _("Консултацията не е намерена"),
                          _("Формулярът не съответства на консултация на тази страница."), page.url)
    section = consultation_section(consultation.pk)
    anchor = "#" + message_anchor(section)
    tags = block_message_tags(section)

    phase = consultation.phase()
    if phase != ConsultationPhase.OPEN:
        late_text = request.POST.get(f"{block.id}-text", "")[:20_000]
        if phase == ConsultationPhase.UPCOMING:
            messages.error(request, _("Консултацията още не е започнала: предложения се приемат от %(opens)s.") % {
                "opens": timezone.localtime(consultation.opens_at).strftime("%d.%m.%Y %H:%M")}, extra_tags=tags)
        else:
            messages.error(request, _("Срокът за предложения изтече на %(closes)s. Предложението не е прието.") % {
                "closes": timezone.localtime(consultation.closes_at).strftime("%d.%m.%Y %H:%M")}, extra_tags=tags)
        response = page.render(request, context_overrides={"late_text": {"text": late_text, "block_id": block.id}})
        response.status_code = 403
        return response

    form = SubmissionForm(request.POST, consultation=consultation, sections=draft_sections(page), prefix=block.id)
    if guard_valid_form(request, form, "consultation-confirmation-recipient", _(
            "До този адрес вече изпратихме няколко писма за потвърждение. "
            "Потвърдете предложенията от тях или опитайте отново след час.")):
        return pretend_received(request, page, message_anchor(section), tags)
    if form.is_valid():
        try:
            # Nobody sees a proposal before its author confirms it and a moderator approves it.
            with transaction.atomic(), unseen_writes():
                submission = form.save()
        except IntegrityError:  # the same text from the same address, sent by a parallel request just now
            form.add_error(None, Submission.constraint_error("submission_same_text_once_per_email"))
        else:
            send_confirmation(request, submission, tags)
            return HttpResponseRedirect(page.url + anchor)
    return page.render(request, context_overrides={"participation_form": form})


class SubmissionConfirmation(EmailConfirmation):
    salt = "consultations.confirm-submission"
    url_name = "consultations:confirm"
    mail_template = "consultations/email/confirm"
    page_template = "consultations/confirm.html"
    expired_message = gettext_lazy("Връзките за потвърждение важат %(days)s дни. Изпратете предложението отново, "
                                   "ако консултацията още е открита.")
    not_found_message = gettext_lazy("Това предложение вече не съществува: непотвърдените предложения се изтриват "
                                     "след срока на връзката.")
    already_confirmed_title = gettext_lazy("Предложението вече е потвърдено")
    already_confirmed_message = gettext_lazy("Това предложение вече е потвърдено и е изпратено за разглеждане.")

    def get_row(self, pk):
        return Submission.objects.select_related("consultation__policy_page").filter(pk=pk).first()

    def is_confirmed(self, row):
        return row.status != SubmissionStatus.UNCONFIRMED

    def confirm_row(self, row):
        # Not an unseen write: a confirmed proposal is counted in the справка and the reports' summaries.
        return bool(Submission.objects.filter(pk=row.pk, status=SubmissionStatus.UNCONFIRMED).update(
            status=SubmissionStatus.PENDING, confirmed_at=timezone.now()))

    def back_url(self, row):
        return row.consultation.policy_page.url

    def confirmed(self, request, row):
        thanks = _("Благодарим! Предложението е потвърдено и ще бъде разгледано от администрацията.")
        back_url = self.back_url(row)
        if row.consultation in consultations_on_page(row.consultation.policy_page):
            section = consultation_section(row.consultation_id)
            messages.success(request, thanks, extra_tags=block_message_tags(section))
            return HttpResponseRedirect(back_url + "#" + message_anchor(section))
        messages.success(request, thanks)
        return HttpResponseRedirect(back_url)


submission_confirmation = SubmissionConfirmation()


def send_confirmation(request, submission, tags):
    """Queue the confirmation link; the submission is already stored, so a mail outage loses nothing.

    The e-mail carries the link and the consultation's name only, never what was typed into the
    form: the anonymous form must not send the municipality's name with any text to any address.
    """
    if not submission_confirmation.send(request, submission, {"consultation": submission.consultation}):
        messages.warning(request, _(
            "Предложението е записано, но писмото за потвърждение не можа да бъде изпратено. "
            "Администрацията ще го потвърди ръчно; не е нужно да го изпращате отново."), extra_tags=tags)
        return
    messages.success(request, _(
        "Предложението е записано. До няколко минути ще получите писмо на %(email)s: отворете връзката в него, "
        "за да го потвърдите. Непотвърдените предложения не се разглеждат.") % {"email": submission.email},
        extra_tags=tags)


def may_preview(user):
    """Those who run consultations in the admin: the right to change them is not enough without the admin."""
    return user.has_perm("wagtailadmin.access_admin") and user.has_perm(get_permission_name("change", Consultation))


def visible_consultation(request, pk):
    """The consultation, if its справка is published and its policy page public, or an editor previews it.

    A справка follows its page: while the page is a draft, unpublished or view-restricted, the
    справка and its downloads tell the public nothing, not even the page's title.
    """
    if may_preview(request.user):
        return get_object_or_404(Consultation.objects.select_related("policy_page"), pk=pk)
    consultation = (
        Consultation.objects.visible().filter(pk=pk, report_published_at__isnull=False)
        .select_related("policy_page").first()
    )
    if consultation is None:
        raise Http404(_("Справката не е публикувана."))
    return consultation


def consultation_report(request, pk):
    consultation = visible_consultation(request, pk)
    context = {"consultation": consultation, "rows": report_rows(consultation), "columns": report_columns()}
    return TemplateResponse(request, "consultations/report.html", context)


def consultation_report_csv(request, pk):
    consultation = visible_consultation(request, pk)
    rows = [row.cells() for row in report_rows(consultation)]
    return csv_response(f"spravka-{consultation.pk}.csv", report_columns(), rows)


def consultation_report_pdf(request, pk):
    """The stored PDF of a published справка; editors previewing an unpublished one get it built for them."""
    consultation = visible_consultation(request, pk)
    filename = f"spravka-{consultation.pk}.pdf"
    if consultation.report_is_published():
        stored = StoredReportPdf.objects.filter(consultation=consultation).first()
        if stored is None:
            return TemplateResponse(request, "consultations/report_pdf_unavailable.html", {"consultation": consultation},
                                    status=503, headers={"Retry-After": "120"})
        return FileResponse(stored.file.open("rb"), as_attachment=True, filename=filename,
                            content_type="application/pdf")
    try:
        content = report_pdf(consultation, report_rows(consultation))
    except ReportFontMissing:
        return TemplateResponse(request, "consultations/report_pdf_unavailable.html", {"consultation": consultation}, status=503)
    response = HttpResponse(content, content_type="application/pdf")
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response
