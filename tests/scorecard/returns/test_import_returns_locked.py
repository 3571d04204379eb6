"""manage.py import_returns and a locked period: only the performance team corrects it, with a
reason kept in the audit entry of every return it changes."""

from decimal import Decimal
from io import StringIO

import pytest
from django.core.management import CommandError, call_command

from scorecard.models import AuditEntry, Result
from tests.support.factories import ResultFactory
from tests.support.returns import RESULT_HEADERS_WITHOUT_RAG, return_file

pytestmark = pytest.mark.django_db


@pytest.fixture
def locked(measure, q3):
    result = ResultFactory(
        measure=measure, period=q3, actual=Decimal("60"), commentary="Up.", status="approved"
    )
    q3.state = "locked"
    q3.save()
    return result


def run(path, user, *extra) -> str:
    out = StringIO()
    call_command(
        "import_returns", str(path), "--period", "2009/10 Q3", "--user", user, *extra, stdout=out
    )
    return out.getvalue()


def test_the_team_corrects_a_locked_period_with_a_reason_audited_per_row(
    tmp_path, performance_team, locked
):
    path = return_file(
        tmp_path, ["NI 192", "2009/10 Q3", 58, "Up."], headers=RESULT_HEADERS_WITHOUT_RAG
    )
    out = run(path, performance_team.username, "--reason", "Source data revised.")
    assert "1 return(s) for 2009/10 Q3 corrected" in out
    locked.refresh_from_db()
    assert locked.actual == Decimal("58")
    assert locked.status == "approved"  # the correction keeps the sign-off
    entry = AuditEntry.objects.get()
    assert entry.reason == "Source data revised." and entry.user == performance_team
    assert entry.changes["actual"] == ["60", "58"]
    assert entry.summary.startswith("Corrected by upload")


def test_without_a_reason_the_team_is_refused_naming_row_column_and_period(
    tmp_path, performance_team, locked
):
    path = return_file(
        tmp_path, ["NI 192", "2009/10 Q3", 58, "Up."], headers=RESULT_HEADERS_WITHOUT_RAG
    )
    with pytest.raises(CommandError) as refused:
        run(path, performance_team.username)
    assert 'Results, row 2, column "Period": 2009/10 Q3: the period is locked' in str(refused.value)
    locked.refresh_from_db()
    assert locked.actual == Decimal("60")
    assert not AuditEntry.objects.exists()


def test_an_officer_cannot_correct_a_locked_period_even_with_a_reason(tmp_path, officer, locked):
    path = return_file(
        tmp_path, ["NI 192", "2009/10 Q3", 58, "Up."], headers=RESULT_HEADERS_WITHOUT_RAG
    )
    with pytest.raises(CommandError, match="locked after sign-off"):
        run(path, "officer", "--reason", "I know better.")
    assert Result.objects.get().actual == Decimal("60")
