"""The risk matrix as a report: `export_report risk-matrix` as PDF and Excel, read back."""

import pytest
from django.core.management import call_command

from reporting.exports import REPORTS
from tests.support.reports import Pdf, Xlsx, table
from tests.support.risk import Q2, scored_council

pytestmark = pytest.mark.django_db


@pytest.fixture
def scored(council):
    return scored_council()


def export(tmp_path, fmt: str) -> bytes:
    out = tmp_path / f"risk.{fmt}"
    call_command(
        "export_report",
        "risk-matrix",
        "--period",
        Q2,
        "--format",
        fmt,
        "-o",
        str(out),
        verbosity=0,
    )
    return out.read_bytes()


def test_the_risk_matrix_is_a_registered_report_with_an_annex():
    report = REPORTS["risk-matrix"]
    assert report.on_command_line and report.annex is not None


def test_the_excel_export_has_the_grid_the_bands_and_the_high_risks(scored, tmp_path):
    book = Xlsx(export(tmp_path, "xlsx"))
    grid = {row["Likelihood"].value: row for row in table(book["Risk matrix"])}
    assert grid["Likelihood 4"]["Impact 4"].value == "1: High (16)"
    assert grid["Likelihood 2"]["Impact 3"].value == "1: Medium (6)"
    assert grid["Likelihood 5"]["Impact 4"].value == "0: High (20)"  # provisional: not counted
    bands = {row["Band"].value: row["Targets"].value for row in table(book["Risk bands"])}
    assert bands == {"Low": 1, "Medium": 1, "High": 1}
    [high] = table(book["High risks"])
    assert high["Code"].value == "NI 192"
    assert high["Since the period before"].value == "Up from 9 to 16"
    assert "PAP-3: PAP-3.1 Run the residents' panel" in high["Action plans"].value


def test_the_pdf_prints_the_matrix_and_says_what_is_provisional(scored, tmp_path):
    pdf = Pdf(export(tmp_path, "pdf"))
    assert "Risk matrix, 2009/10 Q2 (likelihood down, impact across)" in pdf.text
    assert "1: High (16)" in pdf.text
    assert "Bands: Low 1–4, Medium 5–12, High 15–" in pdf.text  # 25 wraps to a new line
    assert "Provisional: 1 further risk score is awaiting approval" in pdf.text
    assert "Up from 9 to 16" in pdf.text
