"""Every search box takes any text on SQLite (the `make run` database), where FTS5 has a query syntax of its own.

The suite runs on PostgreSQL, so this starts the real thing: a freshly migrated SQLite
file with the dev settings, then one Python process that requests every search box with every
hostile query through django.test.Client.
"""

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.search.hostile_queries import HOSTILE_QUERIES

REPOSITORY = Path(__file__).resolve().parents[2]

SEARCH_BOXES = [
    "/search/",
    "/admin/documents/",
    "/admin/images/",
    "/admin/pages/search/",
    "/admin/snippets/consultations/submission/",
    "/admin/snippets/consultations/consultation/",
]

# Runs in the child process; prints {"failures": [...], "found": {...}} as JSON.
SCRIPT = """
import json, sys
import django
django.setup()
from django.contrib.auth import get_user_model
from django.test import Client
from modelsearch.index import insert_or_update_object
from tests.conftest import make_home
from tests.consultations.factories import ConsultationFactory, DocumentFactory, SubmissionFactory
from tests.decisions.factories import DecisionIndexPageFactory, DecisionPageFactory
from tests.policy_pages.factories import PolicyIndexPageFactory, PolicyPageFactory

queries, boxes = json.loads(sys.stdin.read())
home = make_home()
decision = DecisionPageFactory(parent=DecisionIndexPageFactory(parent=home), body="<p>Пейки в парка.</p>")
policy = PolicyPageFactory(parent=PolicyIndexPageFactory(parent=home))
submission = SubmissionFactory(consultation=ConsultationFactory(policy_page=policy), author_name="Мария Пейкова")
document = DocumentFactory(title='Бюджет "2025"')
# Indexing is a background task; the dev settings queue it for a worker, so index here.
for obj in [decision, policy, submission, submission.consultation, document]:
    insert_or_update_object(obj)

client = Client(HTTP_HOST="localhost")
client.raise_request_exception = False
client.force_login(get_user_model().objects.create_superuser("admin", "admin@example.bg", "x"))
failures = []
archive = decision.get_parent().url
asked = [(box, {"q": query}) for box in boxes for query in queries]
# The archive matches inside a query of its pages when it is sorted by date or number.
asked += [(archive, {"q": query, "sort": sort}) for sort in ("", "oldest", "number") for query in queries]
for box, params in asked:
    status = client.get(box, params).status_code
    if status >= 500:
        failures.append([box, params["q"][:40], status])
found = {
    "public": decision.url in client.get("/search/", {"q": '"пейки'}).content.decode(),
    "archive by date": decision.url in client.get(archive, {"q": "пейка", "sort": "oldest"}).content.decode(),
    "documents": f"/admin/documents/edit/{document.pk}/" in client.get("/admin/documents/", {"q": '"2025'}).content.decode(),
    "proposals": f"/submission/edit/{submission.pk}/" in client.get(
        "/admin/snippets/consultations/submission/", {"q": 'Мар"'}
    ).content.decode(),
}
print(json.dumps({"failures": failures, "found": found}))
"""


@pytest.fixture(scope="module")
def sqlite_run(tmp_path_factory, migrated_sqlite):
    directory = tmp_path_factory.mktemp("sqlite-search")
    migrated_sqlite(directory)
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "botevgrad.settings.dev",
        "DATABASE_URL": f"sqlite:///{directory / 'db.sqlite3'}",
        "MEDIA_ROOT": str(directory / "media"),
        "ELASTICSEARCH_URL": "",
    }
    python = sys.executable
    done = subprocess.run([python, "-c", SCRIPT], cwd=REPOSITORY, env=env, capture_output=True, text=True,
                          input=json.dumps([HOSTILE_QUERIES, SEARCH_BOXES]), timeout=600)
    assert done.returncode == 0, done.stderr[-3000:]
    return json.loads(done.stdout.strip().splitlines()[-1])


def test_no_search_box_answers_a_hostile_query_with_a_server_error_on_sqlite(sqlite_run):
    assert sqlite_run["failures"] == []


def test_a_query_with_an_unbalanced_quote_still_finds_its_words_on_sqlite(sqlite_run):
    assert sqlite_run["found"]["public"]


def test_the_archive_sorted_by_date_finds_a_word_form_on_sqlite(sqlite_run):
    assert sqlite_run["found"]["archive by date"]


def test_admin_document_search_takes_quotes_on_sqlite(sqlite_run):
    assert sqlite_run["found"]["documents"]


def test_admin_proposal_search_finds_by_name_on_sqlite(sqlite_run):
    assert sqlite_run["found"]["proposals"]
