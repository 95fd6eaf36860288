"""Moderation of the survey's text answers is the Moderators' (as of proposals, consultations 0011); Editors read them."""

from importlib import import_module

from django.db import migrations


def revoke(apps, schema_editor, undo=False):
    import_module("consultations.migrations.0002_moderators_permissions").grant_models(
        apps, ["surveytextanswer"], app_label="surveys", actions=("change",), groups=["Editors"], revoke=not undo)


def restore(apps, schema_editor):
    revoke(apps, schema_editor, undo=True)


class Migration(migrations.Migration):
    dependencies = [
        ("surveys", "0002_moderators_permissions"),
        ("consultations", "0011_participant_data_permissions"),
    ]

    operations = [migrations.RunPython(revoke, restore)]
