"""Wagtail's Moderators and Editors groups get to run consultations: the town hall's editors are in them."""

from django.db import migrations

MODELS = ["consultation", "submission"]


def grant(apps, schema_editor):
    grant_models(apps, MODELS)


def grant_models(apps, models, app_label="consultations", actions=("add", "change", "view"),
                 groups=("Moderators", "Editors"), revoke=False):
    """These permissions (add, change and view) of these models for both groups (consultations 0009 and 0011
    and surveys 0002 and 0003 reuse it); with revoke=True, taken away instead."""
    codenames = [f"{action}_{model}" for action in actions for model in models]
    set_group_permissions(apps, app_label, codenames, groups, revoke)


def set_group_permissions(apps, app_label, codenames, groups, revoke=False):
    """Give these groups these permissions of the app (or take them away), creating them if need be."""
    from django.contrib.auth.management import create_permissions

    for app_config in apps.get_app_configs():
        app_config.models_module = True
        create_permissions(app_config, verbosity=0, apps=apps)
        app_config.models_module = None
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    permissions = Permission.objects.filter(content_type__app_label=app_label, codename__in=codenames)
    for group in Group.objects.filter(name__in=groups):
        (group.permissions.remove if revoke else group.permissions.add)(*permissions)


class Migration(migrations.Migration):
    dependencies = [
        ("consultations", "0001_initial"),
        ("wagtailcore", "0002_initial_data"),
        ("wagtailadmin", "0001_create_admin_access_permissions"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [migrations.RunPython(grant, migrations.RunPython.noop)]
