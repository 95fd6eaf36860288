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


@pytest.fixture
def page_cache_off(settings):
    """Pages made afresh on every request, for a test that looks at how a page is made (its context, its queries)."""
    settings.PAGE_CACHE_SECONDS = 0


@pytest.fixture(autouse=True)
def query_counts_measure_a_page_made_afresh(request):
    """A test that pins a page's SQL queries pins those of making it: with the page cache on, its second visit
    would cost none and the pin would prove nothing. The kept pages are measured in tests/site/test_page_cache.py."""
    if {"django_assert_num_queries", "django_assert_max_num_queries"} & set(request.fixturenames):
        request.getfixturevalue("page_cache_off")
