"""E-mail to participants: rendered in the request, delivered by the task worker, retried when the server fails.

Every message participants get from the platform (confirmation links, notice of an answer) goes
through `queue_mail`, so a slow or dead SMTP server never delays or fails a request.
"""

import logging

from django.template.loader import render_to_string

logger = logging.getLogger(__name__)


def render_mail(template_prefix, context):
    """(subject, body) from `<template_prefix>_subject.txt` and `<template_prefix>_body.txt`."""
    subject = " ".join(render_to_string(f"{template_prefix}_subject.txt", context).split())
    body = render_to_string(f"{template_prefix}_body.txt", context)
    return subject, body


def queue_mail(template_prefix, context, recipient):
    """Queue one e-mail; returns False if even the queue could not take it (the caller tells the person)."""
    from .tasks import deliver_mail

    subject, body = render_mail(template_prefix, context)
    try:
        deliver_mail.enqueue(subject, body, recipient)
    except Exception:
        logger.exception("Could not queue an e-mail to a participant (%s)", template_prefix)
        return False
    return True
