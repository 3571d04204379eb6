"""Reads for the pages: each returns plain data in a bounded number of queries."""

from collections import defaultdict
from dataclasses import dataclass, field

from django.db.models import OuterRef, Prefetch, QuerySet, Subquery

from actionplans.models import Action, ActionPlan, ActionUpdate, Recommendation
from scorecard.models import Measure, Objective, Plan, Result
from scorecard.rules.rag import Status, judgement_explanation, status_of
from scorecard.rules.returns import HANDED_IN

from .scorecard_rows import PROVISIONAL


@dataclass(frozen=True)
class LatestRating:
    """An item of the framework with the RAG of its latest return."""

    kind: str  # "measure" or "action"
    code: str
    title: str
    status: Status
    explanation: str
    period_label: str
    provisional: bool = False  # submitted, not yet approved


@dataclass
class ObjectiveNode:
    objective: Objective
    items: list[LatestRating] = field(default_factory=list)
    children: list["ObjectiveNode"] = field(default_factory=list)


@dataclass
class PlanSection:
    plan: Plan | None
    objectives: list[ObjectiveNode]


def _latest(queryset: QuerySet, field_name: str) -> Subquery:
    return Subquery(queryset.order_by("-period__start", "period__end").values(field_name)[:1])


def latest_measure_ratings() -> QuerySet:
    """Measures annotated with the RAG, explanation and period of their latest result.

    Drafts are private to the people who work on them: the latest submitted result counts.
    """
    latest = Result.objects.filter(measure=OuterRef("pk"), status__in=HANDED_IN)
    return Measure.objects.annotate(
        latest_rag=_latest(latest, "rag"),
        latest_status=_latest(latest, "status"),
        latest_explanation=_latest(latest, "rag_explanation"),
        latest_period=_latest(latest, "period__label"),
    ).prefetch_related("objectives")


def latest_action_ratings() -> QuerySet:
    """Actions annotated with the RAG and period of their latest submitted update."""
    latest = ActionUpdate.objects.filter(action=OuterRef("pk"), status__in=HANDED_IN)
    return Action.objects.annotate(
        latest_rag=_latest(latest, "rag"),
        latest_status=_latest(latest, "status"),
        latest_period=_latest(latest, "period__label"),
    )


def framework_overview() -> list[PlanSection]:
    """Every plan's objective tree with each measure and action and its latest RAG.

    Five queries, whatever the size of the framework.
    """
    objectives = list(Objective.objects.select_related("plan"))
    items: dict[int, list[LatestRating]] = defaultdict(list)
    for measure in latest_measure_ratings():
        rating = LatestRating(
            kind="measure",
            code=measure.code,
            title=measure.title,
            status=status_of(measure.latest_rag),
            explanation=measure.latest_explanation or "",
            period_label=measure.latest_period or "",
            provisional=measure.latest_status == PROVISIONAL,
        )
        for objective in measure.objectives.all():
            items[objective.pk].append(rating)
    for action in latest_action_ratings().filter(objective__isnull=False):
        status = status_of(action.latest_rag)
        explanation = judgement_explanation(status)
        items[action.objective_id].append(
            LatestRating(
                kind="action",
                code=action.code,
                title=action.title,
                status=status,
                explanation=explanation,
                period_label=action.latest_period or "",
                provisional=action.latest_status == PROVISIONAL,
            )
        )

    nodes = {o.pk: ObjectiveNode(objective=o, items=items[o.pk]) for o in objectives}
    roots_by_plan: dict[int | None, list[ObjectiveNode]] = defaultdict(list)
    for objective in objectives:
        node = nodes[objective.pk]
        if objective.parent_id in nodes:
            nodes[objective.parent_id].children.append(node)
        else:
            roots_by_plan[objective.plan_id].append(node)

    plans = {p.pk: p for p in Plan.objects.all()}
    sections = [
        PlanSection(plan=plan, objectives=roots_by_plan[plan.pk])
        for plan in plans.values()
        if roots_by_plan.get(plan.pk)
    ]
    if roots_by_plan.get(None):
        sections.append(PlanSection(plan=None, objectives=roots_by_plan[None]))
    return sections


def action_plan_recommendations(plan: Plan) -> QuerySet:
    """The plan's recommendations with their objectives, findings and further actions, each
    further action with the recommendations and findings it answers: a fixed number of
    queries however long the plan."""
    return (
        Recommendation.objects.filter(plan=plan)
        .select_related("objective")
        .prefetch_related("findings", "further_actions__recommendations")
        .prefetch_related("further_actions__findings")
    )


def action_plan_anchors(plan: Plan, recommendations: QuerySet) -> dict[str, str]:
    """The page anchor of each finding and recommendation, by code.

    Findings are listed under their recommendations: only those have an anchor to link to.
    """
    anchors = {
        f.code: f"finding-{f.code}" for f in plan.findings.filter(recommendation__isnull=False)
    }
    anchors.update({r.code: f"rec-{r.code}" for r in recommendations})
    return anchors


def priority_action_plans() -> list[ActionPlan]:
    """The priority action plans (PAPs), each with its actions in plan order: two queries."""
    actions = Action.objects.order_by("order", "code")
    return list(ActionPlan.objects.prefetch_related(Prefetch("actions", queryset=actions)))
