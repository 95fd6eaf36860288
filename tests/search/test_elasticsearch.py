"""Search on Elasticsearch: against a live server when ELASTICSEARCH_URL is set, and with one that does not answer.

No Elasticsearch can be installed on the machines this suite runs on, so the live tests skip
there; nothing here mocks a server. Each case runs a process of its own with the dev settings on
a fresh SQLite file, because the backend is chosen when settings load.
"""

import json
import os
import subprocess
import sys
import uuid
from pathlib import Path

import pytest

from tests.postgres_server import free_port

REPOSITORY = Path(__file__).resolve().parents[2]

SCRIPT = """
import json, sys, datetime
import django
django.setup()
from django.core.management import call_command
from django.test import Client
from decisions.models import DecisionDocument, IssuingBody
from search.models import DocumentText
from tests.conftest import make_home
from tests.consultations.factories import DocumentFactory
from tests.decisions.factories import DecisionIndexPageFactory, DecisionPageFactory

mode, queries = json.loads(sys.stdin.read())
home = make_home()
archive = DecisionIndexPageFactory(parent=home)
def decision(title, number, year, body="<p>Текст.</p>", **fields):
    return DecisionPageFactory(parent=archive, title=title, number=number, date=datetime.date(year, 3, 1), body=body, **fields)
decision("Приемане на бюджета на общината", 23, 2026, "<p>Бюджетът за пътищата и улиците.</p>")
decision("Такса за битови отпадъци", 24, 2026, "<p>Сметосъбиране в селата.</p>")
decision("Снегопочистване", 23, 2026, issuing_body=IssuingBody.MAYOR, session=None)
decision("Детски градини в Скравена", 23, 2025, "<p>Нова група в детската градина.</p>")
annexed = decision("Ремонт на улици", 40, 2026)
document = DocumentFactory(title="Приложение: списък на улиците")
annexed.documents.add(DecisionDocument(document=document)); annexed.save()
DocumentText.objects.update_or_create(document=document, defaults={"status": "extracted", "text": "Улица Зелена планина"})

client = Client(HTTP_HOST="localhost")
client.raise_request_exception = False
out = {}
if mode == "down":
    search = client.get("/search/", {"q": "бюджет"})
    out["search"] = [search.status_code, "Търсенето временно не работи" in search.content.decode()]
    out["pages"] = [client.get(url).status_code for url in ["/", archive.url, annexed.url, "/search/"]]
    in_archive = client.get(archive.url, {"q": "бюджет"})
    out["archive"] = [in_archive.status_code, "Търсенето по думи временно не работи" in in_archive.content.decode()]
    out["published"] = bool(decision("Публикувано при спряно търсене", 99, 2026).live)
else:
    call_command("update_index", stdout=open("/dev/null", "w"))
    from wagtail.search.backends import get_search_backend
    from search.engine import search
    from search.models import SearchEntry
    get_search_backend().get_index_for_model(SearchEntry).refresh()
    out["results"] = {query: [hit.title for hit in search(query)[0:5]] for query in queries}
print(json.dumps(out))
"""


def run(elasticsearch_url, mode, tmp_path, migrated_sqlite, queries=()):
    migrated_sqlite(tmp_path)
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "botevgrad.settings.dev",
        "DATABASE_URL": f"sqlite:///{tmp_path / 'db.sqlite3'}",
        "MEDIA_ROOT": str(tmp_path / "media"),
        "ELASTICSEARCH_URL": elasticsearch_url,
        "ELASTICSEARCH_INDEX": f"botevgrad-test-{uuid.uuid4().hex[:8]}",
    }
    done = subprocess.run([sys.executable, "-c", SCRIPT], cwd=REPOSITORY, env=env, capture_output=True, text=True,
                          input=json.dumps([mode, list(queries)]), timeout=600)
    assert done.returncode == 0, done.stderr[-3000:]
    return json.loads(done.stdout.strip().splitlines()[-1])


def test_when_elasticsearch_does_not_answer_search_says_so_and_everything_else_works(tmp_path, migrated_sqlite):
    result = run(f"http://127.0.0.1:{free_port()}", "down", tmp_path, migrated_sqlite)
    assert result["search"] == [503, True]
    assert result["pages"] == [200, 200, 200, 200]
    assert result["archive"] == [503, True]
    assert result["published"] is True


LIVE_QUERIES = {
    "бюджет": "Приемане на бюджета на общината",
    "бюджетите": "Приемане на бюджета на общината",
    "сметосъбирането": "Такса за битови отпадъци",
    "детска градина": "Детски градини в Скравена",
    "Решение № 23": "Приемане на бюджета на общината",
    "заповед 23": "Снегопочистване",
    "23/2025": "Детски градини в Скравена",
    "зелената планина": "Приложение: списък на улиците",
}


@pytest.mark.skipif(not os.environ.get("ELASTICSEARCH_URL"), reason="no Elasticsearch server: set ELASTICSEARCH_URL")
def test_live_elasticsearch_finds_word_forms_numbers_and_document_text(tmp_path, migrated_sqlite):
    result = run(os.environ["ELASTICSEARCH_URL"], "live", tmp_path, migrated_sqlite, LIVE_QUERIES)
    assert {query: found[:1] for query, found in result["results"].items()} == {
        query: [title] for query, title in LIVE_QUERIES.items()
    }
