"""Writes for the performance team's periods: open, close, lock, unlock, deadlines."""

from __future__ import annotations

from datetime import date
from typing import Any

from django.db import transaction

from scorecard.models import CouncilSettings, ReportingPeriod
from scorecard.services.periods import periods_ensure

from . import permissions
from .audit import audit_record, changes_between
from .services import ReturnInvalid, ReturnRefused


def _period_change(
    *, user: Any, period: ReportingPeriod, summary: str, reason: str = "", **new: Any
):
    if not permissions.can_manage_periods(user):
        raise ReturnRefused("Only the performance team manages periods.")
    before = {name: getattr(period, name) for name in new}
    ReportingPeriod.objects.filter(pk=period.pk).update(**new)
    for name, value in new.items():
        setattr(period, name, value)
    changes = changes_between(before, new)
    if changes:
        audit_record(
            user=user,
            item=period,
            summary=f"{summary}: {period.label}",
            changes=changes,
            reason=reason,
        )
    return period


@transaction.atomic
def period_open(*, user: Any, period: ReportingPeriod, deadline: date | None = None):
    """Open a period for returns (or reopen a closed one), optionally with a new deadline."""
    if period.is_locked:
        raise ReturnRefused(f"{period.label} is locked after sign-off; unlock it first.")
    new: dict[str, Any] = {"state": ReportingPeriod.State.OPEN}
    if deadline is not None:
        new["deadline"] = deadline
    return _period_change(user=user, period=period, summary="Opened", **new)


@transaction.atomic
def period_close(*, user: Any, period: ReportingPeriod):
    """Close a period: officers may no longer enter returns, except those sent back."""
    if period.is_locked:
        raise ReturnRefused(f"{period.label} is locked after sign-off; unlock it first.")
    return _period_change(
        user=user, period=period, summary="Closed", state=ReportingPeriod.State.CLOSED
    )


@transaction.atomic
def period_lock(*, user: Any, period: ReportingPeriod):
    """Lock a period after sign-off: its returns change only by a reasoned correction."""
    return _period_change(
        user=user, period=period, summary="Locked", state=ReportingPeriod.State.LOCKED
    )


@transaction.atomic
def period_unlock(*, user: Any, period: ReportingPeriod, reason: str):
    """Unlock a locked period (to closed), giving a reason."""
    if not reason.strip():
        raise ReturnInvalid({"reason": "give a reason for unlocking the period"})
    return _period_change(
        user=user,
        period=period,
        summary="Unlocked",
        reason=reason.strip(),
        state=ReportingPeriod.State.CLOSED,
    )


@transaction.atomic
def period_set_deadline(*, user: Any, period: ReportingPeriod, deadline: date):
    """Move a period's submission deadline."""
    return _period_change(user=user, period=period, summary="Deadline set", deadline=deadline)


@transaction.atomic
def period_add(*, user: Any, ref, deadline: date | None = None) -> ReportingPeriod:
    """Make the period if it does not exist yet, and open it (with a deadline, if given)."""
    if not permissions.can_manage_periods(user):
        raise ReturnRefused("Only the performance team manages periods.")
    settings = CouncilSettings.load()
    existed = ReportingPeriod.objects.filter(label=ref.label).exists()
    period = periods_ensure([ref], deadline_days=settings.deadline_days)[ref.label]
    if period.is_locked:
        raise ReturnRefused(f"{period.label} is locked after sign-off; unlock it first.")
    if not existed:
        # A new period is made open: keep who added it, as opening one is kept.
        audit_record(
            user=user,
            item=period,
            summary=f"Added: {period.label}",
            changes=changes_between({}, {"state": period.state, "deadline": period.deadline}),
        )
    return period_open(user=user, period=period, deadline=deadline)
