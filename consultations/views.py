"""Receiving a proposal posted from a policy page, and confirming it from the e-mailed link."""

import logging

from django.conf import settings
from django.contrib import messages
from django.core import signing
from django.core.mail import send_mail
from django.db import IntegrityError, transaction
from django.http import HttpResponseRedirect
from django.shortcuts import get_object_or_404
from django.template.loader import render_to_string
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods
from django_ratelimit.core import is_ratelimited

from .blocks import consultations_on_page, draft_sections
from .forms import SubmissionForm
from .models import ConsultationPhase, Submission, SubmissionStatus

logger = logging.getLogger(__name__)

CONFIRMATION_SALT = "consultations.confirm-submission"
CONFIRMATION_MAX_AGE = 7 * 24 * 60 * 60


def error_page(request, status, title, message, back_url=None):
    context = {"title": title, "message": message, "back_url": back_url}
    return TemplateResponse(request, "consultations/error.html", context, status=status)


def receive_submission(request, page):
    """Handle the consultation form posted to `page`; the page's route calls this.

    Stores the proposal before anything else can fail, e-mails the confirmation link and
    redirects back to the page (post-redirect-get); on errors re-renders the page with the form.
    """
    if request.method != "POST":
        return HttpResponseRedirect(page.url)
    if is_ratelimited(request, group="consultation-submission", key="ip", rate=settings.SUBMISSION_RATE_LIMIT,
                      increment=True):
        return error_page(
            request, 429, _("Твърде много изпращания"),
            _("От вашия адрес бяха изпратени много предложения за кратко време. Моля, опитайте отново след час."),
            page.url,
        )
    consultation = {str(c.pk): c for c in consultations_on_page(page)}.get(request.POST.get("consultation", ""))
    if consultation is None:
        return error_page(request, 400, _("Консултацията не е намерена"),
                          _("Формулярът не съответства на консултация на тази страница."), page.url)
    anchor = f"#konsultaciya-{consultation.pk}"

    phase = consultation.phase()
    if phase != ConsultationPhase.OPEN:
        late_text = request.POST.get("text", "")[:20_000]
        if phase == ConsultationPhase.UPCOMING:
            messages.error(request, _("Консултацията още не е започнала: предложения се приемат от %(opens)s.") % {
                "opens": timezone.localtime(consultation.opens_at).strftime("%d.%m.%Y %H:%M")})
        else:
            messages.error(request, _("Срокът за предложения изтече на %(closes)s. Предложението не е прието.") % {
                "closes": timezone.localtime(consultation.closes_at).strftime("%d.%m.%Y %H:%M")})
        response = page.render(request, context_overrides={"late_text": late_text, "late_for": consultation.pk})
        response.status_code = 403
        return response

    form = SubmissionForm(request.POST, consultation=consultation, sections=draft_sections(page))
    if form.is_valid() and form.is_from_a_bot():
        messages.success(request, _("Благодарим! Изпратихме ви писмо за потвърждение."))
        return HttpResponseRedirect(page.url + anchor)
    if form.is_valid():
        try:
            with transaction.atomic():
                submission = form.save()
        except IntegrityError:
            form.add_error("text", _("Вече сте изпратили същия текст до тази консултация."))
        else:
            send_confirmation(request, submission, page)
            return HttpResponseRedirect(page.url + anchor)
    return page.render(request, context_overrides={"consultation_form": form})


def send_confirmation(request, submission, page):
    """E-mail the confirmation link; the submission is already stored, so a mail outage loses nothing."""
    token = signing.dumps(submission.pk, salt=CONFIRMATION_SALT)
    link = request.build_absolute_uri(reverse("consultations:confirm", args=[token]))
    context = {"submission": submission, "link": link, "page": page, "days": CONFIRMATION_MAX_AGE // 86400}
    try:
        send_mail(
            subject=" ".join(render_to_string("consultations/email/confirm_subject.txt", context).split()),
            message=render_to_string("consultations/email/confirm_body.txt", context),
            from_email=None,
            recipient_list=[submission.email],
        )
    except Exception:
        logger.exception("Confirmation e-mail for submission %s could not be sent", submission.pk)
        messages.warning(request, _(
            "Предложението е записано, но не успяхме да изпратим писмото за потвърждение. "
            "Администрацията ще го потвърди ръчно; не е нужно да го изпращате отново."))
        return
    messages.success(request, _(
        "Предложението е записано. Изпратихме писмо до %(email)s: отворете връзката в него, "
        "за да го потвърдите. Непотвърдените предложения не се разглеждат.") % {"email": submission.email})


@require_http_methods(["GET", "POST"])
def confirm(request, token):
    """GET shows a button, POST confirms: mail scanners that open links must not confirm for people."""
    try:
        pk = signing.loads(token, salt=CONFIRMATION_SALT, max_age=CONFIRMATION_MAX_AGE)
    except signing.SignatureExpired:
        return error_page(request, 410, _("Връзката е изтекла"),
                          _("Връзките за потвърждение важат %(days)s дни. Изпратете предложението отново, ако "
                            "консултацията още е открита.") % {"days": CONFIRMATION_MAX_AGE // 86400})
    except signing.BadSignature:
        return error_page(request, 404, _("Невалидна връзка"),
                          _("Връзката за потвърждение е непълна или грешна. Копирайте я изцяло от писмото."))
    submission = get_object_or_404(Submission.objects.select_related("consultation__policy_page"), pk=pk)
    back_url = submission.consultation.policy_page.url
    if submission.status != SubmissionStatus.UNCONFIRMED:
        return error_page(request, 409, _("Предложението вече е потвърдено"),
                          _("Това предложение вече е потвърдено и е изпратено за разглеждане."), back_url)
    if request.method == "POST":
        updated = Submission.objects.filter(pk=pk, status=SubmissionStatus.UNCONFIRMED).update(
            status=SubmissionStatus.PENDING, confirmed_at=timezone.now()
        )
        if not updated:  # confirmed by a parallel request between the check above and now
            return error_page(request, 409, _("Предложението вече е потвърдено"),
                              _("Това предложение вече е потвърдено и е изпратено за разглеждане."), back_url)
        messages.success(request, _("Благодарим! Предложението е потвърдено и ще бъде разгледано от администрацията."))
        return HttpResponseRedirect(back_url + f"#konsultaciya-{submission.consultation_id}")
    return TemplateResponse(request, "consultations/confirm.html", {"submission": submission, "back_url": back_url})
