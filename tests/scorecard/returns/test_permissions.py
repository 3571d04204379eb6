"""Every role against every action, forged requests included: refused, and nothing changed."""

import pytest
from django.urls import reverse

from actionplans.models import ActionUpdate
from scorecard.models import AuditEntry, ReportingPeriod, Result
from tests.support.factories import ResultFactory
from tests.support.returns import edit_url, measure_for, result_form

pytestmark = pytest.mark.django_db

ROLES = [
    "officer",
    "officer2",
    "approver",
    "other_approver",
    "performance_team",
    "viewer",
    "clerk",
    "anonymous",
]


@pytest.fixture
def world(request, measure, action, q3, officer, officer2, approver, other_approver, clerk):
    """One submitted result and one draft action update of officer's, in approver's directorate."""
    request.getfixturevalue("performance_team")
    request.getfixturevalue("viewer")
    submitted = ResultFactory(measure=measure, period=q3, status="submitted", entered_by=officer)
    update = ActionUpdate.objects.create(action=action, period=q3, rag="green", status="draft")
    return {"measure": measure, "action": action, "q3": q3, "result": submitted, "update": update}


def login(client, request, role):
    if role != "anonymous":
        client.force_login(request.getfixturevalue(role))


def snapshot():
    return (
        list(Result.objects.values_list("pk", "actual", "status", "version", "commentary")),
        list(ActionUpdate.objects.values_list("pk", "rag", "status", "version", "commentary")),
        AuditEntry.objects.count(),
        list(ReportingPeriod.objects.values_list("pk", "state", "deadline")),
    )


def refused(response) -> bool:
    """403 or 404, or the sign-in page for someone not signed in."""
    if response.status_code == 302:
        return reverse("login") in response["Location"]
    return response.status_code in (403, 404, 405)


ACTIONS = {
    "save result": (
        lambda w: edit_url(w["measure"], w["q3"]),
        lambda w: result_form("draft", version=w["result"].version, actual="12"),
        {"officer", "performance_team"},
    ),
    "save action update": (
        lambda w: edit_url(w["action"], w["q3"]),
        lambda w: {"action": "submit", "version": w["update"].version, "rag": "green"},
        {"officer", "performance_team"},
    ),
    "approve": (
        lambda w: reverse("returns:approve", args=["measure", w["result"].pk]),
        lambda w: {"version": w["result"].version},
        {"approver", "performance_team"},
    ),
    "return with a comment": (
        lambda w: reverse("returns:send_back", args=["measure", w["result"].pk]),
        lambda w: {"version": w["result"].version, "comment": "Redo."},
        {"approver", "performance_team"},
    ),
    "lock a period": (
        lambda w: reverse("returns:period", args=[w["q3"].pk]),
        lambda w: {"op": "lock"},
        {"performance_team"},
    ),
    "move a deadline": (
        lambda w: reverse("returns:period", args=[w["q3"].pk]),
        lambda w: {"op": "deadline", "deadline": "2030-01-01"},
        {"performance_team"},
    ),
    "open a new period": (
        lambda w: reverse("returns:periods"),
        lambda w: {"label": "2010/11 Q1", "deadline": "2030-01-01"},
        {"performance_team"},
    ),
}


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize("action_name", ACTIONS)
def test_every_role_against_every_action(client, request, world, role, action_name):
    url, data, allowed = ACTIONS[action_name]
    login(client, request, role)
    before = snapshot()
    response = client.post(url(world), data(world))
    if role in allowed:
        assert response.status_code == 302 and not refused(response)
        assert snapshot() != before
    else:
        assert refused(response), response.status_code
        assert snapshot() == before


@pytest.mark.parametrize("role", ROLES)
def test_pages_each_role_may_read(client, request, world, role):
    login(client, request, role)
    mine = client.get(reverse("returns:mine"))
    item = client.get(edit_url(world["measure"], world["q3"]))
    approvals = client.get(reverse("returns:approvals"))
    if role == "anonymous":
        assert all(refused(r) for r in (mine, item, approvals))
        return
    # Viewers and clerks only read: My returns is refused in words, not shown empty (issue 12).
    assert mine.status_code == (403 if role in {"viewer", "clerk"} else 200)
    assert item.status_code == 200
    may_approve = role in {"approver", "other_approver", "performance_team"}
    assert approvals.status_code == (200 if may_approve else 403)
    # Only those who may edit see a form.
    assert ('name="actual"' in item.content.decode()) == (role in {"officer", "performance_team"})


def test_an_officer_cannot_reach_another_officers_item_by_url(client, officer, officer2, q3):
    theirs = measure_for(officer2, q3, code="BV 012")
    client.force_login(officer)
    before = snapshot()
    response = client.post(edit_url(theirs, q3), result_form(actual="5"))
    assert response.status_code == 403
    assert snapshot() == before


@pytest.mark.parametrize(
    "url",
    [
        "/returns/user/1/1/",
        "/returns/measure/999999/1/",
        "/returns/approvals/result/1/approve/",
        "/returns/approvals/measure/999999/approve/",
    ],
)
def test_forged_kinds_and_ids_are_refused(client, officer, world, url):
    client.force_login(officer)
    before = snapshot()
    assert client.post(url, {"version": 1, "actual": "1"}).status_code in (403, 404)
    assert snapshot() == before


def test_a_forged_row_in_update_all_is_ignored(client, officer, officer2, q3, measure):
    theirs = measure_for(officer2, q3, code="BV 012")
    client.force_login(officer)
    before = snapshot()
    forged = {
        "action": "submit",
        f"m{theirs.pk}-version": "0",
        f"m{theirs.pk}-actual": "99",
        f"m{theirs.pk}-commentary": "Forged.",
    }
    client.post(reverse("returns:update_all", args=[q3.pk]), forged)
    assert snapshot() == before
    assert not Result.objects.filter(measure=theirs).exists()


def test_approving_with_an_update_of_another_directorate_is_refused(client, other_approver, world):
    client.force_login(other_approver)
    before = snapshot()
    url = reverse("returns:approve", args=["measure", world["result"].pk])
    assert client.post(url, {"version": world["result"].version}).status_code == 403
    assert snapshot() == before
