"""The workbook is laid out for people: every number fits its column in its unit, headers wrap
between their words instead of running into the next column, long text wraps, and every sheet,
the summary included, prints one page wide.

Read back with openpyxl; `test_xlsx_in_libreoffice.py` checks the same in a real spreadsheet.
"""

import pytest

from reporting.exports import build_report
from reporting.render import render_xlsx
from tests.support.packs import cabinet_pack
from tests.support.periods import period
from tests.support.reports import Xlsx, by_code, shown, table

pytestmark = pytest.mark.django_db

# Column widths count characters of the default font's digits; a cell needs a little margin.
MARGIN = 1


@pytest.fixture(scope="module")
def books(in_demo) -> dict[str, Xlsx]:
    def make():
        made = cabinet_pack(include_action_plans=True, include_measure_pages=True)
        q2 = period("2009/10 Q2")
        return {
            "pack": Xlsx(render_xlsx(build_report(f"pack:{made.pk}", None))),
            "results": Xlsx(render_xlsx(build_report("results", q2))),
            "exceptions": Xlsx(render_xlsx(build_report("exceptions", q2))),
        }

    return in_demo(make)


def width(ws, cell) -> float:
    return ws.column_dimensions[cell.column_letter].width


def all_sheets(books):
    for book in books.values():
        for name in book.sheetnames:
            yield name, book[name]


def test_every_number_fits_its_column_as_shown_in_its_unit(books):
    checked = 0
    for name, ws in all_sheets(books):
        for row in ws.iter_rows(min_row=2):
            for cell in row:
                if cell.data_type == "n" and cell.value is not None:
                    needed = len(shown(cell)) + MARGIN
                    assert width(ws, cell) >= needed, (name, cell.coordinate, shown(cell))
                    checked += 1
    assert checked > 500


def test_the_bus_journeys_fit_their_columns(books):
    """NI 177 counts 35,100,000 bus journeys: too wide for a fixed column, it showed ###."""
    ws = books["pack"]["Scorecard"]
    row = by_code(ws)["NI 177"]
    for header in ("Baseline", "Target", "Actual"):
        cell = row[header]
        assert shown(cell).endswith(" journeys")
        assert width(ws, cell) >= len(shown(cell)) + MARGIN


def test_headers_wrap_between_words_and_each_word_fits_its_column(books):
    for name, ws in all_sheets(books):
        if name == "Summary":
            continue
        for cell in next(ws.iter_rows(max_row=1)):
            assert cell.alignment.wrap_text, (name, cell.value)
            longest = max(len(word) for word in str(cell.value).split())
            # Headers are bold: a bold letter is wider than a digit of the default font.
            assert width(ws, cell) >= longest * 1.1 + MARGIN, (name, cell.value)


def test_long_text_wraps_and_its_row_reads_from_the_top(books):
    """A title or comment longer than its column wraps, in a row tall enough to show it, and
    the row's other cells sit at its top beside the title's first line."""
    checked = 0
    for ws, column in [
        (books["pack"]["Scorecard"], "Title"),
        (books["results"]["Results"], "Commentary"),
        (books["pack"]["Actions CPA-2002"], "Current position"),
    ]:
        for row in table(ws):
            cell = row[column]
            # A column holds about one letter per unit of width: this text is surely longer.
            if cell.value and len(cell.value) > 1.25 * width(ws, cell):
                assert cell.alignment.wrap_text, (ws.title, cell.coordinate)
                assert ws.row_dimensions[cell.row].height >= 2 * 15, (ws.title, cell.row)
                for other in row.values():
                    if other.value is not None:
                        assert other.alignment.vertical == "top", (ws.title, other.coordinate)
                checked += 1
        assert ws.column_dimensions[cell.column_letter].width <= 60
    assert checked > 20


def test_the_summary_title_wraps_instead_of_running_off_the_page(books):
    for book in books.values():
        title = book["Summary"]["A1"]
        assert title.value
        assert title.alignment.wrap_text
        assert title.font.bold


def test_every_sheet_the_summary_included_prints_one_page_wide(books):
    for name, ws in all_sheets(books):
        assert ws.sheet_properties.pageSetUpPr.fitToPage, name
        assert int(ws.page_setup.fitToWidth) == 1, name
        assert int(ws.page_setup.fitToHeight) == 0, name
        assert str(ws.page_setup.paperSize) == "9", name
