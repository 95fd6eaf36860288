from pytest_factoryboy import register

from tests.decisions.factories import DecisionPageFactory

register(DecisionPageFactory)
