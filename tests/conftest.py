"""Fixtures shared by the whole suite: a site whose root is the home page, with its sections."""

import pytest
from wagtail.models import Page, Site

from tests.decisions.factories import DecisionIndexPageFactory
from tests.home.factories import HomePageFactory
from tests.policy_pages.factories import PolicyIndexPageFactory


@pytest.fixture
def home(db):
    """The home page, made the root of the default site (replacing Wagtail's welcome page)."""
    home = HomePageFactory(parent=Page.get_first_root_node())
    site = Site.objects.get(is_default_site=True)
    site.root_page = home
    site.save()
    return home


@pytest.fixture
def policy_index(home):
    return PolicyIndexPageFactory(parent=home)


@pytest.fixture
def decision_index(home):
    return DecisionIndexPageFactory(parent=home)
