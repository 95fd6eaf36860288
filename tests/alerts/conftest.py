"""Alert fixtures: a public policy to follow and fresh rate limits for every test."""

import pytest
from django.core.cache import cache

from tests.policy_pages.factories import PolicyPageFactory


@pytest.fixture(autouse=True)
def fresh_rate_limits():
    cache.clear()


@pytest.fixture
def policy(policy_index):
    return PolicyPageFactory(parent=policy_index, title="Чиста околна среда")
