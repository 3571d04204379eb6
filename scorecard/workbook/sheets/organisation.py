"""Sheets for who is who: Directorates, Officers, Perspectives."""

from collections.abc import Iterator
from dataclasses import dataclass

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group

from scorecard.models import Directorate, OfficerProfile, Perspective, Role

from ..base import (
    Column,
    ImportContext,
    RowReader,
    SheetHandler,
    export_text,
    upsert,
)
from ..cells import code_list, whole_number

User = get_user_model()


class DirectoratesSheet(SheetHandler):
    name = "Directorates"
    defines = "directorate"
    columns = (Column("Name", required=True, max_length=120), Column("Code", max_length=20))
    key_columns = ("Name",)

    def existing_keys(self):
        return Directorate.objects.values_list("name", flat=True)

    def parse(self, reader: RowReader) -> Directorate:
        return Directorate(name=reader.get("Name"), code=reader.get("Code"))

    def apply(self, records, present, ctx: ImportContext) -> None:
        fields = ["code"] if "code" in present else []
        upsert(Directorate, records, unique_fields=["name"], update_fields=fields)

    def export_rows(self) -> Iterator[list]:
        for directorate in Directorate.objects.order_by("name"):
            yield [directorate.name, export_text(directorate.code)]


@dataclass
class OfficerRecord:
    username: str
    name: str
    email: str
    job_title: str
    directorate: str
    roles: list[str]


def split_name(name: str) -> tuple[str, str]:
    first, _, last = name.strip().partition(" ")
    return first, last.strip()


class OfficersSheet(SheetHandler):
    name = "Officers"
    defines = "officer"
    columns = (
        Column("Username", required=True, max_length=150),
        Column("Name"),
        Column("Email", max_length=254),
        Column("Job title", max_length=200),
        Column("Directorate"),
        Column("Roles"),
    )
    key_columns = ("Username",)

    def existing_keys(self):
        return User.objects.values_list("username", flat=True)

    def parse(self, reader: RowReader) -> OfficerRecord:
        roles = reader.get("Roles", code_list) or []
        known_roles = {role.value.lower(): role.value for role in Role}
        for role in roles:
            if role.lower() not in known_roles:
                reader.error("Roles", f"{role!r} is not a role: use {', '.join(Role.values)}")
        directorate = reader.get("Directorate")
        reader.ref("Directorate", "directorate", directorate, "directorate")
        return OfficerRecord(
            username=reader.get("Username"),
            name=reader.get("Name"),
            email=reader.get("Email"),
            job_title=reader.get("Job title"),
            directorate=directorate,
            roles=[known_roles[r.lower()] for r in roles if r.lower() in known_roles],
        )

    def apply(self, records: list[OfficerRecord], present, ctx: ImportContext) -> None:
        users = []
        for record in records:
            first, last = split_name(record.name)
            users.append(
                User(
                    username=record.username,
                    first_name=first,
                    last_name=last,
                    email=record.email,
                    # The performance team works in the set-up pages, which need staff status.
                    is_staff=Role.PERFORMANCE_TEAM.value in record.roles,
                )
            )
        # New officers cannot sign in until a password is set for them: never a default one.
        for user in users:
            user.set_unusable_password()
        fields = [
            f
            for f, col in (
                ("first_name", "name"),
                ("last_name", "name"),
                ("email", "email"),
            )
            if col in present
        ]
        upsert(User, users, unique_fields=["username"], update_fields=fields)
        pks = dict(
            User.objects.filter(username__in=[r.username for r in records]).values_list(
                "username", "pk"
            )
        )
        directorates = dict(Directorate.objects.values_list("name", "pk"))
        profiles = [
            OfficerProfile(
                user_id=pks[r.username],
                job_title=r.job_title,
                directorate_id=directorates.get(r.directorate),
            )
            for r in records
        ]
        profile_fields = [
            f
            for f, col in (("job_title", "job title"), ("directorate", "directorate"))
            if col in present
        ]
        upsert(OfficerProfile, profiles, unique_fields=["user"], update_fields=profile_fields)
        if "roles" in present:
            self._set_roles(records, pks)
            # Staff status opens the set-up pages: it follows the performance team role, except
            # that an administrator (superuser) listed here keeps it whatever their role.
            team = [r.username for r in records if Role.PERFORMANCE_TEAM.value in r.roles]
            others = [r.username for r in records if r.username not in team]
            User.objects.filter(username__in=team).update(is_staff=True)
            User.objects.filter(username__in=others, is_superuser=False).update(is_staff=False)

    @staticmethod
    def _set_roles(records: list[OfficerRecord], pks: dict[str, int]) -> None:
        """Make each officer's role groups those listed; other groups they belong to stay."""
        groups = {name: Group.objects.get_or_create(name=name)[0].pk for name in Role.values}
        memberships = User.groups.through.objects
        memberships.filter(
            user_id__in=[pks[r.username] for r in records], group_id__in=list(groups.values())
        ).delete()
        memberships.bulk_create(
            [
                User.groups.through(user_id=pks[r.username], group_id=groups[role])
                for r in records
                for role in dict.fromkeys(r.roles)
            ]
        )

    def export_rows(self) -> Iterator[list]:
        users = (
            User.objects.select_related("profile__directorate")
            .prefetch_related("groups")
            .order_by("username")
        )
        for user in users:
            profile = getattr(user, "profile", None)
            roles = sorted(g.name for g in user.groups.all() if g.name in Role.values)
            yield [
                user.username,
                export_text(user.get_full_name()),
                export_text(user.email),
                export_text(profile.job_title if profile else ""),
                export_text(profile.directorate.name if profile and profile.directorate else ""),
                export_text(", ".join(roles)),
            ]


class PerspectivesSheet(SheetHandler):
    name = "Perspectives"
    defines = "perspective"
    columns = (Column("Name", required=True, max_length=60), Column("Order"))
    key_columns = ("Name",)

    def existing_keys(self):
        return Perspective.objects.values_list("name", flat=True)

    def parse(self, reader: RowReader) -> Perspective:
        order = reader.get("Order", lambda c: whole_number(c, low=0, high=32767))
        return Perspective(name=reader.get("Name"), order=order or 0)

    def apply(self, records, present, ctx: ImportContext) -> None:
        fields = ["order"] if "order" in present else []
        upsert(Perspective, records, unique_fields=["name"], update_fields=fields)

    def export_rows(self) -> Iterator[list]:
        for perspective in Perspective.objects.order_by("order", "name"):
            yield [perspective.name, perspective.order]
