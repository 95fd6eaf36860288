"""Relevance on the relevance test set (tests/search/relevance_set.py): recall@5 and MRR, on PostgreSQL and SQLite."""

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from search.engine import search
from tests.search.relevance_fixture import load_acts
from tests.search.relevance_set import ACTS, QUERIES, measure

REPOSITORY = Path(__file__).resolve().parents[2]
MIN_RECALL_AT_5 = 0.9


def report(capsys, database, recall, mrr, misses):
    with capsys.disabled():
        print(f"\nrelevance on {database}: {len(QUERIES)} queries over {len(ACTS)} acts, "
              f"recall@5 = {recall:.2f}, MRR = {mrr:.2f}; missed: {misses}")


@pytest.mark.django_db
def test_relevance_on_postgresql(decision_index, committed, capsys):
    with committed():
        load_acts(decision_index)
    recall, mrr, misses = measure(lambda query: [hit.title for hit in search(query)[0:5]])
    report(capsys, "PostgreSQL", recall, mrr, misses)
    assert recall >= MIN_RECALL_AT_5, misses


SQLITE_SCRIPT = """
import json
import django
django.setup()
from search.engine import search
from tests.conftest import make_home
from tests.decisions.factories import DecisionIndexPageFactory
from tests.search.relevance_fixture import load_acts
from tests.search.relevance_set import measure

load_acts(DecisionIndexPageFactory(parent=make_home()))
print(json.dumps(measure(lambda query: [hit.title for hit in search(query)[0:5]])))
"""


def test_relevance_on_sqlite(tmp_path, capsys, migrated_sqlite):
    migrated_sqlite(tmp_path)
    env = {**os.environ, "DJANGO_SETTINGS_MODULE": "botevgrad.settings.dev", "ELASTICSEARCH_URL": "",
           "DATABASE_URL": f"sqlite:///{tmp_path / 'db.sqlite3'}", "MEDIA_ROOT": str(tmp_path / "media")}
    done = subprocess.run([sys.executable, "-c", SQLITE_SCRIPT], cwd=REPOSITORY, env=env, capture_output=True,
                          text=True, timeout=600)
    assert done.returncode == 0, done.stderr[-3000:]
    recall, mrr, misses = json.loads(done.stdout.strip().splitlines()[-1])
    report(capsys, "SQLite", recall, mrr, misses)
    assert recall >= MIN_RECALL_AT_5, misses
