"""A word found in more entries than COUNT_LIMIT: titles first, then newest first, never ranking every match.

Ranking reads each match's whole vector; at 100,000 decisions a word in most of them would take
seconds. The same order is checked on PostgreSQL and on the embedded SQLite.
"""

import datetime
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from search import engine
from search.engine import search

pytestmark = pytest.mark.django_db
REPOSITORY = Path(__file__).resolve().parents[2]
LIMIT = 2
# (title, body, year): one title match, three matches in the body only, one that does not match.
ACTS = [
    ("Ремонт на пътища в Литаково", "<p>Текст.</p>", 2020),
    ("Отчет за 2024", "<p>Средства за пътища.</p>", 2024),
    ("Отчет за 2025", "<p>Средства за пътищата.</p>", 2025),
    ("Отчет за 2023", "<p>Пътища и улици.</p>", 2023),
    ("Бюджет", "<p>Заплати.</p>", 2026),
]
# The title match, ranked; then, being more than LIMIT, the body matches newest first (not by rank:
# "пътищата" is only a stem match and would rank last).
EXPECTED = ["Ремонт на пътища в Литаково", "Отчет за 2025", "Отчет за 2024", "Отчет за 2023"]


def create_acts(create):
    for number, (title, body, year) in enumerate(ACTS, start=1):
        create(title=title, body=body, number=number, date=datetime.date(year, 5, 1))


def listed():
    """What the segment of entries with every word holds, in order, and what the public list shows."""
    engine.COUNT_LIMIT = LIMIT
    results = search("пътища")
    return {
        "segment": [entry.title for entry in results.segments[0].slice(0, 10)],
        "page": [hit.title for hit in results[0:10]],
        "estimate": results.is_estimate(),
        "second": [hit.title for hit in results[1:2]],
    }


def check(found):
    assert found["segment"] == EXPECTED
    assert found["page"] == EXPECTED[:LIMIT] and found["estimate"]
    assert found["second"] == [EXPECTED[1]]


def test_past_the_limit_titles_come_first_then_the_newest(decision_index, committed, monkeypatch):
    from tests.decisions.factories import DecisionPageFactory

    monkeypatch.setattr(engine, "COUNT_LIMIT", LIMIT)
    with committed():
        create_acts(lambda **fields: DecisionPageFactory(parent=decision_index, **fields))
    check(listed())


def test_counting_and_a_common_words_first_page_never_rank(decision_index, committed, monkeypatch):
    from tests.decisions.factories import DecisionPageFactory

    monkeypatch.setattr(engine, "COUNT_LIMIT", LIMIT)
    with committed():
        create_acts(lambda **fields: DecisionPageFactory(parent=decision_index, **fields))
    with CaptureQueriesContext(connection) as captured:
        results = search("пътища")
        results.count()
        results[0:10]
    ranking = [query["sql"] for query in captured.captured_queries if "ts_rank" in query["sql"]]
    # Only the title matches (a handful) are ranked; the count and the body matches are not.
    assert len(ranking) == 1 and "title_vector" in ranking[0], ranking


SQLITE_SCRIPT = """
import django, json
django.setup()
from tests.conftest import make_home
from tests.decisions.factories import DecisionIndexPageFactory, DecisionPageFactory
from tests.search.test_common_words import create_acts, listed

archive = DecisionIndexPageFactory(parent=make_home())
create_acts(lambda **fields: DecisionPageFactory(parent=archive, **fields))
print(json.dumps(listed()))
"""


def test_the_same_order_on_sqlite(tmp_path, migrated_sqlite):
    migrated_sqlite(tmp_path)
    env = {**os.environ, "DJANGO_SETTINGS_MODULE": "botevgrad.settings.dev", "ELASTICSEARCH_URL": "",
           "DATABASE_URL": f"sqlite:///{tmp_path / 'db.sqlite3'}", "MEDIA_ROOT": str(tmp_path / "media")}
    done = subprocess.run([sys.executable, "-c", SQLITE_SCRIPT], cwd=REPOSITORY, env=env, capture_output=True,
                          text=True, timeout=600)
    assert done.returncode == 0, done.stderr[-3000:]
    check(json.loads(done.stdout.strip().splitlines()[-1]))


def test_a_word_the_statistics_put_in_most_entries_is_not_counted(decision_index, committed, monkeypatch):
    """PostgreSQL's statistics say the word is everywhere: "over 1,000" without reading a thousand vectors."""
    from search.fulltext import postgres
    from tests.decisions.factories import DecisionPageFactory

    with committed():
        create_acts(lambda **fields: DecisionPageFactory(parent=decision_index, **fields))
    monkeypatch.setattr(postgres, "estimated_rows", lambda queryset: 50 * engine.COUNT_LIMIT)
    with CaptureQueriesContext(connection) as captured:
        results = search("пътища")
        assert results.is_estimate()
        page = [hit.title for hit in results[0:10]]
    assert not [query["sql"] for query in captured.captured_queries if "COUNT(" in query["sql"].upper()]
    # Even when the estimate is far too high, the first page lists every match, titles first.
    assert page == EXPECTED


def test_a_word_the_statistics_put_in_few_entries_is_counted(decision_index, committed):
    from tests.decisions.factories import DecisionPageFactory

    with committed():
        create_acts(lambda **fields: DecisionPageFactory(parent=decision_index, **fields))
    results = search("пътища")
    assert results.count() == 4 and not results.is_estimate()


def test_a_page_of_many_matches_walks_the_date_index_and_leaves_the_planner_as_it_was(decision_index, committed,
                                                                                      monkeypatch):
    """The planner, counting correlated words as independent, would recheck thousands of vectors (146 ms)."""
    from tests.decisions.factories import DecisionPageFactory

    monkeypatch.setattr(engine, "COUNT_LIMIT", LIMIT)
    with committed():
        create_acts(lambda **fields: DecisionPageFactory(parent=decision_index, **fields))
    with CaptureQueriesContext(connection) as captured:
        page = [hit.title for hit in search("пътища")[0:10]]
    assert page == EXPECTED[:LIMIT]
    assert any("enable_bitmapscan = off" in query["sql"] for query in captured.captured_queries)
    with connection.cursor() as cursor:
        cursor.execute("SHOW enable_bitmapscan")
        assert cursor.fetchone()[0] == "on"
        cursor.execute("SHOW enable_seqscan")
        assert cursor.fetchone()[0] == "on"
