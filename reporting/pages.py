"""The data behind the dashboard pages that are more than one table."""

import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from decimal import Decimal

from django.db.models import Q, QuerySet

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
from scorecard.rules.aggregation import with_derivation
from scorecard.rules.formula import FormulaError, parse_formula
from scorecard.rules.measure_types import MeasureType
from scorecard.rules.periods import PeriodKind
from scorecard.rules.rag import Polarity, Rating, Status, status_of
from scorecard.rules.returns import HANDED_IN
from scorecard.rules.summaries import RagSummary, overall_rating, summarise

from .action_status import ActionRow, action_rows
from .charts import Band, Chart, Series, line_chart
from .dashboard import TrendPoint, reported_periods_qs
from .items import Item
from .scorecard_rows import is_provisional


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
    objective: Objective | None  # None: actions linked to no objective
    rows: list[ActionRow]

    @property
    def heading(self) -> str:
        return self.objective.title if self.objective else "No objective"


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


def objective_plans(objectives: Iterable[Objective] | None = None) -> dict[int, int | None]:
    """Each objective's plan: its own, or else the nearest one above it.

    Plan workbooks often name the plan on the top-level themes only (the objectives under a
    theme inherit it); an objective with no plan anywhere above it is in no plan (None).
    """
    if objectives is None:
        objectives = Objective.objects.only("pk", "parent_id", "plan_id")
    rows = {o.pk: (o.parent_id, o.plan_id) for o in objectives}
    found: dict[int, int | None] = {}
    for start in rows:
        pk, seen, plan = start, set(), None
        while pk is not None and pk in rows and pk not in seen:
            seen.add(pk)
            parent, plan = rows[pk]
            if plan is not None:
                break
            pk = parent
        found[start] = plan
    return found


def plan_actions(plan: Plan | None, plans: dict[int, int | None] | None = None) -> QuerySet:
    """The actions of a plan's objectives; with None, the actions that are in no plan."""
    wanted = plan.pk if plan else None
    plans = objective_plans() if plans is None else plans
    members = [pk for pk, found in plans.items() if found == wanted]
    in_plan = Q(objective__in=members)
    return Action.objects.filter(in_plan | Q(objective__isnull=True) if plan is None else in_plan)


def improvement_plan_table(
    plan: Plan | None, labels: list[str], *, include_provisional: bool = True
) -> ImprovementPlanTable:
    """The plan's table; with None, the actions in no plan, under their top-level objectives."""
    objectives = {
        o.pk: o
        for o in Objective.objects.only("pk", "code", "title", "order", "parent_id", "plan_id")
    }
    plans = objective_plans(objectives.values())
    actions = plan_actions(plan, plans).order_by("order", "code")
    periods = _plan_periods(plan, labels, plans)
    rows = action_rows(periods, actions, include_provisional=include_provisional) if periods else []

    def theme(objective_id: int | None) -> Objective | None:
        """The highest objective above the action in the same plan: the table's heading."""
        if objective_id not in objectives:
            return None
        pk = objective_id
        for _ in objectives:  # bounded: a loop in the tree cannot hang the report
            parent = objectives[pk].parent_id
            if parent not in objectives or plans[parent] != plans[objective_id]:
                break
            pk = parent
        return objectives[pk]

    groups: dict[int | None, PlanGroup] = {}
    for row in rows:
        heading = theme(row.action.objective_id)
        key = heading.pk if heading else None
        groups.setdefault(key, PlanGroup(heading, [])).rows.append(row)
    ordered = sorted(groups.values(), key=_group_order)
    summary = summarise(row.latest.status for row in rows if row.latest.status is not None)
    thresholds = CouncilSettings.load().overall_thresholds
    return ImprovementPlanTable(periods, ordered, summary, overall_rating(summary, thresholds))


def _group_order(group: PlanGroup) -> tuple:
    """Themes in the plan's order; actions with no objective last."""
    if group.objective is None:
        return (1, 0, "")
    return (0, group.objective.order, group.objective.code)


def plan_quarters(
    plan: Plan | None, plans: dict[int, int | None] | None = None
) -> list[ReportingPeriod]:
    """The quarters in which the plan's actions have updates, oldest first."""
    return list(
        ReportingPeriod.objects.filter(
            kind="quarter",
            action_updates__action__in=plan_actions(plan, plans),
            action_updates__status__in=HANDED_IN,
        )
        .distinct()
        .order_by("start")
    )


def _plan_periods(
    plan: Plan | None, labels: list[str], plans: dict[int, int | None]
) -> list[ReportingPeriod]:
    """The quarters asked for, or the plan's latest two quarters with updates."""
    if labels:
        found = {p.label: p for p in ReportingPeriod.objects.filter(label__in=labels)}
        return sorted(found.values(), key=lambda p: p.start)
    return plan_quarters(plan, plans)[-2:]


@dataclass(frozen=True)
class InputUsed:
    """One input of a calculated measure in a period: its measure and its handed-in result."""

    code: str
    measure: Measure | None
    result: Result | None

    @property
    def provisional(self) -> bool:
        return is_provisional(self.result)


@dataclass(frozen=True)
class HistoryRow:
    period: ReportingPeriod
    target: Decimal | None
    result: Result | None
    awaiting_approval: bool = False  # submitted, left out of a report of approved figures
    inputs: tuple[InputUsed, ...] = ()  # a calculated measure's, by ``with_inputs``
    # The target's row: a range measure's bounds and how a profiled target was derived.
    target_row: Target | None = None

    @property
    def status(self) -> Status:
        if self.awaiting_approval:
            return Status.AWAITING_APPROVAL
        return status_of(self.result.rag if self.result else None)

    @property
    def provisional(self) -> bool:
        return is_provisional(self.result)

    @property
    def explanation(self) -> str:
        """Why the RAG, after how a rolled-up value was made from its months."""
        if self.result is None:
            return ""
        return with_derivation(self.result.derivation, self.result.rag_explanation)


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
    reported = Result.objects.filter(measure=measure, status__in=HANDED_IN)
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
                target_row=targets.get(p.pk),
            )
        )
    return rows


_OWN_KIND = {
    Measure.Frequency.MONTHLY: PeriodKind.MONTH.value,
    Measure.Frequency.QUARTERLY: PeriodKind.QUARTER.value,
    Measure.Frequency.ANNUAL: PeriodKind.YEAR.value,
}


def chart_history(measure: Measure, history: list[HistoryRow]) -> list[HistoryRow]:
    """The rows of the measure's own reporting frequency, for its chart.

    A chart's axis is one kind of period: a monthly measure's months, not its months with its
    rolled-up quarters and year between them (issue 10). A measure with no period of its own
    kind yet (a monthly measure whose quarters were typed) charts the kind most of its rows are.
    """
    own = [row for row in history if row.period.kind == _OWN_KIND.get(measure.frequency)]
    if own or not history:
        return own
    most = Counter(row.period.kind for row in history).most_common(1)[0][0]
    return [row for row in history if row.period.kind == most]


def measure_chart(measure: Measure, history: list[HistoryRow], *, last: int = 0) -> Chart:
    """The measure's chart: actual against target (or its range) by its own periods."""
    rows = chart_history(measure, history)[-last:]
    ranged = measure.polarity == Polarity.RANGE
    band = None
    if ranged:
        bounds = [row.target_row for row in rows]
        band = Band(
            "Target range",
            [t.lower if t is not None else None for t in bounds],
            [t.upper if t is not None else None for t in bounds],
        )
    return line_chart(
        [row.period.label for row in rows],
        actual_and_target_series(rows, with_target=not ranged),
        f"{measure.code}: actual against target",
        unit=measure.unit,
        places=measure.decimal_places,
        band=band,
    )


def actual_and_target_series(
    history: list[HistoryRow], *, with_target: bool = True
) -> list[Series]:
    """Actuals solid, targets dashed, and the officers' year-end forecasts dashed when given.

    A range measure draws its band instead of a target line (``measure_chart``).
    """
    series = [Series("Actual", [row.result.actual if row.result else None for row in history])]
    if with_target:
        series.append(
            Series(
                "Target",
                [row.target for row in history],
                dashed=True,
                colour="#0b0c0c",
                marker="bar",
            )
        )
    forecasts = [row.result.forecast if row.result else None for row in history]
    if any(value is not None for value in forecasts):
        series.append(
            Series("Year-end forecast", forecasts, dashed=True, colour="#912b88", marker="diamond")
        )
    return series


@dataclass(frozen=True)
class FormulaPart:
    """A piece of a formula as typed; ``code`` is set where it names a measure to link."""

    text: str
    code: str = ""


def formula_parts(measure: Measure) -> list[FormulaPart]:
    """A calculated measure's formula as typed, with each code split out to be linked."""
    parts = []
    for piece in re.split(r"(\[[^\[\]]*\])", measure.formula):
        if piece.startswith("[") and piece.endswith("]"):
            code = " ".join(piece[1:-1].split())
            parts += [FormulaPart("["), FormulaPart(code, code=code), FormulaPart("]")]
        elif piece:
            parts.append(FormulaPart(piece))
    return parts


def with_inputs(measure: Measure, history: list[HistoryRow]) -> list[HistoryRow]:
    """A calculated measure's history with the inputs each result used: two queries.

    The inputs shown are those handed in for the period, as the calculation uses
    (``scorecard.services.calculated``); an entered measure's history is returned as it is.
    """
    if measure.measure_type != MeasureType.CALCULATED:
        return history
    try:
        codes = parse_formula(measure.formula).codes
    except FormulaError:
        return history
    measures = {m.code: m for m in Measure.objects.filter(code__in=codes)}
    results = {
        (r.measure_id, r.period_id): r
        for r in Result.objects.filter(
            measure__in=measures.values(),
            period_id__in=[row.period.pk for row in history if row.result],
            status__in=HANDED_IN,
        )
    }
    return [
        replace(
            row,
            inputs=tuple(
                InputUsed(
                    code,
                    measures.get(code),
                    results.get((measures[code].pk, row.period.pk)) if code in measures else None,
                )
                for code in codes
            ),
        )
        if row.result
        else row
        for row in history
    ]
