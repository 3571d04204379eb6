"""Report summaries for the API: the dashboard's counts for a period (issue 14, "Read").

Built by ``build_dashboard``, the function behind the dashboard page, so every count here is
the one the dashboard shows: the same items, the same RAG rules and summaries
(``scorecard.rules.summaries``), provisional figures included and counted as provisional.
"""

from __future__ import annotations

from collections.abc import Callable

from reporting.dashboard import Breakdown, build_dashboard
from reporting.items import Item
from scorecard.models import Directorate, Objective, ReportingPeriod
from scorecard.rules.rag import Status
from scorecard.rules.summaries import RagSummary, TravelSummary, summarise

RAG_COUNTS = ("green", "amber", "red", "nci", "not_rated", "awaiting_approval")


def _counts(summary: RagSummary, items: list[Item]) -> dict:
    counts = {name: getattr(summary, name) for name in RAG_COUNTS}
    counts["provisional"] = sum(1 for item in items if item.provisional)
    counts["total"] = summary.total
    counts["percent_green"] = summary.percent(Status.GREEN)
    return counts


def _of_kind(items: list[Item], kind: str) -> dict:
    chosen = [item for item in items if item.kind == kind]
    return _counts(summarise(item.status for item in chosen), chosen)


def _travel(summary: TravelSummary) -> dict:
    return {name: getattr(summary, name) for name in ("improved", "same", "worse", "unknown")}


def _rows(
    breakdowns: list[Breakdown],
    items: list[Item],
    key: str,
    belongs: Callable[[Item, int], bool],
    named: Callable[[int], dict],
) -> list[dict]:
    """Each breakdown row's counts, with the items it counted found by the same membership."""
    rows = []
    for breakdown in breakdowns:
        pk = int(breakdown.params[key])
        members = [item for item in items if belongs(item, pk)]
        rows.append({**named(pk), **_counts(breakdown.summary, members)})
    return rows


def period_summary(period: ReportingPeriod) -> dict:
    """The dashboard's summary of ``period``: overall, by kind, by objective and directorate."""
    board = build_dashboard(period)
    items = board.items
    objectives = {o.pk: o for o in Objective.objects.only("pk", "code", "title")}
    directorates = dict(Directorate.objects.values_list("pk", "name"))
    return {
        "period": period.label,
        "overall": _counts(board.overall, items),
        "overall_status": board.overall_status.status.word,
        "overall_status_explanation": board.overall_status.explanation,
        "measures": _of_kind(items, "measure"),
        "actions": _of_kind(items, "action"),
        "by_objective": _rows(
            board.by_objective,
            items,
            "objective",
            lambda item, pk: pk in item.objective_ids,
            lambda pk: {"code": objectives[pk].code, "title": objectives[pk].title},
        ),
        "by_directorate": _rows(
            board.by_directorate,
            items,
            "directorate",
            lambda item, pk: item.directorate_id == pk,
            lambda pk: {"name": directorates[pk]},
        ),
        "short_term": _travel(board.short_term),
        "long_term": _travel(board.long_term),
    }
