"""Receiving a proposal posted from a policy page, and confirming it from the e-mailed link."""

from django.conf import settings
from django.contrib import messages
from django.core import signing
from django.db import IntegrityError, transaction
from django.http import HttpResponseRedirect
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods
from django_ratelimit.core import is_ratelimited

from .blocks import consultations_on_page, draft_sections
from .forms import SubmissionForm
from .mail import queue_mail
from .models import ConsultationPhase, Submission, SubmissionStatus
from .page_messages import block_message_tags, message_anchor

CONFIRMATION_SALT = "consultations.confirm-submission"
CONFIRMATION_MAX_AGE = 7 * 24 * 60 * 60


def recipient_key(group, request):
    """Rate-limit key for the address a confirmation e-mail would go to."""
    return request.POST.get("email", "").strip().casefold()[:254]


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
    anchor = "#" + message_anchor(consultation.pk)
    tags = block_message_tags(consultation.pk)

    phase = consultation.phase()
    if phase != ConsultationPhase.OPEN:
        late_text = request.POST.get("text", "")[:20_000]
        if phase == ConsultationPhase.UPCOMING:
            messages.error(request, _("Консултацията още не е започнала: предложения се приемат от %(opens)s.") % {
                "opens": timezone.localtime(consultation.opens_at).strftime("%d.%m.%Y %H:%M")}, extra_tags=tags)
        else:
            messages.error(request, _("Срокът за предложения изтече на %(closes)s. Предложението не е прието.") % {
                "closes": timezone.localtime(consultation.closes_at).strftime("%d.%m.%Y %H:%M")}, extra_tags=tags)
        response = page.render(request, context_overrides={"late_text": late_text, "late_for": consultation.pk})
        response.status_code = 403
        return response

    form = SubmissionForm(request.POST, consultation=consultation, sections=draft_sections(page))
    if form.is_valid() and form.is_from_a_bot():
        messages.success(request, _("Благодарим! Изпратихме ви писмо за потвърждение."), extra_tags=tags)
        return HttpResponseRedirect(page.url + anchor)
    # Counted only for valid forms: the form must not become a way to mail any text to any address.
    if form.is_valid() and is_ratelimited(request, group="consultation-confirmation-recipient", key=recipient_key,
                                          rate=settings.CONFIRMATION_EMAIL_RATE_LIMIT, increment=True):
        form.add_error("email", _("До този адрес вече изпратихме няколко писма за потвърждение. "
                                  "Потвърдете предложенията от тях или опитайте отново след час."))
    if form.is_valid():
        try:
            with transaction.atomic():
                submission = form.save()
        except IntegrityError:
            form.add_error("text", _("Вече сте изпратили същия текст до тази консултация."))
        else:
            send_confirmation(request, submission, tags)
            return HttpResponseRedirect(page.url + anchor)
    return page.render(request, context_overrides={"consultation_form": form})


def send_confirmation(request, submission, tags):
    """Queue the confirmation link; the submission is already stored, so a mail outage loses nothing.

    The e-mail carries the link and the consultation's name only, never what was typed into the
    form: the anonymous form must not send the municipality's name with any text to any address.
    """
    token = signing.dumps(submission.pk, salt=CONFIRMATION_SALT)
    link = request.build_absolute_uri(reverse("consultations:confirm", args=[token]))
    context = {"consultation": submission.consultation, "link": link, "days": CONFIRMATION_MAX_AGE // 86400}
    if not queue_mail("consultations/email/confirm", context, submission.email):
        messages.warning(request, _(
            "Предложението е записано, но писмото за потвърждение не можа да бъде изпратено. "
            "Администрацията ще го потвърди ръчно; не е нужно да го изпращате отново."), extra_tags=tags)
        return
    messages.success(request, _(
        "Предложението е записано. До няколко минути ще получите писмо на %(email)s: отворете връзката в него, "
        "за да го потвърдите. Непотвърдените предложения не се разглеждат.") % {"email": submission.email},
        extra_tags=tags)


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
    policy_page = submission.consultation.policy_page
    back_url = policy_page.url
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
        thanks = _("Благодарим! Предложението е потвърдено и ще бъде разгледано от администрацията.")
        if submission.consultation in consultations_on_page(policy_page.specific):
            messages.success(request, thanks, extra_tags=block_message_tags(submission.consultation_id))
            return HttpResponseRedirect(back_url + "#" + message_anchor(submission.consultation_id))
        messages.success(request, thanks)
        return HttpResponseRedirect(back_url)
    return TemplateResponse(request, "consultations/confirm.html", {"submission": submission, "back_url": back_url})
