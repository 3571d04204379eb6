"""The sections about measures: the balanced scorecard, the exceptions, the results as data
and a page per Red measure. Each is built from the selectors' rows; the renderers format it."""

from dataclasses import dataclass

from scorecard.models import Measure, ReportingPeriod
from scorecard.rules.rag import Status, status_of

from ..items import Item
from ..pages import measure_chart, measure_history, scorecard_sections
from ..scorecard_rows import is_provisional
from ..tables import EXCEPTION_COLUMNS, QUARTILE_COLUMNS, SCORECARD_COLUMNS, WHY, Col
from .document import MeasurePagesSection, TableSection


def scorecard_section(items: list[Item], *, quartiles: bool = False) -> TableSection:
    measures = [i for i in items if i.kind == "measure"]
    sections = scorecard_sections(measures)
    return TableSection(
        title="Balanced scorecard",
        columns=SCORECARD_COLUMNS + (QUARTILE_COLUMNS if quartiles else ()),
        groups=[(s.perspective, s.items) for s in sections],
        sheet="Scorecard",
        # How each RAG was reached, with how a rolled-up or calculated figure was made first.
        sheet_columns=(Col("explanation", "How it was rated", orderable=False),),
    )


def exceptions_section(items: list[Item]) -> TableSection:
    reds = [i for i in items if i.status is Status.RED]
    missing = [i for i in items if i.status is Status.NCI]
    return TableSection(
        title="Exceptions",
        columns=EXCEPTION_COLUMNS,
        groups=[("Red", reds), ("No Current Information", missing)],
        note="Every Red item with its latest update and corrective action, and every item with "
        "no current information with its lead officer.",
    )


@dataclass(frozen=True)
class ResultRow:
    """One stored result as a table row: what analysts take into their own spreadsheets."""

    code: str
    title: str
    period_label: str
    target: object
    actual: object
    status: Status
    explanation: str
    commentary: str
    unit: str
    decimal_places: int
    url: str = ""
    provisional: bool = False


RESULT_COLUMNS = (
    Col("code", "Code", "code"),
    Col("title", "Title"),
    Col("period_label", "Period"),
    Col("target", "Target", "value"),
    Col("actual", "Actual", "value"),
    Col("status", "RAG", "rag"),
    WHY,
    Col("commentary", "Commentary"),
)


def result_row(result, target, include_provisional: bool) -> ResultRow:
    """A stored result as the results table shows it: awaiting approval, with neither figure
    nor commentary, when it is not yet approved and provisional figures are left out."""
    awaiting = is_provisional(result) and not include_provisional
    if awaiting:
        status, explanation = Status.AWAITING_APPROVAL, "Awaiting approval."
    else:
        status = status_of(result.rag)
        explanation = result.rag_explanation
    return ResultRow(
        code=result.measure.code,
        title=result.measure.title,
        period_label=result.period.label,
        target=target,
        actual=None if awaiting else result.actual,
        status=status,
        explanation=explanation,
        commentary="" if awaiting else result.commentary,
        unit=result.measure.unit,
        decimal_places=result.measure.decimal_places,
        provisional=is_provisional(result) and include_provisional,
    )


def measure_pages_section(
    items: list[Item],
    limit: int = 50,
    *,
    until: ReportingPeriod | None = None,
    include_provisional: bool,
) -> MeasurePagesSection:
    """A page per Red measure, with its chart: the ones a committee will ask about.

    Each page's history ends with the report's period `until`: never a later quarter. At most
    `limit` pages, by code; the section says how many it left out, which the exceptions annex
    lists. A spreadsheet gets the pages' figures as a table."""
    codes = sorted(i.code for i in items if i.kind == "measure" and i.status is Status.RED)
    note = ""
    if len(codes) > limit:
        note = (
            f"The first {limit} of the {len(codes)} Red measures, by code; the exceptions "
            "annex lists them all."
        )
    pages = []
    for measure in Measure.objects.filter(code__in=codes[:limit]).order_by("code"):
        full = measure_history(measure, until=until, include_provisional=include_provisional)
        pages.append((measure, full[-12:], measure_chart(measure, full, last=12)))
    section = MeasurePagesSection("Measures needing attention", pages, note=note)
    section.table = _measure_pages_table(section)
    return section


def _measure_pages_table(section: MeasurePagesSection) -> TableSection:
    """The measure pages' figures, a row per measure and period, for the spreadsheet."""
    rows = [
        ResultRow(
            code=measure.code,
            title=measure.title,
            period_label=row.period.label,
            target=row.target,
            actual=row.result.actual if row.result else None,
            status=row.status,
            explanation=row.result.rag_explanation if row.result else "",
            commentary=row.result.commentary if row.result else "",
            unit=measure.unit,
            decimal_places=measure.decimal_places,
        )
        for measure, history, _ in section.pages
        for row in history
    ]
    return TableSection(section.title, RESULT_COLUMNS, [("", rows)], sheet="Measure pages")
