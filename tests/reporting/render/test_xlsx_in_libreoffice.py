"""The workbooks work in a real spreadsheet program: LibreOffice Calc opens them and prints them
to PDF, and the PDF shows every number (never "###"), every header and every title whole,
with each sheet one page wide.

Runs `soffice --headless --convert-to pdf` on the real files; skipped only where LibreOffice
is missing outside CI (`.ci/run` installs it, and there the test fails rather than skips).
Words are read by their position on the page (pdfplumber): cells side by side stay apart.
"""

import re
from collections import Counter

import pytest

from reporting.exports import build_report
from reporting.render import render_xlsx
from tests.support.packs import cabinet_pack
from tests.support.periods import period
from tests.support.reports import Xlsx, calc_pdfs, shown

pytestmark = pytest.mark.django_db

# Calc may break a line after a hyphen or a slash: compare the pieces between them.
PIECES = re.compile(r"[^\s\-–/]+")


@pytest.fixture(scope="module")
def printed(in_demo, tmp_path_factory) -> dict[str, tuple[Xlsx, object]]:
    """The Cabinet pack's and the results' workbooks, and each as Calc prints it."""

    def make():
        made = cabinet_pack(include_action_plans=True, include_measure_pages=True)
        return {
            "pack": render_xlsx(build_report(f"pack:{made.pk}", None)),
            "results": render_xlsx(build_report("results", period("2009/10 Q2"))),
        }

    books = in_demo(make)
    pdfs = calc_pdfs(books, tmp_path_factory.mktemp("calc"))
    return {name: (Xlsx(data), pdfs[name]) for name, data in books.items()}


def pieces(text: str) -> Counter:
    return Counter(PIECES.findall(text))


def shown_text(cell) -> str:
    if cell.value is None:
        return ""
    if cell.data_type == "n":
        return shown(cell)
    return str(cell.value)


def headers(ws) -> list[str]:
    """The header row: the Summary's table starts on row 4, under the title and the period."""
    row = 4 if ws.title == "Summary" else 1
    return [str(c.value) for c in next(ws.iter_rows(min_row=row, max_row=row)) if c.value]


@pytest.mark.parametrize("name", ["pack", "results"])
def test_no_cell_shows_hashes_instead_of_its_number(printed, name):
    _, pdf = printed[name]
    assert pdf.pages
    assert "###" not in pdf.text
    if name == "pack":
        assert "35,100,000 journeys" in pdf.text  # NI 177's baseline


@pytest.mark.parametrize("name", ["pack", "results"])
def test_every_word_of_every_cell_is_printed_whole(printed, name):
    """A header cut by its neighbour ("Short-term tren"), a title cut at the column's edge or a
    number lost to "###" would each leave a word of the workbook missing from the print."""
    book, pdf = printed[name]
    expected = Counter()
    for sheet in book.sheetnames:
        for row in book[sheet].iter_rows():
            for cell in row:
                expected += pieces(shown_text(cell))
    missing = expected - pieces(" ".join(pdf.words()))
    assert not missing, f"cut or lost in print: {dict(missing.most_common(20))}"


@pytest.mark.parametrize("name", ["pack", "results"])
def test_each_sheet_prints_one_page_wide(printed, name):
    """Every printed page carries its sheet's first and last column headers: no page holds the
    right-hand columns of a sheet that ran over two pages across."""
    book, pdf = printed[name]
    edges = []
    for sheet in book.sheetnames:
        row = headers(book[sheet])
        edges.append((sheet, pieces(row[0]) + pieces(row[-1])))
    for number, page in enumerate(pdf.words(), start=1):
        found = pieces(page)
        assert any(not (edge - found) for _, edge in edges), (
            f"page {number} of {name} lacks the first or last column: {page[:200]}"
        )
    assert len(pdf.pages) >= len(book.sheetnames)
