"""Editors and Moderators part ways over participants' data (README, "Roles and personal data").

Moderators moderate and answer proposals, see the participants' e-mail addresses and erase a participant on
request; Editors run consultations and read the proposals, without the addresses.
"""

from importlib import import_module

from django.db import migrations

PERSONAL_DATA = ["view_participant_email", "erase_participant"]


def split(apps, schema_editor, undo=False):
    permissions = import_module("consultations.migrations.0002_moderators_permissions")
    permissions.set_group_permissions(apps, "consultations", PERSONAL_DATA, ["Moderators"], revoke=undo)
    permissions.grant_models(apps, ["submission"], actions=("add", "change"), groups=["Editors"], revoke=not undo)


def unsplit(apps, schema_editor):
    split(apps, schema_editor, undo=True)


class Migration(migrations.Migration):
    dependencies = [
        ("consultations", "0010_recommendations_as_submissions"),
    ]

    operations = [
        migrations.AlterModelOptions(
            name="submission",
            options={
                "ordering": ["created_at", "pk"],
                "permissions": [
                    ("view_participant_email", "Може да вижда електронната поща на участниците"),
                    ("erase_participant", "Може да изтрива личните данни на участник"),
                ],
                "verbose_name": "Предложение",
                "verbose_name_plural": "Предложения",
            },
        ),
        migrations.RunPython(split, unsplit),
    ]
