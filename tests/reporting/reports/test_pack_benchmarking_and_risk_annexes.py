"""A report pack's benchmarking and risk-matrix annexes (issue 11), in the PDF and the
workbook, read back; and a pack's short tables sharing a page instead of one page each."""

import pytest

from reporting.exports import build_report
from reporting.forms import PackForm
from reporting.models import ReportPack
from reporting.render import render_pdf, render_xlsx
from scorecard.models import Measure, Result
from tests.support.benchmarking import import_csv, neighbours
from tests.support.councils import small_council
from tests.support.periods import period
from tests.support.reports import Pdf, Xlsx, by_code, table

pytestmark = pytest.mark.django_db
Q2 = "2009/10 Q2"


@pytest.fixture
def council_pack(council):
    """NI 192 (45% in Q2) benchmarked a year ago and now; two risk scores in Q2."""
    small_council()
    Measure.objects.filter(code="NI 192").update(external_indicator="LGI 192")
    # A year ago 45% was 1st of 5 (top quartile); now 45% is 4th of 5 (third quartile).
    import_csv(
        *neighbours("LGI 192", "2008/09 Q2", "30", "35", "20", "41"),
        *neighbours("LGI 192", Q2, "50", "55", "30", "60"),
    )
    scores = Result.objects.filter(period__label=Q2)
    scores.filter(measure__code="NI 192").update(risk_likelihood=4, risk_impact=4)
    scores.filter(measure__code="NI 191").update(risk_likelihood=2, risk_impact=3)
    return ReportPack.objects.create(
        title="Q2 performance",
        committee="Cabinet",
        period=period(Q2),
        going_well="All is well.",
        include_scorecard=False,
        include_improvement_plan=False,
        include_exceptions=False,
        include_benchmarking=True,
        include_risk_matrix=True,
    )


@pytest.fixture
def pack_pdf(council_pack) -> Pdf:
    return Pdf(render_pdf(build_report(f"pack:{council_pack.pk}", None)))


def test_the_pack_form_offers_both_annexes(council):
    fields = PackForm().fields
    assert fields["include_benchmarking"].label == "Benchmarking against comparators"
    assert fields["include_risk_matrix"].label == "Risk matrix"


def test_the_pdf_annex_counts_quartiles_and_movement_then_lists_each_measure(pack_pdf):
    text = pack_pdf.text
    assert "ANNEX 1 Benchmarking against Nearest neighbours: summary" in text
    assert "Third quartile 1" in text
    assert "Moved down 1" in text
    assert "NI 192 Household waste recycled 2009/10 Q2 45.0% 4 5 3 50.0%" in text
    assert "Down from top quartile" in text


def test_the_pdf_annex_prints_the_risk_matrix(pack_pdf):
    text = pack_pdf.text
    assert "ANNEX 2 Risk matrix, 2009/10 Q2 (likelihood down, impact across)" in text
    assert "1: High (16)" in text
    assert "1: Medium (6)" in text
    assert "ANNEX 3" not in text  # one annex however many tables it has


def test_an_annexs_short_tables_share_a_page(pack_pdf):
    """The summary sits above the measures' table, the bands under the matrix: a table
    starts a page only where an annex starts (or the paper turns)."""
    summary = pack_pdf.pages_with("Benchmarking against Nearest neighbours: summary")
    assert summary == pack_pdf.pages_with("Each measure's position in Nearest neighbours")
    matrix = pack_pdf.pages_with("Risk matrix, 2009/10 Q2")
    assert matrix == pack_pdf.pages_with("Targets by risk band, 2009/10 Q2")
    assert matrix == pack_pdf.pages_with("High-risk targets")
    assert summary[0] < matrix[0]  # the next annex still starts a page of its own


def test_the_contact_signs_off_after_the_narrative_not_after_an_annex(pack_pdf):
    [signed] = pack_pdf.pages_with("All is well.")
    assert "ANNEX 1" not in pack_pdf.pages[signed]


def test_the_workbook_carries_both_annexes(council_pack):
    book = Xlsx(render_xlsx(build_report(f"pack:{council_pack.pk}", None)))
    counts = {row["Position"].value: row["Measures"].value for row in table(book["Quartiles"])}
    assert counts["Third quartile"] == 1
    assert counts["Moved down"] == 1
    ni = by_code(book["Benchmarking"])["NI 192"]
    assert (ni["Rank"].value, ni["Of"].value, ni["Quartile"].value) == (4, 5, 3)
    grid = {row["Likelihood"].value: row for row in table(book["Risk matrix"])}
    assert grid["Likelihood 4"]["Impact 4"].value == "1: High (16)"
    bands = {row["Band"].value: row["Targets"].value for row in table(book["Risk bands"])}
    assert bands == {"Low": 0, "Medium": 1, "High": 1}
    assert [row["Code"].value for row in table(book["High risks"])] == ["NI 192"]


def test_a_pack_without_the_boxes_has_neither_annex(council_pack):
    council_pack.include_benchmarking = council_pack.include_risk_matrix = False
    council_pack.include_scorecard = True
    council_pack.save()
    book = Xlsx(render_xlsx(build_report(f"pack:{council_pack.pk}", None)))
    assert "Benchmarking" not in book.sheetnames
    assert "Risk matrix" not in book.sheetnames
