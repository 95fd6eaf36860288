"""Rows Wagtail's own migrations create with English names, shown to editors: named in Bulgarian.

Groups keep their names ("Editors", "Moderators"): code and migrations look them up by name.
"""

from django.db import migrations

# (model, fields that hold the name, English, Bulgarian); the admin shows a page's draft_title.
NAMES = [
    ("Page", ["title", "draft_title"], "Root", "Всички страници"),
    ("Collection", ["name"], "Root", "Основна колекция"),
    ("Task", ["name"], "Moderators approval", "Одобрение от модератор"),
    ("Workflow", ["name"], "Moderators approval", "Одобрение от модератор"),
]


def rename(apps, old_index, new_index):
    for model_name, fields, *names in NAMES:
        model = apps.get_model("wagtailcore", model_name)
        filters = {fields[0]: names[old_index]}
        if model_name in ("Page", "Collection"):
            filters["depth"] = 1
        model.objects.filter(**filters).update(**{field: names[new_index] for field in fields})


def name_in_bulgarian(apps, schema_editor):
    rename(apps, 0, 1)


def name_in_english(apps, schema_editor):
    rename(apps, 1, 0)


class Migration(migrations.Migration):
    dependencies = [
        ("home", "0002_municipalitycontacts_privacy_page"),
        ("wagtailcore", "0098_apitoken"),
    ]

    operations = [migrations.RunPython(name_in_bulgarian, name_in_english)]
