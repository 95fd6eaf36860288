"""Confirming by e-mail: the one flow for proposals, evaluations and alert subscriptions.

A row is stored first, unconfirmed; its e-mail carries a signed link; opening the link shows a button
and only the POST of that button confirms, because mail scanners open links without people. The
confirmation is one conditional UPDATE, so two clicks or two parallel requests confirm once.
"""

from datetime import timedelta

from django.core import signing
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from .mail import queue_mail


class EmailConfirmation:
    """What differs between kinds of confirmed rows; each kind subclasses it once and routes `view` to a URL.

    Override `get_row`, `confirm_row` and `confirmed` (where the person lands with which message); set the
    class attributes below. `send` queues the e-mail, `view` answers the link.
    """

    salt = None  # unique per kind, so that a link for one kind is never valid for another
    # How long a link works; unconfirmed rows older than this are personal data with no use, and are purged.
    max_age = timedelta(days=7)
    url_name = None  # the URL that routes to `view`, with the token as its one argument
    mail_template = None  # "app/email/name": name_subject.txt and name_body.txt
    page_template = None  # the page with the button; gets `row` and `back_url`
    message_template = "consultations/error.html"
    expired_message = None  # what to do when the link has expired; may use %(days)s
    not_found_message = None
    already_confirmed_title = None
    already_confirmed_message = None
    already_confirmed_status = 409
    fallback_url = "/"  # where a link that names nothing leads on

    def token(self, row):
        return signing.dumps(row.pk, salt=self.salt)

    def link(self, request, row):
        return request.build_absolute_uri(reverse(self.url_name, args=[self.token(row)]))

    def send(self, request, row, context=None):
        """Queue the e-mail with the link to `row.email`; False if the mail queue refused it (the row stays)."""
        context = {**(context or {}), "link": self.link(request, row), "days": self.max_age.days}
        return queue_mail(self.mail_template, context, row.email)

    def get_row(self, pk):
        """The row the link names, or None if it no longer exists."""
        raise NotImplementedError

    def is_confirmed(self, row):
        return row.confirmed_at is not None

    def confirm_row(self, row):
        """Confirm in one conditional UPDATE; False when another request confirmed it first."""
        raise NotImplementedError

    def back_url(self, row):
        """Where the person goes from the confirmation page."""
        raise NotImplementedError

    def confirmed(self, request, row):
        """The response after confirming: a redirect where the person sees what they confirmed, with a message."""
        raise NotImplementedError

    def message(self, request, status, title, text, back_url=None):
        context = {"title": title, "message": text, "back_url": back_url}
        return TemplateResponse(request, self.message_template, context, status=status)

    def view(self, request, token):
        """GET shows a button, POST confirms."""
        return require_http_methods(["GET", "POST"])(self.respond)(request, token)

    def respond(self, request, token):
        try:
            pk = signing.loads(token, salt=self.salt, max_age=self.max_age.days * 24 * 60 * 60)
        except signing.SignatureExpired:
            return self.message(request, 410, _("Връзката е изтекла"), self.expired_message % {"days": self.max_age.days},
                                self.fallback_url)
        except signing.BadSignature:
            return self.message(request, 404, _("Невалидна връзка"), _(
                "Връзката за потвърждение е непълна или грешна. Копирайте я изцяло от писмото."), self.fallback_url)
        row = self.get_row(pk) if isinstance(pk, int) else None
        if row is None:
            return self.message(request, 404, _("Не е намерено"), self.not_found_message, self.fallback_url)
        back_url = self.back_url(row)
        if self.is_confirmed(row) or (request.method == "POST" and not self.confirm_row(row)):
            return self.message(request, self.already_confirmed_status, self.already_confirmed_title,
                                self.already_confirmed_message, back_url)
        if request.method == "POST":
            return self.confirmed(request, row)
        return TemplateResponse(request, self.page_template, {"row": row, "back_url": back_url})

