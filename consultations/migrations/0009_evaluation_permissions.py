"""The Moderators and Editors groups get to run rating periods, as they run consultations (0002)."""

from importlib import import_module

from django.db import migrations


def grant(apps, schema_editor):
    import_module("consultations.migrations.0002_moderators_permissions").grant_models(
        apps, ["evaluationperiod", "evaluation"])


class Migration(migrations.Migration):
    dependencies = [("consultations", "0008_evaluations")]

    operations = [migrations.RunPython(grant, migrations.RunPython.noop)]
