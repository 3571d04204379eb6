"""What CMT see first: RAG counts for a period, overall and broken down, travel, exceptions."""

from collections import defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from decimal import Decimal

from django.db.models import Count

from actionplans.models import ActionUpdate
from scorecard.models import CouncilSettings, Directorate, Perspective, ReportingPeriod, Result
from scorecard.rules.rag import Rating, Status
from scorecard.rules.summaries import (
    RagSummary,
    TravelSummary,
    overall_rating,
    summarise,
    summarise_travel,
)

from .items import Item, ObjectiveTree, items_for
from .scorecard import REPORTED


@dataclass(frozen=True)
class Breakdown:
    """The counts for one objective, directorate or perspective, and how to list its items."""

    label: str
    summary: RagSummary
    params: dict[str, str | int] = field(default_factory=dict)


@dataclass(frozen=True)
class TrendPoint:
    label: str
    percent_green: Decimal | None
    rated: int


@dataclass(frozen=True)
class Dashboard:
    period: ReportingPeriod
    items: list[Item]
    overall: RagSummary
    overall_status: Rating
    by_objective: list[Breakdown]
    by_directorate: list[Breakdown]
    by_perspective: list[Breakdown]
    short_term: TravelSummary
    long_term: TravelSummary
    trend: list[TrendPoint]

    @property
    def reds(self) -> list[Item]:
        return [item for item in self.items if item.status is Status.RED]

    @property
    def missing(self) -> list[Item]:
        return [item for item in self.items if item.status is Status.NCI]


def latest_period_with_results(*, measures_only: bool = False) -> ReportingPeriod | None:
    """The quarter a page opens on: the latest with any reported result or action update
    (the scorecard, which shows measures alone, asks for the latest with results)."""
    quarters = ReportingPeriod.objects.filter(kind="quarter")
    found = quarters.filter(results__status__in=REPORTED)
    if not measures_only:
        found = found | quarters.filter(action_updates__status__in=REPORTED)
    return found.order_by("-start").first()


def _breakdown(
    items: list[Item],
    groups: Iterable[tuple[str, dict, Callable[[Item], bool]]],
) -> list[Breakdown]:
    rows = []
    for label, params, belongs in groups:
        members = [item.status for item in items if belongs(item)]
        if members:
            rows.append(Breakdown(label, summarise(members), params))
    return rows


def build_dashboard(period: ReportingPeriod, *, today=None) -> Dashboard:
    """Everything on the dashboard for `period`, in a fixed number of queries."""
    items = items_for(period, today=today)
    overall = summarise(item.status for item in items)
    tree = ObjectiveTree()
    by_objective = _breakdown(
        items,
        (
            (f"{o.code} {o.title}", {"objective": o.pk}, lambda i, pk=o.pk: pk in i.objective_ids)
            for o in sorted(tree.roots(), key=lambda o: o.code)
        ),
    )
    directorates = list(Directorate.objects.all())
    by_directorate = _breakdown(
        items,
        [
            (d.name, {"directorate": d.pk}, lambda i, pk=d.pk: i.directorate_id == pk)
            for d in directorates
        ],
    )
    by_perspective = _breakdown(
        items,
        [
            (p.name, {"perspective": p.pk}, lambda i, pk=p.pk: i.perspective_id == pk)
            for p in Perspective.objects.all()
        ],
    )
    measures = [item for item in items if item.kind == "measure"]
    return Dashboard(
        period=period,
        items=items,
        overall=overall,
        overall_status=overall_rating(overall, CouncilSettings.load().overall_thresholds),
        by_objective=by_objective,
        by_directorate=by_directorate,
        by_perspective=by_perspective,
        short_term=summarise_travel(item.short_term for item in measures),
        long_term=summarise_travel(item.long_term for item in measures),
        trend=_trend_ending_with(green_trend(period), period, overall),
    )


def _trend_ending_with(points: list[TrendPoint], period, overall: RagSummary) -> list[TrendPoint]:
    """The chosen quarter's point is the dashboard's own count, so the two always agree
    (it includes annual and monthly measures' values for the quarter)."""
    last = TrendPoint(period.label, overall.percent(Status.GREEN), overall.rated)
    return [*points[:-1], last]


def green_trend(period: ReportingPeriod, quarters: int = 8) -> list[TrendPoint]:
    """The share of rated results and updates that were Green, for the last `quarters` quarters.

    Counted from the stored ratings in two queries; NCI is not a rating, so it is left out here.
    """
    refs = [period.ref]
    while len(refs) < quarters:
        refs.insert(0, refs[0].previous())
    labels = [ref.label for ref in refs]
    counts: dict[str, dict[str, int]] = defaultdict(lambda: defaultdict(int))
    for model in (Result, ActionUpdate):
        rows = (
            model.objects.filter(period__label__in=labels, status__in=REPORTED)
            .exclude(rag="")
            .values("period__label", "rag")
            .annotate(n=Count("pk"))
        )
        for row in rows:
            counts[row["period__label"]][row["rag"]] += row["n"]
    points = []
    for label in labels:
        by_rag = counts[label]
        summary = RagSummary(green=by_rag["green"], amber=by_rag["amber"], red=by_rag["red"])
        points.append(TrendPoint(label, summary.percent(Status.GREEN), summary.rated))
    return points
