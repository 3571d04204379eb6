"""A report as a document: a cover and a list of sections, which every renderer formats.

Each section type says what it is (`kind`: the HTML renderer's template for it) and what a
spreadsheet makes of it (`sheets`: the tables it is written as, one sheet each). The builders
in `reporting/reports/sections.py` and `reporting/reports/plans.py` fill both, so a renderer
formats what it is given and never builds rows of its own.
"""

from dataclasses import dataclass, field
from datetime import date
from typing import ClassVar

from actionplans.models import Recommendation
from scorecard.models import Measure, Plan, ReportingPeriod
from scorecard.rules.summaries import RagSummary

from ..charts import Chart
from ..tables import Col


@dataclass
class TableSection:
    kind: ClassVar[str] = "table"
    title: str
    columns: tuple[Col, ...]
    groups: list[tuple[str, list]]  # (heading, rows); one group with heading "" when flat
    footer: list[tuple[str, str]] = field(default_factory=list)
    note: str = ""
    landscape: bool = True
    sheet: str = ""  # the Excel sheet name; the title when blank
    # Columns only the spreadsheet carries, after the printed ones: an analyst's file has room
    # for why each RAG is what it is, a printed page does not.
    sheet_columns: tuple[Col, ...] = ()
    # Part of the section before it: the same annex, so no annex number of its own and no
    # new page (a short table under a short table, not alone on a page).
    continues: bool = False

    @property
    def sheet_cols(self) -> tuple[Col, ...]:
        return (*self.columns, *self.sheet_columns)

    @property
    def rows(self) -> list:
        return [row for _, rows in self.groups for row in rows]

    @property
    def sheets(self) -> list["TableSection"]:
        return [self]


@dataclass
class NarrativeSection:
    kind: ClassVar[str] = "narrative"
    title: str
    text: str
    landscape: bool = False

    @property
    def sheets(self) -> list[TableSection]:
        return []  # the narrative is the document's; the workbook carries the figures


@dataclass
class ActionPlanSection:
    """An inspection's action plan: recommendations, their findings and further actions."""

    kind: ClassVar[str] = "action_plan"
    title: str
    plan: Plan
    recommendations: list[Recommendation]
    table: TableSection  # the same, a row per further action, for a spreadsheet
    landscape: bool = False

    @property
    def sheets(self) -> list[TableSection]:
        return [self.table]


@dataclass
class MeasurePagesSection:
    kind: ClassVar[str] = "measure_pages"
    title: str
    pages: list[tuple[Measure, list, Chart]]
    landscape: bool = False
    note: str = ""  # says so when some Red measures were left out
    table: TableSection | None = None  # the pages' figures, a row per measure and period

    @property
    def sheets(self) -> list[TableSection]:
        return [self.table] if self.table else []


Section = TableSection | NarrativeSection | ActionPlanSection | MeasurePagesSection


@dataclass
class Report:
    title: str
    council: str
    period: ReportingPeriod
    summary: RagSummary
    sections: list[Section] = field(default_factory=list)
    committee: str = ""
    meeting_date: date | None = None
    agenda_item: str = ""
    report_by: str = ""
    contact: str = ""
    # Figures submitted but not yet approved are in, each marked "Provisional"; otherwise
    # each such item is counted as awaiting approval.
    include_provisional: bool = False

    @property
    def running_header(self) -> str:
        parts = [self.council, self.committee]
        if self.meeting_date:
            parts.append(f"{self.meeting_date:%-d %B %Y}")
        return " – ".join(part for part in parts if part)

    @property
    def table_sections(self) -> list[TableSection]:
        return [s for s in self.sections if isinstance(s, TableSection)]
