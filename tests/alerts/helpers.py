"""Subscribing to alerts as a browser would, and reading the links out of the e-mails."""

import re

from django.core import mail

SUBSCRIBE_URL = "/izvestiya/"


def form_data(**overrides):
    """A valid subscription; `overrides` replace fields, None removes one."""
    data = {"email": "maria@example.org", "topic": "decisions", "policy": "", "consent": "on", "website": ""}
    data.update(overrides)
    return {key: value for key, value in data.items() if value is not None}


def subscribe(client, headers=None, **overrides):
    return client.post(SUBSCRIBE_URL, form_data(**overrides), **(headers or {}))


def link_path(kind, message=None):
    """The path of the first /izvestiya/<kind>/… link in the e-mail."""
    message = message or mail.outbox[-1]
    return re.search(rf"https?://[^/\s]+(/izvestiya/{kind}/[^\s]+/)", message.body).group(1)

