"""The Excel return reads figures as the officer saw them, and asks about implausible ones."""

from decimal import Decimal

import pytest
from django.urls import reverse
from openpyxl import Workbook

from scorecard.models import Result
from scorecard.returns.excel import returns_import
from scorecard.workbook.errors import WorkbookRefused
from tests.support.returns import as_upload, column, download, measure_for, row_numbers

pytestmark = pytest.mark.django_db


def test_a_percent_formatted_actual_uploads_as_the_percentage(client, officer, measure, q3):
    client.force_login(officer)
    workbook = download(client, q3)
    ws = workbook["Results"]
    cell = ws.cell(row_numbers(ws)["NI 192"], column(ws, "Actual"), 0.675)
    cell.number_format = "0.0%"  # the officer typed 67.5% into the cell

    page = client.post(
        reverse("returns:upload"), {"period": q3.pk, "file": as_upload(workbook)}
    ).content.decode()
    assert "Actual: blank → 67.5" in page
    client.post(
        reverse("returns:upload_confirm"), {"token": client.session["returns_upload"]["token"]}
    )

    assert Result.objects.get(measure=measure, period=q3).actual == Decimal("67.5")


def return_file(tmp_path, code: str, actual, number_format: str = "General", confirmed=None):
    workbook = Workbook()
    ws = workbook.active
    ws.title = "Results"
    ws.append(["Code", "Period", "Actual", "Value confirmed"])
    ws.append([code, "2009/10 Q3", actual, confirmed])
    ws["C2"].number_format = number_format
    workbook.save(tmp_path / "return.xlsx")
    return tmp_path / "return.xlsx"


def test_a_percent_formatted_cell_stays_the_number_for_a_ratio(officer, q3, tmp_path):
    ratio = measure_for(
        officer, q3, code="LOC 09", title="Ratio", unit="ratio", decimal_places=3, target="0.5"
    )

    returns_import(path=return_file(tmp_path, "LOC 09", 0.675, "0.0%"), user=officer, period=q3)

    assert Result.objects.get(measure=ratio).actual == Decimal("0.675")


def test_an_implausible_actual_is_refused_naming_sheet_row_and_column(
    officer, measure, q3, tmp_path
):
    with pytest.raises(WorkbookRefused) as refused:
        returns_import(path=return_file(tmp_path, "NI 192", 150), user=officer, period=q3)

    [error] = refused.value.errors
    assert (error.sheet, error.row, error.column) == ("Results", 2, "Actual")
    assert "150% is outside 0 to 100%" in error.message
    assert not Result.objects.exists()


def test_a_confirmed_implausible_actual_is_submitted(officer, measure, q3, tmp_path):
    path = return_file(tmp_path, "NI 192", 150, confirmed="Yes")

    returns_import(path=path, user=officer, period=q3)

    assert Result.objects.get().actual == Decimal("150")


def test_the_download_offers_a_value_confirmed_column(client, officer, measure, q3):
    client.force_login(officer)

    assert column(download(client, q3)["Results"], "Value confirmed")


def test_the_download_shows_figures_at_the_measures_places(client, officer, measure, q3):
    client.force_login(officer)
    ws = download(client, q3)["Results"]
    row = row_numbers(ws)["NI 192"]

    for header in ("Target", "Previous value", "Actual"):
        assert ws.cell(row, column(ws, header)).number_format == "0.0", header
