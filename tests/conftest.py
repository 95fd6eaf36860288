"""Fixtures shared by the whole suite: a site whose root is the home page, with its sections."""

import functools

import pytest
from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from wagtail.models import Collection, Locale, Page, Site

from tests.decisions.factories import DecisionIndexPageFactory
from tests.home.factories import HomePageFactory
from tests.policy_pages.factories import PolicyIndexPageFactory


def make_home():
    """Create the home page and make it the root of the default site (replacing Wagtail's welcome page)."""
    home = HomePageFactory(parent=Page.get_first_root_node())
    site = Site.objects.filter(is_default_site=True).first() or Site(hostname="localhost", is_default_site=True)
    site.root_page = home
    site.save()
    return home


@pytest.fixture
def committed(django_capture_on_commit_callbacks):
    """`with committed(): …` creates content as a finished request would: its search entries are written on exit."""
    return functools.partial(django_capture_on_commit_callbacks, execute=True)


@pytest.fixture
def home(db):
    return make_home()


@pytest.fixture
def policy_index(home):
    return PolicyIndexPageFactory(parent=home)


@pytest.fixture
def decision_index(home):
    return DecisionIndexPageFactory(parent=home)


def restore_wagtail_base_data():
    """Recreate what Wagtail's migrations create and a transactional test's flush removes."""
    Locale.objects.get_or_create(language_code=settings.LANGUAGE_CODE)
    if Page.get_first_root_node() is None:
        Page.add_root(instance=Page(title="Всички страници", draft_title="Всички страници", slug="root",
                                    content_type=ContentType.objects.get_for_model(Page)))
    if Collection.get_first_root_node() is None:
        Collection.add_root(name="Основна колекция")


@pytest.fixture(autouse=True)
def empty_cache():
    """Each test starts with an empty cache: rate-limit counters and remembered results that earlier tests in
    the same worker left behind must not decide this one's outcome (a matrix posts hundreds of forms)."""
    from django.core.cache import cache

    cache.clear()
