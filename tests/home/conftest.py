import pytest
from pytest_factoryboy import register

from home.management.commands.load_demo import Command as LoadDemo
from tests.home.factories import StandardPageFactory

register(StandardPageFactory)


@pytest.fixture
def demo_content_pages(home):
    """The demo's plain content pages (the statements among them) and contacts, without the rest of the demo."""
    load_demo = LoadDemo()
    load_demo.standard_pages(home)
    load_demo.contacts(home)
    return home
