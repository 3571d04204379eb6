"""Plans, objectives, action plans and actions are added and changed in the product, audited."""

import pytest
from django.urls import reverse

from actionplans.models import Action
from scorecard.models import AuditEntry, Objective, Plan
from scorecard.setup.services import fingerprint
from tests.support.factories import ActionFactory, ObjectiveFactory, PlanFactory, UserFactory
from tests.support.setup import error_summary

pytestmark = pytest.mark.django_db


def test_team_adds_a_plan_and_it_is_audited(team, team_member):
    data = {"code": "CIP", "title": "Corporate Improvement Plan 2009/10", "period": "2009/10"}
    response = team.post(reverse("setup:add", args=["plans"]), data)
    assert response.status_code == 302
    plan = Plan.objects.get(code="CIP")
    entry = AuditEntry.objects.get(object_id=plan.pk, summary__startswith="Added in set-up")
    assert entry.user == team_member
    assert entry.changes["Title"] == ["", "Corporate Improvement Plan 2009/10"]


def test_a_plan_without_a_title_is_refused_naming_the_field(team):
    page = team.post(reverse("setup:add", args=["plans"]), {"code": "CIP"}).content.decode()
    assert "Title: This field is required." in error_summary(page)
    assert 'value="CIP"' in page
    assert not Plan.objects.exists()


def test_team_changes_an_objective_and_the_change_is_audited(team):
    objective = ObjectiveFactory(code="CIP01", title="Old words")
    data = {
        "code": "CIP01",
        "title": "Value for money",
        "plan": objective.plan_id,
        "lead_officer": "Head of Finance",
        "loaded": fingerprint(objective),
    }
    response = team.post(reverse("setup:edit", args=["objectives", objective.pk]), data)
    assert response.status_code == 302, error_summary(response.content.decode())
    objective.refresh_from_db()
    assert objective.title == "Value for money"
    entry = AuditEntry.objects.get(summary__startswith="Changed in set-up")
    assert entry.changes == {
        "Title": ["Old words", "Value for money"],
        "Lead officer": ["", "Head of Finance"],
    }


def test_saving_unchanged_writes_no_audit_entry(team):
    plan = PlanFactory(code="P1", title="Plan one")
    data = {"code": "P1", "title": "Plan one", "loaded": fingerprint(plan)}
    assert team.post(reverse("setup:edit", args=["plans", plan.pk]), data).status_code == 302
    assert not AuditEntry.objects.exists()


def test_team_adds_an_action_with_updaters(team):
    objective = ObjectiveFactory()
    officer = UserFactory(username="lead")
    data = {
        "code": "1a.1",
        "title": "Publish the waste strategy",
        "objective": objective.pk,
        "updaters": [officer.pk],
        "due": "2010-03-31",
    }
    response = team.post(reverse("actionplans:setup_action_add"), data)
    assert response.status_code == 302, error_summary(response.content.decode())
    action = Action.objects.get(code="1a.1")
    assert list(action.updaters.all()) == [officer]
    entry = AuditEntry.objects.get(summary__startswith="Added in set-up")
    assert entry.changes["Updaters"] == ["", str(officer)]


def test_changing_an_actions_updaters_is_audited(team):
    action = ActionFactory(code="2b")
    first, second = UserFactory(username="first"), UserFactory(username="second")
    action.updaters.set([first])
    data = {
        "code": "2b",
        "title": action.title,
        "objective": action.objective_id,
        "updaters": [second.pk],
        "loaded": fingerprint(action),
    }
    response = team.post(reverse("actionplans:setup_action", args=[action.pk]), data)
    assert response.status_code == 302, error_summary(response.content.decode())
    entry = AuditEntry.objects.get()
    assert entry.changes == {"Updaters": ["first", "second"]}


def test_objective_list_is_searchable_by_code_and_query_count_is_bounded(
    team, django_assert_max_num_queries
):
    for n in range(30):
        ObjectiveFactory(code=f"X{n:02d}")
    ObjectiveFactory(code="CIP07", title="Housing")
    with django_assert_max_num_queries(10):
        page = team.get(reverse("setup:list", args=["objectives"]), {"q": "cip07"})
    assert "CIP07" in page.content.decode() and "X01" not in page.content.decode()
    assert Objective.objects.count() == 31


def test_team_adds_a_directorate_and_changes_the_council_settings(team):
    response = team.post(reverse("setup:add", args=["directorates"]), {"name": "Environment"})
    assert response.status_code == 302
    page = team.get(reverse("setup:council")).content.decode()
    assert "Segregation of duties in sign-off" in page


def test_the_django_admin_is_for_superusers_only(client, team_member, setup_superuser):
    client.force_login(team_member)
    assert client.get(reverse("admin:index")).status_code == 302
    client.force_login(setup_superuser)
    assert client.get(reverse("admin:index")).status_code == 200


def test_an_objective_cannot_sit_under_itself(team):
    top = ObjectiveFactory(code="1")
    child = ObjectiveFactory(code="1.1", parent=top, plan=top.plan)
    data = {
        "code": "1",
        "title": top.title,
        "plan": top.plan_id,
        "parent": child.pk,
        "loaded": fingerprint(top),
    }
    page = team.post(reverse("setup:edit", args=["objectives", top.pk]), data).content.decode()
    assert "Parent: 1 would sit under itself via 1.1." in error_summary(page)
    top.refresh_from_db()
    assert top.parent is None
