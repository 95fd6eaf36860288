import pytest
from django.contrib.auth import get_user_model
from pytest_factoryboy import register

from tests.decisions.factories import DecisionPageFactory
from tests.policy_pages.factories import PolicyPageFactory

register(DecisionPageFactory)
register(PolicyPageFactory)


@pytest.fixture
def editor(client):
    """A logged-in superuser: the admin's page editor."""
    user = get_user_model().objects.create_superuser("redaktor", "r@example.bg", "парола-за-тест")
    client.force_login(user)
    return user
