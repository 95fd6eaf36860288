from pytest_factoryboy import register

from tests.policy_pages.factories import PolicyPageFactory

register(PolicyPageFactory)
