"""Only superusers manage users and roles: the performance team keeps seeing officers (to name
them on measures and actions in the set-up pages) but no longer adds or changes accounts."""

from django.db import migrations

TEAM = "Performance team"
USER_ADMIN = ["add_user", "change_user"]


def _user_permissions(apps):
    return apps.get_model("auth", "Permission").objects.filter(
        content_type__app_label="auth", content_type__model="user", codename__in=USER_ADMIN
    )


def forwards(apps, schema_editor):
    team = apps.get_model("auth", "Group").objects.filter(name=TEAM).first()
    if team is not None:
        team.permissions.remove(*_user_permissions(apps))


def backwards(apps, schema_editor):
    team = apps.get_model("auth", "Group").objects.filter(name=TEAM).first()
    if team is not None:
        team.permissions.add(*_user_permissions(apps))


class Migration(migrations.Migration):
    dependencies = [
        ("scorecard", "0005_measure_precision"),
        ("auth", "0012_alter_user_first_name_max_length"),
    ]

    operations = [migrations.RunPython(forwards, backwards)]
