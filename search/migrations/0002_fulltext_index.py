"""The full-text index over the analysed columns: a GIN-indexed tsvector on PostgreSQL, an FTS5 table on SQLite."""

from django.db import migrations


def statements(schema_editor, name):
    if schema_editor.connection.vendor == "postgresql":
        from search.fulltext import postgres as module
    elif schema_editor.connection.vendor == "sqlite":
        from search.fulltext import sqlite as module
    else:
        return []
    return getattr(module, name)


def create(apps, schema_editor):
    for sql in statements(schema_editor, "CREATE"):
        schema_editor.execute(sql)


def drop(apps, schema_editor):
    for sql in statements(schema_editor, "DROP"):
        schema_editor.execute(sql)


class Migration(migrations.Migration):
    dependencies = [("search", "0001_initial")]
    operations = [migrations.RunPython(create, drop, elidable=False)]
