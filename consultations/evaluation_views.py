"""Receiving an evaluation posted from a policy page, and confirming it from the e-mailed link."""

from django.contrib import messages
from django.db import IntegrityError, transaction
from django.http import HttpResponseRedirect
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from botevgrad.content_changes import unseen_writes

from .blocks import EvaluationBlock, blocks_on_page
from .confirmation import EmailConfirmation
from .evaluation_forms import EvaluationForm
from .evaluation_results import EVALUATIONS
from .models import ConsultationPhase, Evaluation, EvaluationPeriod, EvaluationStatus
from .page_messages import block_message_tags, evaluation_section, message_anchor
from .receiving import error_page, flooded, guard_valid_form, pretend_received


def receive_evaluation(request, page):
    """Handle the evaluation form posted to `page`: store it unconfirmed, mail the link, redirect back."""
    if request.method != "POST":
        return HttpResponseRedirect(page.url)
    if refused := flooded(request, page, "policy-evaluation"):
        return refused
    block = page.participation_block(request.POST.get("block", ""), EvaluationBlock)
    period = block.value["period"] if block is not None else None
    if period is None or period.policy_page_id != page.pk:
        return error_page(request, 400, _("Периодът за оценка не е намерен"),
                          _("Формулярът не съответства на период за оценка на тази страница."), page.url)
    section = evaluation_section(period.pk)
    tags = block_message_tags(section)

    phase = period.phase()
    if phase != ConsultationPhase.OPEN:
        if phase == ConsultationPhase.UPCOMING:
            text = _("Оценяването още не е започнало: оценки се приемат от %(opens)s.") % {
                "opens": timezone.localtime(period.opens_at).strftime("%d.%m.%Y %H:%M")}
        else:
            text = _("Оценяването приключи на %(closes)s. Оценката не е приета.") % {
                "closes": timezone.localtime(period.closes_at).strftime("%d.%m.%Y %H:%M")}
        messages.error(request, text, extra_tags=tags)
        response = page.render(request)
        response.status_code = 403
        return response

    form = EvaluationForm(request.POST, period=period, prefix=block.id)
    if guard_valid_form(request, form, "evaluation-confirmation-recipient", _(
            "До този адрес вече изпратихме няколко писма за потвърждение. "
            "Потвърдете оценката от тях или опитайте отново след час.")):
        return pretend_received(request, page, message_anchor(section), tags)
    if form.is_valid():
        with unseen_writes():  # counted, and so shown, only once its e-mail link is followed
            evaluation = form.save()
        send_evaluation_confirmation(request, evaluation, tags)
        return HttpResponseRedirect(f"{page.url}#{message_anchor(section)}")
    return page.render(request, context_overrides={"participation_form": form})


def send_evaluation_confirmation(request, evaluation, tags):
    """Queue the link; the evaluation is stored already, so a mail outage loses nothing but the confirmation."""
    if not evaluation_confirmation.send(request, evaluation, {"period": evaluation.period,
                                                              "policy": evaluation.period.policy_page}):
        messages.warning(request, _(
            "Оценката е записана, но писмото за потвърждение не можа да бъде изпратено. Опитайте отново по-късно: "
            "оценката се отчита само след потвърждение."), extra_tags=tags)
        return
    messages.success(request, _(
        "Оценката е записана. До няколко минути ще получите писмо на %(email)s: отворете връзката в него, за да я "
        "потвърдите. Непотвърдените оценки не се отчитат.") % {"email": evaluation.email}, extra_tags=tags)


class EvaluationConfirmation(EmailConfirmation):
    salt = "consultations.confirm-evaluation"
    url_name = "consultations:confirm_evaluation"
    mail_template = "consultations/email/confirm_evaluation"
    page_template = "consultations/confirm_evaluation.html"
    expired_message = gettext_lazy("Връзките за потвърждение важат %(days)s дни. Оценете политиката отново, ако "
                                   "оценяването още продължава.")
    not_found_message = gettext_lazy("Тази оценка вече не съществува: непотвърдените оценки се изтриват след срока "
                                     "на връзката.")
    already_confirmed_title = gettext_lazy("Оценката вече е потвърдена")
    already_confirmed_message = gettext_lazy("Тази оценка вече е потвърдена. Ако сте изпратили по-късна оценка за "
                                             "същия период, отчита се тя.")

    def get_row(self, pk):
        return (Evaluation.objects.select_related("period__policy_page").prefetch_related("scores__criterion")
                .filter(pk=pk).first())

    def is_confirmed(self, row):
        return row.status != EvaluationStatus.UNCONFIRMED

    def confirm_row(self, row):
        """Count this evaluation and stop counting the address's earlier one in the period, in one transaction.

        The period's row is locked first, so confirmations of one period take turns; the partial unique
        constraint is the net under that, and a lost race is answered like a second click.
        """
        now = timezone.now()
        try:
            with transaction.atomic():
                EvaluationPeriod.objects.select_for_update().filter(pk=row.period_id).first()
                if not Evaluation.objects.filter(pk=row.pk, status=EvaluationStatus.UNCONFIRMED).exists():
                    return False
                row.replaced_earlier = bool(
                    Evaluation.objects.counted().filter(period_id=row.period_id, email__iexact=row.email)
                    .update(status=EvaluationStatus.REPLACED)
                )
                Evaluation.objects.filter(pk=row.pk).update(status=EvaluationStatus.COUNTED, confirmed_at=now)
                EVALUATIONS.forget()  # update() sends no signal
                if row.recommendation:
                    # Moderated and answered with the consultations' proposals, on the same screens.
                    row.recommendation_submission(confirmed_at=now).save()
        except IntegrityError:
            return False
        return True

    def back_url(self, row):
        return row.period.policy_page.url

    def confirmed(self, request, row):
        if row.replaced_earlier:
            thanks = _("Благодарим! Оценката е потвърдена. Тя замества предишната ви оценка за периода „%(period)s“: "
                       "отчита се само последната.") % {"period": row.period.title}
        else:
            thanks = _("Благодарим! Оценката е потвърдена и е отчетена за периода „%(period)s“.") % {
                "period": row.period.title}
        back_url = self.back_url(row)
        page = row.period.policy_page
        section = evaluation_section(row.period_id)
        if any(child.value["period"] == row.period for child in blocks_on_page(page, EvaluationBlock)):
            messages.success(request, thanks, extra_tags=block_message_tags(section))
            return HttpResponseRedirect(f"{back_url}#{message_anchor(section)}")
        messages.success(request, thanks)
        return HttpResponseRedirect(back_url)


evaluation_confirmation = EvaluationConfirmation()
