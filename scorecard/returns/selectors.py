"""Reads for the returns pages, each in a fixed number of queries however many items."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from typing import Any

from django.db.models import Q
from django.utils import timezone

from actionplans.models import Action, ActionUpdate
from scorecard.models import Measure, ReportingPeriod, Result, ReturnStatus, Target
from scorecard.rules.periods import PeriodRef
from scorecard.rules.rag import Status, judgement_explanation, status_of
from scorecard.rules.returns import ReturnState, is_due, is_nci, return_state

from . import permissions


@dataclass
class ReturnRow:
    """One item an officer must update in one period, with what they need beside the form."""

    kind: str  # "measure" or "action"
    item: Measure | Action
    period: ReportingPeriod
    current: Result | ActionUpdate | None
    previous: Result | ActionUpdate | None
    target: Decimal | None
    state: ReturnState
    today: date

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
        if self.kind == "measure" and self.current is not None:
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


def _assigned(model, user: Any):
    return (
        model.objects.filter(Q(updaters=user) | Q(lead_user=user))
        .distinct()
        .select_related("directorate")
        .order_by("code")
    )


def return_rows(
    *,
    periods: list[ReportingPeriod],
    measures: list[Measure],
    actions: list[Action],
    on: date | None = None,
) -> list[ReturnRow]:
    """The returns due for these items in these periods, with last period's beside each.

    Four queries: results, targets, action updates and the previous periods.
    """
    on = on or today()
    previous = _periods_by_ref(p.ref.previous() for p in periods)
    period_ids = [p.pk for p in periods] + [p.pk for p in previous.values()]
    measure_ids = [m.pk for m in measures]
    action_ids = [a.pk for a in actions]
    results = {
        (r.measure_id, r.period_id): r
        for r in Result.objects.filter(measure_id__in=measure_ids, period_id__in=period_ids)
    }
    targets = {
        (t.measure_id, t.period_id): t.value
        for t in Target.objects.filter(measure_id__in=measure_ids, period_id__in=period_ids)
    }
    updates = {
        (u.action_id, u.period_id): u
        for u in ActionUpdate.objects.filter(action_id__in=action_ids, period_id__in=period_ids)
    }
    rows = []
    for period in periods:
        before = previous.get(period.ref.previous())
        for kind, items, stored, frequency in (
            ("measure", measures, results, lambda m: m.frequency),
            ("action", actions, updates, lambda a: "action"),
        ):
            for item in items:
                if not is_due(frequency(item), period.kind):
                    continue
                current = stored.get((item.pk, period.pk))
                rows.append(
                    ReturnRow(
                        kind=kind,
                        item=item,
                        period=period,
                        current=current,
                        previous=stored.get((item.pk, before.pk)) if before else None,
                        target=targets.get((item.pk, period.pk)) if kind == "measure" else None,
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

    The measures and actions of which the user is an updater or the lead officer, due in each
    period by their frequency. Seven queries whatever the number of items.
    """
    periods = open_periods() if periods is None else periods
    if not periods:
        return []
    measures = list(_assigned(Measure, user).prefetch_related("updaters"))
    actions = list(_assigned(Action, user).prefetch_related("updaters"))
    rows = return_rows(periods=periods, measures=measures, actions=actions, on=on)
    return [row for row in rows if permissions.can_update(user, row.item)]


def item_row(item: Measure | Action, period: ReportingPeriod) -> ReturnRow:
    """The return of one item in one period."""
    if isinstance(item, Measure):
        rows = return_rows(periods=[period], measures=[item], actions=[])
        kind = "measure"
    else:
        rows = return_rows(periods=[period], measures=[], actions=[item])
        kind = "action"
    if rows:
        return rows[0]
    # Not due by its frequency in this period, but the page can still show it.
    model = Result if kind == "measure" else ActionUpdate
    current = model.objects.filter(**{kind: item, "period": period}).first()
    return ReturnRow(
        kind=kind,
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


def earlier_returns(
    item: Measure | Action, period: ReportingPeriod, *, count: int = 4
) -> list[Result | ActionUpdate]:
    """The item's returns for the periods before this one, latest first."""
    model, field = (Result, "measure") if isinstance(item, Measure) else (ActionUpdate, "action")
    return list(
        model.objects.filter(
            **{field: item},
            period__kind=period.kind,
            period__start__lt=period.start,
        )
        .select_related("period")
        .order_by("-period__start")[:count]
    )


def approval_queue(user: Any) -> list[Result | ActionUpdate]:
    """The submitted returns the user may sign off, oldest first: two queries."""
    if permissions.is_performance_team(user):
        scope = Q()
    else:
        directorate = permissions.approver_directorate_id(user)
        if directorate is None:
            return []
        scope = Q(directorate_id=directorate)
    results = Result.objects.filter(
        status=ReturnStatus.SUBMITTED,
        measure__in=Measure.objects.filter(scope),
    ).select_related("measure", "period", "entered_by")
    updates = ActionUpdate.objects.filter(
        status=ReturnStatus.SUBMITTED,
        action__in=Action.objects.filter(scope),
    ).select_related("action", "period", "entered_by")
    queue: list[Result | ActionUpdate] = [*results, *updates]
    queue.sort(key=lambda r: (r.period.start, r.submitted_at or r.updated_at))
    return queue


def period_counts(period: ReportingPeriod) -> dict[str, int]:
    """How many results and action updates of the period stand at each status: two queries."""
    from django.db.models import Count

    counts: dict[str, int] = {}
    for model in (Result, ActionUpdate):
        for row in model.objects.filter(period=period).values("status").annotate(n=Count("pk")):
            counts[row["status"]] = counts.get(row["status"], 0) + row["n"]
    return counts
