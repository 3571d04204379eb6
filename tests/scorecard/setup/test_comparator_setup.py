"""Comparator groups are edited in the browser by the performance team (issue 11: "imported as
a two-column list or edited in the browser"), audited as every set-up change."""

import pytest
from django.urls import reverse

from scorecard.models import AuditEntry, ComparatorArea, ComparatorGroup, Role
from scorecard.setup.services import fingerprint

pytestmark = pytest.mark.django_db


def test_team_forms_a_group_from_areas_and_the_list_counts_them(team, team_member):
    areas = [ComparatorArea.objects.create(code=f"E0700{n}", name=f"Area {n}") for n in range(3)]
    data = {"name": "Nearest neighbours", "members": [areas[0].pk, areas[2].pk]}
    response = team.post(reverse("setup:add", args=["comparator-groups"]), data)
    assert response.status_code == 302
    group = ComparatorGroup.objects.get(name="Nearest neighbours")
    assert set(group.members.values_list("code", flat=True)) == {"E07000", "E07002"}
    entry = AuditEntry.objects.get(summary__startswith="Added in set-up")
    assert entry.user == team_member
    listing = team.get(reverse("setup:list", args=["comparator-groups"])).content.decode()
    assert '<th scope="col">Areas</th>' in listing
    assert "<td>2</td>" in listing


def test_team_renames_an_area(team):
    area = ComparatorArea.objects.create(code="E07000178", name="Oxford")
    data = {"name": "Oxford City", "code": "E07000178", "loaded": fingerprint(area)}
    url = reverse("setup:edit", args=["comparator-areas", area.pk])
    assert team.post(url, data).status_code == 302
    area.refresh_from_db()
    assert area.name == "Oxford City"


def test_a_viewer_may_not_edit_groups(client, role_user):
    client.force_login(role_user(Role.VIEWER))
    response = client.get(reverse("setup:list", args=["comparator-groups"]))
    assert response.status_code == 403
