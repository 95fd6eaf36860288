"""The full-text index over SearchEntry's analysed columns, in whatever form the database offers."""

from django.db import connection


def backend():
    """The module that matches and ranks on this database: PostgreSQL's tsvector or SQLite's FTS5."""
    if connection.vendor == "postgresql":
        from . import postgres

        return postgres
    from . import sqlite

    return sqlite
