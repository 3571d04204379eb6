"""The Excel return asks for the reason a judgement RAG differs from the target and tolerance,
as the forms do (issue 12, "The approver"): the row carries it, or nothing is imported."""

from decimal import Decimal

import pytest
from django.urls import reverse

from scorecard.models import AuditEntry, Result
from scorecard.returns.excel import returns_import
from scorecard.workbook.errors import WorkbookRefused
from tests.support.returns import as_upload, column, confirm, download, return_file, row_numbers

pytestmark = pytest.mark.django_db

REASON = "Reason for a different RAG"
HEADERS = ["Code", "Period", "Actual", "RAG", "Commentary", REASON]


def test_the_downloaded_return_has_the_reason_column_filled_from_the_stored_reason(
    client, officer, judged, q3
):
    Result.objects.create(
        measure=judged, period=q3, actual=Decimal("35"), officer_rag="green",
        judgement_reason="=1+1 New contract in January.", status="draft", entered_by=officer,
    )  # fmt: skip
    client.force_login(officer)
    results = download(client, q3)["Results"]
    cell = results.cell(row_numbers(results)["LOC 01"], column(results, REASON))
    assert (cell.value, cell.data_type) == ("=1+1 New contract in January.", "s")  # never run


def test_a_contradicting_judgement_without_a_reason_refuses_the_whole_upload(
    officer, measure, judged, q3, tmp_path
):
    path = return_file(
        tmp_path,
        ["NI 192", "2009/10 Q3", 55, None, "Recycling up.", None],
        ["LOC 01", "2009/10 Q3", 35, "Green", "Recovering.", None],
        headers=HEADERS,
    )
    with pytest.raises(WorkbookRefused) as refused:
        returns_import(path=path, user=officer, period=q3)
    [error] = refused.value.errors
    assert (error.sheet, error.row, error.column) == ("Results", 3, REASON)
    assert "RAG is Green but the target and tolerance give Red" in error.message
    assert not Result.objects.exists()  # NI 192's good row is not imported either
    assert not AuditEntry.objects.exists()


def test_the_error_names_the_column_to_add_when_an_old_file_lacks_it(officer, judged, q3, tmp_path):
    path = return_file(
        tmp_path,
        ["LOC 01", "2009/10 Q3", 35, "Green", "Recovering."],
        headers=HEADERS[:-1],
    )
    with pytest.raises(WorkbookRefused) as refused:
        returns_import(path=path, user=officer, period=q3)
    [error] = refused.value.errors
    assert (error.row, error.column) == (2, REASON)


def test_with_a_reason_the_judgement_is_submitted_and_the_reason_kept(
    officer, judged, q3, tmp_path
):
    path = return_file(
        tmp_path,
        ["LOC 01", "2009/10 Q3", 35, "Green", "Recovering.", "New contract in January."],
        headers=HEADERS,
    )
    returns_import(path=path, user=officer, period=q3)
    result = Result.objects.get(measure=judged, period=q3)
    assert (result.rag, result.status) == ("green", "submitted")
    assert result.judgement_reason == "New contract in January."
    entry = AuditEntry.objects.get()
    assert entry.changes["judgement_reason"] == ["", "New contract in January."]


def test_a_judgement_that_agrees_with_the_rule_needs_no_reason(officer, judged, q3, tmp_path):
    path = return_file(tmp_path, ["LOC 01", "2009/10 Q3", 55, "Green", None, None], headers=HEADERS)
    returns_import(path=path, user=officer, period=q3)
    assert Result.objects.get(measure=judged, period=q3).rag == "green"


def test_the_preview_shows_the_reason_and_confirm_keeps_it(client, officer, judged, q3):
    client.force_login(officer)
    workbook = download(client, q3)
    ws = workbook["Results"]
    row = row_numbers(ws)["LOC 01"]
    for header, value in (("Actual", 50), ("RAG", "Amber"), ("Commentary", "Trend down.")):
        ws.cell(row, column(ws, header), value)
    ws.cell(row, column(ws, REASON), "Exactly on target, but falling")
    page = client.post(
        reverse("returns:upload"), {"period": q3.pk, "file": as_upload(workbook)}
    ).content.decode()
    assert "Why the RAG differs from the target and tolerance: blank →" in page
    assert confirm(client).status_code == 302
    reason = Result.objects.get(measure=judged, period=q3).judgement_reason
    assert reason == "Exactly on target, but falling"


def test_a_measure_rated_by_its_rule_keeps_no_reason(officer, measure, q3, tmp_path):
    """Its form has no reason to give, so neither has its row: a typed one is not stored."""
    path = return_file(
        tmp_path, ["NI 192", "2009/10 Q3", 55, None, "Up.", "Because."], headers=HEADERS
    )
    returns_import(path=path, user=officer, period=q3)
    result = Result.objects.get(measure=measure, period=q3)
    assert (result.rag, result.judgement_reason) == ("green", "")
