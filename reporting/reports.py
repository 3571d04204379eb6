"""Reports as documents: sections of narrative and tables, built from the dashboards' data.

A `Report` is what every format renders: the HTML preview, the PDF (WeasyPrint) and the Excel
workbook (openpyxl). Each table section names its columns from `reporting.tables`, so a table
is defined once whatever it is printed on.
"""

from dataclasses import dataclass, field
from datetime import date

from django.db.models import QuerySet

from actionplans.models import Action, Recommendation
from scorecard.models import CouncilSettings, Measure, Plan, ReportingPeriod
from scorecard.rules.periods import parse_period
from scorecard.rules.rag import Status, status_of
from scorecard.rules.returns import HANDED_IN
from scorecard.rules.summaries import RagSummary, overall_rating, summarise

from .action_status import ActionRow, action_rows
from .charts import Chart, line_chart
from .items import Item, items_for
from .pages import (
    actual_and_target_series,
    improvement_plan_table,
    measure_history,
    objective_plans,
    scorecard_sections,
)
from .scorecard_rows import is_provisional
from .tables import EXCEPTION_COLUMNS, SCORECARD_COLUMNS, Col


@dataclass
class TableSection:
    title: str
    columns: tuple[Col, ...]
    groups: list[tuple[str, list]]  # (heading, rows); one group with heading "" when flat
    footer: list[tuple[str, str]] = field(default_factory=list)
    note: str = ""
    landscape: bool = True
    sheet: str = ""  # the Excel sheet name; the title when blank

    @property
    def rows(self) -> list:
        return [row for _, rows in self.groups for row in rows]


@dataclass
class NarrativeSection:
    title: str
    text: str
    landscape: bool = False


@dataclass
class ActionPlanSection:
    title: str
    plan: Plan
    recommendations: list[Recommendation]
    landscape: bool = False


@dataclass
class MeasurePagesSection:
    title: str
    pages: list[tuple[Measure, list, Chart]]
    landscape: bool = False
    note: str = ""  # says so when some Red measures were left out


@dataclass
class Report:
    title: str
    council: str
    period: ReportingPeriod
    summary: RagSummary
    sections: list = field(default_factory=list)
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


@dataclass(frozen=True)
class Scope:
    """What a report covers: everything, or the measures and actions of some objectives,
    directorates, perspectives or plans."""

    objective_codes: tuple[str, ...] = ()
    directorate_names: tuple[str, ...] = ()
    perspective_names: tuple[str, ...] = ()
    plan_codes: tuple[str, ...] = ()

    def measures(self) -> QuerySet:
        qs = Measure.objects.all()
        if self.objective_codes:
            qs = qs.filter(objectives__in=_with_descendants(self.objective_codes)).distinct()
        if self.directorate_names:
            qs = qs.filter(directorate__name__in=self.directorate_names)
        if self.perspective_names:
            qs = qs.filter(perspective__name__in=self.perspective_names)
        if self.plan_codes:
            qs = qs.filter(objectives__in=self._plan_objectives()).distinct()
        return qs

    def actions(self) -> QuerySet:
        qs = Action.objects.all()
        if self.objective_codes:
            qs = qs.filter(objective__in=_with_descendants(self.objective_codes))
        if self.directorate_names:
            qs = qs.filter(directorate__name__in=self.directorate_names)
        if self.perspective_names:
            qs = qs.none()
        if self.plan_codes:
            qs = qs.filter(objective__in=self._plan_objectives())
        return qs

    def _plan_objectives(self) -> list[int]:
        """The objectives in the chosen plans, with those under them that inherit the plan."""
        chosen = set(Plan.objects.filter(code__in=self.plan_codes).values_list("pk", flat=True))
        return [pk for pk, plan in objective_plans().items() if plan in chosen]

    def plans(self) -> QuerySet:
        qs = Plan.objects.all()
        if self.plan_codes:
            qs = qs.filter(code__in=self.plan_codes)
        if self.objective_codes:
            qs = qs.filter(objectives__code__in=self.objective_codes).distinct()
        return qs


def _with_descendants(codes: tuple[str, ...]) -> list[int]:
    from scorecard.models import Objective

    parents = dict(Objective.objects.values_list("pk", "parent_id"))
    chosen = set(Objective.objects.filter(code__in=codes).values_list("pk", flat=True))

    def under(pk):
        seen = set()
        while pk is not None and pk not in seen:
            if pk in chosen:
                return True
            seen.add(pk)
            pk = parents.get(pk)
        return False

    return [pk for pk in parents if under(pk)]


def _new_report(
    title: str, period: ReportingPeriod, items: list[Item], include_provisional: bool
) -> Report:
    return Report(
        title=title,
        council=CouncilSettings.load().council_name,
        period=period,
        summary=summarise(item.status for item in items),
        include_provisional=include_provisional,
    )


def scorecard_section(items: list[Item]) -> TableSection:
    measures = [i for i in items if i.kind == "measure"]
    sections = scorecard_sections(measures)
    return TableSection(
        title="Balanced scorecard",
        columns=SCORECARD_COLUMNS,
        groups=[(s.perspective, s.items) for s in sections],
        sheet="Scorecard",
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
class PlanRow:
    """An improvement-plan row flattened for the table renderers: rag_0, rag_1, … per quarter."""

    code: str
    title: str
    comment: str
    url: str
    cells: tuple

    def __getattr__(self, name: str):
        if name.startswith("rag_"):
            index, _, part = name.removeprefix("rag_").partition("_")
            cell = self.cells[int(index)]
            if part == "explanation":
                return cell.explanation
            if part == "provisional":
                return cell.provisional
            return cell.status
        raise AttributeError(name)


NO_PLAN_TITLE = "Not in any plan"


def improvement_plan_section(
    plan: Plan | None, labels: list[str], scope: Scope, *, include_provisional: bool
) -> TableSection:
    """A plan's improvement-plan table; with None, the actions in no plan, each group headed
    by its top-level objective, so that every action counted in the summary is shown."""
    table = improvement_plan_table(plan, labels, include_provisional=include_provisional)
    allowed = set(scope.actions().values_list("pk", flat=True))
    columns = (
        Col("code", "Code", "code"),
        Col("title", "Item"),
        *(
            Col(
                f"rag_{i}",
                p.label,
                "rag",
                explanation=f"rag_{i}_explanation",
                provisional=f"rag_{i}_provisional",
            )
            for i, p in enumerate(table.periods)
        ),
        Col("comment", "Comment"),
    )

    def row(r: ActionRow) -> PlanRow:
        return PlanRow(r.action.code, r.action.title, r.comment, "", r.cells)

    shown = [(g.heading, [r for r in g.rows if r.action.pk in allowed]) for g in table.groups]
    # The footer counts the rows shown, so a report narrowed to one objective adds up.
    summary = summarise(r.latest.status for _, rows in shown for r in rows if r.latest.status)
    rating = overall_rating(summary, CouncilSettings.load().overall_thresholds)
    percent = summary.green_and_amber_percent()
    return TableSection(
        title=plan.title if plan else NO_PLAN_TITLE,
        columns=columns,
        groups=[(heading, [row(r) for r in rows]) for heading, rows in shown if rows],
        # The Cherwell plan's footer; the export ends with its two figures.
        footer=[
            ("Status", rating.status.word),
            ("Number Green and Amber", str(summary.green_and_amber)),
            ("Percentage", f"{percent}%" if percent is not None else "–"),
        ],
        sheet=f"Plan {plan.code}" if plan else NO_PLAN_TITLE,
    )


def improvement_plan_sections(
    labels: list[str], scope: Scope, *, include_provisional: bool
) -> list[TableSection]:
    """Every plan's table with an update in the quarters shown, then the actions in no plan."""
    plans = Plan.objects.order_by("code")
    if scope.plan_codes:
        plans = plans.filter(code__in=scope.plan_codes)
    sections = []
    for plan in [*plans, None]:
        section = improvement_plan_section(
            plan, labels, scope, include_provisional=include_provisional
        )
        if any(cell.status for row in section.rows for cell in row.cells):
            sections.append(section)
    return sections


@dataclass(frozen=True)
class PapRow:
    """An action of a priority action plan, with its RAG in the report's period."""

    code: str
    title: str
    lead_officer: str
    timescale: str
    status: Status | None
    explanation: str
    comment: str
    url: str = ""
    provisional: bool = False


PAP_COLUMNS = (
    Col("code", "Code", "code"),
    Col("title", "Action"),
    Col("lead_officer", "Lead officer"),
    Col("timescale", "Timescale"),
    Col("status", "RAG", "rag"),
    Col("comment", "Latest update"),
)


def priority_action_plans_section(
    period: ReportingPeriod, scope: Scope, *, include_provisional: bool
) -> TableSection | None:
    """The priority action plans (PAPs) in scope, each with its actions' latest RAG."""
    actions = scope.actions().filter(action_plan__isnull=False).select_related("action_plan")
    rows = action_rows(
        [period],
        actions.order_by("action_plan__code", "order", "code"),
        include_provisional=include_provisional,
    )
    groups: dict[str, list[PapRow]] = {}
    for r in rows:
        a = r.action
        heading = f"{a.action_plan.code} {a.action_plan.title}"
        groups.setdefault(heading, []).append(
            PapRow(
                code=a.code,
                title=a.title,
                lead_officer=a.lead_officer,
                timescale=a.timescale or (f"{a.due:%-d %b %Y}" if a.due else ""),
                status=r.latest.status,
                explanation=r.latest.explanation,
                comment=r.comment,
                provisional=r.latest.provisional,
            )
        )
    if not groups:
        return None
    return TableSection(
        "Priority action plans",
        PAP_COLUMNS,
        list(groups.items()),
        note="The actions of each priority action plan and their latest RAG.",
        sheet="Action plans",
    )


def action_plan_section(plan: Plan) -> ActionPlanSection:
    recommendations = list(
        Recommendation.objects.filter(plan=plan)
        .select_related("objective")
        .prefetch_related("findings", "further_actions__recommendations")
        .prefetch_related("further_actions__findings")
    )
    return ActionPlanSection(f"Action plan: {plan.title}", plan, recommendations)


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
    lists."""
    codes = sorted(i.code for i in items if i.kind == "measure" and i.status is Status.RED)
    note = ""
    if len(codes) > limit:
        note = (
            f"The first {limit} of the {len(codes)} Red measures, by code; the exceptions "
            "annex lists them all."
        )
    pages = []
    for measure in Measure.objects.filter(code__in=codes[:limit]).order_by("code"):
        history = measure_history(measure, until=until, include_provisional=include_provisional)[
            -12:
        ]
        chart = line_chart(
            [row.period.label for row in history],
            actual_and_target_series(history),
            f"{measure.code}: actual against target",
            unit=measure.unit,
            places=measure.decimal_places,
        )
        pages.append((measure, history, chart))
    return MeasurePagesSection("Measures needing attention", pages, note=note)


def scorecard_report(
    period: ReportingPeriod, scope: Scope = Scope(), *, include_provisional: bool = False
) -> Report:
    items = items_for(
        period,
        measures=scope.measures(),
        actions=Action.objects.none(),
        include_provisional=include_provisional,
    )
    report = _new_report(f"Balanced scorecard: {period.label}", period, items, include_provisional)
    report.sections.append(scorecard_section(items))
    return report


def exceptions_report(
    period: ReportingPeriod, scope: Scope = Scope(), *, include_provisional: bool = False
) -> Report:
    items = items_for(
        period,
        measures=scope.measures(),
        actions=scope.actions(),
        include_provisional=include_provisional,
    )
    report = _new_report(f"Exceptions: {period.label}", period, items, include_provisional)
    report.sections.append(exceptions_section(items))
    return report


def improvement_plan_report(
    period: ReportingPeriod,
    scope: Scope = Scope(),
    labels: list[str] | None = None,
    *,
    include_provisional: bool = False,
) -> Report:
    """Each plan's improvement-plan table, the given quarters side by side (default: the
    period and the quarter before it); never a quarter after the period."""
    labels = [
        label
        for label in labels or [period.ref.previous().label, period.label]
        if parse_period(label).end <= period.end
    ]
    items = items_for(
        period,
        measures=Measure.objects.none(),
        actions=scope.actions(),
        include_provisional=include_provisional,
    )
    report = _new_report(f"Improvement plans: {period.label}", period, items, include_provisional)
    report.sections += improvement_plan_sections(
        labels, scope, include_provisional=include_provisional
    )
    return report


def action_plans_report(
    period: ReportingPeriod, scope: Scope = Scope(), *, include_provisional: bool = False
) -> Report:
    """The priority action plans, then each inspection plan's recommendations and actions.

    Only the priority action plans' actions are rated rows here, so only they are counted."""
    items = items_for(
        period,
        measures=Measure.objects.none(),
        actions=scope.actions().filter(action_plan__isnull=False),
        include_provisional=include_provisional,
    )
    report = _new_report(
        f"Priority action plans: {period.label}", period, items, include_provisional
    )
    paps = priority_action_plans_section(period, scope, include_provisional=include_provisional)
    if paps is not None:
        report.sections.append(paps)
    for plan in scope.plans().filter(recommendations__isnull=False).distinct().order_by("code"):
        report.sections.append(action_plan_section(plan))
    return report


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
    Col("commentary", "Commentary"),
)


def results_report(
    period: ReportingPeriod, scope: Scope = Scope(), *, include_provisional: bool = False
) -> Report:
    """Every result up to and including `period`, with its target: the history as data.

    Only periods over by the period's end (never a year still running), and only what was
    submitted: drafts are private, and a result not yet approved is provisional or awaiting
    approval as in every report.
    """
    from scorecard.models import Result, Target

    results = (
        Result.objects.filter(
            measure__in=scope.measures(), period__end__lte=period.end, status__in=HANDED_IN
        )
        .select_related("measure", "period")
        .order_by("measure__code", "period__start", "-period__end")
    )
    targets = {
        (m, p): v
        for m, p, v in Target.objects.filter(measure__in=scope.measures()).values_list(
            "measure_id", "period_id", "value"
        )
    }
    rows = [
        _result_row(r, targets.get((r.measure_id, r.period_id)), include_provisional)
        for r in results.iterator(chunk_size=5000)
    ]
    report = _new_report(f"Results to {period.label}", period, [], include_provisional)
    report.summary = summarise(row.status for row in rows)
    report.sections.append(TableSection("Results", RESULT_COLUMNS, [("", rows)]))
    return report


def _result_row(result, target, include_provisional: bool) -> ResultRow:
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
