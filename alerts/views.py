"""Subscribing to e-mail alerts without an account, confirming from the e-mailed link, unsubscribing in one click."""

from django.conf import settings
from django.contrib import messages
from django.core import signing
from django.db import IntegrityError, transaction
from django.http import HttpResponseRedirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_http_methods
from django_ratelimit.core import is_ratelimited

from consultations.mail import queue_mail

from .forms import SubscriptionForm
from .models import Subscription
from .tokens import subscription_confirmation, subscription_pks_from_unsubscribe, unsubscribe_path


def recipient_key(group, request):
    """Rate-limit key for the address a confirmation e-mail would go to."""
    return request.POST.get("email", "").strip().lower()[:254]


def message_page(request, status, title, message):
    return TemplateResponse(request, "alerts/message.html", {"title": title, "message": message}, status=status)


def initial_from_query(request):
    """`?politika=<id>` preselects a policy, so a policy page can link straight to its alerts."""
    policy = request.GET.get("politika", "")
    return {"topic": "policy", "policy": policy} if policy.isascii() and policy.isdigit() and len(policy) < 12 else {}


@require_http_methods(["GET", "POST"])
def subscribe(request):
    """The form; a valid POST stores an unconfirmed subscription and e-mails the confirmation link (PRG)."""
    if request.method == "GET":
        return render_form(request, SubscriptionForm(initial=initial_from_query(request)))
    if is_ratelimited(request, group="alerts-subscription", key="ip", rate=settings.ALERT_SUBSCRIPTION_RATE_LIMIT,
                      increment=True):
        return message_page(request, 429, _("Твърде много заявки"), _(
            "От вашия адрес бяха изпратени много заявки за кратко време. Моля, опитайте отново след час."))
    form = SubscriptionForm(request.POST)
    if form.is_valid() and form.is_from_a_bot():
        return sent(request, form.cleaned_data["email"])
    # Counted only for valid forms: the form must not become a way to mail the municipality's name to anyone.
    if form.is_valid() and is_ratelimited(request, group="alerts-confirmation-recipient", key=recipient_key,
                                          rate=settings.ALERT_CONFIRMATION_EMAIL_RATE_LIMIT, increment=True):
        form.add_error("email", _("До този адрес вече изпратихме няколко писма. Отворете връзката от тях "
                                  "или опитайте отново след час."))
    if not form.is_valid():
        return render_form(request, form)
    subscription = store(form)
    if subscription.is_confirmed():
        # The same answer on the page as for a new address: the page must not tell who is subscribed.
        # The owner of the mailbox learns it from the e-mail, with a way to unsubscribe.
        queued = queue_mail("alerts/email/already_subscribed",
                            {"subscription": subscription,
                             "unsubscribe_url": request.build_absolute_uri(unsubscribe_path([subscription]))},
                            subscription.email)
    else:
        queued = subscription_confirmation.send(request, subscription, {"subscription": subscription})
    if not queued:
        return message_page(request, 503, _("Писмото не можа да бъде изпратено"), _(
            "В момента не можем да изпращаме писма. Моля, опитайте отново по-късно."))
    return sent(request, subscription.email)


def store(form):
    """The subscription for the form's address and topic: created once, however many requests arrive at once."""
    key = form.subscription_key()
    try:
        with transaction.atomic():
            return Subscription.objects.get_or_create(**key)[0]
    except IntegrityError:  # created by a parallel request between get_or_create's lookup and insert
        return Subscription.objects.get(**key)


def sent(request, email):
    messages.success(request, _(
        "Изпратихме писмо на %(email)s. Отворете връзката в него, за да потвърдите абонамента; "
        "без потвърждение няма да ви изпращаме известия.") % {"email": email})
    return HttpResponseRedirect(reverse("alerts:subscribe"))


def render_form(request, form):
    return TemplateResponse(request, "alerts/subscribe.html", {"form": form})


# Exempt from CSRF: mail programs POST here without cookies (RFC 8058 one-click), and the signed
# token in the address is the only credential, so a forged request could do nothing the token cannot.
@csrf_exempt
@require_http_methods(["GET", "POST"])
def unsubscribe(request, token):
    """GET asks, POST deletes the rows: unsubscribing erases the address, it does not just switch it off."""
    try:
        pks = subscription_pks_from_unsubscribe(token)
    except signing.BadSignature:
        return message_page(request, 404, _("Невалидна връзка"), _(
            "Връзката за отписване е непълна или грешна. Копирайте я изцяло от писмото."))
    subscriptions = Subscription.objects.filter(pk__in=pks).select_related("policy_page").order_by("pk")
    if request.method == "POST":
        subscriptions.delete()
        return message_page(request, 200, _("Отписахте се"), _(
            "Няма да получавате повече тези известия, а адресът ви е изтрит от тях."))
    subscriptions = list(subscriptions)
    if not subscriptions:
        return message_page(request, 200, _("Вече сте отписани"), _("Този адрес не получава тези известия."))
    return TemplateResponse(request, "alerts/unsubscribe.html", {"subscriptions": subscriptions})
