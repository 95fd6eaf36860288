"""Posting the evaluation form as a participant's browser would, and the page that shows it."""

import re

from django.core import mail

from consultations.blocks import EvaluationBlock, blocks_on_page
from tests.consultations.helpers import form_rendered_seconds_ago


def put_period_on_page(policy, period):
    policy.body.append(("evaluation", {"period": period}))
    policy.save_revision().publish()
    policy.refresh_from_db()
    return policy


def evaluation_block_id(period):
    page = period.policy_page.specific
    return next((child.id for child in blocks_on_page(page, EvaluationBlock)
                 if child.value["period"] is not None and child.value["period"].pk == period.pk), "")


def valid_evaluation(period, scores=None, block=None, **overrides):
    """Form data for the period's block: `scores` per criterion in order ("x" is „не мога да преценя“);
    `overrides` replace fields, None removes one; `block` posts another (forged) block id."""
    prefix = evaluation_block_id(period) or "none"
    criteria = list(period.criteria.all())
    scores = scores if scores is not None else ["4", "3", "5", "x"][: len(criteria)]
    data = {
        "rendered_at": form_rendered_seconds_ago(),
        "stakeholder_type": "citizen",
        "recommendation": "Повече автобуси сутрин към индустриалната зона.",
        "email": "petar@example.org",
        "consent": "on",
        "website": "",
    }
    data |= {f"kriteriy-{criterion.pk}": score for criterion, score in zip(criteria, scores)}
    data.update(overrides)
    return {"block": prefix if block is None else block} | {
        f"{prefix}-{key}": value for key, value in data.items() if value is not None}


def evaluate(client, policy, period, scores=None, block=None, **overrides):
    return client.post(policy.url + "ocenka/", valid_evaluation(period, scores=scores, block=block, **overrides))


def evaluation_confirmation_path(message=None):
    message = message or mail.outbox[-1]
    return re.search(r"https?://[^/\s]+(/konsultacii/ocenka/potvardi/[^\s]+/)", message.body).group(1)
