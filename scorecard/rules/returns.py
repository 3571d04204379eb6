"""Quarterly returns: where a return stands, what is due, and what a complete return holds.

Officers enter each period's result, RAG where it is a judgement, commentary, and a corrective
action where the item is Red, before the deadline; approvers sign returns off; after the deadline
a return not submitted is No Current Information (DOMAIN.md, "Who does what", "RAG ratings").
The forms, the Excel return and ``manage.py import_returns`` all check a return with
``return_problems``, so an officer meets the same rule whichever way they send it.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from enum import StrEnum

from scorecard.rules.periods import PeriodKind, PeriodState
from scorecard.rules.rag import RagMethod, Status


class ReturnState(StrEnum):
    """What "My returns" shows for an item in a period."""

    NOT_STARTED = "not_started"
    DRAFT = "draft"
    SUBMITTED = "submitted"
    RETURNED = "returned"
    APPROVED = "approved"
    OVERDUE = "overdue"

    @property
    def label(self) -> str:
        return self.value.replace("_", " ").capitalize()

    @property
    def is_done(self) -> bool:
        """Submitted or approved: nothing more is asked of the officer."""
        return self in (ReturnState.SUBMITTED, ReturnState.APPROVED)


class ReturnStatus(StrEnum):
    """Where a stored return (a result or an action update) stands in the approval cycle.

    The values are what the database holds; ``scorecard.models.ReturnStatus`` mirrors them.
    """

    DRAFT = "draft"
    SUBMITTED = "submitted"
    APPROVED = "approved"
    RETURNED = "returned"


# Handed in by the officer: what reports count, and what is never NCI. A draft is work in
# progress and a returned one is back with its officer (DOMAIN.md, "What a published figure is").
HANDED_IN = frozenset({ReturnStatus.SUBMITTED, ReturnStatus.APPROVED})


def is_past_deadline(deadline: date | None, today: date) -> bool:
    """The deadline has passed: the day after it, not on the day itself."""
    return deadline is not None and today > deadline


def return_state(*, stored: str | None, deadline: date | None, today: date) -> ReturnState:
    """Where a return stands: not started, draft, submitted, returned, approved or overdue.

    ``stored`` is the return's status (draft, submitted, approved, returned) or None when the
    officer has entered nothing. A return not handed in (none, draft or returned) is overdue once
    the period's deadline has passed; a submitted or approved one never is.
    """
    if stored in HANDED_IN:
        return ReturnState(stored)
    if is_past_deadline(deadline, today):
        return ReturnState.OVERDUE
    return ReturnState(stored) if stored else ReturnState.NOT_STARTED


def is_nci(*, stored: str | None, deadline: date | None, today: date) -> bool:
    """A due return not submitted by the deadline is NCI, No Current Information.

    Counted and shown, never silently dropped or rated (Oxfordshire CC Cabinet Q2 2009/10;
    DOMAIN.md, "RAG ratings"). A draft does not count: the approver has nothing to sign off.
    """
    return stored not in HANDED_IN and is_past_deadline(deadline, today)


# Which kind of period collects a return of each frequency. Actions and milestones are rated
# each quarter, as Cherwell's improvement plan rates every item per quarter.
_KIND_OF_FREQUENCY = {
    "monthly": PeriodKind.MONTH,
    "quarterly": PeriodKind.QUARTER,
    "annual": PeriodKind.YEAR,
    "action": PeriodKind.QUARTER,
}


def is_due(frequency: str, kind: PeriodKind | str) -> bool:
    """Whether an item collected at ``frequency`` has a return due in a period of ``kind``.

    Monthly measures are returned in months, quarterly measures and actions in quarters and
    annual measures in years (DOMAIN.md, "Periods": measures are collected monthly, quarterly
    or annually). ``frequency`` is a measure's frequency, or "action".
    """
    return _KIND_OF_FREQUENCY.get(frequency) == PeriodKind(kind)


def corrective_action_required(rag: Status | None) -> bool:
    """A Red item needs a corrective action: what is being done about it.

    Oxfordshire CC's scorecard asks for an action plan for every high-risk target, and its
    Cabinet report's narrative says "what is being done about it" for each Red.
    """
    return rag is Status.RED


def commentary_required(*, method: RagMethod | str, rag: Status | None) -> bool:
    """An item handed in Amber or Red says why, in the commentary, however it was rated.

    A committee reading an exception asks why it is off target and whether it will recover
    (Oxfordshire CC's Cabinet report: "what requires attention", "what is being done about
    it"); Amber can mean "off target but expected to recover by year end" (DOMAIN.md, "RAG
    ratings"). A rating, computed or judged, is only as good as the words beside it.
    ``method`` is kept so callers need not know that the rule no longer depends on it.
    """
    return rag in (Status.AMBER, Status.RED)


def actual_problem(actual: Decimal | None, *, unit: str, decimal_places: int) -> str | None:
    """Why an actual cannot be accepted for a measure, or None.

    An actual has no more decimal places than the measure reports (a figure of 67.55 for a
    measure shown to 1 place would be rated on 67.6 and then printed as something the officer
    never typed). A percentage outside 0 to 100 is not refused here: it may be right, so the
    officer is asked to confirm it (``scorecard.rules.plausibility``).
    """
    if actual is None:
        return None
    exponent = actual.normalize().as_tuple().exponent
    places = max(0, -exponent) if isinstance(exponent, int) else 0
    if places > decimal_places:
        if decimal_places == 0:
            return "give a whole number: this measure has no decimal places"
        plural = "s" if decimal_places != 1 else ""
        return f"give at most {decimal_places} decimal place{plural}"
    return None


@dataclass(frozen=True)
class ReturnEntry:
    """What an officer entered for one item: the parts the rules check."""

    method: RagMethod  # the item's RAG method; actions are judged
    rag: Status | None  # the RAG the item will carry: the rule's, or the officer's judgement
    actual: Decimal | None = None
    commentary: str = ""
    corrective_action: str = ""
    is_measure: bool = True


def return_problems(entry: ReturnEntry, *, submitting: bool) -> dict[str, str]:
    """Every reason the return cannot be submitted, by field name; empty when it can.

    A draft may be incomplete, so only ``submitting`` asks for the whole return: a value (an
    actual for a rated measure, a RAG for a judgement), commentary when the item is Amber or
    Red, and a corrective action when it is Red.
    """
    if not submitting:
        return {}
    problems: dict[str, str] = {}
    judged = RagMethod(entry.method) is RagMethod.JUDGEMENT
    if judged and entry.rag is None:
        problems["rag"] = "choose Green, Amber or Red"
    if entry.is_measure and not judged and entry.actual is None:
        problems["actual"] = "enter the actual for this period"
    if commentary_required(method=entry.method, rag=entry.rag) and not entry.commentary.strip():
        problems["commentary"] = f"say why the item is {entry.rag.word}"
    if (
        entry.is_measure
        and corrective_action_required(entry.rag)
        and not entry.corrective_action.strip()
    ):
        problems["corrective_action"] = "a Red result needs a corrective action"
    return problems


def edit_refusal(*, state: str, stored: str | None, is_team: bool, reason: str = "") -> str | None:
    """Why a return in a period of ``state`` cannot be changed now, or None when it can.

    - Open: officers enter and submit returns.
    - Closed (the deadline has passed and the performance team has closed the period): only a
      return the approver sent back may still be corrected and resubmitted by its officer.
    - Locked after sign-off: nobody changes it, except the performance team correcting a
      result, and then only by giving a reason, which the audit trail keeps.
    The performance team may change returns in an open or closed period.
    """
    if state == PeriodState.LOCKED:
        if not is_team:
            return "the period is locked after sign-off; ask the performance team to correct it"
        if not reason.strip():
            return "the period is locked: give a reason for correcting it"
        return None
    if state == PeriodState.CLOSED and not is_team and stored != ReturnStatus.RETURNED:
        return "the period is closed for returns; ask the performance team to reopen it"
    return None
