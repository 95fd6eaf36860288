"""Consultation fixtures: a policy page with a draft text and a consultation block on it."""

import pytest
from django.utils import timezone
from pytest_factoryboy import register

from tests.consultations.factories import ConsultationFactory, SubmissionFactory
from tests.policy_pages.factories import PolicyPageFactory

register(ConsultationFactory)
register(SubmissionFactory)


def put_on_page(policy, consultation, sections=("Чл. 1. Предмет", "Чл. 2. Срокове")):
    """Add a draft text with `sections` and the consultation's block to the policy page's body."""
    policy.body.append(
        ("draft_text", {"title": "Проект", "sections": [
            ("section", {"heading": heading, "text": f"<p>Текст на {heading}</p>"}) for heading in sections
        ]})
    )
    policy.body.append(("consultation", {"consultation": consultation}))
    policy.save_revision().publish()
    policy.refresh_from_db()
    return policy


@pytest.fixture
def policy(policy_index):
    return PolicyPageFactory(parent=policy_index, title="Социални услуги")


@pytest.fixture
def consultation(policy):
    consultation = ConsultationFactory(policy_page=policy)
    put_on_page(policy, consultation)
    return consultation


@pytest.fixture
def editor(client):
    """An administrator signed in to the admin."""
    from django.contrib.auth import get_user_model

    user = get_user_model().objects.create_superuser("redaktor", "r@example.bg", "парола-за-тест")
    client.force_login(user)
    return user


@pytest.fixture
def moderator(client):
    """A member of Wagtail's Moderators group signed in to the admin."""
    from tests.trust.roles import MODERATOR, sign_in

    return sign_in(client, MODERATOR)


@pytest.fixture
def closed_consultation(policy_index):
    """A closed consultation on a live policy page, ready for its справка."""
    policy = PolicyPageFactory(parent=policy_index, title="Социални услуги")
    return ConsultationFactory(policy_page=policy, opens_at=timezone.now() - timezone.timedelta(days=40))
