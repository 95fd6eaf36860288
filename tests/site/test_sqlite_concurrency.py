"""The embedded SQLite default takes parallel writers (threaded dev server, task worker) without "database is locked"."""

import subprocess
import sys
from pathlib import Path

# Eight threads each run twenty read-then-write transactions on one row, all at once: what autosave
# racing with Publish does. With SQLite's default deferred transactions some of them fail with
# "database is locked" when they upgrade their read lock; with our settings all of them wait their turn.
RACE = """
import os, sys, tempfile, threading
import django
from django.conf import settings
from botevgrad.settings.base import sqlite_for_threads

settings.configure(DATABASES={"default": sqlite_for_threads(
    {"ENGINE": "django.db.backends.sqlite3", "NAME": os.path.join(tempfile.mkdtemp(), "db.sqlite3")})})
django.setup()
from django.db import connection, connections, transaction

with connection.cursor() as cursor:
    cursor.execute("CREATE TABLE counter (id INTEGER PRIMARY KEY, n INTEGER)")
    cursor.execute("INSERT INTO counter VALUES (1, 0)")
errors, start = [], threading.Barrier(8)

def work():
    try:
        start.wait()
        for _ in range(20):
            with transaction.atomic(), connection.cursor() as cursor:
                cursor.execute("SELECT n FROM counter WHERE id = 1")
                cursor.execute("UPDATE counter SET n = %s WHERE id = 1", [cursor.fetchone()[0] + 1])
    except Exception as error:
        errors.append(repr(error))
    finally:
        connections.close_all()

threads = [threading.Thread(target=work) for _ in range(8)]
for thread in threads:
    thread.start()
for thread in threads:
    thread.join()
with connection.cursor() as cursor:
    cursor.execute("SELECT n FROM counter WHERE id = 1")
    print(cursor.fetchone()[0], len(errors), errors[:1])
"""


def test_parallel_writers_on_sqlite_all_succeed():
    result = subprocess.run([sys.executable, "-c", RACE], capture_output=True, text=True, timeout=120,
                            cwd=Path(__file__).resolve().parents[2])
    assert result.returncode == 0, result.stderr
    total, errors, first_error = result.stdout.split(" ", 2)
    assert (int(total), int(errors)) == (160, 0), first_error
