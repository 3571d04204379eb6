"""The scorecard's short reason for each RAG, in its "Why" column, in HTML, PDF and Excel alike
(issue 12): one column definition, three formats."""

import re

import pytest

from reporting.exports import build_report
from reporting.render import render_html, render_pdf, render_xlsx
from tests.support.pages import parse
from tests.support.periods import period
from tests.support.reports import Xlsx, by_code, html_rows, pdf_table

pytestmark = pytest.mark.django_db

WORSE = re.compile(r"\d[\d,.]*(%| percentage points?| \w+) worse than target")


@pytest.fixture(scope="module")
def scorecard(in_demo):
    return in_demo(lambda: build_report("scorecard", period("2009/10 Q2")))


def test_the_html_annex_says_why_a_red_is_red(scorecard):
    row = next(r for r in html_rows(parse(render_html(scorecard))) if r["Code"] == "BV 012")

    assert row["RAG"] == "R Red"
    assert WORSE.fullmatch(row["Why"]), row["Why"]


def test_the_pdf_prints_the_same_reason_under_why(scorecard):
    html = next(r for r in html_rows(parse(render_html(scorecard))) if r["Code"] == "BV 012")
    headers = [col.header for col in scorecard.table_sections[0].columns]

    rows = pdf_table(render_pdf(scorecard), headers)

    row = next(r for r in rows if r["Code"] == "BV 012")
    assert row["Why"] == html["Why"]


def test_the_spreadsheet_has_the_reason_beside_the_rag_letter(scorecard):
    html = next(r for r in html_rows(parse(render_html(scorecard))) if r["Code"] == "BV 012")

    row = by_code(Xlsx(render_xlsx(scorecard))["Scorecard"])["BV 012"]

    assert row["RAG"].value == "R"  # still filtered by its letter
    assert row["Why"].value == html["Why"]
