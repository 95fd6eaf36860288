"""Hypothesis-generated input for every public GET parameter and every public form: never a 5xx, nothing stored
when the input is refused.

`make test` runs FUZZ_EXAMPLES (default 40) examples per endpoint; `make fuzz` runs 1,000 (README, "Tests").
The text is anything a browser can send: every Unicode character but lone surrogates (which no browser can
encode), NUL and other control characters, markup and SQL, huge values, repeated parameters.
"""

import os

import pytest
from django.db import connection
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from alerts.models import Subscription
from reports.models import ReportIndexPage
from consultations.models import Evaluation, Submission
from surveys.models import SurveyAnswer
from tests.consultations.evaluation_helpers import valid_evaluation
from tests.consultations.helpers import valid_submission
from tests.participation import every_public_form
from tests.surveys.helpers import valid_answers
from tests.alerts.helpers import SUBSCRIBE_URL, form_data as subscription_data

pytestmark = [pytest.mark.django_db, pytest.mark.fuzz]

EXAMPLES = int(os.environ.get("FUZZ_EXAMPLES", "40"))
FUZZ = settings(max_examples=EXAMPLES, deadline=None, derandomize=EXAMPLES < 1000,
                suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow,
                                       HealthCheck.data_too_large])

HOSTILE = ["<script>alert(1)</script>", "' OR 1=1 --", "\x00", "%00", "../../etc/passwd", "${7*7}", "{{7*7}}",
           "=HYPERLINK(\"http://x\")", "‮", "\ufeff", "９９９９", "-1", "0", "1e309", "NaN", "2025", "council",
           "in_force", "ﬀ", "İ", "ß" * 300, "а" * 5000]
text = st.one_of(
    st.text(alphabet=st.characters(exclude_categories=("Cs",)), max_size=300),
    st.sampled_from(HOSTILE),
    st.integers(min_value=-10**30, max_value=10**30).map(str),
)
values = st.one_of(text, st.lists(text, min_size=2, max_size=3))  # a repeated parameter


def query(names):
    """A query string over `names` and a few made-up ones, each value text or a list of texts."""
    return st.dictionaries(st.sampled_from([*names, "x", "utm_source"]), values, max_size=len(names) + 2)


@pytest.fixture
def site(home, policy_index, decision_index, settings):
    from tests.decisions.factories import DecisionPageFactory

    for setting in ("SUBMISSION_RATE_LIMIT", "CONFIRMATION_EMAIL_RATE_LIMIT", "ALERT_SUBSCRIPTION_RATE_LIMIT",
                    "ALERT_CONFIRMATION_EMAIL_RATE_LIMIT"):
        setattr(settings, setting, "100000/h")
    settings.SUBMISSION_MINIMUM_FILL_SECONDS = 0
    forms = every_public_form(home, policy_index)
    DecisionPageFactory(parent=decision_index, title="Решение за бюджета")
    home.add_child(instance=ReportIndexPage(title="Отчети", slug="otcheti"))
    return forms


GETS = {
    "search": ("/search/", ["q", "kind", "year", "policy", "stranica"]),
    "decisions archive": ("/resheniya/", ["q", "year", "body", "policy", "tag", "status", "sort", "stranica"]),
    "decisions export": ("/resheniya/export/csv/", ["q", "year", "body", "policy", "tag", "status"]),
    "API pages": ("/api/v2/pages/", ["search", "limit", "offset", "order", "type", "fields", "status", "date",
                                     "search_operator", "child_of", "descendant_of"]),
    "API documents": ("/api/v2/documents/", ["search", "limit", "offset", "order", "fields", "title"]),
    "alerts form": (SUBSCRIBE_URL, ["politika"]),
    "reports index": ("/otcheti/", ["stranica"]),
}


@pytest.mark.parametrize("endpoint", GETS)
def test_get_parameters_never_break_a_page(client, site, endpoint):
    path, names = GETS[endpoint]

    @FUZZ
    @given(params=query(names))
    def check(params):
        response = client.get(path, params)
        assert response.status_code < 500, (path, params)

    check()


def survey_results_path(site):
    return site["survey"].url + "rezultati/"


def test_survey_results_parameters_never_break_the_page(client, site):
    @FUZZ
    @given(params=query(["stranica"]), question=st.from_regex(r"[a-z0-9_-]{1,80}", fullmatch=True))
    def check(params, question):
        for path in (survey_results_path(site), survey_results_path(site) + question + "/"):
            assert client.get(path, params).status_code < 500, (path, params)

    check()


def proposal(site, fields):
    data = valid_submission(site["consultation"])
    prefix = next(key for key in data if key.endswith("-text")).removesuffix("-text")
    return site["policy"].url + "predlozhenie/", data | {f"{prefix}-{name}": value for name, value in fields.items()}


def rating(site, fields):
    data = valid_evaluation(site["period"])
    prefix = next(key for key in data if key.endswith("-email")).removesuffix("-email")
    return site["policy"].url + "ocenka/", data | {f"{prefix}-{name}": value for name, value in fields.items()}


def survey_answer(site, fields):
    return site["survey"].url, valid_answers(site["survey"]) | fields


def subscription(site, fields):
    return SUBSCRIBE_URL, subscription_data() | fields


FORMS = {
    "proposal": (proposal, ["text", "author_name", "email", "stakeholder_type", "organisation", "kind",
                            "section_anchor", "consent", "rendered_at", "website"], Submission),
    "rating": (rating, ["email", "stakeholder_type", "recommendation", "consent", "rendered_at", "website"],
               Evaluation),
    "survey": (survey_answer, ["stakeholder_type", "rendered_at", "website"], SurveyAnswer),
    "alerts": (subscription, ["email", "topic", "policy", "consent", "website"], Subscription),
}


@pytest.mark.parametrize("form", FORMS)
def test_a_form_never_breaks_and_stores_nothing_it_refuses(client, site, form):
    build, names, model = FORMS[form]
    if form == "survey":
        from tests.surveys.helpers import keys

        names = [*names, *keys(site["survey"])]

    @FUZZ
    @given(fields=st.dictionaries(st.sampled_from(names), values, min_size=1, max_size=4))
    def check(fields):
        client.cookies.clear()  # a new browser each time: a survey is answered once per session
        if form == "survey":
            client.get(site["survey"].url)
        path, data = build(site, fields)
        before = model.objects.count()
        response = client.post(path, data)
        assert response.status_code < 500, (path, fields)
        stored = model.objects.count() - before
        if response.status_code != 302:
            assert stored == 0, (path, fields, response.status_code)
        assert connection.in_atomic_block  # the test's transaction survived every request

    check()


@pytest.mark.parametrize("number", [str(2**31), str(2**63), str(2**64), str(-2**63 - 1), "-1", "0", "+99999", "٣",
                                    " 99999 "])
def test_a_number_too_large_for_any_id_is_a_form_error(client, site, number):
    """Found by the fuzzing on SQLite: a policy id beyond 64 bits made SQLite raise (a 500) in the alerts form."""
    response = client.post(SUBSCRIBE_URL, subscription_data(topic="policy", policy=number))
    assert response.status_code == 200
    assert "Изберете една от посочените политики." in response.content.decode()
    assert not Subscription.objects.exists()


@pytest.mark.parametrize("address", ["/search/?q=¹", "/search/?q=²³", "/api/v2/pages/?offset=¹", "/izvestiya/?politika=¹",
                                     "/resheniya/?q=¹"])
def test_digits_that_are_not_numbers_are_no_error(client, site, address):
    """Found by the fuzzing: "¹" is a digit to str.isdigit() but not to int(), and the search answered 500."""
    assert client.get(address).status_code < 500
