"""What every participation form posted to a page goes through before its own rules: floods and bots.

Used by the consultation form (views.py) and the evaluation form (evaluation_views.py), so the limits
and their messages are the same for both.
"""

from django.conf import settings
from django.contrib import messages
from django.http import HttpResponseRedirect
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _
from django_ratelimit.core import is_ratelimited


def error_page(request, status, title, message, back_url=None):
    context = {"title": title, "message": message, "back_url": back_url}
    return TemplateResponse(request, "consultations/error.html", context, status=status)


def flooded(request, page, group):
    """The 429 page when this address has posted too often (django-ratelimit counts per IP), else None."""
    if is_ratelimited(request, group=group, key="ip", rate=settings.SUBMISSION_RATE_LIMIT, increment=True):
        return error_page(
            request, 429, _("Твърде много изпращания"),
            _("От вашия адрес бяха изпратени много формуляри за кратко време. Моля, опитайте отново след час."),
            page.url,
        )
    return None


def recipient_key(form):
    """Rate-limit key for the address a confirmation e-mail would go to (django-ratelimit calls it with the request)."""
    return lambda group, request: form.cleaned_data["email"].strip().casefold()[:254]


def guard_valid_form(request, form, group, message):
    """After `form.is_valid()`: a bot gets a redirect-ready True (store nothing); too many mails to one address
    become an error at the e-mail field. Returns whether the post came from a bot."""
    if not form.is_valid():
        return False
    if form.is_from_a_bot():
        return True
    # Counted only for valid forms: the form must not become a way to mail any text to any address.
    if is_ratelimited(request, group=group, key=recipient_key(form), rate=settings.CONFIRMATION_EMAIL_RATE_LIMIT,
                      increment=True):
        form.add_error("email", message)
    return False


def pretend_received(request, page, section, tags):
    """What a bot sees: the same thanks a person gets, and nothing stored."""
    messages.success(request, _("Благодарим! Изпратихме ви писмо за потвърждение."), extra_tags=tags)
    return HttpResponseRedirect(f"{page.url}#{section}")
