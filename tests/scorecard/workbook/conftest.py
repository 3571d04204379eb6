"""Fixtures for the plan workbook tests: each runs with a .csv folder and with an .xlsx."""

from pathlib import Path

import pytest

from scorecard.workbook.errors import WorkbookRefused
from scorecard.workbook.importer import workbook_import
from tests.support.workbooks import Sheets, council_workbook, write_csv_folder, write_xlsx


@pytest.fixture(params=["csv", "xlsx"])
def form(request) -> str:
    """Each test that uses it runs twice: with a folder of .csv files and with an .xlsx."""
    return request.param


@pytest.fixture
def make_workbook(tmp_path, form):
    """Write the sheets in this test's form and return the path to import."""
    made = []

    def make(sheets: Sheets) -> Path:
        made.append(1)
        name = f"workbook{len(made)}"
        if form == "csv":
            return write_csv_folder(tmp_path / name, sheets)
        return write_xlsx(tmp_path / f"{name}.xlsx", sheets)

    return make


@pytest.fixture
def import_sheets(make_workbook):
    """Write the sheets and import them; return the rows per sheet the importer reports."""

    def run(sheets: Sheets) -> dict[str, int]:
        return workbook_import(path=make_workbook(sheets))

    return run


@pytest.fixture
def refused(make_workbook):
    """Write the sheets, import them, and return the errors of the refusal that must follow."""

    def run(sheets: Sheets) -> list:
        with pytest.raises(WorkbookRefused) as caught:
            workbook_import(path=make_workbook(sheets))
        return caught.value.errors

    return run


@pytest.fixture
def imported(import_sheets):
    """The council's workbook, imported; the rows per sheet the importer reported."""
    return import_sheets(council_workbook())
