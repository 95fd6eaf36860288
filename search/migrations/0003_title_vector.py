"""PostgreSQL: the title's own vector, so the titles matching a common word are found without reading bodies.

SQLite's FTS5 table already matches the title columns alone; the entries' date index gains the id,
the tie-breaker of a newest-first list.
"""

from django.db import migrations, models


def create(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        from search.fulltext.postgres import CREATE_TITLE_VECTOR

        for sql in CREATE_TITLE_VECTOR:
            schema_editor.execute(sql)


def drop(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        from search.fulltext.postgres import DROP_TITLE_VECTOR

        for sql in DROP_TITLE_VECTOR:
            schema_editor.execute(sql)


class Migration(migrations.Migration):
    dependencies = [("search", "0002_fulltext_index")]
    operations = [
        migrations.RunPython(create, drop, elidable=False),
        migrations.RemoveIndex(model_name="searchentry", name="search_entry_date"),
        migrations.AddIndex(
            model_name="searchentry", index=models.Index(fields=["-date", "-id"], name="search_entry_date_id")
        ),
    ]
