"""Every cell of a workbook's table is set alike: one font family throughout, and the text of
a column indented and topped the same on a one-line row as on a wrapped one.

Seen in LibreOffice: bold headers and RAG letters fell back to a serif font (their font had no
name), and codes in one-line rows sat flush against the border while wrapped rows' were indented.
"""

import pytest

from reporting.exports import build_report
from reporting.render import render_xlsx
from tests.support.packs import cabinet_pack
from tests.support.reports import Xlsx

pytestmark = pytest.mark.django_db


@pytest.fixture(scope="module")
def pack(in_demo) -> Xlsx:
    return in_demo(lambda: Xlsx(render_xlsx(build_report(f"pack:{cabinet_pack().pk}", None))))


def test_every_filled_cell_names_its_font(pack):
    unnamed = [
        f"{name}!{cell.coordinate}"
        for name in pack.sheetnames
        for row in pack[name].iter_rows()
        for cell in row
        if cell.value is not None and not cell.font.name
    ]
    assert not unnamed, f"cells whose font has no name: {unnamed[:10]}"


def test_the_text_of_a_column_is_indented_alike_on_every_row(pack):
    ws = pack["Scorecard"]
    for column in ("A", "B", "C"):
        indents = {
            (cell.alignment.indent, cell.alignment.vertical)
            for cell in ws[column][1:]
            if isinstance(cell.value, str)
        }
        assert len(indents) == 1, f"column {column} mixes text alignments: {indents}"
