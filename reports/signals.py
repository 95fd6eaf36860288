"""Rebuild the stored PDF of a справка when it is published and when an answer in it changes afterwards."""

from django.db import transaction
from django.db.models.signals import post_save

from consultations.models import Submission
from consultations.signals import report_published


def enqueue_build(consultation_id):
    from .tasks import build_report_pdf

    transaction.on_commit(lambda: build_report_pdf.enqueue(consultation_id))


def on_report_published(sender, consultation, **kwargs):
    enqueue_build(consultation.pk)


def on_submission_saved(sender, instance, **kwargs):
    if instance.consultation.report_is_published():
        enqueue_build(instance.consultation_id)


def connect():
    report_published.connect(on_report_published, dispatch_uid="reports.build_pdf_on_publish")
    post_save.connect(on_submission_saved, sender=Submission, dispatch_uid="reports.build_pdf_on_answer")
