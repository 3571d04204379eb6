"""Report packs as documents: the narrative, then the chosen annexes, for one period and scope."""

import hashlib
from collections.abc import Mapping

from django.contrib.contenttypes.models import ContentType
from django.db.models import Count, Max, Sum

from actionplans.models import ActionUpdate
from scorecard.models import AuditEntry, CouncilSettings, Result, Target
from scorecard.rules.narrative import (
    amber_sentence,
    improvement_sentence,
    nci_sentence,
    ratings_sentence,
    red_sentence,
    see_annex,
)
from scorecard.rules.rag import Status
from scorecard.rules.summaries import summarise
from scorecard.rules.travel import Direction
from scorecard.rules.units import format_value

from .exports import REPORTS, ReportType
from .items import Item, items_for
from .models import ReportPack
from .reports import EVERYTHING, NarrativeSection, Report, Scope

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


def pack_items(pack: ReportPack, scope: Scope | None = None) -> list[Item]:
    """The pack's items for its period: approved figures, unless the clerk included the
    provisional ones (each then marked)."""
    scope = pack_scope(pack) if scope is None else scope
    return items_for(
        pack.period,
        measures=scope.measures(),
        actions=scope.actions(),
        include_provisional=pack.include_provisional,
    )


def default_pack(period, *, include_provisional: bool = False) -> ReportPack:
    """The council's pack for a period, unsaved: every annex, the narrative drafted from the
    facts, for everything the council measures (`export_report pack --period`)."""
    pack = ReportPack(
        title=f"Performance report: {period.label}",
        committee="Cabinet",
        period=period,
        include_scorecard=True,
        include_improvement_plan=True,
        include_exceptions=True,
        include_action_plans=True,
        include_measure_pages=True,
        include_benchmarking=True,
        include_risk_matrix=True,
        include_provisional=include_provisional,
    )
    for field, text in pack_narrative_draft(pack, scope=Scope()).items():
        setattr(pack, field, text)
    return pack


LISTED = 10  # items named in a drafted list; the annex has the rest


def _fact(item: Item, *, trend: bool = True) -> str:
    """An item as the narrative names it: its figures against target and a year ago, not the
    rule that rated it (the annex prints that)."""
    text = f"{item.code} {item.title}"
    if item.actual is None:
        return f"{text}: {item.commentary}" if item.commentary else text
    actual = format_value(item.actual, item.unit, item.decimal_places)
    text += f": {actual}"
    if item.target is not None:
        text += f" against a target of {format_value(item.target, item.unit, item.decimal_places)}"
    compared = {
        Direction.IMPROVED: "better than",
        Direction.SAME: "the same as",
        Direction.WORSE: "worse than",
    }.get(item.long_term)
    return f"{text}, {compared} a year ago" if trend and compared else text


def _list(lines: list[str], annex: int | None = None) -> str:
    shown = [f"- {line}" for line in lines[:LISTED]]
    if len(lines) > LISTED:
        shown.append(f"- and {len(lines) - LISTED} more{see_annex(annex)}")
    return "\n".join(shown)


def _text(*paragraphs: str) -> str:
    """Paragraphs as the clerk edits them: a blank line between each (see narrative.py)."""
    return "\n\n".join(p for p in paragraphs if p)


def suggested_narrative(
    items: list[Item], committee: str = "Cabinet", *, annexes: Mapping[str, int] | None = None
) -> dict[str, str]:
    """Facts to start the narrative from, for the clerk to edit.

    The headings and the closing recommendation follow Oxfordshire CC's Cabinet report of
    15 December 2009: what is going well, what requires attention, what is being done about
    it, what needs to develop. Like that report it summarises in sentences ("11 are showing
    improvement, albeit not to targeted levels"), names the items that matter and points to
    the annexes for the rest. ``annexes`` numbers the pack's annexes by kind.
    """
    annexes = annexes or {}
    scorecard = annexes.get("scorecard")
    exceptions = annexes.get("exceptions") or scorecard
    measures = [i for i in items if i.kind == "measure"]
    actions = [i for i in items if i.kind == "action"]
    improved = [i for i in measures if i.long_term is Direction.IMPROVED]
    short = [i for i in improved if i.status in (Status.AMBER, Status.RED)]
    good = [i for i in improved if i.status is Status.GREEN]
    reds = [i for i in items if i.status is Status.RED]
    ambers = [i for i in items if i.status is Status.AMBER]
    missing = [i for i in items if i.status is Status.NCI]

    ratings = ratings_sentence(summarise(i.status for i in measures), annex=scorecard)
    if actions:
        ratings += " " + ratings_sentence(summarise(i.status for i in actions), noun="action")
    trend = improvement_sentence(
        improved=len(improved), still_short=len(short), against="the same period last year"
    )
    if good:
        trend += " Green and better than a year ago:\n" + _list(
            [_fact(i, trend=False) for i in good], scorecard
        )
    attention = red_sentence(
        measures=sum(i.kind == "measure" for i in reds),
        actions=sum(i.kind == "action" for i in reds),
        annex=exceptions,
    )
    if reds:
        attention += "\n" + _list([_fact(i) for i in reds], exceptions)
    done = [f"{i.code} {i.title}: {i.corrective_action}" for i in reds if i.corrective_action]
    return {
        "going_well": _text(ratings, trend),
        "requires_attention": _text(attention, amber_sentence(len(ambers))),
        "being_done": _list(done, exceptions)
        or "Corrective actions will be reported by the lead officers.",
        "needs_to_develop": nci_sentence([i.code for i in missing], named=LISTED),
        "recommendation": f"The {committee or 'Committee'} is RECOMMENDED to note this report.",
    }


def pack_annexes(
    pack: ReportPack, items: list[Item], scope: Scope | None = None
) -> list[tuple[str, object]]:
    """The annexes the clerk chose, each with its kind, in the order the reports were
    registered (`reporting/exports.py`): each is the registered report's own annex.

    Everything is for the pack's period and earlier, never later; approved figures only
    unless the pack includes provisional ones.
    """
    scope = pack_scope(pack) if scope is None else scope
    annexes: list[tuple[str, object]] = []
    for report in REPORTS.values():
        if report.pack_field and getattr(pack, report.pack_field):
            sections = report.annex(
                pack.period, scope, items, include_provisional=pack.include_provisional
            )
            annexes += [(report.annex_key, section) for section in sections]
    return annexes


def annex_numbers(annexes: list[tuple[str, object]]) -> dict[str, int]:
    """The number of the first annex of each kind, as the document numbers its annexes."""
    numbers: dict[str, int] = {}
    number = 0
    for kind, section in annexes:
        if not getattr(section, "continues", False):
            number += 1
        numbers.setdefault(kind, number)
    return numbers


def pack_narrative_draft(
    pack: ReportPack, items: list[Item] | None = None, *, scope: Scope | None = None
) -> dict[str, str]:
    """The narrative drafted for a pack, citing its annexes by number."""
    scope = pack_scope(pack) if scope is None else scope
    items = pack_items(pack, scope) if items is None else items
    numbers = annex_numbers(pack_annexes(pack, items, scope))
    return suggested_narrative(items, pack.committee, annexes=numbers)


def pack_report(
    pack: ReportPack, items: list[Item] | None = None, *, scope: Scope | None = None
) -> Report:
    """The whole pack: cover, narrative, then each annex the clerk chose.

    `scope` for a pack not saved (which has no chosen objectives, directorates, perspectives
    or plans to read).
    """
    scope = pack_scope(pack) if scope is None else scope
    items = pack_items(pack, scope) if items is None else items
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
        include_provisional=pack.include_provisional,
    )
    for field, heading in NARRATIVE:
        text = getattr(pack, field)
        if text:
            report.sections.append(NarrativeSection(heading, text))
    report.sections.extend(section for _, section in pack_annexes(pack, items, scope))
    return report


def pack_document(
    period,
    scope: Scope = EVERYTHING,
    *,
    include_provisional: bool = False,
    pack: ReportPack | None = None,
    items: list[Item] | None = None,
) -> Report:
    """The registered "pack" report: a saved `pack` as the clerk made it (its own period,
    scope and choice of provisional figures; `items` when already rated), or else the
    council's default pack for `period` and `scope`, not saved."""
    if pack is not None:
        return pack_report(pack, items)
    pack = default_pack(period, include_provisional=include_provisional)
    return pack_report(pack, scope=scope)


PACK = ReportType("pack", "Report pack", pack_document)


def pack_fingerprint(pack: ReportPack) -> str:
    """A digest of everything a pack's content depends on, to know when a build is stale.

    The pack itself, and the latest change to any result, action update or target: a pack
    for a locked period keeps its fingerprint, so it is built once and served from storage
    until its data changes.
    """
    parts = [str(pack.pk), pack.updated_at.isoformat(), pack.period.state, *_data_parts()]
    return hashlib.sha256("|".join(parts).encode()).hexdigest()


def data_fingerprint() -> str:
    """A digest of the council's figures, ratings and settings: any report built from the
    same query with the same digest is the same file (issue 13: build it once)."""
    return hashlib.sha256("|".join(_data_parts()).encode()).hexdigest()


def _data_parts() -> list[str]:
    settings = CouncilSettings.load()
    return [
        str(Result.objects.aggregate(n=Count("pk"), m=Max("updated_at"))),
        # Re-rating changes a result's RAG without touching it: count the ratings too.
        str(sorted(Result.objects.values_list("rag").annotate(n=Count("pk")))),
        str(ActionUpdate.objects.aggregate(n=Count("pk"), m=Max("updated_at"))),
        str(Target.objects.aggregate(n=Count("pk"), total=Sum("value"))),
        # Changes to measures (titles, rules, tolerances) are audited; packs' own entries
        # (made, finalised, reopened) say nothing of any pack's figures.
        str(
            AuditEntry.objects.exclude(
                content_type=ContentType.objects.get_for_model(ReportPack)
            ).aggregate(m=Max("pk"))
        ),
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
