"""`manage.py export_report pack --period P --format pdf|xlsx|html -o FILE [--provisional]`: the
council's default pack for a period (cover, drafted narrative, every annex), built without being
saved; approved figures only unless `--provisional` asks for the provisional ones, marked."""

import re

import pytest
from django.core.management import CommandError, call_command

from reporting.models import ReportPack
from scorecard.models import Result
from tests.support.reports import Pdf, Xlsx, by_code, words

pytestmark = pytest.mark.django_db

ANNEXES = (
    "Balanced scorecard",
    "Exceptions",
    "Priority action plans",
    "Measures needing attention",
)


def export(tmp_path, fmt: str, *extra: str, period: str = "2009/10 Q2") -> bytes:
    out = tmp_path / f"pack.{fmt}"
    call_command(
        "export_report",
        "pack",
        "--period",
        period,
        "--format",
        fmt,
        "-o",
        str(out),
        *extra,
        verbosity=0,
    )
    return out.read_bytes()


def test_the_pack_is_written_as_a_pdf_with_cover_narrative_and_every_annex(demo_council, tmp_path):
    pdf = Pdf(export(tmp_path, "pdf"))
    assert "Performance report: 2009/10 Q2" in pdf.pages[0]
    assert "What is going well?" in pdf.text and "Recommendation" in pdf.text
    for heading in (*ANNEXES, "Corporate Improvement Plan 2009/10"):
        assert heading in pdf.outline(), heading
    assert ReportPack.objects.count() == 0  # nothing saved


def test_the_pack_is_written_as_a_workbook(demo_council, tmp_path):
    workbook = Xlsx(export(tmp_path, "xlsx"))
    assert workbook["Summary"]["A1"].value == "Performance report: 2009/10 Q2"
    assert {"Scorecard", "Exceptions", "Action plans", "Plan CIP-2009"} <= set(workbook.sheetnames)


def test_the_pack_is_written_as_html(demo_council, tmp_path):
    text = words(re.sub(r"<[^>]+>", " ", export(tmp_path, "html").decode()))
    assert "What requires attention?" in text
    assert all(heading in text for heading in ANNEXES)


def test_provisional_figures_are_left_out_unless_asked_for(demo_council, tmp_path):
    Result.objects.filter(measure__code="BV 012", period__label="2009/10 Q2").update(
        status="submitted"
    )
    rows = by_code(Xlsx(export(tmp_path, "xlsx"))["Scorecard"])
    assert rows["BV 012"]["Actual"].value is None
    assert "Awaiting approval" in rows["BV 012"]["RAG"].value
    rows = by_code(Xlsx(export(tmp_path, "xlsx", "--provisional"))["Scorecard"])
    assert rows["BV 012"]["Actual"].value == pytest.approx(8.6)
    assert "Provisional" in rows["BV 012"]["RAG"].value


def test_the_pack_needs_a_period(demo_council, tmp_path):
    out = tmp_path / "pack.pdf"
    with pytest.raises(CommandError, match="Give --period"):
        call_command("export_report", "pack", "-o", str(out), verbosity=0)
    assert not out.exists()
