"""The home page, a decision and the survey make their content once per address for plain visits
(site/templatetags/remembered_content.py), and again after a write; the policy page and the archive have tests of
their own (tests/policy_pages/test_remembered_content.py, tests/decisions/test_archive_cache.py)."""

import re

import pytest
from django.test import Client

from tests.decisions.factories import DecisionPageFactory
from tests.surveys.helpers import make_survey

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("page_cache_off")]

FRESH = re.compile(r'name="(?:csrfmiddlewaretoken|(?:[\w-]+-)?rendered_at)" value="[^"]*"')


def retitled(page, title):
    def change():
        page.title = title
        page.save_revision().publish()
    return change


@pytest.fixture
def pages(home, decision_index):
    decision = DecisionPageFactory(parent=decision_index, title="Решение за новия парк")
    survey = make_survey(home, intro="<p>Кажете ни как участвате.</p>")
    return {
        # What each page's content renders inside it, and a write that changes what it shows.
        "home": (home, "decisions/includes/decision_list.html",
                 lambda: DecisionPageFactory(parent=decision_index, title="Решение за детската градина")),
        "decision": (decision, "wagtailcore/shared/richtext.html",
                     retitled(decision, "Решение за детската градина")),
        "survey": (survey, "wagtailcore/shared/richtext.html",
                   retitled(survey, "Анкета за детската градина")),
    }


def visit(page, marker):
    response = Client().get(page.url)
    assert response.status_code == 200
    return response, marker in {template.name for template in response.templates}


@pytest.mark.parametrize("kind", ["home", "decision", "survey"])
def test_the_content_is_made_once_and_again_after_a_write(pages, kind):
    page, marker, change = pages[kind]
    (first, made_first), (second, made_second) = visit(page, marker), visit(page, marker)
    assert made_first and not made_second
    assert FRESH.sub("", second.content.decode()) == FRESH.sub("", first.content.decode())
    change()
    after, made_after = visit(page, marker)
    assert made_after and "детската градина" in after.content.decode()
