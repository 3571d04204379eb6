"""The data behind the dashboard pages that are more than one table."""

from dataclasses import dataclass, field
from decimal import Decimal

from actionplans.models import Action
from scorecard.models import (
    CouncilSettings,
    Measure,
    Objective,
    Perspective,
    Plan,
    ReportingPeriod,
    Result,
    Target,
)
from scorecard.rules.rag import Rating, Status
from scorecard.rules.summaries import RagSummary, overall_rating, summarise

from .action_status import ActionRow, action_rows
from .charts import Series
from .dashboard import TrendPoint, reported_periods_qs
from .items import Item
from .scorecard import REPORTED, is_provisional


def period_choices() -> list[ReportingPeriod]:
    """Quarters and years that have anything reported, newest first."""
    return list(reported_periods_qs().exclude(kind="month"))


def trend_series(points: list[TrendPoint]) -> Series:
    return Series("Green (% of rated)", [point.percent_green for point in points])


@dataclass
class ScorecardSection:
    perspective: str
    items: list[Item]
    summary: RagSummary
    action_plans: list[Action] = field(default_factory=list)
    table: object = None


def scorecard_sections(items: list[Item]) -> list[ScorecardSection]:
    """The balanced scorecard: measures by perspective (Customer, Projects, Finance, People).

    Red and high-risk measures bring the actions of their objectives' action plans, as the
    Oxfordshire CC scorecard describes "action plans in place for high risk targets".
    """
    perspectives = [p.name for p in Perspective.objects.all()]
    needing_plans = {
        pk
        for item in items
        if item.status is Status.RED or item.is_high_risk
        for pk in item.objective_pks
    }
    plans_by_objective: dict[int, list[Action]] = {}
    actions = (
        Action.objects.filter(action_plan__objective__in=needing_plans)
        .select_related("action_plan")
        .order_by("action_plan__code", "order", "code")
    )
    for action in actions:
        plans_by_objective.setdefault(action.action_plan.objective_id, []).append(action)
    sections = []
    for name in [*perspectives, ""]:
        members = sorted((i for i in items if i.perspective == name), key=lambda i: i.code)
        if not members:
            continue
        needing = [i for i in members if i.status is Status.RED or i.is_high_risk]
        plan_actions = list(
            {
                a.pk: a
                for i in needing
                for pk in i.objective_pks
                for a in plans_by_objective.get(pk, [])
            }.values()
        )
        sections.append(
            ScorecardSection(
                perspective=name or "No perspective",
                items=members,
                summary=summarise(i.status for i in members),
                action_plans=plan_actions,
            )
        )
    return sections


@dataclass(frozen=True)
class PlanGroup:
    objective: Objective
    rows: list[ActionRow]


@dataclass(frozen=True)
class ImprovementPlanTable:
    """Cherwell DC's Corporate Improvement Plan table: themes, a RAG per quarter, a comment,
    and the footer "Number Green and Amber / Percentage / Status" for the latest quarter."""

    periods: list[ReportingPeriod]
    groups: list[PlanGroup]
    summary: RagSummary
    rating: Rating

    @property
    def status(self) -> Status:
        return self.rating.status

    @property
    def green_and_amber_percent(self) -> Decimal | None:
        return self.summary.green_and_amber_percent()


def improvement_plan_table(
    plan: Plan, labels: list[str], *, include_provisional: bool = True
) -> ImprovementPlanTable:
    actions = Action.objects.filter(objective__plan=plan).order_by("order", "code")
    periods = _plan_periods(plan, labels)
    rows = action_rows(periods, actions, include_provisional=include_provisional) if periods else []
    objectives = {o.pk: o for o in Objective.objects.filter(plan=plan)}

    def theme(objective_id: int) -> Objective:
        objective = objectives[objective_id]
        while objective.parent_id in objectives:
            objective = objectives[objective.parent_id]
        return objective

    groups: dict[int, PlanGroup] = {}
    for row in rows:
        heading = theme(row.action.objective_id)
        groups.setdefault(heading.pk, PlanGroup(heading, [])).rows.append(row)
    ordered = sorted(groups.values(), key=lambda g: (g.objective.order, g.objective.code))
    summary = summarise(row.latest.status for row in rows if row.latest.status is not None)
    thresholds = CouncilSettings.load().overall_thresholds
    return ImprovementPlanTable(periods, ordered, summary, overall_rating(summary, thresholds))


def plan_quarters(plan: Plan) -> list[ReportingPeriod]:
    """The quarters in which the plan's actions have updates, oldest first."""
    return list(
        ReportingPeriod.objects.filter(
            kind="quarter",
            action_updates__action__objective__plan=plan,
            action_updates__status__in=REPORTED,
        )
        .distinct()
        .order_by("start")
    )


def _plan_periods(plan: Plan, labels: list[str]) -> list[ReportingPeriod]:
    """The quarters asked for, or the plan's latest two quarters with updates."""
    if labels:
        found = {p.label: p for p in ReportingPeriod.objects.filter(label__in=labels)}
        return sorted(found.values(), key=lambda p: p.start)
    return plan_quarters(plan)[-2:]


@dataclass(frozen=True)
class HistoryRow:
    period: ReportingPeriod
    target: Decimal | None
    result: Result | None
    awaiting_approval: bool = False  # submitted, left out of a report of approved figures

    @property
    def status(self) -> Status:
        if self.awaiting_approval:
            return Status.AWAITING_APPROVAL
        if self.result and self.result.rag:
            return Status(self.result.rag)
        return Status.NOT_RATED

    @property
    def provisional(self) -> bool:
        return is_provisional(self.result)


def measure_history(
    measure: Measure,
    *,
    until: ReportingPeriod | None = None,
    include_provisional: bool = True,
) -> list[HistoryRow]:
    """Every period with a target or a result for the measure, oldest first, in two queries.

    A report for `until` shows that period and earlier ones, never later ones: no later
    result, target or empty future quarter. A result not yet approved is provisional, or,
    without `include_provisional`, awaiting approval with neither figure nor commentary.
    """
    targets = Target.objects.filter(measure=measure)
    # Drafts are the officer's work in progress: only what was submitted is shown.
    reported = Result.objects.filter(measure=measure, status__in=REPORTED)
    if until is not None:
        targets = targets.filter(period__end__lte=until.end)
        reported = reported.filter(period__end__lte=until.end)
    targets = {t.period_id: t for t in targets.select_related("period")}
    results = {r.period_id: r for r in reported.select_related("period")}
    periods = {t.period_id: t.period for t in targets.values()}
    periods.update({r.period_id: r.period for r in results.values()})
    ordered = sorted(periods.values(), key=lambda p: (p.start, p.end))
    rows = []
    for p in ordered:
        result = results.get(p.pk)
        awaiting = is_provisional(result) and not include_provisional
        rows.append(
            HistoryRow(
                period=p,
                target=targets[p.pk].value if p.pk in targets else None,
                result=None if awaiting else result,
                awaiting_approval=awaiting,
            )
        )
    return rows


def actual_and_target_series(history: list[HistoryRow]) -> list[Series]:
    return [
        Series("Actual", [row.result.actual if row.result else None for row in history]),
        Series("Target", [row.target for row in history], dashed=True, colour="#0b0c0c"),
    ]
