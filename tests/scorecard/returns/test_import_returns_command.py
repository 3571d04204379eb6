"""manage.py import_returns: the upload's checks from the command line, exit status on error."""

from decimal import Decimal
from io import StringIO

import pytest
from django.core.management import CommandError, call_command, execute_from_command_line

from scorecard.models import Result
from tests.support.returns import RESULT_HEADERS_WITHOUT_RAG, return_file

pytestmark = pytest.mark.django_db


def run(path, *extra):
    out = StringIO()
    call_command(
        "import_returns",
        str(path),
        "--period",
        "2009/10 Q3",
        "--user",
        "officer",
        *extra,
        stdout=out,
    )
    return out.getvalue()


def test_a_valid_return_is_submitted(tmp_path, officer, measure, q3):
    out = run(
        return_file(
            tmp_path, ["NI 192", "2009/10 Q3", 55, "Up."], headers=RESULT_HEADERS_WITHOUT_RAG
        )
    )
    assert "1 return(s) for 2009/10 Q3 submitted" in out
    assert "Actual: blank → 55" in out
    result = Result.objects.get()
    assert (result.actual, result.status) == (Decimal("55"), "submitted")


def test_a_dry_run_writes_nothing(tmp_path, officer, measure, q3):
    out = run(
        return_file(tmp_path, ["NI 192", "2009/10 Q3", 55], headers=RESULT_HEADERS_WITHOUT_RAG),
        "--dry-run",
    )
    assert "would be submitted" in out
    assert not Result.objects.exists()


def test_errors_are_listed_by_row_and_column_and_nothing_is_written(tmp_path, officer, measure, q3):
    path = return_file(
        tmp_path,
        ["NI 192", "2009/10 Q3", 20],
        ["NOPE", "2009/10 Q3", "x"],
        headers=RESULT_HEADERS_WITHOUT_RAG,
    )
    with pytest.raises(CommandError) as refused:
        run(path)
    report = str(refused.value)
    assert 'Results, row 2, column "Corrective action": a Red result needs' in report
    assert 'Results, row 3, column "Actual"' in report and 'row 3, column "Code"' in report
    assert not Result.objects.exists()


def test_an_unknown_period_or_user_is_refused(tmp_path, officer, measure, q3):
    path = return_file(tmp_path, ["NI 192", "2009/10 Q3", 55], headers=RESULT_HEADERS_WITHOUT_RAG)
    with pytest.raises(CommandError, match="no period 2011/12 Q1"):
        call_command("import_returns", str(path), "--period", "2011/12 Q1", "--user", "officer")
    with pytest.raises(CommandError, match="no active user"):
        call_command("import_returns", str(path), "--period", "2009/10 Q3", "--user", "nobody")


def test_the_command_exits_non_zero_on_error(tmp_path, officer, measure, q3, capsys, monkeypatch):
    """As a script calls it: a refused return must end with a non-zero exit status."""
    from django.db import connections

    # run_from_argv closes every connection when it ends; the test's must stay open.
    monkeypatch.setattr(connections, "close_all", lambda: None)
    path = return_file(
        tmp_path, ["NI 192", "2009/10 Q3", 20], headers=RESULT_HEADERS_WITHOUT_RAG
    )  # Red, no corrective action
    argv = ["manage.py", "import_returns", str(path), "--period", "2009/10 Q3"]
    with pytest.raises(SystemExit) as exited:
        execute_from_command_line([*argv, "--user", "officer"])
    assert exited.value.code != 0
    assert "corrective action" in capsys.readouterr().err
    assert not Result.objects.exists()
