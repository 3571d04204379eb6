"""Every role against every report-pack page and action, forged requests included.

Committee clerks and the performance team make packs; viewers read final packs only; officers,
approvers, people no longer active and people not signed in are refused, and a refused request
changes nothing.
"""

import pytest
from django.core.files.base import ContentFile
from django.urls import reverse

from reporting.models import PackBuild, ReportPack
from scorecard.models import Directorate, Role
from scorecard.returns import permissions
from tests.support.packs import cabinet_pack, cover

pytestmark = pytest.mark.django_db

ROLES = {
    "officer": Role.OFFICER,
    "approver": Role.APPROVER,
    "performance_team": Role.PERFORMANCE_TEAM,
    "viewer": Role.VIEWER,
    "clerk": Role.COMMITTEE_CLERK,
    "inactive": Role.PERFORMANCE_TEAM,  # was on the team, has left: refused like anyone else
    "anonymous": None,
}
EDITORS = {"performance_team", "clerk"}
READERS = EDITORS | {"viewer"}


@pytest.fixture
def packs(q2):
    """A draft pack and a final one, each with an Excel file ready to download."""
    made = {}
    for state in ReportPack.State:
        pack = cabinet_pack(include_improvement_plan=False, state=state)
        pack.directorates.add(Directorate.objects.get(name="Resources"))
        build = PackBuild.objects.create(pack=pack, format="xlsx", status=PackBuild.Status.DONE)
        build.file.save(f"pack-{state}.xlsx", ContentFile(b"not really a workbook"))
        made[state] = (pack, build)
    return made


def sign_in(client, role_user, role: str):
    if ROLES[role] is not None:
        user = role_user(ROLES[role], username=f"pack-{role}", is_active=role != "inactive")
        client.force_login(user)
    return client


def refused(response) -> bool:
    """403 or 404, or the sign-in page for someone not signed in."""
    if response.status_code == 302:
        return reverse("login") in response["Location"]
    return response.status_code in (403, 404)


def snapshot():
    return (
        list(ReportPack.objects.values_list("pk", "state", "title", "updated_at")),
        PackBuild.objects.count(),
    )


def _pack(packs, state):
    return packs[state][0]


PAGES = {
    "list": (lambda p: reverse("packs"), READERS),
    "create": (lambda p: reverse("pack_create"), EDITORS),
    "edit a draft": (lambda p: reverse("pack_edit", args=[_pack(p, "draft").pk]), EDITORS),
    "edit a final pack": (lambda p: reverse("pack_edit", args=[_pack(p, "final").pk]), EDITORS),
    "preview a draft": (lambda p: reverse("pack_preview", args=[_pack(p, "draft").pk]), EDITORS),
    "preview a final pack": (
        lambda p: reverse("pack_preview", args=[_pack(p, "final").pk]),
        READERS,
    ),
    "download a draft's file": (
        lambda p: reverse("pack_download", args=[p["draft"][0].pk, p["draft"][1].pk]),
        EDITORS,
    ),
    "download a final pack's file": (
        lambda p: reverse("pack_download", args=[p["final"][0].pk, p["final"][1].pk]),
        READERS,
    ),
}


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize("page", PAGES)
def test_each_role_reads_only_the_pack_pages_it_may(client, role_user, packs, role, page):
    url, allowed = PAGES[page]
    response = sign_in(client, role_user, role).get(url(packs))
    if role in allowed:
        assert response.status_code == 200, response.status_code
    else:
        assert refused(response), response.status_code


ACTIONS = {
    "create a pack": (
        lambda p: reverse("pack_create"),
        lambda p: cover(_pack(p, "draft").period, title="A new pack"),
        EDITORS,
    ),
    "make a draft final": (
        lambda p: reverse("pack_state", args=[_pack(p, "draft").pk]),
        lambda p: {"state": "final"},
        EDITORS,
    ),
    "reopen a final pack": (
        lambda p: reverse("pack_state", args=[_pack(p, "final").pk]),
        lambda p: {"state": "draft"},
        EDITORS,
    ),
    "build a draft": (
        lambda p: reverse("pack_build", args=[_pack(p, "draft").pk]),
        lambda p: {"format": "xlsx"},
        EDITORS,
    ),
    "build a final pack": (
        lambda p: reverse("pack_build", args=[_pack(p, "final").pk]),
        lambda p: {"format": "xlsx"},
        READERS,
    ),
}


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize("action", ACTIONS)
def test_each_role_changes_packs_only_as_it_may(client, role_user, packs, role, action):
    url, data, allowed = ACTIONS[action]
    sign_in(client, role_user, role)
    before = snapshot()
    response = client.post(url(packs), data(packs))
    if role in allowed:
        assert response.status_code == 302 and not refused(response), response.status_code
        assert snapshot() != before
    else:
        assert refused(response), response.status_code
        assert snapshot() == before


@pytest.mark.parametrize("role", [Role.COMMITTEE_CLERK, Role.PERFORMANCE_TEAM, Role.VIEWER])
def test_someone_no_longer_active_holds_no_pack_rights(role_user, role):
    user = role_user(role, username=f"left-{role.name.lower()}", is_active=False)
    assert not permissions.can_edit_packs(user)
    assert not permissions.can_view_final_packs(user)


def test_pack_rights_read_the_users_roles_once(role_user, django_assert_num_queries):
    user = role_user(Role.COMMITTEE_CLERK)
    with django_assert_num_queries(1):
        for _ in range(3):
            assert permissions.can_edit_packs(user)
            assert permissions.can_view_final_packs(user)
