"""What the public pages and open data show (issue 14): selectors over published periods.

Only the approved results of published measures in published periods reach residents: every
figure comes from the same selectors as the dashboards with ``include_provisional=False``, so a
draft or a result awaiting approval can never appear; words an officer marked internal are
left out; and a page for a period shows nothing dated after it (DOMAIN.md, "What a published
figure is").
"""

from __future__ import annotations

import copy
from dataclasses import dataclass, replace
from urllib.parse import quote

from django.db.models import QuerySet
from django.urls import reverse

from scorecard.models import CouncilSettings, Measure, Plan, ReportingPeriod
from scorecard.rules.rag import Rating
from scorecard.rules.summaries import RagSummary, overall_rating, summarise

from .action_status import action_rows
from .items import URL_SAFE, Item, ObjectiveTree, measure_item
from .pages import HistoryRow, measure_chart, measure_history, plan_actions
from .scorecard_rows import scorecard_rows


def published_periods() -> list[ReportingPeriod]:
    """The periods the performance team has published, latest first."""
    published = ReportingPeriod.objects.filter(published_at__isnull=False)
    return list(published.order_by("-end", "start"))


def public_period(label: str | None) -> ReportingPeriod | None:
    """The published period asked for by its label, or the latest one; None if there is none."""
    published = ReportingPeriod.objects.filter(published_at__isnull=False)
    if label:
        return published.filter(label=label).first()
    return published.order_by("-end", "start").first()


def public_measures() -> QuerySet[Measure]:
    return Measure.objects.filter(published=True).select_related("directorate", "perspective")


def public_urls(period: ReportingPeriod):
    """Make public measure URLs for the period without a reverse() per row."""
    prefix = reverse("public:measure", args=["0"])[:-2]
    query = f"?period={quote(period.label)}"
    return lambda code: f"{prefix}{quote(code, safe=URL_SAFE)}/{query}"


def without_internal_words(item: Item, result) -> Item:
    """The item with its commentary and corrective action only where neither is internal."""
    return replace(
        item,
        commentary="" if result is None or result.commentary_internal else item.commentary,
        corrective_action=(
            "" if result is None or result.corrective_action_internal else item.corrective_action
        ),
    )


def public_items(period: ReportingPeriod, *, tree: ObjectiveTree | None = None) -> list[Item]:
    """Every published measure rated for the published `period`, approved figures only."""
    tree = tree or ObjectiveTree()
    rows = scorecard_rows(period, public_measures(), include_provisional=False)
    url = public_urls(period)
    return [without_internal_words(measure_item(row, tree, url=url), row.result) for row in rows]


@dataclass
class PrioritySection:
    """One of the council's priorities (a top-level objective) and its published measures."""

    title: str
    code: str
    items: list[Item]
    summary: RagSummary
    table: object = None


def priority_sections(items: list[Item], tree: ObjectiveTree) -> list[PrioritySection]:
    """The public scorecard: measures under each priority, in the priorities' order."""
    roots = tree.roots()  # in the objectives' own order
    sections = []
    placed: set[str] = set()
    for root in roots:
        members = sorted((i for i in items if root.pk in i.objective_ids), key=lambda i: i.code)
        if members:
            placed.update(i.code for i in members)
            sections.append(_section(root.title, root.code, members))
    others = sorted((i for i in items if i.code not in placed), key=lambda i: i.code)
    if others:
        sections.append(_section("Other measures", "", others))
    return sections


def _section(title: str, code: str, items: list[Item]) -> PrioritySection:
    return PrioritySection(title, code, items, summarise(i.status for i in items))


@dataclass(frozen=True)
class PublicMeasure:
    measure: Measure
    item: Item | None  # the measure as the period's scorecard shows it
    history: list[HistoryRow]
    chart: object


def public_measure(code: str, period: ReportingPeriod) -> PublicMeasure | None:
    """A published measure's page for a published period; None if it is not published.

    Its history keeps only published periods (and the period whose value the scorecard
    shows, such as an annual measure's last year), up to `period` and never after it.
    """
    measure = public_measures().filter(code=code).first()
    if measure is None:
        return None
    item = _item_for(measure, period)
    shown = {item.period_label} if item else set()
    history = [
        _public_row(row)
        for row in measure_history(measure, until=period, include_provisional=False)
        if row.period.published_at is not None or row.period.label in shown
    ]
    return PublicMeasure(measure, item, history, measure_chart(measure, history))


def _item_for(measure: Measure, period: ReportingPeriod) -> Item | None:
    rows = scorecard_rows(period, Measure.objects.filter(pk=measure.pk), include_provisional=False)
    if not rows:
        return None
    item = measure_item(rows[0], ObjectiveTree(), url=public_urls(period))
    return without_internal_words(item, rows[0].result)


def _public_row(row: HistoryRow) -> HistoryRow:
    """A history row whose internal words are blanked on a copy of its result."""
    result = row.result
    if result is None or not (result.commentary_internal or result.corrective_action_internal):
        return row
    public = copy.copy(result)  # the page's copy: nothing is saved
    if result.commentary_internal:
        public.commentary = ""
    if result.corrective_action_internal:
        public.corrective_action = ""
    return replace(row, result=public)


@dataclass(frozen=True)
class PublicPlan:
    plan: Plan
    actions: list  # (action, status) for the actions with an approved update in the period
    summary: RagSummary
    overall: Rating


def public_plans(period: ReportingPeriod) -> list[PublicPlan]:
    """Each improvement plan's actions with their approved RAG in `period`, and its summary.

    Commentary on action updates is never shown: an update has no "internal" mark, so only
    its rating is published.
    """
    thresholds = CouncilSettings.load().overall_thresholds
    plans = []
    for plan in Plan.objects.order_by("code"):
        actions = plan_actions(plan).order_by("order", "code")
        rows = [r for r in action_rows([period], actions, include_provisional=False) if r.status]
        if not rows:
            continue
        summary = summarise(r.status for r in rows)
        plans.append(
            PublicPlan(
                plan,
                [(r.action, r.status) for r in rows],
                summary,
                overall_rating(summary, thresholds),
            )
        )
    return plans
