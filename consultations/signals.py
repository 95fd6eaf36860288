"""Keeps what consultations derive from pages in step, and tells higher apps when a справка is published."""

import functools

from django.dispatch import Signal
from wagtail.signals import page_published, page_unpublished

# Sent with `consultation` once its справка is published: its PDF is built and its participants told.
report_published = Signal()


def record_consultations_shown(sender, instance, **kwargs):
    """After a page is published, mark the consultations whose block its live version embeds."""
    from .blocks import consultations_on_page
    from .models import Consultation

    if not can_embed_consultations(sender):
        # Nothing to mark (a decision): consultations belong to pages whose type can show their block.
        return
    shown = {c.pk for c in consultations_on_page(instance)}
    Consultation.objects.filter(policy_page_id=instance.pk).exclude(pk__in=shown).update(shown_on_page=False)
    Consultation.objects.filter(policy_page_id=instance.pk, pk__in=shown).update(shown_on_page=True)


@functools.cache
def can_embed_consultations(page_type):
    """Whether the page type has a StreamField offering the consultation block, where consultations_on_page looks."""
    from wagtail.fields import StreamField

    from .blocks import ConsultationBlock

    return any(
        isinstance(block, ConsultationBlock)
        for field in page_type._meta.get_fields()
        if isinstance(field, StreamField)
        for block in field.stream_block.child_blocks.values()
    )


def record_consultations_hidden(sender, instance, **kwargs):
    from .models import Consultation

    if can_embed_consultations(sender):
        Consultation.objects.filter(policy_page_id=instance.pk).update(shown_on_page=False)


def refresh_search_entry(sender, instance, raw=False, **kwargs):
    """A consultation's title or dates changed: its entry in the public search follows its page."""
    from search.entry_signals import after_commit
    from search.entries import sync_page

    if not raw:
        after_commit(sync_page, instance.policy_page_id)


def build_report_pdf_later(consultation_id):
    from django.db import transaction

    from .tasks import build_report_pdf

    transaction.on_commit(lambda: build_report_pdf.enqueue(consultation_id))


def on_report_published_build_pdf(sender, consultation, **kwargs):
    build_report_pdf_later(consultation.pk)


def on_submission_saved_rebuild_pdf(sender, instance, raw=False, **kwargs):
    """An answer changed after the справка was published: its stored PDF must say the same as the page."""
    if not raw and instance.consultation_id is not None and instance.consultation.report_is_published():
        build_report_pdf_later(instance.consultation_id)


def connect():
    from django.db.models.signals import post_save

    from botevgrad.remembered import forget_on_changes

    from .evaluation_results import EVALUATIONS
    from .models import Consultation, Evaluation, EvaluationCriterion, EvaluationPeriod, EvaluationScore, Submission
    from .notifications import on_report_published, on_submission_saved

    post_save.connect(on_submission_saved, sender=Submission, dispatch_uid="consultations.notify_answer")
    report_published.connect(on_report_published, dispatch_uid="consultations.notify_report")
    report_published.connect(on_report_published_build_pdf, dispatch_uid="consultations.build_report_pdf")
    post_save.connect(on_submission_saved_rebuild_pdf, sender=Submission, dispatch_uid="consultations.rebuild_report_pdf")
    post_save.connect(refresh_search_entry, sender=Consultation, dispatch_uid="consultations.search_entry")
    page_published.connect(record_consultations_shown, dispatch_uid="consultations.shown")
    page_unpublished.connect(record_consultations_hidden, dispatch_uid="consultations.hidden")
    forget_on_changes(EVALUATIONS, [Evaluation, EvaluationScore, EvaluationPeriod, EvaluationCriterion], "evaluations")
