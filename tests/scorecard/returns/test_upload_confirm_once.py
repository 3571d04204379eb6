"""Confirming an Excel return never loses another editor's update, and applies a preview once.

The interleavings are made deterministic on one connection: the other editor's save (or a second
confirm of the same preview) runs just after the confirm has read the stored returns, before it
writes. ``test_upload_races_postgres.py`` runs the same races with real threads.
"""

from contextlib import contextmanager
from decimal import Decimal

import pytest
from django.db import connection
from django.urls import reverse

from scorecard.models import AuditEntry, Result
from scorecard.returns import services
from scorecard.returns.excel import returns_import
from scorecard.workbook.errors import WorkbookRefused
from tests.support.factories import ResultFactory
from tests.support.returns import preview, return_file

pytestmark = pytest.mark.django_db


@contextmanager
def once_returns_are_read(period, then):
    """Run ``then`` once, as soon as the import has read the period's stored returns."""
    state = {"armed": False, "done": False}
    marker = '"scorecard_result"."period_id" = %s'

    def wrapper(execute, sql, params, many, context):
        if state["armed"] and not state["done"]:
            state["done"] = True
            then()
        result = execute(sql, params, many, context)
        if not state["done"] and sql.startswith("SELECT") and marker in sql:
            state["armed"] = True
        return result

    with connection.execute_wrapper(wrapper):
        yield
    assert state["done"], "the import never read the stored returns"


@pytest.fixture
def stored(measure, q3, officer):
    return ResultFactory(
        measure=measure, period=q3, actual=Decimal("40"), status="draft", entered_by=officer
    )


def test_an_edit_saved_while_the_confirm_checks_is_kept_and_the_confirm_refused_by_row(
    tmp_path, officer, performance_team, measure, q3, stored
):
    path = return_file(tmp_path, ["NI 192", "2009/10 Q3", 55, None, "Up."])
    seen = preview(path, officer, q3)

    def other_saves():
        services.return_save(
            user=performance_team,
            item=measure,
            period=q3,
            values={"actual": Decimal("30"), "corrective_action": "Extra rounds."},
            version=stored.version,
        )

    with pytest.raises(WorkbookRefused) as refused, once_returns_are_read(q3, other_saves):
        returns_import(path=path, user=officer, period=q3, expected_versions=seen)
    [error] = refused.value.errors
    assert (error.sheet, error.row, error.column) == ("Results", 2, "Code")
    assert "NI 192 was changed by someone else since your preview" in error.message
    result = Result.objects.get()
    assert result.actual == Decimal("30") and result.entered_by == performance_team


def test_a_return_first_entered_by_another_while_the_confirm_checks_is_kept(
    tmp_path, officer, performance_team, measure, q3
):
    path = return_file(tmp_path, ["NI 192", "2009/10 Q3", 55, None, "Up."])
    seen = preview(path, officer, q3)

    def other_saves():
        services.return_save(
            user=performance_team,
            item=measure,
            period=q3,
            values={"actual": Decimal("52")},
            version=0,
        )

    with pytest.raises(WorkbookRefused), once_returns_are_read(q3, other_saves):
        returns_import(path=path, user=officer, period=q3, expected_versions=seen)
    assert Result.objects.get().actual == Decimal("52")


def test_a_second_confirm_of_the_same_preview_applies_nothing_twice(
    tmp_path, officer, measure, judged, q3, stored
):
    path = return_file(
        tmp_path,
        ["NI 192", "2009/10 Q3", 55, None, "Up."],
        ["LOC 01", "2009/10 Q3", None, "Green", "Fine."],
    )
    seen = preview(path, officer, q3)

    def second_confirm():
        returns_import(path=path, user=officer, period=q3, expected_versions=seen)

    with pytest.raises(WorkbookRefused) as refused, once_returns_are_read(q3, second_confirm):
        returns_import(path=path, user=officer, period=q3, expected_versions=seen)
    assert "since your preview" in refused.value.errors[0].message
    stored.refresh_from_db()
    assert stored.version == 2 and stored.actual == Decimal("55")
    judged_result = Result.objects.get(measure=judged)
    assert judged_result.version == 1 and judged_result.rag == "green"
    assert AuditEntry.objects.count() == 2  # one per row, once


def test_the_confirm_page_refuses_a_preview_already_confirmed(
    client, officer, measure, q3, stored, tmp_path
):
    path = return_file(tmp_path, ["NI 192", "2009/10 Q3", 55, None, "Up."])
    client.force_login(officer)
    with path.open("rb") as handle:
        client.post(reverse("returns:upload"), {"period": q3.pk, "file": handle})
    token = client.session["returns_upload"]["token"]
    assert client.post(reverse("returns:upload_confirm"), {"token": token}).status_code == 302
    again = client.post(reverse("returns:upload_confirm"), {"token": token}, follow=True)
    assert "There is no upload waiting" in again.content.decode()
    stored.refresh_from_db()
    assert stored.version == 2
    assert AuditEntry.objects.count() == 1
