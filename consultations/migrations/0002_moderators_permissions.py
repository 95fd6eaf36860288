"""Wagtail's Moderators and Editors groups get to run consultations: the town hall's editors are in them."""

from django.db import migrations

MODELS = ["consultation", "submission"]


def grant(apps, schema_editor):
    grant_models(apps, MODELS)


def grant_models(apps, models, app_label="consultations", actions=("add", "change", "view")):
    """These permissions (add, change and view) of these models for both groups (consultations 0009 and
    surveys 0002 reuse it)."""
    from django.contrib.auth.management import create_permissions

    for app_config in apps.get_app_configs():
        app_config.models_module = True
        create_permissions(app_config, verbosity=0, apps=apps)
        app_config.models_module = None
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    permissions = Permission.objects.filter(
        content_type__app_label=app_label,
        content_type__model__in=models,
        codename__regex=rf"^({'|'.join(actions)})_",
    )
    for group in Group.objects.filter(name__in=["Moderators", "Editors"]):
        group.permissions.add(*permissions)


class Migration(migrations.Migration):
    dependencies = [
        ("consultations", "0001_initial"),
        ("wagtailcore", "0002_initial_data"),
        ("wagtailadmin", "0001_create_admin_access_permissions"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [migrations.RunPython(grant, migrations.RunPython.noop)]
