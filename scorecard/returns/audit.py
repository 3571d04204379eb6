"""Write and read the audit trail of returns, measures' rules and periods."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal
from typing import Any

from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.db.models import Q
from django.utils import timezone

from scorecard.models import AuditEntry, ReportingPeriod, ReturnStatus
from scorecard.rules.measure_types import TargetProfile
from scorecard.rules.rag import Polarity, Status
from scorecard.services.public_cache import public_pages_changed

# How each audited field is named on the pages.
FIELD_LABELS = {
    "actual": "Actual",
    "numerator": "Numerator",
    "denominator": "Denominator",
    "forecast": "Year-end forecast",
    "officer_rag": "RAG (officer's judgement)",
    "rag": "RAG",
    "rag_explanation": "RAG explanation",
    "commentary": "Commentary",
    "corrective_action": "Corrective action",
    "commentary_internal": "Commentary kept off the public pages",
    "corrective_action_internal": "Corrective action kept off the public pages",
    "judgement_reason": "Why the RAG differs from the target and tolerance",
    "risk_likelihood": "Likelihood",
    "risk_impact": "Impact",
    "status": "Status",
    "rag_method": "RAG method",
    "polarity": "Polarity",
    "tolerance_amount": "Tolerance",
    "tolerance_is_percent": "Tolerance is a percentage",
    "target_profile": "Target profile",
    "target_profile_shares": "Target profile percentages",
    "target": "Target",
    "formula": "Formula",
    "lower": "Lower bound",
    "upper": "Upper bound",
    "state": "State",
    "deadline": "Deadline",
    "published_at": "Published on the public pages",
}


def as_text(value: Any) -> str:
    """A value as the audit trail keeps it: text, the same years later."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "Yes" if value else "No"
    if isinstance(value, Decimal):
        return f"{value.normalize():f}"
    if isinstance(value, datetime | date):
        return value.isoformat()
    if isinstance(value, list | tuple):  # a seasonal profile's percentages
        return ", ".join(as_text(v) for v in value)
    if value in {s.value for s in Status}:
        return Status(value).word
    return str(value)


_CHOICE_LABELS = {
    "status": dict(ReturnStatus.choices),
    "state": dict(ReportingPeriod.State.choices),
    "polarity": {p.value: p.label for p in Polarity},
    "target_profile": {p.value: p.label for p in TargetProfile},
}


def _shown(name: str, value: Any) -> str:
    labels = _CHOICE_LABELS.get(name)
    if labels and value in labels:
        return str(labels[value])
    return as_text(value)


def changes_between(before: dict[str, Any], after: dict[str, Any]) -> dict[str, list[str]]:
    """``{field: [old, new]}`` for every field whose text differs.

    A box left unticked on something new (``name`` not in ``before``) is not a change: a new
    result's commentary "not kept off the public pages" would only be noise in its history.
    """
    changes = {}
    for name, new in after.items():
        if new is False and name not in before:
            continue
        old_text, new_text = _shown(name, before.get(name)), _shown(name, new)
        if old_text != new_text:
            changes[name] = [old_text, new_text]
    return changes


def audit_record(
    *,
    user: Any,
    item: models.Model,
    summary: str,
    changes: dict[str, list[str]] | None = None,
    reason: str = "",
) -> AuditEntry:
    """Keep one change: who, when, what from what to what, and why.

    Every audited write may change what the public pages show (an approval, a correction, a
    period published), so each one starts a new generation of their cache once it commits.
    """
    public_pages_changed()
    return AuditEntry.objects.create(
        content_type=ContentType.objects.get_for_model(item),
        object_id=item.pk,
        user=user if getattr(user, "pk", None) else None,
        summary=summary[:200],
        changes=changes or {},
        reason=reason,
    )


@dataclass(frozen=True)
class WorkedOut:
    """A figure the system made rather than a person typed, and how it was made."""

    item: models.Model
    summary: str
    changes: dict[str, list[str]]
    how: str  # the figure's derivation, kept as the entry's reason


def audit_worked_out(*, user: Any, made: Iterable[WorkedOut]) -> None:
    """Keep, in one statement, each figure worked out after a write (issue 10, "Explanations").

    Rolled-up and calculated results and targets derived from a profile are made by the
    services, not typed: each entry says how, and names who made the write that caused it.
    """
    public_pages_changed()
    AuditEntry.objects.bulk_create(
        [
            AuditEntry(
                content_type=ContentType.objects.get_for_model(w.item),
                object_id=w.item.pk,
                user=user if getattr(user, "pk", None) else None,
                summary=w.summary[:200],
                changes=w.changes,
                reason=w.how,
            )
            for w in made
        ],
        batch_size=500,
    )


def entries_about(items: Iterable[models.Model]) -> models.QuerySet[AuditEntry]:
    """The audit entries of these objects (of any models), newest first."""
    condition = Q(pk__in=[])
    by_type: dict[type, list[int]] = {}
    for item in items:
        if item is not None and item.pk is not None:
            by_type.setdefault(type(item), []).append(item.pk)
    for model, pks in by_type.items():
        content_type = ContentType.objects.get_for_model(model)  # cached after the first call
        condition |= Q(content_type=content_type, object_id__in=pks)
    return AuditEntry.objects.filter(condition)


def history(items: Iterable[models.Model], *, limit: int = 50) -> list[AuditEntry]:
    """The audit entries of these objects (of any models), newest first, in one query."""
    entries = list(entries_about(items).select_related("user")[:limit])
    for entry in entries:
        entry.rows = [
            (FIELD_LABELS.get(name, name), old, new) for name, (old, new) in entry.changes.items()
        ]
    return entries


def latest_entry(item: models.Model) -> AuditEntry | None:
    """The newest audit entry of ``item``."""
    entries = history([item], limit=1)
    return entries[0] if entries else None


def change_sentence(entry: AuditEntry | None) -> str:
    """Who changed what, for the message shown when a second editor's save is refused."""
    if entry is None:
        return "Someone else changed this return after you opened it."
    parts = [
        f"{FIELD_LABELS.get(name, name)} from “{old or 'blank'}” to “{new or 'blank'}”"
        for name, (old, new) in entry.changes.items()
    ]
    what = "; ".join(parts) if parts else entry.summary
    when = f"{timezone.localtime(entry.at):%H:%M on %d %b %Y}"
    return f"{entry.who} changed this return at {when}: {what}."


_DRAFT = str(ReturnStatus.DRAFT.label)


def without_drafts(entries: list[AuditEntry]) -> list[AuditEntry]:
    """The history as someone who may not read drafts sees it (entries newest first).

    An entry that left a return as a draft is left out, and where a change starts from a draft
    its old values are hidden: they were the draft's. Entries of other objects (a measure's
    rule) are kept as they are.
    """
    status: dict[tuple[int, int], str] = {}
    shown = []
    for entry in reversed(entries):
        key = (entry.content_type_id, entry.object_id)
        changes = entry.changes or {}
        if "status" not in changes and key not in status:
            # Not a return's entry (a measure's rule), or its start is beyond the limit.
            if not entry.summary.startswith("Saved as draft"):
                shown.append(entry)
            continue
        before = status.get(key, "")
        after = changes["status"][1] if "status" in changes else before
        status[key] = after
        if after == _DRAFT:
            continue
        if before == _DRAFT:
            entry.rows = [(label, "", new) for label, _old, new in entry.rows]
        shown.append(entry)
    return list(reversed(shown))
