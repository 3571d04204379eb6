"""The Excel return: download pre-filled, upload with a preview, all or nothing."""

from decimal import Decimal

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from openpyxl import Workbook

from actionplans.models import ActionUpdate
from scorecard.models import AuditEntry, Result
from scorecard.returns.excel import returns_import
from scorecard.workbook.errors import WorkbookRefused
from tests.support.factories import ResultFactory
from tests.support.periods import period
from tests.support.returns import (
    action_for,
    as_upload,
    column,
    confirm,
    download,
    measure_for,
    row_numbers,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def items(officer, officer2, measure, judged, action, q3):
    ResultFactory(measure=measure, period=period("2009/10 Q2"), actual=Decimal("48"))
    theirs = measure_for(officer2, q3, code="BV 012", title="Sick days")
    return {"measure": measure, "judged": judged, "action": action, "theirs": theirs}


def test_download_has_only_the_users_items_with_target_and_previous_value(
    client, officer, items, q3
):
    client.force_login(officer)
    workbook = download(client, q3)
    results = workbook["Results"]
    rows = row_numbers(results)
    assert set(rows) == {"NI 192", "LOC 01"}
    ni192 = rows["NI 192"]
    assert results.cell(ni192, column(results, "Target")).value == 50
    assert results.cell(ni192, column(results, "Previous value")).value == 48
    assert results.cell(ni192, column(results, "Period")).value == "2009/10 Q3"
    assert results.cell(ni192, column(results, "Actual")).value is None
    assert set(row_numbers(workbook["Action updates"])) == {"CIP01.1.3"}


def test_judgement_rag_cells_offer_a_list_of_green_amber_red(client, officer, items, q3):
    client.force_login(officer)
    workbook = download(client, q3)
    results, updates = workbook["Results"], workbook["Action updates"]
    rag = column(results, "RAG")
    letter = results.cell(1, rag).column_letter
    lists = [dv for dv in results.data_validations.dataValidation if dv.type == "list"]
    assert len(lists) == 1 and lists[0].formula1 == '"Green,Amber,Red"'
    cells = str(lists[0].sqref)
    assert f"{letter}{row_numbers(results)['LOC 01']}" in cells
    assert f"{letter}{row_numbers(results)['NI 192']}" not in cells
    [update_list] = [dv for dv in updates.data_validations.dataValidation if dv.type == "list"]
    assert f"E{row_numbers(updates)['CIP01.1.3']}" in str(update_list.sqref)


def fill(workbook, code, sheet="Results", **values):
    ws = workbook[sheet]
    row = row_numbers(ws)[code]
    for header, value in values.items():
        ws.cell(row, column(ws, header.replace("_", " ")), value)


def test_upload_previews_old_and_new_then_confirm_submits(client, officer, items, q3):
    client.force_login(officer)
    workbook = download(client, q3)
    fill(workbook, "NI 192", Actual=55, Commentary="Recycling up.")
    fill(workbook, "LOC 01", RAG="Amber", Commentary="Strategy late.")
    fill(workbook, "CIP01.1.3", sheet="Action updates", RAG="Green", Commentary="Done.")
    page = client.post(
        reverse("returns:upload"), {"period": q3.pk, "file": as_upload(workbook)}
    ).content.decode()
    assert "Check what will change" in page
    assert "Actual: blank → 55" in page and "Commentary: blank → Recycling up." in page
    assert not Result.objects.filter(period=q3).exists()  # nothing until confirmed

    response = confirm(client)
    assert response.status_code == 302
    result = Result.objects.get(measure=items["measure"], period=q3)
    assert (result.actual, result.status, result.rag) == (Decimal("55"), "submitted", "green")
    assert result.entered_by == officer
    judged = Result.objects.get(measure=items["judged"], period=q3)
    assert (judged.rag, judged.commentary) == ("amber", "Strategy late.")
    update = ActionUpdate.objects.get(action=items["action"], period=q3)
    assert (update.rag, update.status) == ("green", "submitted")
    assert AuditEntry.objects.count() == 3


def test_uploading_changes_bumps_versions_and_audits_old_values(client, officer, items, q3):
    stored = ResultFactory(
        measure=items["measure"], period=q3, actual=Decimal("40"), status="draft"
    )
    client.force_login(officer)
    workbook = download(client, q3)
    fill(workbook, "NI 192", Actual=52)
    client.post(reverse("returns:upload"), {"period": q3.pk, "file": as_upload(workbook)})
    confirm(client)
    stored.refresh_from_db()
    assert stored.version == 2 and stored.actual == Decimal("52")
    entry = AuditEntry.objects.get()
    assert entry.changes["actual"] == ["40", "52"] and entry.changes["status"][1] == "Submitted"


def test_a_refused_upload_lists_errors_by_row_and_column_and_changes_nothing(
    client, officer, items, q3
):
    client.force_login(officer)
    workbook = download(client, q3)
    fill(workbook, "NI 192", Actual="lots")
    fill(workbook, "LOC 01", RAG="Purple")
    fill(workbook, "CIP01.1.3", sheet="Action updates", RAG="Red", Commentary="")
    ws = workbook["Results"]
    rows = row_numbers(ws)
    ws.append(["BV 012", "Sick days", "2009/10 Q3", None, None, None, None, None, 9])
    ws.append(["NOPE 1", "Unknown", "2009/10 Q3", None, None, None, None, None, 9])
    ws.append(["NI 192", "Dup", "2009/10 Q2", None, None, None, None, None, 9])
    before = AuditEntry.objects.count(), Result.objects.count(), ActionUpdate.objects.count()
    page = client.post(
        reverse("returns:upload"), {"period": q3.pk, "file": as_upload(workbook)}
    ).content.decode()
    assert "The return was not uploaded: nothing was changed" in page
    expected = [
        ("Results", rows["NI 192"], "Actual", "&#x27;lots&#x27; is not a number"),
        ("Results", rows["LOC 01"], "RAG", "is not a RAG"),
        ("Results", ws.max_row - 2, "Code", "BV 012 is not yours to update"),
        ("Results", ws.max_row - 1, "Code", "there is no measure"),
        ("Results", ws.max_row, "Period", "this return is for 2009/10 Q3, not 2009/10 Q2"),
        ("Action updates", 2, "Commentary", "say why the item is Red"),
    ]
    for sheet, row, col, message in expected:
        assert f"<td>{sheet}</td><td>{row}</td><td>{col}</td><td>" in page, (sheet, row, col)
        assert message in page
    assert (
        AuditEntry.objects.count(),
        Result.objects.count(),
        ActionUpdate.objects.count(),
    ) == before


def test_a_red_result_without_corrective_action_is_refused(officer, items, q3, tmp_path):
    workbook = Workbook()
    ws = workbook.active
    ws.title = "Results"
    ws.append(["Code", "Period", "Actual", "Commentary", "Corrective action"])
    ws.append(["NI 192", "2009/10 Q3", 20, "Tonnage fell in the wet autumn.", None])
    path = tmp_path / "red.xlsx"
    workbook.save(path)
    with pytest.raises(WorkbookRefused) as refused:
        returns_import(path=path, user=officer, period=q3)
    [error] = refused.value.errors
    assert (error.row, error.column) == (2, "Corrective action")
    assert "Red result needs a corrective action" in error.message
    assert not Result.objects.filter(period=q3).exists()


def test_a_locked_period_refuses_the_upload(officer, items, q3, tmp_path):
    q3.state = "locked"
    q3.save()
    workbook = Workbook()
    ws = workbook.active
    ws.title = "Results"
    ws.append(["Code", "Period", "Actual"])
    ws.append(["NI 192", "2009/10 Q3", 60])
    workbook.save(tmp_path / "r.xlsx")
    with pytest.raises(WorkbookRefused) as refused:
        returns_import(path=tmp_path / "r.xlsx", user=officer, period=q3)
    assert "locked after sign-off" in refused.value.errors[0].message
    assert not Result.objects.filter(period=q3).exists()


def test_set_up_sheets_cannot_be_uploaded_in_a_return(officer, items, q3, tmp_path):
    workbook = Workbook()
    ws = workbook.active
    ws.title = "Measures"
    ws.append(["Code", "Title", "Tolerance"])
    ws.append(["NI 192", "Household waste recycled", "50%"])
    workbook.save(tmp_path / "m.xlsx")
    with pytest.raises(WorkbookRefused) as refused:
        returns_import(path=tmp_path / "m.xlsx", user=officer, period=q3)
    assert "cannot be uploaded here" in refused.value.errors[0].message
    items["measure"].refresh_from_db()
    assert items["measure"].tolerance_amount == Decimal("10")


def test_confirming_after_someone_else_changed_the_return_is_refused(client, officer, items, q3):
    client.force_login(officer)
    workbook = download(client, q3)
    fill(workbook, "NI 192", Actual=55)
    client.post(reverse("returns:upload"), {"period": q3.pk, "file": as_upload(workbook)})
    ResultFactory(measure=items["measure"], period=q3, actual=Decimal("30"), status="draft")
    page = confirm(client).content.decode()
    assert "changed by someone else since your preview" in page
    assert Result.objects.get(period=q3).actual == Decimal("30")


def test_a_file_over_the_size_limit_is_refused(client, officer, items, q3, settings):
    from scorecard.returns import excel

    client.force_login(officer)
    big = SimpleUploadedFile("return.xlsx", b"x" * (excel.MAX_UPLOAD_BYTES + 1))
    page = client.post(reverse("returns:upload"), {"period": q3.pk, "file": big}, follow=True)
    assert "too large" in page.content.decode()
    assert not Result.objects.filter(period=q3).exists()


def test_a_file_that_is_not_a_workbook_is_refused(client, officer, items, q3):
    client.force_login(officer)
    bad = SimpleUploadedFile("return.xlsx", b"not a zip")
    page = client.post(reverse("returns:upload"), {"period": q3.pk, "file": bad}).content.decode()
    assert "not an .xlsx workbook" in page


def cherwell(rows) -> Workbook:
    workbook = Workbook()
    ws = workbook.active
    ws.title = "CIP Q3"
    for row in rows:
        ws.append(row)
    return workbook


CHERWELL_TITLE = ["Corporate Improvement Plan 2009/2010 April - December 2009", None, None, None]
CHERWELL_HEAD = [None, "Quarter Two", "Quarter Three", "Comment"]


def test_the_cherwell_improvement_plan_layout_is_accepted(client, officer, items, q3):
    action_for(officer, code="CIP03.1.4", title="Achieve performance targets")
    workbook = cherwell(
        [
            CHERWELL_TITLE,
            CHERWELL_HEAD,
            ["Be Recognised as an Excellent Authority", None, None, None],
            ["CIP01.1.3 Respond to the Place Survey findings.", "G", "A", "Survey late."],
            [None, None, None, None],
            CHERWELL_TITLE,
            CHERWELL_HEAD,
            ["CIP03.1.4 Achieve performance targets", "A", "G", None],
            ["Number Green and Amber", None, None, None],
            ["Status", None, "Amber", None],
        ]
    )
    client.force_login(officer)
    page = client.post(
        reverse("returns:upload"), {"period": q3.pk, "file": as_upload(workbook)}
    ).content.decode()
    assert "Check what will change" in page, page[page.find("<main") :][:3000]
    assert "CIP01.1.3" in page and "RAG: blank → Amber" in page
    confirm(client)
    updates = {u.action.code: u for u in ActionUpdate.objects.filter(period=q3)}
    assert updates["CIP01.1.3"].rag == "amber"
    assert updates["CIP01.1.3"].commentary == "Survey late."
    assert updates["CIP03.1.4"].rag == "green"
    assert not ActionUpdate.objects.exclude(period=q3).exists()  # the Q2 column is history


def test_a_cherwell_row_that_lost_its_code_is_an_error_with_its_row(officer, items, q3, tmp_path):
    workbook = cherwell(
        [
            CHERWELL_TITLE,
            CHERWELL_HEAD,
            ["CIP01.1.3 Respond to the Place Survey findings.", "G", "Purple", None],
            ["g", "G", "G", "Publicity campaign launched on Heart FM"],
        ]
    )
    workbook.save(tmp_path / "c.xlsx")
    with pytest.raises(WorkbookRefused) as refused:
        returns_import(path=tmp_path / "c.xlsx", user=officer, period=q3)
    found = {(e.row, e.column): e.message for e in refused.value.errors}
    assert "has a RAG but no code" in found[(4, "Code and title")]
    assert "is not a RAG" in found[(3, "Quarter Three")]
    assert not ActionUpdate.objects.exists()


def test_the_pages_query_counts_are_bounded(
    client, officer, items, q3, django_assert_max_num_queries
):
    client.force_login(officer)
    with django_assert_max_num_queries(15):
        client.get(reverse("returns:upload"))
    with django_assert_max_num_queries(15):
        client.get(reverse("returns:download", args=[q3.pk]))
