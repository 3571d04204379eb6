"""A report for a period shows that period and earlier ones, never later ones (DOMAIN.md, "What a
published figure is"): no later results, targets, commentary or empty future quarters, in any
annex and in any format: the preview, the PDF read back with pypdf, the workbook read back with
openpyxl.
"""

import re

import pytest

from reporting.exports import build_report
from reporting.render import render_pdf, render_xlsx
from scorecard.rules.periods import parse_period
from tests.support.packs import cabinet_pack
from tests.support.periods import period
from tests.support.reports import Pdf, Xlsx, words

pytestmark = pytest.mark.django_db

# Quarter and month labels: "2009/10 Q3", "Oct 2009". Years are checked row by row below,
# because titles such as "Deliver the 2009/10 VFM Programme" name years as words.
MONTHS = "Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec"
LABELS = re.compile(rf"\b\d{{4}}/\d{{2}} Q[1-4]\b|\b(?:{MONTHS}) \d{{4}}\b")


def later_than(text: str, label: str) -> set[str]:
    """The quarter and month labels in `text` for periods that end after `label` ends."""
    end = parse_period(label).end
    return {found for found in LABELS.findall(text) if parse_period(found).end > end}


def full_pack(label: str):
    return cabinet_pack(period=period(label), include_action_plans=True, include_measure_pages=True)


@pytest.fixture(scope="module")
def q2_files(in_demo):
    """The Q2 Cabinet pack with every annex, as PDF and as Excel."""

    def make():
        report = build_report(f"pack:{full_pack('2009/10 Q2').pk}", None)
        return Pdf(render_pdf(report)), Xlsx(render_xlsx(report))

    return in_demo(make)


def xlsx_text(workbook: Xlsx) -> str:
    return " ".join(
        str(cell.value)
        for ws in workbook.workbook.worksheets
        for row in ws.iter_rows()
        for cell in row
        if cell.value is not None
    )


def test_q2_pack_preview_shows_nothing_from_q3_or_later(demo_council, client, role_user):
    from scorecard.models import Role

    client.force_login(role_user(Role.COMMITTEE_CLERK))
    pack = full_pack("2009/10 Q2")
    page = words(re.sub(r"<[^>]+>", " ", client.get(f"/packs/{pack.pk}/preview/").content.decode()))
    assert "Measures needing attention" in page and "2009/10 Q2" in page
    assert later_than(page, "2009/10 Q2") == set()


def test_q2_pack_pdf_shows_nothing_from_q3_or_later(q2_files):
    pdf, _ = q2_files
    assert pdf.pages_with("BV 012: actual against target"), "the measure pages are printed"
    assert later_than(pdf.text, "2009/10 Q2") == set()


def test_q2_pack_workbook_shows_nothing_from_q3_or_later(q2_files):
    _, workbook = q2_files
    assert "Scorecard" in workbook.sheetnames
    assert later_than(xlsx_text(workbook), "2009/10 Q2") == set()


def test_q2_measure_pages_end_with_q2(demo_council):
    from reporting.reports import MeasurePagesSection

    report = build_report(f"pack:{full_pack('2009/10 Q2').pk}", None)
    (pages,) = [s for s in report.sections if isinstance(s, MeasurePagesSection)]
    assert pages.pages, "a Q2 pack has Red measures to show"
    for measure, history, chart in pages.pages:
        assert history[-1].period.label == "2009/10 Q2", measure.code
        assert chart.rows[-1][0] == "2009/10 Q2", measure.code
        assert all(row.period.end <= period("2009/10 Q2").end for row in history)


def test_q1_pack_shows_no_q2_result(demo_council):
    from reporting.render import render_html

    html = render_html(build_report(f"pack:{full_pack('2009/10 Q1').pk}", None)).decode()
    assert later_than(words(re.sub(r"<[^>]+>", " ", html)), "2009/10 Q1") == set()


def test_q1_scorecard_shows_last_years_gcse_not_the_summers(demo_council, tmp_path):
    """NI 75's 2009/10 figure is summer 2009's exams, known in Q2: a Q1 report cannot show it.
    The year is not over until Q4, so quarterly reports show the last year that is."""
    from tests.support.reports import by_code

    for label in ("2009/10 Q1", "2009/10 Q2"):
        rows = by_code(Xlsx(render_xlsx(build_report("scorecard", period(label))))["Scorecard"])
        assert rows["NI 75"]["Actual"].value == pytest.approx(50.2), label
    year_end = by_code(
        Xlsx(render_xlsx(build_report("scorecard", period("2009/10 Q4"))))["Scorecard"]
    )
    assert year_end["NI 75"]["Actual"].value == pytest.approx(52.1)


def test_the_results_export_stops_at_the_period_and_leaves_out_drafts(demo_council):
    from scorecard.models import Result
    from tests.support.reports import table

    Result.objects.filter(measure__code="BV 012", period__label="2009/10 Q1").update(status="draft")
    ws = Xlsx(render_xlsx(build_report("results", period("2009/10 Q2"))))["Results"]
    rows = [(row["Code"].value, row["Period"].value) for row in table(ws)]
    assert ("BV 012", "2009/10 Q2") in rows and ("NI 75", "2008/09") in rows
    assert ("BV 012", "2009/10 Q1") not in rows  # a draft
    assert all(parse_period(label).end <= period("2009/10 Q2").end for _, label in rows)
