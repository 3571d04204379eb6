"""The results fact table: one row per measure and period, with its dimensions (issue 14).

Shaped for Power BI and Excel Power Query. Every figure comes from ``scorecard_rows``, the
selector behind the dashboards, so a fact's value, RAG, explanation and direction of travel are
the ones the pages show, period-true, with drafts never shown and provisional figures flagged.
"""

from __future__ import annotations

import csv
from collections.abc import Iterable, Iterator
from decimal import Decimal
from io import StringIO

from django.db.models import QuerySet

from scorecard.models import Measure, Objective, ReportingPeriod
from scorecard.rules.rag import Status
from scorecard.rules.units import quantize
from scorecard.safecells import csv_text

from ..scorecard_rows import ScorecardRow, measures_for_rows, scorecard_rows

FACT_COLUMNS = (
    "measure_code",
    "measure_title",
    "objective_codes",
    "objective_titles",
    "directorate",
    "period_label",
    "period_start",
    "period_end",
    "unit",
    "value",
    "target",
    "rag",
    "rag_explanation",
    "short_term",
    "long_term",
    "provisional",
)


def _number(value: Decimal | None, places: int) -> str | None:
    """At the measure's places, as every page prints it (7.84 days, never 7.8400)."""
    return None if value is None else f"{quantize(value, places):f}"


def _fact(row: ScorecardRow, period: ReportingPeriod, objectives: dict[int, Objective]) -> dict:
    measure = row.measure
    linked = [objectives[pk] for pk in row.objective_pks if pk in objectives]
    return {
        "measure_code": measure.code,
        "measure_title": measure.title,
        "objective_codes": "; ".join(o.code for o in linked),
        "objective_titles": "; ".join(o.title for o in linked),
        "directorate": measure.directorate.name if measure.directorate else "",
        "period_label": period.label,
        "period_start": period.start,
        "period_end": period.end,
        "unit": measure.unit,
        "value": _number(row.actual, measure.decimal_places),
        "target": _number(row.target, measure.decimal_places),
        "rag": row.status.word,
        "rag_explanation": row.explanation,
        "short_term": row.short_term.word if row.short_term else "",
        "long_term": row.long_term.word if row.long_term else "",
        "provisional": row.provisional,
    }


# The RAG statuses a fact can have: provisional figures are shown, so none is "awaiting".
FACT_STATUSES = [s for s in Status if s is not Status.AWAITING_APPROVAL]


def fact_rows(
    periods: Iterable[ReportingPeriod],
    measures: QuerySet[Measure],
    *,
    status: Status | None = None,
) -> Iterator[dict]:
    """Each measure's own figure in each period (an annual measure in its years only), those
    with RAG ``status`` only when it is given."""
    objectives = {o.pk: o for o in Objective.objects.only("pk", "code", "title")}
    # Read once for every period: only each period's results are read again (streamed).
    prepared = measures_for_rows(measures)
    for period in periods:
        for row in scorecard_rows(period, prepared):
            # A quarter's scorecard shows an annual measure's last year; that is the year's fact.
            if row.period_label == period.label and status in (None, row.status):
                yield _fact(row, period, objectives)


# Lines are sent in pieces of about this many characters: one piece per line made streaming
# itself the cost (a generator step and a write per line); a piece this size keeps memory flat.
CHUNK = 64 * 1024


def facts_csv(rows: Iterable[dict]) -> Iterator[str]:
    """The facts as CSV, header first, in pieces of about ``CHUNK`` characters; text that
    looks like a formula is made safe."""
    buffer = StringIO()
    writer = csv.writer(buffer)

    def taken() -> str:
        text = buffer.getvalue()
        buffer.seek(0)
        buffer.truncate()
        return text

    writer.writerow(FACT_COLUMNS)
    for row in rows:
        writer.writerow([_cell(name, row[name]) for name in FACT_COLUMNS])
        if buffer.tell() >= CHUNK:
            yield taken()
    yield taken()


# Numbers stay numbers (a negative variance is not a formula); every text is made safe.
_NUMBERS = {"value", "target"}


def _cell(name: str, value) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "Yes" if value else "No"
    return str(value) if name in _NUMBERS else csv_text(str(value))
