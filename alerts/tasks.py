"""Background work of alerts, run by the task worker: delivering digests with their one-click unsubscribe headers."""

import logging

from django.core.mail import EmailMessage
from django.utils import timezone
from django_tasks import task

from consultations.tasks import RETRY_DELAYS

logger = logging.getLogger(__name__)


def unsubscribe_headers(unsubscribe_url):
    """RFC 2369 and RFC 8058: mail programs show an "unsubscribe" button that POSTs to this address."""
    return {
        "List-Unsubscribe": f"<{unsubscribe_url}>",
        "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
    }


# Not consultations.mail.queue_mail: that queue sends subject and body only, and a digest needs its headers.
@task()
def deliver_digest(subject, body, recipient, unsubscribe_url, attempt=1):
    message = EmailMessage(subject=subject, body=body, to=[recipient], headers=unsubscribe_headers(unsubscribe_url))
    try:
        message.send()
    except Exception:
        if attempt > len(RETRY_DELAYS):
            logger.exception("Alert digest given up after %s attempts", attempt)
            raise
        delay = RETRY_DELAYS[attempt - 1]
        logger.warning("Alert digest failed (attempt %s); retrying in %s", attempt, delay, exc_info=True)
        retry = deliver_digest
        if deliver_digest.get_backend().supports_defer:
            retry = deliver_digest.using(run_after=timezone.now() + delay)
        retry.enqueue(subject, body, recipient, unsubscribe_url, attempt=attempt + 1)
