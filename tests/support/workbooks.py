"""Write a plan workbook as users do, and count what the database holds.

A workbook is given as ``{sheet name: [header row, row, …]}`` and written either as a folder of
.csv files or as an .xlsx file; in the .xlsx, numbers and ISO dates are stored as numbers and
dates, as Excel stores what a user types.
"""

import csv
import re
from datetime import date
from pathlib import Path

from django.apps import apps
from openpyxl import Workbook

from scorecard.models import Result

Sheets = dict[str, list[list]]


_NUMBER = re.compile(r"^-?\d+(\.\d+)?$")
_ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")


def write_csv_folder(folder: Path, sheets: Sheets) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    for name, rows in sheets.items():
        with (folder / f"{name}.csv").open("w", newline="", encoding="utf-8") as handle:
            csv.writer(handle).writerows(
                [["" if value is None else str(value) for value in row] for row in rows]
            )
    return folder


def _as_excel_stores_it(value):
    if not isinstance(value, str):
        return value
    if _NUMBER.match(value):
        return float(value) if "." in value else int(value)
    if _ISO_DATE.match(value):
        return date.fromisoformat(value)
    return value if value else None


def write_xlsx(path: Path, sheets: Sheets) -> Path:
    workbook = Workbook()
    workbook.remove(workbook.active)
    for name, rows in sheets.items():
        ws = workbook.create_sheet(name)
        for number, row in enumerate(rows, start=1):
            for column, value in enumerate(row, start=1):
                value = value if number == 1 else _as_excel_stores_it(value)
                if value is None:
                    continue
                cell = ws.cell(row=number, column=column, value=value)
                if isinstance(value, str) and value.startswith("="):
                    cell.data_type = "s"  # text a user typed after an apostrophe, not a formula
    workbook.save(path)
    return path


def row_counts() -> dict[str, int]:
    """How many rows every table holds, many-to-many link tables included."""
    return {
        model._meta.label: model._default_manager.count()
        for model in apps.get_models(include_auto_created=True)
    }


MEASURE_COLUMNS = [
    "Code",
    "Title",
    "Definition",
    "Objective",
    "Directorate",
    "Lead officer",
    "Updaters",
    "Perspective",
    "Family",
    "Polarity",
    "Unit",
    "Decimal places",
    "Frequency",
    "Cumulative",
    "Baseline",
    "Baseline period",
    "RAG method",
    "Tolerance",
    "Published",
    "Data quality",
]


def table(headers: list[str], *rows: dict[str, str]) -> list[list[str]]:
    """A sheet from its headers and rows given by header; a header a row leaves out is blank."""
    return [list(headers), *([row.get(header, "") for header in headers] for row in rows)]


def council_workbook() -> Sheets:
    """A small framework drawn from the seed documents: Cherwell's CIP and Oxfordshire's CPA plan.

    A fresh copy each call, so a test may change it.
    """
    return {
        "Directorates": [
            ["Name", "Code"],
            ["Environment & Economy", "EE"],
            ["Resources", "RES"],
        ],
        "Officers": [
            ["Username", "Name", "Email", "Job title", "Directorate", "Roles"],
            [
                "scapaldi",
                "Stephen Capaldi",
                "stephen.capaldi@council.example",
                "Head of Performance and Review",
                "Resources",
                "Performance team, Officer",
            ],
            [
                "wbin",
                "Wendy Bin",
                "wendy.bin@council.example",
                "Waste Strategy Officer",
                "Environment & Economy",
                "Officer",
            ],
        ],
        "Perspectives": [["Name", "Order"], ["Partnerships", "5"]],
        "Plans": [
            ["Code", "Title", "Vision", "Period"],
            [
                "CIP-2009",
                "Corporate Improvement Plan 2009/10",
                "An excellent authority",
                "2009/10",
            ],
            ["CPA-2002", "CPA Improvement Plan 2002", "", "2002/03 - 2003/04"],
        ],
        "Objectives": [
            ["Code", "Title", "Parent", "Plan", "Lead officer", "Directorate", "Order"],
            [
                "CIP01",
                "Be Recognised as an Excellent Authority",
                "",
                "CIP-2009",
                "Stephen Capaldi",
                "Resources",
                "1",
            ],
            ["CIP01.1", "Respond to the Place Survey", "CIP01", "", "Chief Executive", "", ""],
            ["CIP01.1.1", "Publish the survey results", "CIP01.1", "", "", "", ""],
            ["CPA-P1", "Priority 1: Forward planning", "", "CPA-2002", "", "", "4"],
        ],
        "Measures": table(
            MEASURE_COLUMNS,
            {
                "Code": "NI 191",
                "Title": "Residual household waste per household",
                "Definition": "Kg of waste not reused, recycled or composted",
                "Objective": "CIP01, CIP01.1",
                "Directorate": "Environment & Economy",
                "Lead officer": "wbin",
                "Updaters": "wbin, scapaldi",
                "Perspective": "Customer",
                "Family": "National",
                "Polarity": "Lower is better",
                "Unit": "kg",
                "Decimal places": "0",
                "Frequency": "Quarterly",
                "Cumulative": "Yes",
                "Baseline": "480",
                "Baseline period": "2008/09",
                "RAG method": "Tolerance",
                "Tolerance": "10%",
                "Published": "Yes",
                "Data quality": "WasteDataFlow returns",
            },
            {
                "Code": "NI 192",
                "Title": "Household waste reused, recycled or composted",
                "Objective": "CIP01.1",
                "Directorate": "Environment & Economy",
                "Lead officer": "Stephen Capaldi",
                "Updaters": "wbin",
                "Perspective": "Partnerships",
                "Family": "National",
                "Polarity": "Higher is better",
                "Unit": "%",
                "Decimal places": "1",
                "Frequency": "Quarterly",
                "Cumulative": "Yes",
                "RAG method": "Tolerance with improvement",
                "Tolerance": "5",
                "Published": "No",
            },
            {
                "Code": "CIP J1",
                "Title": "Place Survey response plan agreed",
                "Objective": "CIP01.1.1",
                "Lead officer": "Head of Customer Services",
                "Perspective": "Projects",
                "Family": "Corporate",
                "RAG method": "Judgement",
            },
            # Every optional cell blank: each field takes its default.
            {"Code": "BV 012", "Title": "Working days lost to sickness per FTE"},
        ),
        "Targets": [
            ["Code", "Period", "Target"],
            ["NI 191", "2009/10 Q2", "459"],
            ["NI 192", "2009/10 Q2", "40"],
            ["BV 012", "2009/10", "9.5"],
        ],
        "Results": [
            [
                "Code",
                "Period",
                "Actual",
                "RAG",
                "Commentary",
                "Corrective action",
                "Likelihood",
                "Impact",
                "Status",
            ],
            [
                "NI 191",
                "2009/10 Q2",
                "474",
                "G",
                "Garden waste tonnage fell",
                "Promote home composting",
                "3",
                "4",
                "",
            ],
            ["NI 192", "2008/09 Q2", "30", "", "", "", "", "", "Approved"],
            ["NI 192", "2009/10 Q2", "33.5", "", "Improving", "", "", "", "Submitted"],
            ["CIP J1", "2009/10 Q2", "", "Red", "Survey delayed", "", "", "", "Draft"],
            ["BV 012", "2009/10", "10.2", "", "", "", "", "", ""],
        ],
        "Action plans": [
            ["Code", "Title", "Objective", "Lead officer", "Directorate"],
            ["PAP-PS", "Place Survey action plan", "CIP01.1", "scapaldi", "Resources"],
        ],
        "Recommendations": [
            ["Plan", "Code", "Text", "Objective", "Order", "Current position"],
            [
                "CPA-2002",
                "1a",
                "Articulate a vision for Oxfordshire",
                "CPA-P1",
                "1",
                "Vision drafted; consultation under way",
            ],
            ["CPA-2002", "1c", "Identify a range of priority targets", "CPA-P1", "2", ""],
            ["CIP-2009", "1a", "Improve satisfaction with the council", "CIP01", "1", ""],
        ],
        "Findings": [
            ["Plan", "Code", "Text", "Category", "Recommendation"],
            ["CPA-2002", "3", "Key objectives not sufficiently explained", "Ambition", "1a"],
            ["CPA-2002", "4", "Objectives do not clarify national priorities", "Ambition", ""],
            ["CIP-2009", "3", "Satisfaction below the national average", "Customer", "1a"],
        ],
        "Actions": [
            [
                "Code",
                "Title",
                "Objective",
                "Action plan",
                "Lead officer",
                "Updaters",
                "Directorate",
                "Due",
                "Timescale",
                "Current position",
                "Further action",
                "Addresses",
                "Recommendation",
            ],
            [
                "CPA-1a.1",
                "Incorporate 'Our Aim' in the draft Oxfordshire Plan",
                "CPA-P1",
                "",
                "Stephen Capaldi",
                "scapaldi",
                "Resources",
                "2002-11-30",
                "Nov 02",
                "Vision / Aim has been drafted and circulated",
                "Publish the plan",
                "(1a) (3)",
                "1a",
            ],
            [
                "CIP01.1.3",
                "Respond to the Place Survey findings.",
                "CIP01.1",
                "PAP-PS",
                "Head of Customer Services",
                "wbin, scapaldi",
                "",
                "",
                "July / Nov 03 / Jan / May 04",
                "",
                "",
                "1a, 3",
                "",
            ],
        ],
        "Action updates": [
            ["Code", "Period", "RAG", "Commentary", "Status"],
            ["CIP01.1.3", "2009/10 Q2", "G", "", "Approved"],
            ["CIP01.1.3", "2009/10 Q3", "r", "Satisfaction measured annually", ""],
            ["CPA-1a.1", "2009/10 Q2", "Amber", "Consultation running late", "Submitted"],
        ],
    }


def result(code: str, label: str) -> Result:
    """The measure's result in the period, as imported."""
    return Result.objects.get(measure__code=code, period__label=label)
