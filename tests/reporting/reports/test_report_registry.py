"""The registry of reports (`reporting/exports.py`): every registered report is built by its
name and printed in every format, and `export_report` offers exactly the registered names
meant for the command line."""

import re

import pytest
from django.core.management import CommandError, call_command

from reporting.exports import REPORTS, build_report, command_names
from reporting.render import RENDERERS
from reporting.render.html import render_html
from scorecard.models import Plan
from tests.support.periods import period
from tests.support.reports import Xlsx

pytestmark = pytest.mark.django_db

# What each page-only report is given by its page.
OPTIONS = {
    "items": lambda: {"items": None},
    "plan": lambda: {"plan": Plan.objects.get(code="CIP-2009"), "labels": ["2009/10 Q2"]},
}


@pytest.fixture(scope="module")
def documents(in_demo):
    """Every registered report for 2009/10 Q2, in every format."""

    def render_all():
        made = {}
        for name in REPORTS:
            options = OPTIONS.get(name, dict)()
            report = build_report(name, period("2009/10 Q2"), **options)
            made[name] = {fmt: render(report) for fmt, render in RENDERERS.items()}
        return made

    return in_demo(render_all)


EVERY_REPORT = [
    "scorecard",
    "improvement-plan",
    "exceptions",
    "action-plans",
    "results",
    "benchmarking",
    "risk-matrix",
    "measure-pages",
    "value-for-money",
    "items",
    "plan",
    "pack",
]


@pytest.mark.parametrize("name", EVERY_REPORT)
def test_every_registered_report_prints_in_every_format(documents, name):
    files = documents[name]
    assert files["pdf"].startswith(b"%PDF-")
    assert files["html"].startswith(b"<!DOCTYPE html>")
    assert Xlsx(files["xlsx"]).sheetnames[0] == "Summary"
    assert len(Xlsx(files["xlsx"]).sheetnames) >= 2, f"{name} has no table in its workbook"


def test_the_registry_holds_every_report_a_page_or_pack_asks_for():
    assert list(REPORTS) == EVERY_REPORT


def test_a_pack_prints_its_annexes_in_the_order_the_reports_are_registered(in_demo):
    html = in_demo(lambda: render_html(build_report("pack", period("2009/10 Q2")))).decode()
    headings = re.findall(r'<h2 id="section-\d+">([^<]+)</h2>', html)
    annexes = [h for h in headings if h in {"Balanced scorecard", "Exceptions"}]
    assert annexes == ["Balanced scorecard", "Exceptions"]
    assert headings[-1] == "Measures needing attention"


def test_the_command_offers_exactly_the_registered_command_line_reports():
    assert command_names() == [
        "scorecard",
        "improvement-plan",
        "exceptions",
        "action-plans",
        "results",
        "benchmarking",
        "risk-matrix",
        "value-for-money",
        "pack",
    ]


@pytest.mark.parametrize("name", ["items", "plan", "measure-pages"])
def test_a_page_only_report_is_not_offered_on_the_command_line(demo_council, tmp_path, name):
    out = tmp_path / "out.html"
    with pytest.raises(CommandError, match=re.escape(f"Unknown report {name!r}")):
        call_command(
            "export_report", name, "--period", "2009/10 Q2", "--format", "html", "-o", str(out)
        )
    assert not out.exists()
