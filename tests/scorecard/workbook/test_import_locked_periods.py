"""The plan workbook leaves a locked quarter as it was signed off, unless the performance team
corrects it with a reason, kept in the audit trail of every row it changes."""

from decimal import Decimal

import pytest
from django.core.management import CommandError, call_command

from scorecard.models import AuditEntry, Result, Role, Target
from tests.support.factories import (
    ActionFactory,
    ActionUpdateFactory,
    MeasureFactory,
    ResultFactory,
    TargetFactory,
)
from tests.support.periods import period

pytestmark = pytest.mark.django_db


@pytest.fixture
def locked_q3(db):
    q3 = period("2009/10 Q3")
    measure = MeasureFactory(code="NI 192")
    TargetFactory(measure=measure, period=q3, value=Decimal("50"))
    ResultFactory(measure=measure, period=q3, actual=Decimal("60"), commentary="Up.")
    ActionUpdateFactory(action=ActionFactory(code="CIP01.1.3"), period=q3, rag="green")
    q3.state = "locked"
    q3.save()
    return q3


RESULTS = ["Code", "Period", "Actual", "Commentary"]


def stored() -> tuple:
    result = Result.objects.get()
    return (result.actual, result.commentary, result.rag, Target.objects.get().value)


def test_a_plan_workbook_cannot_change_a_locked_quarters_result(locked_q3, refused):
    before = stored()
    errors = refused({"Results": [RESULTS, ["NI 192", "2009/10 Q3", "10", "Up."]]})
    [error] = errors
    assert (error.sheet, error.row, error.column) == ("Results", 2, "Actual")
    assert "2009/10 Q3 is locked after sign-off" in error.message
    assert "from “60” to “10”" in error.message
    assert stored() == before
    assert not AuditEntry.objects.exists()


def test_targets_and_action_updates_of_a_locked_quarter_are_refused_too(locked_q3, refused):
    errors = refused(
        {
            "Targets": [["Code", "Period", "Target"], ["NI 192", "2009/10 Q3", "40"]],
            "Action updates": [
                ["Code", "Period", "RAG", "Commentary"],
                ["CIP01.1.3", "2009/10 Q3", "Red", "Slipped."],
            ],
        }
    )
    located = {(e.sheet, e.row, e.column) for e in errors}
    assert located == {
        ("Targets", 2, "Target"),
        ("Action updates", 2, "RAG"),
        ("Action updates", 2, "Commentary"),
    }
    assert all("2009/10 Q3 is locked" in e.message for e in errors)
    assert Target.objects.get().value == Decimal("50")


def test_a_workbook_repeating_what_a_locked_quarter_holds_imports(locked_q3, import_sheets):
    import_sheets({"Results": [RESULTS, ["NI 192", "2009/10 Q3", "60", "Up."]]})
    assert Result.objects.get().actual == Decimal("60")


def run_import(path, *extra):
    call_command("import_workbook", str(path), *extra)


def test_the_performance_team_corrects_a_locked_quarter_with_a_reason_audited_per_row(
    locked_q3, make_workbook, role_user
):
    role_user(Role.PERFORMANCE_TEAM, "priya")
    path = make_workbook(
        {
            "Results": [RESULTS, ["NI 192", "2009/10 Q3", "58", "Up."]],
            "Targets": [["Code", "Period", "Target"], ["NI 192", "2009/10 Q3", "55"]],
        }
    )
    run_import(path, "--user", "priya", "--reason", "Source data revised by DEFRA.")
    assert Result.objects.get().actual == Decimal("58")
    entries = list(AuditEntry.objects.order_by("pk"))
    assert len(entries) == 2
    assert all(e.reason == "Source data revised by DEFRA." for e in entries)
    assert all(e.user.username == "priya" for e in entries)
    changes = {k: v for e in entries for k, v in e.changes.items()}
    assert changes == {"actual": ["60", "58"], "Target 2009/10 Q3": ["50", "55"]}


@pytest.mark.parametrize("role", [Role.OFFICER, Role.APPROVER, Role.VIEWER])
def test_no_one_else_may_correct_a_locked_quarter(locked_q3, make_workbook, role_user, role):
    role_user(role, "someone")
    path = make_workbook({"Results": [RESULTS, ["NI 192", "2009/10 Q3", "10", "Up."]]})
    with pytest.raises(CommandError, match="locked after sign-off"):
        run_import(path, "--user", "someone", "--reason", "Because.")
    assert Result.objects.get().actual == Decimal("60")


def test_the_team_must_give_a_reason(locked_q3, make_workbook, role_user):
    role_user(Role.PERFORMANCE_TEAM, "priya")
    path = make_workbook({"Results": [RESULTS, ["NI 192", "2009/10 Q3", "10", "Up."]]})
    with pytest.raises(CommandError, match='Results, row 2, column "Actual": 2009/10 Q3 is'):
        run_import(path, "--user", "priya")
    assert Result.objects.get().actual == Decimal("60")
