"""Posting the consultation form as a participant's browser would."""

import re
import time

from django.core import mail

from consultations.blocks import ConsultationBlock, blocks_on_page
from consultations.forms import form_timestamp


def form_rendered_seconds_ago(seconds=60):
    return form_timestamp(time.time() - seconds)


def block_id(consultation):
    """The id of the consultation's block on its page ("" when no block shows it)."""
    page = consultation.policy_page.specific
    return next((child.id for child in blocks_on_page(page, ConsultationBlock)
                 if child.value["consultation"] is not None and child.value["consultation"].pk == consultation.pk), "")


def valid_submission(target, block=None, **overrides):
    """Form data for `target` consultation's block; `overrides` replace fields, None removes one.

    The form's fields carry the block's id as their prefix, as the page renders them; `block` posts
    another (forged) block id with them.
    """
    prefix = block_id(target) or "none"
    block = prefix if block is None else block
    data = {
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
    return {"block": block} | {f"{prefix}-{key}": value for key, value in data.items() if value is not None}


def submit(client, policy, target, headers=None, block=None, **overrides):
    """POST the form; `headers` are WSGI environ entries (REMOTE_ADDR, HTTP_X_FORWARDED_FOR…)."""
    return client.post(policy.url + "predlozhenie/", valid_submission(target, block=block, **overrides),
                       **(headers or {}))


def confirmation_path(message=None):
    message = message or mail.outbox[-1]
    return re.search(r"https?://[^/\s]+(/konsultacii/potvardi/[^\s]+/)", message.body).group(1)
