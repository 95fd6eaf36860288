"""The Moderators and Editors groups moderate the survey's text answers, as they moderate proposals.

Change and view only: text answers come from residents, never from the admin.
"""

from django.db import migrations


def grant(apps, schema_editor):
    from django.contrib.auth.management import create_permissions

    for app_config in apps.get_app_configs():
        app_config.models_module = True
        create_permissions(app_config, verbosity=0, apps=apps)
        app_config.models_module = None
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    permissions = Permission.objects.filter(
        content_type__app_label="surveys", codename__in=["change_surveytextanswer", "view_surveytextanswer"])
    for group in Group.objects.filter(name__in=["Moderators", "Editors"]):
        group.permissions.add(*permissions)


class Migration(migrations.Migration):
    dependencies = [
        ("surveys", "0001_initial"),
        ("consultations", "0002_moderators_permissions"),
    ]

    operations = [migrations.RunPython(grant, migrations.RunPython.noop)]
