"""Fixtures of the search tests: a migrated SQLite database for the tests of the `make run` database."""

import pytest


@pytest.fixture(scope="session")
def migrated_sqlite(tmp_path_factory):
    """A function giving a fresh SQLite database file with every migration applied, migrated once per session."""
    import os
    import shutil
    import subprocess
    import sys
    from pathlib import Path

    template = tmp_path_factory.mktemp("sqlite-template") / "db.sqlite3"
    env = {**os.environ, "DJANGO_SETTINGS_MODULE": "botevgrad.settings.dev", "DATABASE_URL": f"sqlite:///{template}",
           "ELASTICSEARCH_URL": ""}
    subprocess.run([sys.executable, "manage.py", "migrate", "--no-input", "-v", "0"],
                   cwd=Path(__file__).resolve().parents[2], env=env, check=True, capture_output=True, timeout=600)

    def copy(directory):
        database = directory / "db.sqlite3"
        shutil.copyfile(template, database)
        return database

    return copy
