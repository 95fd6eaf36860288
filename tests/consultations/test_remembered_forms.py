"""The public forms rendered once and remembered (consultations/templatetags/remembered_forms.py): each visitor still
gets a CSRF token and a form time of their own, a form sent back with errors is never remembered, and what the form
offers follows the page."""

import re
from datetime import timedelta

import pytest
import time_machine
from django.test import Client
from django.utils import timezone

from consultations.forms import read_form_timestamp
from consultations.models import Evaluation, Submission
from surveys.models import SurveyAnswer
from tests.consultations.evaluation_helpers import valid_evaluation
from tests.consultations.helpers import valid_submission
from tests.participation import every_public_form
from tests.surveys.helpers import valid_answers

pytestmark = pytest.mark.django_db

FORM_TEMPLATES = {
    "proposal": "consultations/includes/submission_form.html",
    "rating": "consultations/includes/evaluation_form.html",
    "survey": "consultations/includes/field.html",
}
TOKEN = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')
SHOWN_AT = re.compile(r'name="(?:[\w-]+-)?rendered_at" value="([^"]+)"')


@pytest.fixture
def forms(home, policy_index, settings):
    settings.SUBMISSION_MINIMUM_FILL_SECONDS = 0
    site = every_public_form(home, policy_index)
    policy, consultation, period, survey = (site[name] for name in ("policy", "consultation", "period", "survey"))
    return {
        "proposal": (policy.url, policy.url + "predlozhenie/", lambda: valid_submission(consultation), Submission),
        "rating": (policy.url, policy.url + "ocenka/", lambda: valid_evaluation(period), Evaluation),
        "survey": (survey.url, survey.url, lambda: valid_answers(survey), SurveyAnswer),
    }


def visit(path):
    client = Client(enforce_csrf_checks=True)
    response = client.get(path)
    assert response.status_code == 200
    return client, response


def shown_at(html):
    return read_form_timestamp(SHOWN_AT.search(html).group(1))[0]


@pytest.mark.parametrize("kind", FORM_TEMPLATES)
def test_each_visitor_gets_a_token_and_a_time_of_their_own_and_can_send(forms, kind):
    page, action, data, model = forms[kind]
    first_client, first = visit(page)
    assert FORM_TEMPLATES[kind] in [template.name for template in first.templates]
    with time_machine.travel(timezone.now() + timedelta(seconds=90)):
        client, second = visit(page)
        now = int(timezone.now().timestamp())
    first_html, html = first.content.decode(), second.content.decode()
    # The second visitor's form was not rendered again: it is the first one's, with their own two values.
    assert FORM_TEMPLATES[kind] not in [template.name for template in second.templates]
    assert TOKEN.sub("", SHOWN_AT.sub("", html)) == TOKEN.sub("", SHOWN_AT.sub("", first_html))
    assert TOKEN.search(html).group(1) != TOKEN.search(first_html).group(1)
    assert abs(shown_at(html) - now) <= 1 and shown_at(first_html) < now - 60
    # The token is one Django accepts from this visitor's cookie: the form sends.
    posted = data() | {"csrfmiddlewaretoken": TOKEN.search(html).group(1)}
    assert client.post(action, posted).status_code == 302
    assert model.objects.count() == 1


def test_a_form_sent_back_with_errors_is_never_remembered_nor_shown_to_another_visitor(forms):
    page, action, data, _model = forms["proposal"]
    visit(page)

    def refused(text):
        client, form_page = visit(page)
        posted = data()
        posted |= {next(name for name in posted if name.endswith("-text")): text,
                   next(name for name in posted if name.endswith("-consent")): "",
                   "csrfmiddlewaretoken": TOKEN.search(form_page.content.decode()).group(1)}
        response = client.post(action, posted)
        assert response.status_code == 200
        return response.content.decode()

    first = refused("<script>alert(1)</script> Първият недовършен текст")
    assert "&lt;script&gt;alert(1)&lt;/script&gt; Първият недовършен текст" in first
    second = refused("Вторият недовършен текст")
    assert "Вторият недовършен текст" in second and "Първият" not in second
    next_visit = visit(page)[1].content.decode()
    assert "недовършен текст" not in next_visit
    assert 'class="error"' not in next_visit


def test_the_section_a_link_names_is_chosen_only_for_that_link(forms):
    page = forms["proposal"][0]
    plain = visit(page)[1].content.decode()
    anchor = re.search(r'<option value="([^"]+)">Чл. 2. Срокове</option>', plain).group(1)
    linked = visit(f"{page}?razdel={anchor}")[1].content.decode()
    assert f'<option value="{anchor}" selected>Чл. 2. Срокове</option>' in linked
    assert f'<option value="{anchor}" selected>' not in visit(page)[1].content.decode()


def test_a_section_added_to_the_draft_is_offered_at_once(forms, policy_index):
    from policy_pages.models import PolicyPage

    page = forms["proposal"][0]
    assert "Чл. 3. Нов текст" not in visit(page)[1].content.decode()
    policy = PolicyPage.objects.get(url_path__endswith="/" + page.strip("/").split("/")[-1] + "/")
    draft = next(child for child in policy.body if child.block_type == "draft_text")
    draft.value["sections"].append(("section", {"heading": "Чл. 3. Нов текст", "text": "<p>Нов</p>"}))
    policy.save_revision().publish()
    assert '<option value="' in visit(page)[1].content.decode()
    assert "Чл. 3. Нов текст</option>" in visit(page)[1].content.decode()
