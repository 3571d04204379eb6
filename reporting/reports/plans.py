"""The sections about actions: each plan's improvement-plan table, the priority action plans
and each inspection's action plan."""

from dataclasses import dataclass

from actionplans.models import Recommendation
from scorecard.models import CouncilSettings, Plan, ReportingPeriod
from scorecard.rules.rag import Status
from scorecard.rules.summaries import overall_rating, summarise

from ..action_status import ActionRow, action_rows
from ..pages import improvement_plan_table
from ..tables import Col
from .document import ActionPlanSection, TableSection
from .scope import Scope


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


def _plan_columns(periods: list[ReportingPeriod]) -> tuple[Col, ...]:
    """Code, item, a RAG per quarter with its short reason beside it (issue 12), the comment."""
    quarters = []
    for i, p in enumerate(periods):
        explanation = f"rag_{i}_explanation"
        quarters += [
            Col(
                f"rag_{i}",
                p.label,
                "rag",
                explanation=explanation,
                provisional=f"rag_{i}_provisional",
            ),
            # Named by its quarter: a spreadsheet's filter and a screen reader tell them apart.
            Col(f"rag_{i}_reason", f"Why ({p.label})", "reason", False, explanation),
        ]
    return (Col("code", "Code", "code"), Col("title", "Item"), *quarters, Col("comment", "Comment"))


def improvement_plan_section(
    plan: Plan | None, labels: list[str], scope: Scope, *, include_provisional: bool
) -> TableSection:
    """A plan's improvement-plan table; with None, the actions in no plan, each group headed
    by its top-level objective, so that every action counted in the summary is shown."""
    table = improvement_plan_table(plan, labels, include_provisional=include_provisional)
    allowed = set(scope.actions().values_list("pk", flat=True))

    def row(r: ActionRow) -> PlanRow:
        return PlanRow(r.action.code, r.action.title, r.comment, "", r.cells)

    shown = [(g.heading, [r for r in g.rows if r.action.pk in allowed]) for g in table.groups]
    # The footer counts the rows shown, so a report narrowed to one objective adds up.
    summary = summarise(r.latest.status for _, rows in shown for r in rows if r.latest.status)
    rating = overall_rating(summary, CouncilSettings.load().overall_thresholds)
    percent = summary.green_and_amber_percent()
    return TableSection(
        title=plan.title if plan else NO_PLAN_TITLE,
        columns=_plan_columns(table.periods),
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
    """The plan's recommendations with what the document prints of them, prefetched."""
    recommendations = list(
        Recommendation.objects.filter(plan=plan)
        .select_related("objective")
        .prefetch_related("findings", "further_actions__recommendations")
        .prefetch_related("further_actions__findings")
    )
    title = f"Action plan: {plan.title}"
    table = TableSection(
        title,
        FURTHER_ACTION_COLUMNS,
        [("", _further_action_rows(recommendations))],
        sheet=f"Actions {plan.code}",
    )
    return ActionPlanSection(title, plan, recommendations, table)


@dataclass(frozen=True)
class FurtherActionRow:
    """A further action of an inspection's action plan, with its recommendation."""

    recommendation: str
    findings: str
    current_position: str
    further_action: str
    addresses: str
    timescale: str
    lead_officer: str


FURTHER_ACTION_COLUMNS = tuple(
    Col(name, header)
    for name, header in (
        ("recommendation", "Recommendation"),
        ("findings", "Findings"),
        ("current_position", "Current position"),
        ("further_action", "Further action"),
        ("addresses", "Addresses"),
        ("timescale", "Timescale"),
        ("lead_officer", "Lead officer"),
    )
)


def _further_action_rows(recommendations: list[Recommendation]) -> list[FurtherActionRow]:
    return [
        FurtherActionRow(
            recommendation=f"{rec.code}) {rec.text}",
            findings="; ".join(f"{f.code}. {f.text}" for f in rec.findings.all()),
            current_position=rec.current_position,
            further_action=action.further_action or action.title,
            addresses=action.addresses,
            timescale=action.timescale,
            lead_officer=action.lead_officer,
        )
        for rec in recommendations
        for action in rec.further_actions.all()
    ]
