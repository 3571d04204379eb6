"""The plan workbook and locked periods: a quarter signed off stays as it was signed off.

A row of the Targets, Results or Action updates sheet that would change anything in a locked
period is refused, cell by cell, naming the period, unless the performance team runs the import
with a reason; then each such row is kept in the audit trail with that reason (DOMAIN.md,
"Periods": after sign-off a period is locked; "What a published figure is": re-rating a locked
quarter is a deliberate, audited act of the performance team). Rows that repeat what is stored
(a workbook exported and imported again) are not changes and pass.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.contrib.contenttypes.models import ContentType

from scorecard.kinds import item_kinds, kind_of_sheet
from scorecard.models import AuditEntry, Measure, ReportingPeriod, Target
from scorecard.returns import permissions
from scorecard.returns.audit import changes_between

from .base import ImportContext, RowReader, SheetHandler
from .sheets import SHEETS


def _columns() -> dict[str, dict[str, str]]:
    """The column of each field, per sheet, for errors located by cell: the Targets sheet and
    each kind's sheet of returns ("Results", "Action updates")."""
    columns = {kind.sheet: {**kind.columns, "status": "Status"} for kind in item_kinds()}
    return {**columns, "Targets": {"target": "Target", "lower": "Lower", "upper": "Upper"}}


@dataclass
class _Correction:
    sheet: str
    code: str
    period: ReportingPeriod
    changes: dict[str, list[str]]


class LockedPeriodsPolicy:
    """The plan workbook's rule for locked periods; ``user`` and ``reason`` say who corrects."""

    extra_columns: frozenset[str] = frozenset()

    def __init__(self, *, user: Any = None, reason: str = ""):
        self.allowed_sheets = frozenset(handler.name for handler in SHEETS)
        self.user, self.reason = user, reason.strip()
        self.may_correct = permissions.is_performance_team(user) and bool(self.reason)
        self.corrections: list[_Correction] = []
        self._stored: dict[str, dict] | None = None
        self.locked = {
            p.ref: p for p in ReportingPeriod.objects.filter(state=ReportingPeriod.State.LOCKED)
        }
        self.columns = _columns()

    def _load(self) -> dict[str, dict]:
        """What the locked periods hold, by (code, period) per sheet, read once."""
        if self._stored is None:
            ids = [p.pk for p in self.locked.values()]
            self._stored = {
                "Targets": {
                    (t.measure.code, t.period_id): {
                        "target": t.value,
                        "lower": t.lower,
                        "upper": t.upper,
                    }
                    for t in Target.objects.filter(period_id__in=ids).select_related("measure")
                },
            }
            for kind in item_kinds():
                returns = kind.return_model.objects.filter(period_id__in=ids)
                self._stored[kind.sheet] = {
                    (kind.item_of(r).code, r.period_id): r
                    for r in returns.select_related(kind.item_field)
                }
        return self._stored

    def check_row(self, handler: SheetHandler, reader: RowReader, record: Any) -> Any:
        """Refuse a row that changes a locked period, unless the team corrects it with reason."""
        columns = self.columns.get(handler.name)
        if columns is None or not self.locked:
            return record
        code, ref, values = record
        period = self.locked.get(ref)
        if period is None:
            return record
        if handler.name == "Targets":
            values = {k: v for k, v in values.items() if k == "target" or reader.has(k)}
        elif not reader.has("Status"):
            values = {k: v for k, v in values.items() if k != "status"}  # kept as stored
        stored = self._load()[handler.name].get((code, period.pk))
        before = {name: _value(stored, name) for name in values} if stored is not None else {}
        changes = changes_between(before, values)
        if not changes:
            return record
        if self.may_correct:
            self.corrections.append(_Correction(handler.name, code, period, changes))
            return record
        for name, (old, new) in changes.items():
            reader.error(
                columns[name],
                f"{period.label} is locked after sign-off: this would change it from "
                f"“{old or 'blank'}” to “{new or 'blank'}”. Only the performance team may "
                "correct a locked period, giving who they are (--user) and why (--reason)",
            )
        return None

    def before_apply(self, ctx: ImportContext) -> None:
        """Nothing to claim: the plan workbook is loaded by one person at a time."""

    def after_apply(self, ctx: ImportContext) -> None:
        """Keep each correction of a locked period, row by row, with the reason."""
        entries = []
        for correction in self.corrections:
            item = _item(correction)
            if correction.sheet == "Targets":
                changes = {
                    f"{name.capitalize()} {correction.period.label}": change
                    for name, change in correction.changes.items()
                }
            else:
                changes = correction.changes
            entries.append(
                AuditEntry(
                    content_type=ContentType.objects.get_for_model(item),
                    object_id=item.pk,
                    user=self.user,
                    summary=f"Corrected by plan workbook: {correction.code} "
                    f"{correction.period.label}"[:200],
                    changes=changes,
                    reason=self.reason,
                )
            )
        AuditEntry.objects.bulk_create(entries)


def _value(stored: Any, name: str) -> Any:
    return stored.get(name) if isinstance(stored, dict) else getattr(stored, name)


def _item(correction: _Correction):
    """What the audit entry is about: the result or update, or the measure for a target."""
    if correction.sheet == "Targets":
        return Measure.objects.get(code=correction.code)
    kind = kind_of_sheet(correction.sheet)
    return kind.return_model.objects.get(
        **{f"{kind.item_field}__code": correction.code}, period=correction.period
    )
