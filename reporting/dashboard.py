"""What CMT see first: RAG counts for a period, overall and broken down, travel, exceptions."""

from collections import Counter, defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field, replace
from decimal import Decimal
from functools import cached_property

from django.db.models import Exists, OuterRef, Q

from actionplans.models import ActionUpdate
from scorecard.models import (
    CouncilSettings,
    Directorate,
    Measure,
    Perspective,
    ReportingPeriod,
    Result,
)
from scorecard.rules.rag import Rating, Status
from scorecard.rules.reporting import reported_periods
from scorecard.rules.returns import HANDED_IN
from scorecard.rules.summaries import (
    RagSummary,
    TravelSummary,
    overall_rating,
    summarise,
    summarise_travel,
)

from .items import Item, ObjectiveTree, items_for
from .risk import RiskMatrix, risk_matrix


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
    risk: RiskMatrix | None = None  # the 5 × 5 risk matrix (issue 11)
    # How many items, Reds and NCIs there are: `items` may hold only the first of them (`kept`).
    counts: dict[str, int] = field(default_factory=dict)

    @cached_property
    def reds(self) -> list[Item]:
        return [item for item in self.items if item.status is Status.RED]

    @cached_property
    def missing(self) -> list[Item]:
        return [item for item in self.items if item.status is Status.NCI]

    def kept(self, shown: int) -> "Dashboard":
        """The dashboard as its page keeps it between requests: every count, and only the
        first `shown` Red and NCI items it lists (reading ten thousand items back from the
        cache would take longer than the page)."""
        return replace(self, items=self.reds[:shown] + self.missing[:shown])


def latest_period_with_results(*, measures_only: bool = False) -> ReportingPeriod | None:
    """The quarter a page opens on: the latest with any reported result or action update
    (the scorecard, which shows measures alone, asks for the latest with results)."""
    return reported_periods_qs(measures_only=measures_only).filter(kind="quarter").first()


def reported_periods_qs(*, measures_only: bool = False):
    """Periods with any reported result (or action update), newest first.

    EXISTS subqueries rather than joins: joining both results and updates would multiply
    their rows before DISTINCT (seconds on a council with forty thousand results).
    """
    reported = Exists(
        Result.objects.filter(period=OuterRef("pk"), status__in=HANDED_IN).values("pk")
    )
    if not measures_only:
        reported |= Exists(
            ActionUpdate.objects.filter(period=OuterRef("pk"), status__in=HANDED_IN).values("pk")
        )
    return ReportingPeriod.objects.filter(reported).order_by("-start", "end")


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


def build_dashboard(
    period: ReportingPeriod, *, today=None, items: list[Item] | None = None
) -> Dashboard:
    """Everything on the dashboard for `period`, in a fixed number of queries; from `items`
    when the period's items are rated already (``reporting.page_cache``)."""
    tree = ObjectiveTree()  # loaded once, for the items and for the breakdown by objective
    council = CouncilSettings.load()
    if items is None:
        items = items_for(period, today=today, tree=tree, high_risk_from=council.risk_high_from)
    overall = summarise(item.status for item in items)
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
    statuses = Counter(item.status for item in items)
    return Dashboard(
        period=period,
        items=items,
        overall=overall,
        overall_status=overall_rating(overall, council.overall_thresholds),
        by_objective=by_objective,
        by_directorate=by_directorate,
        by_perspective=by_perspective,
        short_term=summarise_travel(item.short_term for item in measures),
        long_term=summarise_travel(item.long_term for item in measures),
        trend=green_trend(period),
        risk=risk_matrix(period, items, council.risk_bands),
        counts={
            "items": len(items),
            "reds": statuses[Status.RED],
            "missing": statuses[Status.NCI],
        },
    )


def green_trend(period: ReportingPeriod, count: int = 8) -> list[TrendPoint]:
    """The share of rated measures and actions that were Green, for the last `count` periods.

    Each point rates what the dashboard for that period would: a measure's value is the one
    its report shows (an annual measure's year, a monthly one's latest month, see
    `reported_periods`), an action's the update for the period; NCI and not rated are left out,
    as in the dashboard's percentages. So the last point is the dashboard's own figure, and a
    quarter's point is the same whichever dashboard shows it. Three queries in all.
    """
    refs = [period.ref]
    while len(refs) < count:
        refs.insert(0, refs[0].previous())
    frequencies = dict(Measure.objects.values_list("pk", "frequency"))
    shown = {
        (frequency, ref): reported_periods(frequency, ref)
        for frequency in set(frequencies.values())
        for ref in refs
    }
    wanted = {r.label for candidates in shown.values() for r in candidates} | {
        r.label for r in refs
    }
    periods = dict(ReportingPeriod.objects.filter(label__in=wanted).values_list("label", "pk"))
    rated: dict[tuple[int, int], str] = {}
    values = (
        Result.objects.filter(period_id__in=periods.values(), status__in=HANDED_IN)
        .filter(Q(actual__isnull=False) | ~Q(officer_rag=""))
        .order_by()
    )
    for measure_id, period_id, rag in values.values_list("measure_id", "period_id", "rag"):
        rated[(measure_id, period_id)] = rag
    updates: dict[int, Counter] = defaultdict(Counter)
    action_rags = (
        ActionUpdate.objects.filter(period_id__in=periods.values(), status__in=HANDED_IN)
        .exclude(rag="")
        .order_by()
        .values_list("period_id", "rag")
    )
    for period_id, rag in action_rags:
        updates[period_id][rag] += 1
    points = []
    for ref in refs:
        tally = Counter(updates[periods.get(ref.label)])
        for measure_id, frequency in frequencies.items():
            for candidate in shown[(frequency, ref)]:
                key = (measure_id, periods.get(candidate.label))
                if key in rated:
                    tally[rated[key]] += 1
                    break
        summary = RagSummary(green=tally["green"], amber=tally["amber"], red=tally["red"])
        points.append(TrendPoint(ref.label, summary.percent(Status.GREEN), summary.rated))
    return points
