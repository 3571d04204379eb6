"""Writes for the performance team's periods: open, close, lock, unlock, deadlines, re-rate,
publish and unpublish.

The returns calendar as the team controls it, permission-checked and audited; the plain
creation of periods by label (no permission, no audit) is ``scorecard.services.periods``.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from django.contrib.contenttypes.models import ContentType
from django.db import transaction
from django.utils import timezone

from scorecard.models import AuditEntry, CouncilSettings, ReportingPeriod, Result
from scorecard.rules.publication import publish_refusal, unpublish_refusal
from scorecard.rules.signoff import rerate_refusal
from scorecard.services.periods import periods_ensure
from scorecard.services.rating import Rerated, period_results_rerate

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


@transaction.atomic
def period_rerate(*, user: Any, period: ReportingPeriod, reason: str) -> list[Rerated]:
    """Re-rate every result of a (signed-off) period by today's rules, giving a reason.

    Closed and locked periods keep the ratings they were signed off with when a measure's rule
    changes (``scorecard.rules.signoff``); this is the performance team's deliberate act that
    brings them in step. Every result whose RAG or explanation moves gets an audit entry
    (old → new) with the reason, and the period one saying how many moved.
    """
    is_team = permissions.can_manage_periods(user)
    refusal = rerate_refusal(is_team=is_team, reason=reason)
    if refusal:
        if is_team:
            raise ReturnInvalid({"reason": refusal})
        raise ReturnRefused(f"{refusal[0].upper()}{refusal[1:]}.")
    reason = reason.strip()
    # Serialise with the period's other changes (lock, unlock) while its results are re-rated.
    ReportingPeriod.objects.select_for_update().filter(pk=period.pk).first()
    changed = period_results_rerate(period=period)
    content_type = ContentType.objects.get_for_model(Result)
    now = timezone.now()
    AuditEntry.objects.bulk_create(
        [
            AuditEntry(
                content_type=content_type,
                object_id=c.result.pk,
                user=user,
                at=now,
                summary=f"Re-rated: {c.result.measure.code} {period.label}"[:200],
                changes=changes_between(
                    {"rag": c.old_rag, "rag_explanation": c.old_explanation},
                    {"rag": c.result.rag, "rag_explanation": c.result.rag_explanation},
                ),
                reason=reason,
            )
            for c in changed
        ],
        batch_size=500,
    )
    audit_record(
        user=user,
        item=period,
        summary=f"Re-rated {len(changed)} result{'s' if len(changed) != 1 else ''}: {period.label}",
        # Which measures moved, so the period's own trail says what the re-rating did.
        changes={"re-rated": ["", ", ".join(c.result.measure.code for c in changed) or "none"]},
        reason=reason,
    )
    return changed


@transaction.atomic
def period_publish(*, user: Any, period: ReportingPeriod, reason: str = "") -> ReportingPeriod:
    """Put the period's approved results on the public pages and in the open data (issue 14).

    A locked (signed-off) period is published as it is; an unlocked one only with a reason,
    the performance team's deliberate act (``scorecard.rules.publication``). Audited.
    """
    refusal = publish_refusal(
        is_team=permissions.can_manage_periods(user),
        is_locked=period.is_locked,
        is_published=period.is_published,
        reason=reason,
    )
    _refuse(refusal, invalid="give a reason" in refusal)
    return _period_change(
        user=user,
        period=period,
        summary="Published",
        reason=reason.strip(),
        published_at=timezone.now(),
    )


@transaction.atomic
def period_unpublish(*, user: Any, period: ReportingPeriod, reason: str) -> ReportingPeriod:
    """Take the period off the public pages and out of the open data at once, with a reason."""
    refusal = unpublish_refusal(
        is_team=permissions.can_manage_periods(user),
        is_published=period.is_published,
        reason=reason,
    )
    _refuse(refusal, invalid="give a reason" in refusal)
    return _period_change(
        user=user, period=period, summary="Unpublished", reason=reason.strip(), published_at=None
    )


def _refuse(refusal: str, *, invalid: bool) -> None:
    """A missing reason is the form's error; anything else refuses the act."""
    if not refusal:
        return
    if invalid:
        raise ReturnInvalid({"reason": refusal})
    raise ReturnRefused(f"{refusal[0].upper()}{refusal[1:]}.")
