"""E-mail alert subscriptions: who asked for which news, whether they confirmed, and when they last had a digest."""

from django.db import models
from django.db.models.functions import Lower
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class Topic(models.TextChoices):
    DECISIONS = "decisions", _("Нови решения и заповеди")
    CONSULTATIONS = "consultations", _("Нови обществени консултации")
    POLICY = "policy", _("Всичко ново по една политика")


def normalise_email(address):
    """One spelling per mailbox, so that the unique constraint sees `Ivan@X.bg ` and `ivan@x.bg` as the same."""
    return address.strip().lower()


class SubscriptionQuerySet(models.QuerySet):
    def confirmed(self):
        return self.filter(confirmed_at__isnull=False)

    def expired_unconfirmed(self, max_age, at=None):
        """Subscriptions nobody confirmed within `max_age`: an address with no consent to keep."""
        return self.filter(confirmed_at__isnull=True, created_at__lt=(at or timezone.now()) - max_age)


class Subscription(models.Model):
    """One address's wish for one kind of news; personal data, shown to nobody and deleted on unsubscribing."""

    email = models.EmailField(verbose_name=_("Електронна поща"), max_length=254)
    topic = models.CharField(verbose_name=_("Какво да получавате"), max_length=20, choices=Topic.choices)
    # A page, not a PolicyPage: deleting the policy deletes the subscriptions that followed it.
    policy_page = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("Политика"),
        on_delete=models.CASCADE,
        related_name="+",
        null=True,
        blank=True,
    )
    created_at = models.DateTimeField(verbose_name=_("Заявен на"), default=timezone.now)
    confirmed_at = models.DateTimeField(verbose_name=_("Потвърден на"), null=True, blank=True)
    # The next digest reports what was published after this moment.
    covered_until = models.DateTimeField(verbose_name=_("Известен до"), null=True, blank=True)

    objects = SubscriptionQuerySet.as_manager()

    class Meta:
        verbose_name = _("Абонамент за известия")
        verbose_name_plural = _("Абонаменти за известия")
        constraints = [
            # Two partial constraints rather than one with nulls_distinct=False, which SQLite lacks;
            # Lower() so that an address typed in capitals elsewhere (the shell, an import) is still one.
            models.UniqueConstraint(
                Lower("email"), "topic", condition=models.Q(policy_page__isnull=True),
                name="alerts_one_subscription_per_topic",
            ),
            models.UniqueConstraint(
                Lower("email"), "policy_page", condition=models.Q(policy_page__isnull=False),
                name="alerts_one_subscription_per_policy",
            ),
            models.CheckConstraint(
                condition=models.Q(topic=Topic.POLICY, policy_page__isnull=False)
                | (~models.Q(topic=Topic.POLICY) & models.Q(policy_page__isnull=True)),
                name="alerts_policy_page_only_for_policy_topic",
            ),
        ]

    def __str__(self):
        return self.describe()

    def describe(self):
        """What this subscription brings, as the person sees it in e-mails and on the unsubscribe page."""
        if self.topic == Topic.POLICY and self.policy_page_id:
            return _("Политика „%(title)s“") % {"title": self.policy_page.title}
        return self.get_topic_display()

    def is_confirmed(self):
        return self.confirmed_at is not None

    def confirm(self, at=None):
        """Confirm once; returns False if it was already confirmed (a second click, a parallel request)."""
        at = at or timezone.now()
        updated = Subscription.objects.filter(pk=self.pk, confirmed_at__isnull=True).update(
            confirmed_at=at, covered_until=at
        )
        if updated:
            self.confirmed_at = self.covered_until = at
        return bool(updated)
