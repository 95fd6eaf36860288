from pytest_factoryboy import register

from tests.home.factories import StandardPageFactory

register(StandardPageFactory)
