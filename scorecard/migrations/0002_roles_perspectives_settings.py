"""The starting set-up every council gets: role groups, the four perspectives, settings."""

from django.contrib.auth.management import create_permissions
from django.db import migrations

ROLES = ["Officer", "Approver", "Performance team", "Viewer", "Committee clerk"]
PERSPECTIVES = ["Customer", "Projects", "Finance", "People"]
# The performance team sets up the framework in the set-up pages (the Django admin).
PERFORMANCE_TEAM_APPS = ["scorecard", "actionplans"]


def forwards(apps, schema_editor):
    # Permissions are normally made after migrating; the groups need them now.
    for app_config in apps.get_app_configs():
        app_config.models_module = True
        create_permissions(app_config, apps=apps, verbosity=0)
        app_config.models_module = None
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    for name in ROLES:
        Group.objects.get_or_create(name=name)
    team = Group.objects.get(name="Performance team")
    team.permissions.add(
        *Permission.objects.filter(content_type__app_label__in=PERFORMANCE_TEAM_APPS),
        *Permission.objects.filter(
            content_type__app_label="auth", content_type__model="user"
        ).exclude(codename="delete_user"),
    )
    Perspective = apps.get_model("scorecard", "Perspective")
    for order, name in enumerate(PERSPECTIVES, start=1):
        Perspective.objects.get_or_create(name=name, defaults={"order": order})
    apps.get_model("scorecard", "CouncilSettings").objects.get_or_create(pk=1)


def backwards(apps, schema_editor):
    apps.get_model("auth", "Group").objects.filter(name__in=ROLES).delete()
    apps.get_model("scorecard", "Perspective").objects.filter(
        name__in=PERSPECTIVES, measures__isnull=True
    ).delete()
    apps.get_model("scorecard", "CouncilSettings").objects.filter(pk=1).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("scorecard", "0001_initial"),
        ("actionplans", "0001_initial"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [migrations.RunPython(forwards, backwards)]
