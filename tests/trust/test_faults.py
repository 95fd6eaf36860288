"""Every public form stores and answers while the parts around it fail: every fault × every form.

The faults are real: a mail server that refuses connections or takes them and never answers, an Elasticsearch
address where nothing listens, a memcached that refuses or hangs (with the production cache's options), the
PDF font gone. The forms are posted as a browser would, with the task queue in the database as in production.
Each cell must store the row, answer with the form's usual redirect, and do so within FAULT_BOUND seconds
(a hang detector, not a speed target: the timeouts are each under a second).
"""

import re
import socket
import time
from contextlib import contextmanager
from datetime import timedelta

import pytest
from django.conf import settings
from django.test import override_settings
from django.utils import timezone

from alerts.models import Subscription
from consultations.models import Evaluation, Submission
from search.config import search_backends
from surveys.models import SurveyAnswer
from tests.alerts.helpers import subscribe
from tests.consultations.conftest import put_on_page
from tests.consultations.evaluation_helpers import evaluate, put_period_on_page
from tests.consultations.factories import ConsultationFactory, EvaluationPeriodFactory
from tests.consultations.helpers import submit
from tests.policy_pages.factories import PolicyPageFactory
from tests.surveys.helpers import answer, make_survey

pytestmark = pytest.mark.django_db

FAULT_BOUND = 10
DATABASE_QUEUE = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}


@contextmanager
def listening(accept):
    """A local port: one that refuses (nothing listens) or one that takes connections and never answers."""
    server = socket.socket()
    server.bind(("127.0.0.1", 0))
    port = server.getsockname()[1]
    if accept:
        server.listen(64)
    else:
        server.close()
    try:
        yield port
    finally:
        server.close()


@contextmanager
def mail_server(accept):
    with listening(accept) as port, override_settings(
            EMAIL_BACKEND="django.core.mail.backends.smtp.EmailBackend", EMAIL_HOST="127.0.0.1", EMAIL_PORT=port,
            EMAIL_TIMEOUT=1):
        yield


@contextmanager
def search_unreachable():
    with listening(False) as port, override_settings(
            WAGTAILSEARCH_BACKENDS=search_backends(f"http://127.0.0.1:{port}")):
        yield


@contextmanager
def cache_down(accept):
    with listening(accept) as port, override_settings(CACHES={"default": {
            "BACKEND": "botevgrad.memcached.PersistentPyMemcacheCache", "LOCATION": f"127.0.0.1:{port}",
            "OPTIONS": settings.MEMCACHED_OPTIONS}}):
        yield


@contextmanager
def font_missing(tmp_path):
    with override_settings(REPORT_PDF_FONT=str(tmp_path / "missing.ttf"),
                           REPORT_PDF_BOLD_FONT=str(tmp_path / "missing-bold.ttf")):
        yield


FAULTS = {
    "mail server refuses": lambda tmp_path: mail_server(accept=False),
    "mail server hangs": lambda tmp_path: mail_server(accept=True),
    "search backend unreachable": lambda tmp_path: search_unreachable(),
    "cache refuses": lambda tmp_path: cache_down(accept=False),
    "cache hangs": lambda tmp_path: cache_down(accept=True),
    "PDF font missing": font_missing,
}


@pytest.fixture
def places(home, policy_index, settings):
    """An open consultation and an open rating period on one policy page, a survey, the alerts form."""
    settings.TASKS = DATABASE_QUEUE
    settings.SUBMISSION_MINIMUM_FILL_SECONDS = 0
    policy = PolicyPageFactory(parent=policy_index, title="Социални услуги")
    consultation = ConsultationFactory(policy_page=policy, opens_at=timezone.now() - timedelta(days=1))
    put_on_page(policy, consultation)
    period = EvaluationPeriodFactory(policy_page=policy)
    put_period_on_page(policy, period)
    return {"policy": policy, "consultation": consultation, "period": period, "survey": make_survey(home)}


def propose(client, places):
    return submit(client, places["policy"], places["consultation"]), Submission.objects.count()


def rate(client, places):
    return evaluate(client, places["policy"], places["period"]), Evaluation.objects.count()


def answer_survey(client, places):
    return answer(client, places["survey"]), SurveyAnswer.objects.count()


def subscribe_to_alerts(client, places):
    return subscribe(client), Subscription.objects.count()


FORMS = {"proposal": propose, "rating": rate, "survey": answer_survey, "alerts": subscribe_to_alerts}


def what_it_said(response):
    """The messages and errors of a page that did not redirect, for the failure's report."""
    page = response.content.decode()
    said = (re.findall(r'role="alert"[^>]*>(.*?)</(?:div|p)>', page, re.S)
            + re.findall(r'class="errorlist[^"]*"[^>]*>(.*?)</ul>', page, re.S))
    texts = [" ".join(re.sub(r"<[^>]+>", " ", text).split()) for text in said]
    return f"{response.status_code}: {texts or page[-3000:]}"


@pytest.mark.parametrize("form", FORMS)
@pytest.mark.parametrize("fault", FAULTS)
def test_the_form_stores_and_answers_in_bounded_time(client, places, tmp_path, fault, form):
    with FAULTS[fault](tmp_path):
        started = time.monotonic()
        response, stored = FORMS[form](client, places)
        elapsed = time.monotonic() - started
        assert response.status_code == 302, what_it_said(response)
        assert stored == 1
        assert elapsed < FAULT_BOUND
        # The page the form sends the person back to shows too.
        assert client.get(response["Location"]).status_code == 200


@pytest.mark.parametrize("fault", FAULTS)
def test_public_pages_answer_in_bounded_time(client, places, tmp_path, fault):
    with FAULTS[fault](tmp_path):
        started = time.monotonic()
        for address in ("/", places["policy"].url, places["survey"].url, "/izvestiya/"):
            assert client.get(address).status_code == 200, address
        search = client.get("/search/?q=услуги")
        assert search.status_code in (200, 503)
        assert time.monotonic() - started < FAULT_BOUND
