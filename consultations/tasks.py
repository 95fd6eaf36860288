"""Background work of consultations, run by the task worker: delivering e-mail to participants."""

import logging
from datetime import timedelta

from django.core.mail import send_mail
from django.utils import timezone
from django_tasks import task

logger = logging.getLogger(__name__)

# A mail server that refuses now is tried again after these pauses, then given up with an error in the log.
RETRY_DELAYS = (timedelta(minutes=1), timedelta(minutes=10), timedelta(hours=1), timedelta(hours=6))


@task()
def deliver_mail(subject, body, recipient, attempt=1):
    try:
        send_mail(subject=subject, message=body, from_email=None, recipient_list=[recipient])
    except Exception:
        if attempt > len(RETRY_DELAYS):
            logger.exception("E-mail to a participant given up after %s attempts", attempt)
            raise
        delay = RETRY_DELAYS[attempt - 1]
        logger.warning("E-mail to a participant failed (attempt %s); retrying in %s", attempt, delay, exc_info=True)
        retry = deliver_mail
        if deliver_mail.get_backend().supports_defer:
            retry = deliver_mail.using(run_after=timezone.now() + delay)
        retry.enqueue(subject, body, recipient, attempt=attempt + 1)
