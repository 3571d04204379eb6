"""Reads for the returns pages, each in a fixed number of queries however many items."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from typing import Any

from django.db.models import Q
from django.utils import timezone

from scorecard.kinds import ItemKind, item_kinds, kind_named, kind_of
from scorecard.models import (
    CouncilSettings,
    Measure,
    ReportingPeriod,
    Result,
    ReturnStatus,
    Target,
)
from scorecard.rules.judgement import contradicts
from scorecard.rules.periods import PeriodRef
from scorecard.rules.rag import RagMethod, Rating, Status, judgement_explanation, status_of
from scorecard.rules.returns import ReturnState, is_due, is_nci, return_state
from scorecard.services.rating import rule_rating

from . import permissions


@dataclass
class ReturnRow:
    """One item an officer must update in one period, with what they need beside the form."""

    kind: str  # the name of the item's kind (scorecard.kinds): "measure", "action"
    item: Any
    period: ReportingPeriod
    current: Any  # the stored return (a Result, an ActionUpdate), or None
    previous: Any
    target: Decimal | None
    state: ReturnState
    today: date
    # The target's row: a range measure's bounds and how a profiled target was derived.
    target_row: Target | None = None
    # Its returns in the periods before, latest first, where a page asks (``with_earlier``).
    earlier: list[EarlierReturn] = field(default_factory=list)

    @property
    def item_kind(self) -> ItemKind:
        return kind_named(self.kind)

    @property
    def key(self) -> str:
        """A form prefix naming the item: m12 for measure 12, a7 for action 7."""
        return f"{self.kind[0]}{self.item.pk}"

    @property
    def deadline(self) -> date:
        return self.period.deadline

    @property
    def is_overdue(self) -> bool:
        return self.state is ReturnState.OVERDUE

    @property
    def is_nci(self) -> bool:
        stored = self.current.status if self.current else None
        return is_nci(stored=stored, deadline=self.period.deadline, today=self.today)

    @property
    def status(self) -> Status:
        """The RAG to show: NCI after the deadline when nothing was submitted."""
        if self.is_nci:
            return Status.NCI
        return status_of(self.current.rag if self.current else None)

    @property
    def explanation(self) -> str:
        if self.is_nci:
            return "No Current Information: no return was submitted by the deadline."
        if self.item_kind.rated_by_rule and self.current is not None:
            return self.current.rag_explanation
        if self.current is not None and self.current.rag:
            return judgement_explanation(Status(self.current.rag))
        return ""

    @property
    def version(self) -> int:
        return self.current.version if self.current else 0


def today() -> date:
    return timezone.localdate()


def open_periods() -> list[ReportingPeriod]:
    """Periods open for returns, earliest deadline first."""
    return list(
        ReportingPeriod.objects.filter(state=ReportingPeriod.State.OPEN).order_by(
            "deadline", "start"
        )
    )


def _periods_by_ref(refs: Iterable[PeriodRef]) -> dict[PeriodRef, ReportingPeriod]:
    condition = Q(pk__in=[])
    refs = set(refs)
    for ref in refs:
        condition |= Q(kind=ref.kind.value, year=ref.year, number=ref.number)
    if not refs:
        return {}
    return {p.ref: p for p in ReportingPeriod.objects.filter(condition)}


def return_rows(
    *,
    periods: list[ReportingPeriod],
    items: Iterable[Any],
    on: date | None = None,
) -> list[ReturnRow]:
    """The returns due for these items in these periods, with last period's beside each.

    Items of every kind (``scorecard.kinds``), listed kind by kind in the order the kinds were
    registered. One query per kind for the stored returns, one for the measures' targets and
    one for the previous periods.
    """
    on = on or today()
    previous = _periods_by_ref(p.ref.previous() for p in periods)
    period_ids = [p.pk for p in periods] + [p.pk for p in previous.values()]
    by_kind: dict[ItemKind, list[Any]] = {kind: [] for kind in item_kinds()}
    for item in items:
        by_kind[kind_of(item)].append(item)
    stored = {
        kind: {
            (kind.item_id(r), r.period_id): r
            for r in kind.returns_of([i.pk for i in found], period_id__in=period_ids)
        }
        for kind, found in by_kind.items()
    }
    measure_ids = [i.pk for found in by_kind.values() for i in found if isinstance(i, Measure)]
    targets = {
        (t.measure_id, t.period_id): t
        for t in Target.objects.filter(measure_id__in=measure_ids, period_id__in=period_ids)
    }
    rows = []
    for period in periods:
        before = previous.get(period.ref.previous())
        for kind, found in by_kind.items():
            for item in found:
                if not is_due(kind.frequency(item), period.kind):
                    continue
                current = stored[kind].get((item.pk, period.pk))
                target = targets.get((item.pk, period.pk)) if isinstance(item, Measure) else None
                rows.append(
                    ReturnRow(
                        kind=kind.name,
                        item=item,
                        period=period,
                        current=current,
                        previous=stored[kind].get((item.pk, before.pk)) if before else None,
                        target=target.value if target else None,
                        target_row=target,
                        state=return_state(
                            stored=current.status if current else None,
                            deadline=period.deadline,
                            today=on,
                        ),
                        today=on,
                    )
                )
    return rows


def my_returns(
    user: Any, periods: list[ReportingPeriod] | None = None, *, on: date | None = None
) -> list[ReturnRow]:
    """Everything ``user`` must update in ``periods`` (default: the open ones).

    The items of every kind (measures, actions) of which the user is an updater or the lead
    officer, due in each period by their frequency; a fixed number of queries whatever the
    number of items.
    """
    periods = open_periods() if periods is None else periods
    if not periods:
        return []
    # Every item listed is the user's by ``assigned``; what is left to ask is their role.
    if not permissions.can_update_assigned(user):
        return []
    items = [item for kind in item_kinds() for item in kind.assigned(user)]
    return return_rows(periods=periods, items=items, on=on)


def item_row(item: Any, period: ReportingPeriod) -> ReturnRow:
    """The return of one item in one period."""
    rows = return_rows(periods=[period], items=[item])
    if rows:
        return rows[0]
    # Not due by its frequency in this period, but the page can still show it.
    kind = kind_of(item)
    current = kind.returns_of([item], period=period).first()
    return ReturnRow(
        kind=kind.name,
        item=item,
        period=period,
        current=current,
        previous=None,
        target=None,
        state=return_state(
            stored=current.status if current else None, deadline=period.deadline, today=today()
        ),
        today=today(),
    )


def earlier_returns(item: Any, period: ReportingPeriod, *, count: int = 4) -> list[Any]:
    """The item's returns for the periods before this one, latest first."""
    return list(
        kind_of(item)
        .returns_of([item], period__kind=period.kind, period__start__lt=period.start)
        .select_related("period")
        .order_by("-period__start")[:count]
    )


@dataclass(frozen=True)
class EarlierReturn:
    """An item's return in an earlier period, with that period's target, for reading beside
    the inputs of this period's."""

    period: ReportingPeriod
    ret: Any  # a Result or an ActionUpdate
    target: Decimal | None


def with_earlier(
    rows: list[ReturnRow], period: ReportingPeriod, *, count: int = 4
) -> list[ReturnRow]:
    """``rows`` with each one's ``earlier`` filled: its returns in the ``count`` periods of its
    kind before ``period``, latest first, the values, targets and comments the Update-all page
    shows beside the inputs (issue 12, "The officer's return"). Period-true: nothing after
    ``period``. A fixed number of queries for any number of rows: the periods, one per kind of
    item, the targets.
    """
    before = ReportingPeriod.objects.filter(kind=period.kind, start__lt=period.start)
    earlier = list(before.order_by("-start")[:count])
    if not earlier or not rows:
        return rows
    ids = [p.pk for p in earlier]
    stored: dict[tuple[str, int], dict[int, Any]] = {}
    for kind in item_kinds():
        items = [row.item.pk for row in rows if row.kind == kind.name]
        for ret in kind.returns_of(items, period_id__in=ids) if items else ():
            stored.setdefault((kind.name, kind.item_id(ret)), {})[ret.period_id] = ret
    measures = [row.item.pk for row in rows if row.item_kind.rated_by_rule]
    targets = {
        (measure, period_id): value
        for measure, period_id, value in Target.objects.filter(
            measure_id__in=measures, period_id__in=ids
        ).values_list("measure_id", "period_id", "value")
    }
    for row in rows:
        returns = stored.get((row.kind, row.item.pk), {})
        row.earlier = [
            EarlierReturn(p, returns[p.pk], targets.get((row.item.pk, p.pk)))
            for p in earlier
            if p.pk in returns
        ]
    return rows


def approval_queue(user: Any) -> list[Any]:
    """The submitted returns the user may sign off, oldest first: one query per kind."""
    if permissions.is_performance_team(user):
        scope = Q()
    else:
        directorate = permissions.approver_directorate_id(user)
        if directorate is None:
            return []
        scope = Q(directorate_id=directorate)
    queue = [
        ret
        for kind in item_kinds()
        for ret in kind.returns_of(
            kind.model.objects.filter(scope), status=ReturnStatus.SUBMITTED
        ).select_related(kind.item_field, "period", "entered_by")
        # A calculated result is signed off when its inputs are, never on its own.
        if not permissions.calculated_refusal(kind.item_of(ret))
    ]
    queue.sort(key=lambda r: (r.period.start, r.submitted_at or r.updated_at))
    return queue


@dataclass(frozen=True)
class ApprovalRow:
    """One submitted return in an approver's queue, with its item and kind for the page."""

    ret: Any
    item: Any
    item_kind: ItemKind  # the row links to the item by its kind's URL slug
    refusal: str = ""  # why this user may not sign it off (segregation of duties); "" if they may
    target: Target | None = None  # a measure's target row for the period: what it was rated on
    # What the target and tolerance give a measure rated by judgement, beside the officer's RAG.
    rule: Rating | None = None

    @property
    def contradicts(self) -> bool:
        judged = status_of(self.ret.rag) if self.ret.rag else None
        return self.rule is not None and contradicts(judged, self.rule.status)

    @property
    def key(self) -> str:
        """What the row's checkbox posts: kind, return and the version the approver saw."""
        return f"{self.item_kind.name}:{self.ret.pk}:{self.ret.version}"


def approval_rows(queue: list[Any], refusals: dict[tuple[type, int], str]) -> list[ApprovalRow]:
    """The queue as rows for the page; ``refusals`` by (return model, pk), as the services give.

    Each measure's target for the period is read in one query for the whole queue.
    """
    measure_ids = {r.measure_id for r in queue if isinstance(r, Result)}
    period_ids = {r.period_id for r in queue}
    targets = (
        {
            (t.measure_id, t.period_id): t
            for t in Target.objects.filter(measure_id__in=measure_ids, period_id__in=period_ids)
        }
        if measure_ids
        else {}
    )
    default = CouncilSettings.load().default_rag_method if measure_ids else ""
    rows = []
    for ret in queue:
        kind = kind_of(ret)
        refusal = refusals.get((type(ret), ret.pk), "")
        target = targets.get((ret.measure_id, ret.period_id)) if isinstance(ret, Result) else None
        rule = (
            rule_rating(ret.measure, ret, target=target, default_method=default)
            if isinstance(ret, Result)
            else None
        )
        rows.append(
            ApprovalRow(
                ret=ret,
                item=kind.item_of(ret),
                item_kind=kind,
                refusal=refusal,
                target=target,
                rule=rule,
            )
        )
    return rows


@dataclass(frozen=True)
class Contradiction:
    """A result whose officer's judgement differs from what its target and tolerance give."""

    result: Result
    target: Target | None
    rule: Rating

    @property
    def judged(self) -> Status:
        return Status(self.result.officer_rag)


def judgement_contradictions(period: ReportingPeriod) -> list[Contradiction]:
    """The period's results rated by judgement against the rule, by code: issue 12, "The
    approver" (one district's published quarter had 9 in 90). A fixed number of queries."""
    default = CouncilSettings.load().default_rag_method
    judged = Q(measure__rag_method=RagMethod.JUDGEMENT.value)
    if RagMethod(default) is RagMethod.JUDGEMENT:
        judged |= Q(measure__rag_method="")
    results = list(
        Result.objects.filter(judged, period=period)
        .exclude(officer_rag="")
        .select_related("measure", "period", "entered_by")
        .order_by("measure__code")
    )
    targets = {
        t.measure_id: t
        for t in Target.objects.filter(
            period=period, measure_id__in={r.measure_id for r in results}
        )
    }
    found = []
    for result in results:
        target = targets.get(result.measure_id)
        rule = rule_rating(result.measure, result, target=target, default_method=default)
        if rule is not None and contradicts(Status(result.officer_rag), rule.status):
            found.append(Contradiction(result=result, target=target, rule=rule))
    return found


def selected_returns(keys: Iterable[str]) -> tuple[list[tuple[Any, int]], int]:
    """The returns an approver ticked ("measure:12:3"), each with the version they saw.

    One query per kind; keys that name no return (forged, or deleted since) are counted, not
    raised. Returns the (return, version) pairs in the order ticked and how many were unknown.
    """
    wanted: dict[str, dict[int, int]] = {}
    unknown = 0
    for key in keys:
        kind_name, _, rest = key.partition(":")
        pk, _, version = rest.partition(":")
        if not (pk.isdigit() and version.isdigit()):
            unknown += 1
            continue
        wanted.setdefault(kind_name, {})[int(pk)] = int(version)
    found = []
    for kind_name, versions in wanted.items():
        try:
            kind = kind_named(kind_name)
        except LookupError:
            unknown += len(versions)
            continue
        loaded = kind.return_model.objects.filter(pk__in=versions).select_related(
            "period", f"{kind.item_field}__directorate"
        )
        found += [(ret, versions[ret.pk]) for ret in loaded]
        unknown += len(versions) - len(loaded)
    return found, unknown


def period_counts(period: ReportingPeriod) -> dict[str, int]:
    """How many returns of the period (results, action updates) stand at each status: one
    query per kind."""
    from django.db.models import Count

    counts: dict[str, int] = {}
    for kind in item_kinds():
        for row in (
            kind.return_model.objects.filter(kind.returnable, period=period)
            .values("status")
            .annotate(n=Count("pk"))
        ):
            counts[row["status"]] = counts.get(row["status"], 0) + row["n"]
    return counts


@dataclass
class ProgressCounts:
    """How one directorate's returns for a period stand: what the performance team chases."""

    name: str
    due: int = 0
    waiting: int = 0  # submitted, waiting for approval
    approved: int = 0
    not_yet: int = 0  # not started, draft or sent back, before the deadline
    late: int = 0  # not handed in by the deadline: NCI

    def add(self, state: ReturnState) -> None:
        self.due += 1
        if state is ReturnState.SUBMITTED:
            self.waiting += 1
        elif state is ReturnState.APPROVED:
            self.approved += 1
        elif state is ReturnState.OVERDUE:
            self.late += 1
        else:
            self.not_yet += 1


@dataclass
class PeriodProgress:
    period: ReportingPeriod
    directorates: list[ProgressCounts]
    total: ProgressCounts
    late: list[ReturnRow]


NO_DIRECTORATE = "No directorate"


def period_progress(
    periods: list[ReportingPeriod], *, on: date | None = None
) -> list[PeriodProgress]:
    """Who has submitted, who is late and what waits for approval, by directorate, per period.

    Every item of every kind due in each period counts, whoever updates it. A fixed number of
    queries however many items: those of ``return_rows`` and two per kind for the items.
    """
    items = [
        item
        for kind in item_kinds()
        for item in kind.model.objects.select_related("directorate").prefetch_related("updaters")
    ]
    rows = return_rows(periods=periods, items=items, on=on)
    progress = []
    for period in periods:
        of_period = [row for row in rows if row.period == period]
        by_name: dict[str, ProgressCounts] = {}
        total = ProgressCounts("All directorates")
        for row in of_period:
            directorate = getattr(row.item, "directorate", None)
            name = directorate.name if directorate is not None else NO_DIRECTORATE
            by_name.setdefault(name, ProgressCounts(name)).add(row.state)
            total.add(row.state)
        late = sorted((r for r in of_period if r.is_overdue), key=lambda r: r.item.code)
        progress.append(PeriodProgress(period, sorted(by_name.values(), key=_by_name), total, late))
    return progress


def _by_name(counts: ProgressCounts) -> tuple[bool, str]:
    return (counts.name == NO_DIRECTORATE, counts.name)
