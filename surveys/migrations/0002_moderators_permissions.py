"""The Moderators and Editors groups moderate the survey's text answers, as they moderate proposals.

Change and view only: text answers come from residents, never from the admin.
"""

from importlib import import_module

from django.db import migrations


def grant(apps, schema_editor):
    import_module("consultations.migrations.0002_moderators_permissions").grant_models(
        apps, ["surveytextanswer"], app_label="surveys", actions=("change", "view"))


class Migration(migrations.Migration):
    dependencies = [
        ("surveys", "0001_initial"),
        ("consultations", "0002_moderators_permissions"),
    ]

    operations = [migrations.RunPython(grant, migrations.RunPython.noop)]
