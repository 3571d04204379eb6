"""Actions in reporting periods: the officer's RAG per period, and NCI where one went missing."""

from dataclasses import dataclass
from datetime import date

from django.db.models import QuerySet
from django.utils import timezone

from actionplans.models import Action, ActionUpdate, judgement_rating
from scorecard.models import ReportingPeriod
from scorecard.rules.rag import Status, status_of
from scorecard.rules.returns import HANDED_IN, is_past_deadline

from .scorecard_rows import is_provisional


@dataclass(frozen=True)
class ActionCell:
    period_label: str
    status: Status | None  # None: the action was not being reported then
    update: ActionUpdate | None  # None where nothing may be shown (missing, awaiting approval)
    provisional: bool = False  # submitted, not yet approved

    @property
    def explanation(self) -> str:
        if self.status is None:
            return ""
        if self.status is Status.NCI:
            return f"No Current Information: no update for {self.period_label} by the deadline."
        if self.status is Status.AWAITING_APPROVAL:
            return (
                f"Awaiting approval: the update for {self.period_label} has been submitted and "
                "is published once it is approved."
            )
        return judgement_rating(self.update.rag if self.update else "").explanation


@dataclass(frozen=True)
class ActionRow:
    action: Action
    cells: tuple[ActionCell, ...]  # one per period asked for, in order

    @property
    def latest(self) -> ActionCell:
        return self.cells[-1]

    @property
    def status(self) -> Status | None:
        return self.latest.status

    @property
    def comment(self) -> str:
        """The latest comment given in the periods shown (the Cherwell table's Comment)."""
        for cell in reversed(self.cells):
            if cell.update is not None and cell.update.commentary:
                return cell.update.commentary
        return ""


def action_rows(
    periods: list[ReportingPeriod],
    actions: QuerySet,
    *,
    today: date | None = None,
    include_provisional: bool = True,
) -> list[ActionRow]:
    """Each action's status in each period, in three queries.

    An action counts in a period when its officer sent an update for it. One that had an update
    in the period before but none by this period's deadline is NCI: it was being reported and
    went missing. Otherwise it was not in that period's cycle and is left out of its counts.
    An update not yet approved is marked provisional, or, in a report of approved figures only
    (`include_provisional=False`), awaiting approval, with neither its RAG nor its commentary.
    """
    today = today or timezone.localdate()
    actions = list(actions.select_related("objective", "lead_user", "directorate"))
    previous_labels = [p.ref.previous().label for p in periods]
    previous = {p.label: p.pk for p in ReportingPeriod.objects.filter(label__in=previous_labels)}
    wanted = {p.pk for p in periods} | set(previous.values())
    updates = {
        (u.action_id, u.period_id): u
        for u in ActionUpdate.objects.filter(
            period_id__in=wanted, action__in=[a.pk for a in actions], status__in=HANDED_IN
        ).order_by()
    }
    rows = []
    for action in actions:
        cells = []
        for period, previous_label in zip(periods, previous_labels, strict=True):
            update = updates.get((action.pk, period.pk))
            if is_provisional(update) and not include_provisional:
                cells.append(ActionCell(period.label, Status.AWAITING_APPROVAL, None))
                continue
            if update is not None:
                status = status_of(update.rag)
            elif (action.pk, previous.get(previous_label)) in updates and is_past_deadline(
                period.deadline, today
            ):
                status = Status.NCI
            else:
                status = None
            cells.append(ActionCell(period.label, status, update, is_provisional(update)))
        rows.append(ActionRow(action, tuple(cells)))
    return rows
