"""Sending returns through the API: the forms' service, all or nothing, errors per row."""

from decimal import Decimal

import pytest
from django.contrib.contenttypes.models import ContentType
from rest_framework.test import APIClient

from actionplans.models import ActionUpdate
from scorecard.models import AuditEntry, Result, Role
from scorecard.services.tokens import token_create
from tests.support.periods import open_period, period
from tests.support.returns import action_for, measure_for

pytestmark = pytest.mark.django_db
URL = "/api/v1/returns/"


@pytest.fixture
def q3(db):
    return open_period("2009/10 Q3")


@pytest.fixture
def officer_client(officer):
    client = APIClient()
    client.credentials(HTTP_AUTHORIZATION=f"Bearer {token_create(user=officer, name='BI').secret}")
    return client


def _row(measure, of_period, **fields):
    return {"code": measure.code, "period": of_period.label, "version": 0, **fields}


def test_an_officer_submits_a_result_rated_and_audited_as_theirs(officer, officer_client, q3):
    measure = measure_for(officer, q3, target="50")
    response = officer_client.post(
        URL,
        {"rows": [_row(measure, q3, actual="52.5", commentary="On track", submit=True)]},
        format="json",
    )
    assert response.status_code == 200, response.json()
    saved = response.json()["saved"][0]
    assert saved["status"] == "submitted" and saved["rag"] == "green" and saved["version"] == 1
    result = Result.objects.get(measure=measure, period=q3)
    assert result.actual == Decimal("52.5") and result.entered_by == officer
    entry = AuditEntry.objects.get(object_id=result.pk, summary__startswith="Submitted")
    assert entry.user == officer


def test_a_batch_with_one_bad_row_saves_nothing_and_names_each_problem(
    officer, officer_client, q3, role_user
):
    mine = measure_for(officer, q3)
    theirs = measure_for(role_user(Role.OFFICER, username="other"), q3)
    rows = [
        _row(mine, q3, actual="51", commentary="Fine", submit=True),
        _row(theirs, q3, actual="40", submit=True),
        {"code": "NOPE 1", "period": q3.label, "version": 0},
    ]
    response = officer_client.post(URL, {"rows": rows}, format="json")
    assert response.status_code == 400
    body = response.json()
    assert body["detail"] == "Nothing was saved: 2 of 3 rows were refused"
    problems = {row["row"]: row["errors"] for row in body["rows"]}
    assert "You may not update" in problems[2]["non_field_errors"]
    assert problems[3] == {"code": "There is no measure NOPE 1"}
    assert not Result.objects.exists()
    assert not AuditEntry.objects.filter(summary__contains=mine.code).exists()


def test_a_stale_version_is_refused_not_applied(officer, officer_client, q3):
    measure = measure_for(officer, q3)
    first = officer_client.post(URL, {"rows": [_row(measure, q3, actual="51")]}, format="json")
    assert first.status_code == 200
    stale = officer_client.post(URL, {"rows": [_row(measure, q3, actual="12")]}, format="json")
    assert stale.status_code == 400
    assert "not saved" in stale.json()["rows"][0]["errors"]["non_field_errors"]
    assert Result.objects.get(measure=measure).actual == Decimal("51")


def test_a_locked_period_is_refused(officer, officer_client):
    q2 = period("2009/10 Q2")
    q2.state = "locked"
    q2.save()
    measure = measure_for(officer, q2)
    response = officer_client.post(URL, {"rows": [_row(measure, q2, actual="51")]}, format="json")
    assert response.status_code == 400
    assert "2009/10 Q2" in response.json()["rows"][0]["errors"]["non_field_errors"]


def test_an_action_update_goes_through_the_same_service(officer, officer_client, q3):
    action = action_for(officer)
    row = {
        "kind": "action",
        "code": action.code,
        "period": q3.label,
        "version": 0,
        "rag": "amber",
        "commentary": "Delayed by a month",
        "submit": True,
    }
    response = officer_client.post(URL, {"rows": [row]}, format="json")
    assert response.status_code == 200, response.json()
    assert response.json()["saved"][0]["rag"] == "amber"


@pytest.mark.parametrize("role", [Role.VIEWER, Role.COMMITTEE_CLERK])
def test_reading_roles_may_not_send_returns(bearer, q3, role):
    response = bearer(role).post(
        URL, {"rows": [{"code": "X", "period": q3.label, "version": 0}]}, format="json"
    )
    assert response.status_code == 403


def test_anonymous_callers_may_not_send_returns(q3):
    assert APIClient().post(URL, {"rows": []}, format="json").status_code == 401


def test_more_than_a_thousand_rows_are_refused_before_any_is_read(officer_client, q3):
    rows = [{"code": f"M{n}", "period": q3.label, "version": 0} for n in range(1001)]
    response = officer_client.post(URL, {"rows": rows}, format="json")
    assert response.status_code == 400
    assert "no more than 1000" in response.json()["detail"]


def test_a_bad_figure_is_named_with_its_row(officer_client, officer, q3):
    measure = measure_for(officer, q3)
    rows = [_row(measure, q3, actual="51"), _row(measure, q3, actual="lots")]
    response = officer_client.post(URL, {"rows": rows}, format="json")
    assert response.status_code == 400
    body = response.json()
    assert body["detail"] == "Nothing was saved: 1 rows could not be read"
    assert body["rows"] == [
        {
            "row": 2,
            "code": measure.code,
            "period": q3.label,
            "errors": {"actual": "A valid number is required."},
        }
    ]
    assert not Result.objects.exists()


def test_an_action_update_is_audited_as_the_tokens_user_and_a_stale_one_refused(
    officer, officer_client, q3
):
    action = action_for(officer)
    row = {"kind": "action", "code": action.code, "period": q3.label, "version": 0}
    first = officer_client.post(URL, {"rows": [{**row, "rag": "green"}]}, format="json")
    assert first.status_code == 200, first.json()
    update = ActionUpdate.objects.get(action=action, period=q3)
    kind = ContentType.objects.get_for_model(ActionUpdate)
    assert AuditEntry.objects.get(content_type=kind, object_id=update.pk).user == officer
    stale = officer_client.post(URL, {"rows": [{**row, "rag": "red"}]}, format="json")
    assert stale.status_code == 400
    assert "not saved" in stale.json()["rows"][0]["errors"]["non_field_errors"]
    update.refresh_from_db()
    assert update.rag == "green" and update.version == first.json()["saved"][0]["version"]
