"""The signed links in alert e-mails: confirming a subscription and unsubscribing from a digest."""

from datetime import timedelta

from django.contrib import messages
from django.core import signing
from django.http import HttpResponseRedirect
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from wagtail.models import Site

from consultations.confirmation import EmailConfirmation

from .models import Subscription

UNSUBSCRIBE_SALT = "alerts.unsubscribe"


class SubscriptionConfirmation(EmailConfirmation):
    salt = "alerts.confirm-subscription"
    # After this an unconfirmed subscription is deleted by send_alert_digest: no consent, no address kept.
    max_age = timedelta(days=3)
    url_name = "alerts:confirm"
    mail_template = "alerts/email/confirm"
    page_template = "alerts/confirm.html"
    message_template = "alerts/message.html"
    expired_message = gettext_lazy(
        "Връзките за потвърждение важат %(days)s дни. Абонирайте се отново от страницата за известия.")
    not_found_message = gettext_lazy(
        "Този абонамент вече не съществува. Абонирайте се отново от страницата за известия.")
    already_confirmed_title = gettext_lazy("Абонаментът вече е потвърден")
    already_confirmed_message = gettext_lazy(
        "Този абонамент вече е потвърден. Ще получавате писмо, когато има нещо ново.")
    # Not a conflict for the person: a second click on the link simply finds it done.
    already_confirmed_status = 200

    def get_row(self, pk):
        return Subscription.objects.select_related("policy_page").filter(pk=pk).first()

    def confirm_row(self, row):
        return row.confirm()

    def back_url(self, row):
        return reverse("alerts:subscribe")

    def confirmed(self, request, row):
        messages.success(request, _("Абонаментът е потвърден. Ще получавате по едно писмо на ден, когато има нещо ново."))
        return HttpResponseRedirect(self.back_url(row))


subscription_confirmation = SubscriptionConfirmation()


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
