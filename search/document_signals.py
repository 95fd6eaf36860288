"""Queue the text extraction of a document when its file is uploaded or replaced."""

import logging

from django.db import transaction
from django.db.models.signals import post_save
from wagtail.documents import get_document_model

from .document_text import is_up_to_date
from .models import DocumentText

logger = logging.getLogger(__name__)


def enqueue_extraction(document_id):
    """Hand the document to the worker; a queue that is down leaves the row pending for the management command."""
    from .tasks import extract_document_text

    try:
        extract_document_text.enqueue(document_id)
    except Exception:
        logger.exception("The text extraction of document %s could not be queued; it stays pending", document_id)


def on_document_saved(sender, instance, raw=False, update_fields=None, **kwargs):
    # Fixtures, and Wagtail filling in file_size or file_hash, do not change the file.
    if raw or (update_fields is not None and "file" not in update_fields):
        return
    try:
        # A savepoint: a failure here must not break the upload's transaction.
        with transaction.atomic():
            stored = DocumentText.objects.filter(document=instance).first()
            if is_up_to_date(stored, instance.file_hash):
                return
            DocumentText.objects.update_or_create(
                document=instance,
                defaults={"status": DocumentText.Status.PENDING, "text": "", "message": "", "extracted_at": None},
            )
    except Exception:
        logger.exception("Document %s could not be marked for text extraction", instance.pk)
        return
    document_id = instance.pk
    transaction.on_commit(lambda: enqueue_extraction(document_id))


def connect():
    post_save.connect(on_document_saved, sender=get_document_model(), dispatch_uid="search.extract_document_text")
