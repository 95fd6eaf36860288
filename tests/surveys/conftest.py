import pytest
from django.core.cache import cache

from tests.surveys.helpers import make_survey


@pytest.fixture(autouse=True)
def fresh_cache():
    """Rate limits and remembered results start empty in every test."""
    cache.clear()


@pytest.fixture
def survey(home):
    return make_survey(home)
