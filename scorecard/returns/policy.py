"""An officer's return through the plan-workbook importer: the extra rules, and the write.

The importer reads and converts every cell (unknown codes, non-numbers and bad RAGs are its
errors); ``ReturnsPolicy`` adds what a return must also satisfy, with the same rules as the
forms (``services.entry_problems``): the item is the user's, the period is the one being
returned and is open, and the return is complete (a Red result has a corrective action, a
judged Amber or Red says why). A dry run collects the changes, old → new, for the preview;
the import itself first claims each row at the version its checks read (``before_apply``), so
a return saved by someone else meanwhile is never overwritten.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from django.contrib.contenttypes.models import ContentType
from django.db import IntegrityError, transaction
from django.db.models import F
from django.utils import timezone

from scorecard.kinds import ItemKind, item_kinds, kind_named, kind_of_sheet
from scorecard.models import AuditEntry, ReportingPeriod, Result, Target
from scorecard.rules.judgement import REASON_FIELD
from scorecard.rules.periods import PeriodKind
from scorecard.rules.rag import RagMethod, Status
from scorecard.rules.returns import HANDED_IN, ReturnStatus, edit_refusal, is_due
from scorecard.services.rating import rate, rule_rating
from scorecard.workbook.base import ImportContext, RowReader, SheetHandler
from scorecard.workbook.errors import WorkbookError, WorkbookRefused
from scorecard.workbook.sheets.framework import REASON_COLUMN

from . import permissions
from .audit import FIELD_LABELS, change_sentence, changes_between, latest_entry
from .services import default_method, entry_problems

TEXT_FIELDS = {"officer_rag", "rag", "commentary", "corrective_action", REASON_FIELD}
# Marks a sheet has no column for (what is kept off the public pages): a new return's are off,
# a stored return's are kept as they are.
OFF_FIELDS = {"commentary_internal", "corrective_action_internal"}
# The sheet's column of each field that is not one the kind's forms enter as such.
EXTRA_COLUMNS = {REASON_FIELD: REASON_COLUMN}


def returned_fields(kind: ItemKind, item: Any, default: str) -> tuple[str, ...]:
    """What a row may change: the kind's fields, and for a measure rated by judgement the
    reason it differs from the rule (``scorecard.rules.judgement``), as its form asks."""
    judged = kind.rated_by_rule and item.effective_rag_method(default) is RagMethod.JUDGEMENT
    return (*kind.fields, REASON_FIELD) if judged else kind.fields


def _effective(
    fields: tuple[str, ...], current: Any, stored: dict[str, Any], values: dict[str, Any]
) -> dict[str, Any] | None:
    """What the row leaves stored; None for a blank new row or an unchanged handed-in one."""
    entered = {name: values[name] for name in fields if name in values}
    if current is None and not any(v not in (None, "") for v in entered.values()):
        return None  # a row left blank
    blank = {name: "" if name in TEXT_FIELDS else None for name in fields}
    blank.update({name: False for name in OFF_FIELDS if name in fields})
    effective = {name: entered.get(name, stored.get(name, blank[name])) for name in fields}
    unchanged = not changes_between(stored, effective) if current else False
    if unchanged and current.status in HANDED_IN:
        return None  # already handed in as it is
    return effective


@dataclass
class Change:
    """One row of an upload that changes a return: what it was and what it will be."""

    sheet: str
    row: int
    kind: str  # the name of the item's kind (scorecard.kinds): "measure", "action"
    item: Any
    version: int  # the stored return's version, 0 when there is none yet
    changes: dict[str, list[str]] = field(default_factory=dict)
    stored_pk: int | None = None
    code_column: str = "Code"  # the Code column's header as the file has it

    @property
    def key(self) -> str:
        return f"{self.kind[0]}{self.item.pk}"

    @property
    def rows(self) -> list[tuple[str, str, str]]:
        """(field as the page names it, old, new) for each change."""
        return [(FIELD_LABELS.get(n, n), old, new) for n, (old, new) in self.changes.items()]


class ReturnsPolicy:
    """The rules of an uploaded return by ``user`` for ``period``."""

    extra_columns = frozenset({"status"})

    def __init__(
        self,
        *,
        user: Any,
        period: ReportingPeriod,
        expected_versions: dict[str, int] | None = None,
        reason: str = "",
    ):
        self.user, self.period = user, period
        # A sheet of returns for each kind of item: "Results", "Action updates".
        self.allowed_sheets = frozenset(kind.sheet for kind in item_kinds())
        self.expected_versions = expected_versions
        self.reason = reason.strip()
        self.is_team = permissions.is_performance_team(user)
        # The performance team correcting a locked period keeps each return's sign-off.
        self.correcting = self.is_team and period.is_locked
        self.default = default_method()
        self.now = timezone.now()
        self.changes: list[Change] = []
        self.seen: dict[str, int] = {}  # the version of every row read, for the confirm
        self._loaded = False

    def _load(self) -> None:
        """Everything the checks need, in a fixed number of queries for any number of rows."""
        if self._loaded:
            return
        self._loaded = True
        self.items: dict[ItemKind, dict[str, Any]] = {}  # by code
        self.stored: dict[ItemKind, dict[int, Any]] = {}  # by item id
        for kind in item_kinds():
            items = kind.model.objects.all() if self.is_team else self._assigned(kind.model)
            self.items[kind] = {item.code: item for item in items}
            self.stored[kind] = {
                kind.item_id(r): r for r in kind.returns_of(items, period=self.period)
            }
        self.targets = {t.measure_id: t for t in Target.objects.filter(period=self.period)}
        # The year's targets, against which a measure rated by forecast is rated.
        self.annual = {
            t.measure_id: t
            for t in Target.objects.filter(
                period__kind=PeriodKind.YEAR.value, period__year=self.period.year
            )
        }
        last = self.period.ref.same_period_last_year()
        self.last_year = {
            r.measure_id: r
            for r in Result.objects.filter(
                period__kind=last.kind.value, period__year=last.year, period__number=last.number
            ).select_related("period")
        }

    def _assigned(self, model):
        from django.db.models import Q

        if not permissions.enters_returns(self.user):
            return model.objects.none()
        return model.objects.filter(Q(updaters=self.user) | Q(lead_user=self.user)).distinct()

    def check_row(self, handler: SheetHandler, reader: RowReader, record: Any) -> Any:
        """Check one parsed row as the return form would; None leaves an unchanged row out."""
        self._load()
        code, ref, values = record
        kind = kind_of_sheet(handler.name)
        item = self._item(reader, code, ref, kind)
        if item is None:
            return None
        current = self.stored[kind].get(item.pk)
        key = f"{kind.name[0]}{item.pk}"
        version = current.version if current else 0
        self.seen[key] = version
        fields = returned_fields(kind, item, self.default)
        if REASON_FIELD not in fields:
            values.pop(REASON_FIELD, None)  # rated by its rule: there is no judgement to explain
        stored = {name: getattr(current, name) for name in fields} if current else {}
        effective = _effective(fields, current, stored, values)
        if effective is None or self._refused(reader, code, key, version, current):
            return None
        status, rating = self._rating(item, current, effective, kind)
        by_rule = self._by_rule(item, effective) if kind.rated_by_rule else None
        if not self._complete(reader, kind, item, effective, status, by_rule):
            return None

        kept = self.correcting and current is not None  # a correction keeps the sign-off
        status_after = current.status if kept else ReturnStatus.SUBMITTED
        new = dict(effective, status=status_after)
        if kind.rated_by_rule:
            new["rag"] = status.value if status else ""
        before = dict(stored, status=current.status, rag=current.rag) if current else {}
        self.changes.append(
            Change(
                sheet=reader.sheet.name,
                row=reader.row.number,
                kind=kind.name,
                item=item,
                version=version,
                changes=changes_between(before, new),
                stored_pk=current.pk if current else None,
                code_column=reader.sheet.header("Code"),
            )
        )
        submitted_at = current.submitted_at if kept else self.now
        values.update(
            effective, status=status_after, entered_by=self.user, submitted_at=submitted_at
        )
        return record

    def _refused(self, reader: RowReader, code: str, key: str, version: int, current) -> bool:
        """Whether the period's state or a change since the preview refuses the row (an error)."""
        refusal = edit_refusal(
            state=self.period.state,
            stored=current.status if current else None,
            is_team=self.is_team,
            reason=self.reason,
        )
        if refusal:
            reader.error("Period", f"{self.period.label}: {refusal}")
            return True
        if self.expected_versions is not None and self.expected_versions.get(key) != version:
            reader.error("Code", _changed_since_preview(code, current))
            return True
        return False

    def _complete(
        self, reader: RowReader, kind: ItemKind, item, effective: dict, status, by_rule
    ) -> bool:
        """Whether the row is a complete return, as the form's submit checks; errors if not.

        ``by_rule``: what the target and tolerance give a measure rated by judgement, which a
        differing judgement must give a reason against (``scorecard.rules.judgement``).
        """
        # confirmed: the importer has already asked for an implausible actual to be confirmed,
        # in the row's "Value confirmed" column (scorecard.workbook.sheets.framework).
        for name, message in entry_problems(
            item=item,
            values=effective,
            rating=status,
            submitting=True,
            default=self.default,
            confirmed=True,
            by_rule=by_rule,
        ).items():
            reader.error(kind.columns.get(name) or EXTRA_COLUMNS.get(name, name), message)
        return reader.ok

    def _by_rule(self, item, effective: dict) -> Any:
        """What the target and tolerance give a judgement measure's actual; None otherwise."""
        draft = Result(measure=item, period=self.period, actual=effective.get("actual"))
        target = self.targets.get(item.pk)
        rating = rule_rating(item, draft, target=target, default_method=self.default)
        return rating.status if rating else None

    def _item(self, reader: RowReader, code: str, ref: Any, kind: ItemKind):
        """The row's item, if it is the user's and due in the period; else None, with errors."""
        item = self.items[kind].get(code)
        if item is None:
            reader.error("Code", f"{code} is not yours to update")
            return None
        if ref is not None and ref != self.period.ref:
            reader.error("Period", f"this return is for {self.period.label}, not {ref.label}")
            return None
        if not is_due(kind.frequency(item), self.period.kind):
            reader.error("Code", f"{code} is not collected in a period like {self.period.label}")
            return None
        return item

    def _rating(self, item, current, effective, kind: ItemKind):
        if not kind.rated_by_rule:
            rag = effective.get("rag")
            return (Status(rag) if rag else None), None
        draft = Result(
            measure=item,
            period=self.period,
            actual=effective.get("actual"),
            officer_rag=effective.get("officer_rag") or "",
            forecast=effective.get("forecast"),
        )
        rating = rate(
            item,
            draft,
            target=self.targets.get(item.pk),
            last_year=self.last_year.get(item.pk),
            default_method=self.default,
            annual=self.annual.get(item.pk),
        )
        return (rating.status if rating.status.is_rated else None), rating

    def before_apply(self, ctx: ImportContext) -> None:
        """Claim every return the upload changes at the version its checks read, or refuse.

        One conditional write per row, in the import's transaction and before anything else
        is written: a return saved by someone else since (or by a second confirm of the same
        preview) makes the claim fail, so the upload is refused instead of overwriting it.
        Rows are claimed in a fixed order so that two uploads never wait on each other.
        """
        conflicts = []
        for change in sorted(self.changes, key=lambda c: (c.kind, c.item.pk)):
            if not self._claim(change):
                kind = kind_named(change.kind)
                current = kind.returns_of([change.item], period=self.period).first()
                message = _changed_since_preview(change.item.code, current)
                conflicts.append(
                    WorkbookError(change.sheet, change.row, change.code_column, message)
                )
        if conflicts:
            raise WorkbookRefused(conflicts)

    def _claim(self, change: Change) -> bool:
        kind = kind_named(change.kind)
        model = kind.return_model
        where = {kind.item_field: change.item, "period": self.period}
        if change.version:
            return bool(
                model.objects.filter(**where, version=change.version).update(
                    version=F("version") + 1
                )
            )
        try:  # no return yet: make its row now, so that only one writer can
            with transaction.atomic():
                model.objects.create(**where, version=1, entered_by=self.user)
        except IntegrityError:
            return False
        return True

    def after_apply(self, ctx: ImportContext) -> None:
        """Keep an audit entry of each change, with the reason of a correction."""
        types = {}  # each kind's content type, and its returns' pks by item id
        for kind in item_kinds():
            changed = [c.item.pk for c in self.changes if c.kind == kind.name]
            pks = dict(
                kind.returns_of(changed, period=self.period).values_list(
                    f"{kind.item_field}_id", "pk"
                )
            )
            types[kind.name] = (ContentType.objects.get_for_model(kind.return_model), pks)
        entries = []
        verb = "Corrected" if self.correcting else "Submitted"
        for change in self.changes:
            content_type, pks = types[change.kind]
            entries.append(
                AuditEntry(
                    content_type=content_type,
                    object_id=pks[change.item.pk],
                    user=self.user,
                    at=self.now,
                    summary=f"{verb} by upload: {change.item.code} {self.period.label}"[:200],
                    changes=change.changes,
                    reason=self.reason,
                )
            )
        AuditEntry.objects.bulk_create(entries, batch_size=500)


def _changed_since_preview(code: str, current: Any) -> str:
    """Why a row of a confirmed upload is refused: who changed the return since the preview."""
    entry = latest_entry(current) if current is not None else None
    who = f" ({change_sentence(entry).rstrip('.')})" if entry is not None else ""
    return (
        f"{code} was changed by someone else since your preview{who}; "
        "nothing was saved: upload the file again to see the changes"
    )
