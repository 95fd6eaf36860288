"""The signed links in alert e-mails: confirming a subscription and unsubscribing from a digest."""

from django.core import signing
from django.urls import reverse
from wagtail.models import Site

CONFIRMATION_SALT = "alerts.confirm-subscription"
UNSUBSCRIBE_SALT = "alerts.unsubscribe"
# After this an unconfirmed subscription is deleted by send_alert_digest: no consent, no address kept.
CONFIRMATION_MAX_AGE = 3 * 24 * 60 * 60


def confirmation_token(subscription):
    return signing.dumps(subscription.pk, salt=CONFIRMATION_SALT)


def subscription_pk_from_confirmation(token):
    """The subscription's pk; raises signing.SignatureExpired or signing.BadSignature."""
    return signing.loads(token, salt=CONFIRMATION_SALT, max_age=CONFIRMATION_MAX_AGE)


def unsubscribe_token(subscriptions):
    """A link that never expires (an old digest must still unsubscribe) and names rows, never the address."""
    return signing.dumps(sorted(subscription.pk for subscription in subscriptions), salt=UNSUBSCRIBE_SALT)


def subscription_pks_from_unsubscribe(token):
    """The pks the link was made for; raises signing.BadSignature for anything we did not sign."""
    pks = signing.loads(token, salt=UNSUBSCRIBE_SALT)
    if not isinstance(pks, list) or not all(isinstance(pk, int) for pk in pks):
        raise signing.BadSignature("Unexpected unsubscribe payload")
    return pks


def site_root_url():
    """The address e-mails sent without a request link to: the default site's (set_site_address)."""
    site = Site.objects.filter(is_default_site=True).only("hostname", "port").first()
    return site.root_url if site else ""


def unsubscribe_path(subscriptions):
    return reverse("alerts:unsubscribe", args=[unsubscribe_token(subscriptions)])


def unsubscribe_url(subscriptions, root_url):
    return root_url + unsubscribe_path(subscriptions)
