"""Every report's rows and its summary count the same items, in every format.

For the demo council, a generated council, and a council whose objectives name no plan (Cherwell's
plan imported without its Plan column), each report is rendered as HTML, PDF and Excel; the
summary is read back from the cover (or the Summary sheet) and the RAGs from the rows shown, and
the two must agree: an item counted is an item shown, and an item shown is counted.
"""

import csv
from dataclasses import dataclass
from pathlib import Path

import pytest
from django.conf import settings
from django.core.management import call_command
from django.db import transaction

from reporting.exports import build_report
from reporting.models import ReportPack
from reporting.render import render_html, render_pdf, render_xlsx
from scorecard.bench.generated_council import write_generated_council
from scorecard.models import CouncilSettings, ReportingPeriod
from scorecard.workbook.importer import workbook_import
from tests.support.pages import parse
from tests.support.reports import (
    STATUS_WORDS,
    Pdf,
    Xlsx,
    html_rows,
    html_summary,
    pdf_summary,
    pdf_table,
    status_word,
    table,
    tally,
    xlsx_rows,
    xlsx_summary,
)

pytestmark = pytest.mark.django_db

CHERWELL = Path(settings.BASE_DIR) / "fixtures" / "demo" / "30-cherwell-cip-2009-10"
KINDS = ["scorecard", "improvement-plan", "exceptions", "action-plans", "pack"]
COUNCILS = {"demo": "2009/10 Q2", "generated": "2025/26 Q4", "no plans": "2009/10 Q3"}
# The exceptions annex lists only what is Red or missing: those are the counts it must match.
COMPARED = {"exceptions": ["Red", "No Current Information"]}


@dataclass
class Rendered:
    period: str
    headers: list[list[str]]  # each annex table's column headers, for reading the PDF back
    html: bytes
    pdf: bytes
    xlsx: bytes


def load_demo(folder: Path) -> None:
    call_command("load_demo", "--force", verbosity=0)


def load_generated(folder: Path) -> None:
    write_generated_council(folder, measures=48, years=2, actions=36)
    workbook_import(path=folder)


def load_cherwell_without_plans(folder: Path) -> None:
    """Cherwell's objectives and actions, imported from sheets that have no Plan column (nor
    the demo's updaters and directorates, who are not in this council)."""
    for name, dropped in (
        ("Objectives.csv", {"Plan"}),
        ("Actions.csv", {"Updaters", "Directorate"}),
        ("Action updates.csv", set()),
    ):
        with (CHERWELL / name).open(encoding="utf-8") as source:
            read = csv.DictReader(source)
            rows = [{k: v for k, v in r.items() if k not in dropped} for r in read]
        with (folder / name).open("w", newline="", encoding="utf-8") as target:
            writer = csv.DictWriter(target, fieldnames=list(rows[0]))
            writer.writeheader()
            writer.writerows(rows)
    workbook_import(path=folder)


LOADERS = {"demo": load_demo, "generated": load_generated, "no plans": load_cherwell_without_plans}


def render(kind: str, label: str) -> Rendered:
    period = ReportingPeriod.objects.get(label=label)
    if kind == "pack":
        pack = ReportPack.objects.create(
            title="Pack", period=period, include_exceptions=False, include_measure_pages=True
        )
        report = build_report(f"pack:{pack.pk}", None)
    else:
        report = build_report(kind, period)
    headers = [[c.header for c in s.columns] for s in report.table_sections]
    unique = [h for i, h in enumerate(headers) if h not in headers[:i]]
    return Rendered(label, unique, render_html(report), render_pdf(report), render_xlsx(report))


@pytest.fixture(scope="module")
def rendered(django_db_setup, django_db_blocker, tmp_path_factory):
    """Each council loaded in turn, its reports rendered, then rolled back."""
    found = {}
    with django_db_blocker.unblock():
        for council, loader in LOADERS.items():
            atomic = transaction.atomic()
            atomic.__enter__()
            try:
                CouncilSettings.load()
                loader(tmp_path_factory.mktemp(council.replace(" ", "-")))
                for kind in KINDS:
                    found[council, kind] = render(kind, COUNCILS[council])
            finally:
                transaction.set_rollback(True)
                atomic.__exit__(None, None, None)
    return found


def shown(rows: list[dict[str, str]], period: str) -> dict[str, int]:
    """The RAGs shown in the status column: "RAG", or the latest quarter of a plan table."""
    statuses = []
    for row in rows:
        column = "RAG" if "RAG" in row else period if period in row else None
        if column is not None:
            statuses.append(status_word(row[column]))
    return tally(statuses)


def compare(kind: str, summary: dict[str, int], rows: dict[str, int]) -> None:
    words = COMPARED.get(kind, STATUS_WORDS)
    assert {w: rows[w] for w in words} == {w: summary[w] for w in words}


@pytest.mark.parametrize("kind", KINDS)
@pytest.mark.parametrize("council", list(COUNCILS))
def test_the_html_rows_add_up_to_its_summary(rendered, council, kind):
    made = rendered[council, kind]
    root = parse(made.html)
    compare(kind, html_summary(root), shown(html_rows(root), made.period))


@pytest.mark.parametrize("kind", KINDS)
@pytest.mark.parametrize("council", list(COUNCILS))
def test_the_pdf_rows_add_up_to_its_summary(rendered, council, kind):
    made = rendered[council, kind]
    rows = [row.cells for headers in made.headers for row in pdf_table(made.pdf, headers)]
    compare(kind, pdf_summary(made.pdf), shown(rows, made.period))


@pytest.mark.parametrize("kind", KINDS)
@pytest.mark.parametrize("council", list(COUNCILS))
def test_the_excel_rows_add_up_to_its_summary(rendered, council, kind):
    made = rendered[council, kind]
    book = Xlsx(made.xlsx)
    compare(kind, xlsx_summary(book), shown(xlsx_rows(book), made.period))


def test_actions_in_no_plan_are_shown_under_their_top_level_objectives(rendered):
    root = parse(rendered["no plans", "improvement-plan"].html)
    headings = [th.text for th in root.find_all("tr", class_="group-heading")]
    assert headings[:2] == [
        "Be Recognised as an Excellent Authority (8)",
        "Deliver Value for Money (2)",
    ]
    assert "Not in any plan" in [h2.text for h2 in root.find_all("h2")]


@pytest.mark.parametrize("council", list(COUNCILS))
def test_each_red_measure_in_the_scorecard_has_its_page(rendered, council):
    made = rendered[council, "pack"]
    root = parse(made.html)
    reds = [
        row["Code"]
        for row in html_rows(root)
        if "Baseline" in row and status_word(row["RAG"]) == "Red"
    ]
    pages = [div.find("h3").text for div in root.find_all("div", class_="measure-page")]
    assert [page.split(" ")[0] for page in pages] == sorted(code.split(" ")[0] for code in reds)
    bookmarks = Pdf(made.pdf).outline()
    assert [t for t in bookmarks if t in pages] == pages
    sheet = Xlsx(made.xlsx)["Measure pages"] if pages else None
    histories = {row["Code"].value for row in table(sheet)} if sheet else set()
    assert sorted(histories) == sorted(reds)


def green_and_amber(rows: list[dict[str, str]], period: str) -> int:
    counts = shown(rows, period)
    return counts["Green"] + counts["Amber"]


@pytest.mark.parametrize("council", list(COUNCILS))
def test_each_plan_tables_footer_counts_its_own_rows(rendered, council):
    """Cherwell's footer, "Number Green and Amber", counts the table above it: HTML, PDF, Excel."""
    made = rendered[council, "improvement-plan"]
    found = {
        "html": html_footers(made.html, made.period),
        "pdf": pdf_footers(made.pdf, made.headers, made.period),
        "excel": excel_footers(made.xlsx, made.period),
    }
    assert found["html"], "the report has no improvement-plan table"
    for counts in found.values():
        assert len(counts) == len(found["html"])
        assert all(printed == counted for printed, counted in counts), counts


def html_footers(html: bytes, period: str) -> list[tuple[int, int]]:
    """Each table's printed "Number Green and Amber", with the Green and Amber rows above it."""
    from tests.support.pages import body_rows, cells, headers

    found = []
    for tbl in parse(html).find_all("table"):
        if tbl.find("thead") is None:
            continue
        names = headers(tbl)
        printed = dict(cells(tr) for tr in body_rows(tbl) if "footer-row" in tr.classes)
        plain = [
            dict(zip(names, cells(tr), strict=True)) for tr in body_rows(tbl) if not tr.classes
        ]
        if "Number Green and Amber" in printed:
            found.append((int(printed["Number Green and Amber"]), green_and_amber(plain, period)))
    return found


def pdf_footers(pdf: bytes, tables: list[list[str]], period: str) -> list[tuple[int, int]]:
    found, above = [], []
    for row in (r for headers in tables for r in pdf_table(pdf, headers, footers=True)):
        if row.footer is None:
            above.append(row.cells)
        elif row.footer[0] == "Number Green and Amber":
            found.append((int(row.footer[1]), green_and_amber(above, period)))
            above = []
    return found


def excel_footers(xlsx: bytes, period: str) -> list[tuple[int, int]]:
    book, found = Xlsx(xlsx), []
    for name in book.sheetnames[1:]:  # after the Summary sheet, which counts the whole report
        values = {r[0].value: r[1].value for r in book[name].iter_rows() if len(r) > 1}
        if "Number Green and Amber" in values:
            rows = [r for r in xlsx_rows(book) if r.get("_sheet") == name]
            found.append((values["Number Green and Amber"], green_and_amber(rows, period)))
    return found
