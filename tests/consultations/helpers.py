"""Posting the consultation form as a participant's browser would."""

import re
import time

from django.core import mail, signing

from consultations.forms import FORM_TIMESTAMP_SALT


def form_rendered_seconds_ago(seconds=60):
    return signing.dumps(int(time.time()) - seconds, salt=FORM_TIMESTAMP_SALT)


def valid_submission(target, **overrides):
    """Form data for `target` consultation; `overrides` replace fields, None removes one."""
    data = {
        "consultation": str(target.pk),
        "rendered_at": form_rendered_seconds_ago(),
        "kind": "proposal",
        "section_anchor": "",
        "text": "Предлагам патронажната грижа да работи и в събота.",
        "author_name": "Мария Иванова",
        "email": "maria@example.org",
        "stakeholder_type": "citizen",
        "organisation": "",
        "consent": "on",
        "website": "",
    }
    data.update(overrides)
    return {key: value for key, value in data.items() if value is not None}


def submit(client, policy, target, headers=None, **overrides):
    """POST the form; `headers` are WSGI environ entries (REMOTE_ADDR, HTTP_X_FORWARDED_FOR…)."""
    return client.post(policy.url + "predlozhenie/", valid_submission(target, **overrides), **(headers or {}))


def confirmation_path(message=None):
    message = message or mail.outbox[-1]
    return re.search(r"https?://[^/\s]+(/konsultacii/potvardi/[^\s]+/)", message.body).group(1)
