"""Report packs as documents: the narrative, then the chosen annexes, for one period and scope."""

import hashlib

from django.db.models import Count, Max, Sum

from actionplans.models import ActionUpdate
from scorecard.models import AuditEntry, CouncilSettings, Result, Target
from scorecard.rules.rag import Status
from scorecard.rules.travel import Direction

from .items import Item, items_for
from .models import ReportPack
from .reports import (
    NarrativeSection,
    Report,
    Scope,
    action_plan_section,
    exceptions_section,
    improvement_plan_sections,
    measure_pages_section,
    priority_action_plans_section,
    scorecard_section,
)

NARRATIVE = [
    ("going_well", "What is going well?"),
    ("requires_attention", "What requires attention?"),
    ("being_done", "What is being done about it?"),
    ("needs_to_develop", "What needs to develop?"),
    ("recommendation", "Recommendation"),
]


def pack_scope(pack: ReportPack) -> Scope:
    return Scope(
        objective_codes=tuple(pack.objectives.values_list("code", flat=True)),
        directorate_names=tuple(pack.directorates.values_list("name", flat=True)),
        perspective_names=tuple(pack.perspectives.values_list("name", flat=True)),
        plan_codes=tuple(pack.plans.values_list("code", flat=True)),
    )


def pack_items(pack: ReportPack) -> list[Item]:
    scope = pack_scope(pack)
    return items_for(pack.period, measures=scope.measures(), actions=scope.actions())


def suggested_narrative(items: list[Item], committee: str = "Cabinet") -> dict[str, str]:
    """Facts to start the narrative from, for the clerk to edit.

    The headings and the closing recommendation follow Oxfordshire CC's Cabinet report of
    15 December 2009: what is going well, what requires attention, what is being done about
    it, what needs to develop.
    """
    measures = [i for i in items if i.kind == "measure"]
    greens = [i for i in measures if i.status is Status.GREEN]
    improved = [i for i in greens if i.long_term is Direction.IMPROVED]
    reds = [i for i in items if i.status is Status.RED]
    missing = [i for i in items if i.status is Status.NCI]

    def lines(rows: list[Item], what) -> str:
        return "\n".join(f"- {i.code} {i.title}: {what(i)}" for i in rows)

    going_well = f"{len(greens)} measures are Green."
    if improved:
        going_well += " Improved on the same period last year and on target:\n" + lines(
            improved[:10], lambda i: i.explanation or i.status.word
        )
    attention = f"{len(reds)} items are Red."
    if reds:
        attention += "\n" + lines(reds, lambda i: i.explanation or "Red")
    being_done = (
        lines([i for i in reds if i.corrective_action], lambda i: i.corrective_action)
        or "Corrective actions will be reported by the lead officers."
    )
    develop = (
        f"{len(missing)} items have No Current Information (NCI): their results were not "
        "submitted by the deadline."
        if missing
        else "Every item due has reported."
    )
    return {
        "going_well": going_well,
        "requires_attention": attention,
        "being_done": being_done,
        "needs_to_develop": develop,
        "recommendation": f"The {committee or 'Committee'} is RECOMMENDED to note this report.",
    }


def pack_report(pack: ReportPack, items: list[Item] | None = None) -> Report:
    """The whole pack: cover, narrative, then each annex the clerk chose."""
    from scorecard.models import CouncilSettings
    from scorecard.rules.summaries import summarise

    items = pack_items(pack) if items is None else items
    scope = pack_scope(pack)
    report = Report(
        title=pack.title,
        council=CouncilSettings.load().council_name,
        period=pack.period,
        summary=summarise(i.status for i in items),
        committee=pack.committee,
        meeting_date=pack.meeting_date,
        agenda_item=pack.agenda_item,
        report_by=pack.report_by,
        contact=pack.contact,
    )
    for field, heading in NARRATIVE:
        text = getattr(pack, field)
        if text:
            report.sections.append(NarrativeSection(heading, text))
    if pack.include_scorecard:
        report.sections.append(scorecard_section(items))
    if pack.include_improvement_plan:
        labels = [pack.period.ref.previous().label, pack.period.label]
        report.sections += improvement_plan_sections(labels, scope)
    if pack.include_exceptions:
        report.sections.append(exceptions_section(items))
    if pack.include_action_plans:
        paps = priority_action_plans_section(pack.period, scope)
        if paps is not None:
            report.sections.append(paps)
        for plan in scope.plans().filter(recommendations__isnull=False).distinct():
            report.sections.append(action_plan_section(plan))
    if pack.include_measure_pages:
        report.sections.append(measure_pages_section(items))
    return report


def pack_fingerprint(pack: ReportPack) -> str:
    """A digest of everything a pack's content depends on, to know when a build is stale.

    The pack itself, and the latest change to any result, action update or target: a pack
    for a locked period keeps its fingerprint, so it is built once and served from storage
    until its data changes.
    """
    settings = CouncilSettings.load()
    parts = [
        str(pack.pk),
        pack.updated_at.isoformat(),
        pack.period.state,
        str(Result.objects.aggregate(n=Count("pk"), m=Max("updated_at"))),
        # Re-rating changes a result's RAG without touching it: count the ratings too.
        str(sorted(Result.objects.values_list("rag").annotate(n=Count("pk")))),
        str(ActionUpdate.objects.aggregate(n=Count("pk"), m=Max("updated_at"))),
        str(Target.objects.aggregate(n=Count("pk"), total=Sum("value"))),
        # Changes to measures (titles, rules, tolerances) are audited.
        str(AuditEntry.objects.aggregate(m=Max("pk"))),
        str(
            (
                settings.council_name,
                settings.default_rag_method,
                settings.overall_green_from,
                settings.overall_amber_from,
                settings.deadline_days,
            )
        ),
    ]
    return hashlib.sha256("|".join(parts).encode()).hexdigest()
