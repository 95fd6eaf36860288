"""What a subscriber's digest reports: the live, public decisions and consultations published in its window."""

import logging
from dataclasses import dataclass, field

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from botevgrad.public_tree import visible
from consultations.mail import render_mail
from consultations.models import Consultation, ConsultationIndexPage
from decisions.models import DecisionIndexPage, DecisionPage
from policy_pages.models import PolicyPage

from .models import Subscription, Topic
from .tasks import deliver_digest
from .tokens import site_root_url, unsubscribe_url

logger = logging.getLogger(__name__)

# A bulk import of old decisions must not turn into a thousand-line e-mail: the rest is a link away.
MAX_ITEMS_PER_SECTION = 50


@dataclass
class Section:
    """One subscription's part of a digest."""

    title: str
    unsubscribe_url: str
    more_url: str = ""
    decisions: list = field(default_factory=list)
    consultations: list = field(default_factory=list)
    not_shown: int = 0

    def __bool__(self):
        return bool(self.decisions or self.consultations)


def new_decisions(since, until):
    """Decisions that went live in (since, until]: first publication, so a correction does not announce one again."""
    return (
        visible(DecisionPage.objects)
        .filter(first_published_at__gt=since, first_published_at__lte=until)
        .order_by("-date", "-number", "-pk")
    )


def new_consultations(since, until):
    """Announced consultations that opened in (since, until]: the moment people can take part."""
    return (
        Consultation.objects.announced()
        .filter(opens_at__gt=since, opens_at__lte=until)
        .select_related("policy_page")
        .order_by("closes_at", "pk")
    )


class DigestBuilder:
    """Builds sections for one run; subscribers with the same window share the queries (most have the same one)."""

    def __init__(self, until):
        self.until = until
        self.root_url = site_root_url()
        self._cache = {}

    def _items(self, topic, policy_id, since):
        key = (topic, policy_id, since)
        if key not in self._cache:
            decisions, consultations = new_decisions(since, self.until), new_consultations(since, self.until)
            if policy_id:
                decisions = decisions.filter(related_policies=policy_id)
                consultations = consultations.filter(policy_page_id=policy_id)
            if topic == Topic.DECISIONS:
                consultations = consultations.none()
            if topic == Topic.CONSULTATIONS:
                decisions = decisions.none()
            self._cache[key] = (list(decisions[: MAX_ITEMS_PER_SECTION + 1]), decisions,
                                list(consultations[: MAX_ITEMS_PER_SECTION + 1]), consultations)
        return self._cache[key]

    def _public_policy(self, policy_id):
        key = ("policy", policy_id)
        if key not in self._cache:
            self._cache[key] = visible(PolicyPage.objects).filter(pk=policy_id).first()
        return self._cache[key]

    def _index_url(self, topic):
        """The page that lists everything of a topic, for the "and N more" line."""
        key = ("index", topic)
        if key not in self._cache:
            model = DecisionIndexPage if topic == Topic.DECISIONS else ConsultationIndexPage
            index = visible(model.objects).first()
            self._cache[key] = index.get_full_url() if index else ""
        return self._cache[key]

    def section(self, subscription):
        """The subscription's news since its last digest; empty when there is none or its policy is no longer public."""
        since = subscription.covered_until or subscription.confirmed_at
        more_url = ""
        if subscription.topic == Topic.POLICY:
            policy = self._public_policy(subscription.policy_page_id)
            if policy is None:
                return Section(title="", unsubscribe_url="")
            title = _("Политика „%(title)s“") % {"title": policy.title}
            more_url = policy.get_full_url()
        else:
            title = subscription.get_topic_display()
            more_url = self._index_url(subscription.topic)
        decisions, all_decisions, consultations, all_consultations = self._items(
            subscription.topic, subscription.policy_page_id, since
        )
        section = Section(title=title, unsubscribe_url=unsubscribe_url([subscription], self.root_url),
                          more_url=more_url,
                          decisions=decisions[:MAX_ITEMS_PER_SECTION],
                          consultations=consultations[:MAX_ITEMS_PER_SECTION])
        if len(decisions) > MAX_ITEMS_PER_SECTION:
            section.not_shown += all_decisions.count() - MAX_ITEMS_PER_SECTION
        if len(consultations) > MAX_ITEMS_PER_SECTION:
            section.not_shown += all_consultations.count() - MAX_ITEMS_PER_SECTION
        return section


def send_digest(email, builder):
    """Send one address its digest and move its subscriptions' windows on; returns True if an e-mail was queued.

    The rows stay locked until the window moves, so two runs at once never report the same news twice;
    if the queue refuses the e-mail, the windows stay where they were and the next run tries again.
    """
    with transaction.atomic():
        subscriptions = list(
            Subscription.objects.confirmed().filter(email=email).select_for_update().order_by("pk")
        )
        sections = [section for section in map(builder.section, subscriptions) if section]
        if sections:
            context = {"sections": sections, "unsubscribe_url": unsubscribe_url(subscriptions, builder.root_url),
                       "date": timezone.localtime(builder.until)}
            subject, body = render_mail("alerts/email/digest", context)
            # In a savepoint: a database queue that fails must not break the transaction holding the lock.
            try:
                with transaction.atomic():
                    deliver_digest.enqueue(subject, body, email, context["unsubscribe_url"])
            except Exception:
                logger.exception("Could not queue an alert digest")
                return False
        Subscription.objects.filter(pk__in=[s.pk for s in subscriptions]).update(covered_until=builder.until)
    return bool(sections)


def send_digests(until=None):
    """Send every confirmed address its digest; returns how many e-mails were queued."""
    builder = DigestBuilder(until or timezone.now())
    addresses = Subscription.objects.confirmed().order_by("email").values_list("email", flat=True).distinct()
    return sum(send_digest(email, builder) for email in list(addresses))
