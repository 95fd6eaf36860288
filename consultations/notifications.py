"""The one e-mail a participant may ask for: when the answer to their proposal becomes public."""

from django.db import transaction
from django.utils import timezone

from .mail import queue_mail
from .models import Consultation, PublicationMode, Submission, SubmissionStatus


def answer_is_public(submission):
    """The answer is on the policy page (approved, in a consultation that publishes after moderation)."""
    consultation = Consultation.objects.get(pk=submission.consultation_id)  # fresh: shown_on_page moves with pages
    return (
        bool(submission.answer)
        and submission.status == SubmissionStatus.APPROVED
        and consultation.publication == PublicationMode.AFTER_MODERATION
        and consultation.shown_on_page
        and consultation.is_visible()
    )


def notify_participants(submissions, consultation):
    """Queue the e-mail for each submission that asked for it and has not had it; record that it went."""
    page = consultation.policy_page
    link = f"{page.get_full_url()}#konsultaciya-{consultation.pk}"
    for submission in submissions:
        # Claiming the row first means two parallel saves never send the e-mail twice.
        claimed = Submission.objects.filter(pk=submission.pk, notified_at__isnull=True).update(
            notified_at=timezone.now()
        )
        if not claimed:
            continue
        submission.notified_at = timezone.now()  # so that saving this instance again keeps the record
        context = {
            "consultation": consultation,
            "answer": submission.get_answer_display() if submission.answer else "",
            "report_published": consultation.report_is_published(),
            "link": link,
        }
        queue_mail("consultations/email/answered", context, submission.email)


def waiting_for_notice(queryset):
    return queryset.filter(notify=True, notified_at__isnull=True).exclude(email="")


def on_submission_saved(sender, instance, created=False, **kwargs):
    # A recommendation sent with an evaluation asks for no notice (it has no consultation to tell about).
    if created or not instance.notify or instance.notified_at or not instance.email or instance.consultation_id is None:
        return
    if answer_is_public(instance):
        consultation = Consultation.objects.select_related("policy_page").get(pk=instance.consultation_id)
        transaction.on_commit(lambda: notify_participants([instance], consultation))


def on_report_published(sender, consultation, **kwargs):
    consultation = Consultation.objects.select_related("policy_page").get(pk=consultation.pk)
    if not consultation.is_visible():
        return
    submissions = list(waiting_for_notice(consultation.counted_submissions()))
    transaction.on_commit(lambda: notify_participants(submissions, consultation))
