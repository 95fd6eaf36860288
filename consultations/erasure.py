"""Erasing a participant on request (GDPR Art. 17): the person goes, the public record of the consultation stays.

Found by e-mail address, in every place the site keeps it: proposals and recommendations (name, address and
organisation; the text, its answer and the справка's counts stay, signed "Изтрит участник"), ratings (the
address, which alone ties a score to a person, becomes one that names nobody), e-mail alert subscriptions
(deleted: they are no record of anything), and the task queue's e-mails to or about them (deleted, sent or not).
The stored справка PDFs are rebuilt without the name (the proposals' post_save does it), the admin's search
index and audit-log labels are brought up to date, and the erasure itself is logged without the address.
"""

from dataclasses import dataclass, field

from django.contrib.contenttypes.models import ContentType
from django.db import transaction
from django.db.models import Q, TextField
from django.db.models.functions import Cast
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.log_actions import log
from wagtail.models import ModelLogEntry

from .models import Evaluation, Submission

ERASED_NAME = _("Изтрит участник")
LOG_ACTION = "consultations.erase_participant"


def erased_address(evaluation_pk):
    """An address that names nobody, one per rating: a rating's period counts each address once."""
    return f"iztrit-{evaluation_pk}@iztrit.invalid"  # .invalid: reserved, never delivered (RFC 2606)


@dataclass
class Found:
    """What the site keeps about one e-mail address."""

    email: str
    submissions: list = field(default_factory=list)
    evaluations: list = field(default_factory=list)
    subscriptions: int = 0
    queued_mails: int = 0

    def __bool__(self):
        return bool(self.submissions or self.evaluations or self.subscriptions or self.queued_mails)


def subscriptions(email):
    from alerts.models import Subscription, normalise_email

    return Subscription.objects.filter(email__iexact=normalise_email(email))


def queued_mails(email):
    from django_tasks_db.models import DBTaskResult

    address = email.strip()
    return DBTaskResult.objects.annotate(arguments=Cast("args_kwargs", TextField())).filter(
        Q(arguments__icontains=address) | Q(traceback__icontains=address))


def find(email):
    email = email.strip()
    return Found(
        email=email,
        submissions=list(Submission.objects.filter(email__iexact=email, erased_at__isnull=True)
                         .select_related("consultation", "evaluation__period__policy_page").order_by("created_at")),
        evaluations=list(Evaluation.objects.filter(email__iexact=email).select_related("period")
                         .order_by("created_at")),
        subscriptions=subscriptions(email).count(),
        queued_mails=queued_mails(email).count(),
    )


@transaction.atomic
def erase(email, user):
    """Erase everything `find(email)` finds; returns what was found, for the message to the moderator."""
    found = find(email)
    if not found:
        return found
    now = timezone.now()
    counts = {"submissions": len(found.submissions), "evaluations": len(found.evaluations),
              "subscriptions": found.subscriptions, "queued_mails": found.queued_mails}
    for submission in found.submissions:
        submission.author_name = str(ERASED_NAME)
        submission.email = ""
        submission.organisation = ""
        submission.publish_name = False
        submission.notify = False
        submission.erased_at = now
        submission.save()  # and so the admin's search index and the stored справка PDF follow
        log(submission, LOG_ACTION, user=user, data=counts)
    for evaluation in found.evaluations:
        Evaluation.objects.filter(pk=evaluation.pk).update(email=erased_address(evaluation.pk))
        log(evaluation, LOG_ACTION, user=user, data=counts)
    subscriptions(email).delete()
    queued_mails(email).delete()
    # The audit log names each proposal as it was called when logged: "№ 12 — Мария Иванова".
    content_type = ContentType.objects.get_for_model(Submission)
    for submission in found.submissions:
        ModelLogEntry.objects.filter(content_type=content_type, object_id=str(submission.pk)).update(
            label=str(submission))
    return found
