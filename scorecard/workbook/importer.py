"""Import a plan workbook: validate everything first, then apply it all in one transaction."""

from pathlib import Path
from typing import Any, Protocol

from django.db import transaction

from scorecard.models import CouncilSettings, Measure, Objective
from scorecard.rules.measure_types import MeasureType
from scorecard.rules.rag import Polarity
from scorecard.services.figures import figures_follow
from scorecard.services.periods import periods_ensure
from scorecard.services.public_cache import public_pages_changed
from scorecard.services.targets import profiled_targets_derive

from .base import ImportContext, RowReader, SheetHandler
from .errors import WorkbookError, WorkbookRefused
from .locked import LockedPeriodsPolicy
from .reader import Sheet, read_workbook
from .sheets import SHEETS


def workbook_import(*, path: Path, user: Any = None, reason: str = "") -> dict[str, int]:
    """Import the workbook at `path` (.xlsx or a folder of .csv) and return rows per sheet.

    All or nothing (docs/plan-workbook.md): every error in the file is collected and
    `WorkbookRefused` raised before anything is written; a valid file is applied in one
    transaction with bulk statements, and the RAG of every result it touches is recalculated.
    Changes to a locked period are refused unless ``user`` is of the performance team and
    gives a ``reason``, which the audit trail keeps for each row (``LockedPeriodsPolicy``).
    """
    sheets, errors = read_workbook(path)
    if errors:
        raise WorkbookRefused(errors)
    return workbook_apply(sheets=sheets, policy=LockedPeriodsPolicy(user=user, reason=reason))


class ImportPolicy(Protocol):
    """Extra rules for an import made on someone's behalf, such as an officer's return.

    The importer still reads, converts and checks every cell; the policy says which sheets may
    be given, checks each parsed row (adding errors through the row's reader, or returning None
    to leave an unchanged row out), adds the columns it writes itself, and finishes the write.
    """

    allowed_sheets: frozenset[str]  # handler names, e.g. {"Results", "Action updates"}
    extra_columns: frozenset[str]  # lower-cased columns the policy sets on every row

    def check_row(self, handler: SheetHandler, reader: RowReader, record: Any) -> Any: ...

    def before_apply(self, ctx: ImportContext) -> None:
        """Inside the transaction, before anything is written: claim rows or refuse."""

    def after_apply(self, ctx: ImportContext) -> None: ...


def workbook_apply(
    *, sheets: dict[str, Sheet], policy: ImportPolicy | None = None, dry_run: bool = False
) -> dict[str, int]:
    """Validate the sheets and, unless ``dry_run``, apply them in one transaction.

    With a ``policy`` (an officer's return), only its sheets are accepted and each row must
    also pass its checks; a dry run validates everything and writes nothing, so the policy can
    show what would change.
    """
    if policy is None:
        policy = LockedPeriodsPolicy()  # a plan import by no one in particular corrects nothing
    ctx = _context()
    handlers = [handler() for handler in SHEETS]
    present = [(h, sheets[h.name.lower()]) for h in handlers if h.name.lower() in sheets]
    if policy is not None:
        present = _allowed_by(policy, present, ctx)
    # A sheet that lacks a required column is reported and not read further; the other
    # sheets are still checked, so the user sees every error at once.
    readable = [(h, sheet) for h, sheet in present if _has_required_columns(h, sheet, ctx)]
    for handler, sheet in present:
        # Even a sheet refused for a missing column defines its keys, so other sheets'
        # references to them are not reported as errors too.
        if all(sheet.has(column) for column in handler.key_columns):
            _collect_keys(handler, sheet, ctx)
    parsed = {handler.name: _parse(handler, sheet, ctx, policy) for handler, sheet in readable}
    if ctx.errors:
        raise WorkbookRefused(ctx.errors)
    if dry_run:
        return {handler.name: len(parsed[handler.name]) for handler, _ in present}

    settings = CouncilSettings.load()
    with transaction.atomic():
        ctx.periods = {
            label: period.pk
            for label, period in periods_ensure(
                ctx.period_refs, deadline_days=settings.deadline_days
            ).items()
        }
        if policy is not None:
            # What the checks read may have changed since: the policy re-checks under the
            # transaction (raising WorkbookRefused rolls everything back).
            policy.before_apply(ctx)
        extra = policy.extra_columns if policy is not None else frozenset()
        for handler, sheet in present:
            handler.apply(parsed[handler.name], set(sheet.headers) | extra, ctx)
        _follow(present, ctx, user=getattr(policy, "user", None))
        if policy is not None:
            policy.after_apply(ctx)
        # A plan import may publish measures or approve results: the public pages follow.
        public_pages_changed()
    return {handler.name: len(parsed[handler.name]) for handler, _ in present}


def _follow(present: list, ctx: ImportContext, *, user: Any = None) -> None:
    """After every sheet is written: what follows from the figures as a whole."""
    for handler, _ in present:
        # A measure's places follow all its figures.
        finish = getattr(handler, "finish", None)
        if finish is not None:
            finish(ctx)
    # A profiled measure's open periods follow its annual target (scorecard.rules.profiles).
    profiled_targets_derive(measure_ids=ctx.touched_measures, user=user)
    figures_follow(
        user=user,
        measure_ids=ctx.touched_measures,
        written=ctx.results_written,
        figures_changed=ctx.written_results,
        formulas_changed=ctx.touched_measures,
    )


def _context() -> ImportContext:
    ctx = ImportContext()
    for handler in SHEETS:
        ctx.known[handler.defines] = set(handler().existing_keys())
    for code, unit, allows in Measure.objects.values_list(
        "code", "unit", "allows_out_of_range"
    ).order_by():
        ctx.measures[code] = (unit, allows)
    ctx.stored_measures = set(ctx.measures)
    for code, measure_type, formula in Measure.objects.values_list(
        "code", "measure_type", "formula"
    ).order_by():
        ctx.measure_types[code] = measure_type
        if measure_type == MeasureType.CALCULATED:
            ctx.calculated[code] = formula
    ctx.range_measures = set(
        Measure.objects.filter(polarity=Polarity.RANGE.value).values_list("code", flat=True)
    )
    ctx.objectives = {
        code: (parent or "", plan or "")
        for code, parent, plan in Objective.objects.values_list(
            "code", "parent__code", "plan__code"
        )
    }
    return ctx


def _allowed_by(policy: ImportPolicy, present: list, ctx: ImportContext) -> list:
    allowed = [(h, sheet) for h, sheet in present if h.name in policy.allowed_sheets]
    for handler, sheet in present:
        if handler.name not in policy.allowed_sheets:
            names = " and ".join(sorted(policy.allowed_sheets))
            message = f"this sheet cannot be uploaded here: only {names}"
            ctx.errors.append(WorkbookError(sheet.name, 1, "", message))
    return allowed


def _has_required_columns(handler: SheetHandler, sheet: Sheet, ctx: ImportContext) -> bool:
    missing = [c.header for c in handler.columns if c.required and not sheet.has(c.header)]
    for header in missing:
        ctx.errors.append(WorkbookError(sheet.name, 1, header, "this required column is missing"))
    return not missing


def _collect_keys(handler: SheetHandler, sheet: Sheet, ctx: ImportContext) -> None:
    """Note every key the sheet defines: rows may refer to rows further down or in later sheets."""
    for row in sheet.rows:
        key = handler.row_key(RowReader(sheet, row, ctx))
        ctx.known[handler.defines].add(key)


def _parse(
    handler: SheetHandler, sheet: Sheet, ctx: ImportContext, policy: ImportPolicy | None = None
) -> list:
    records, readers, first_seen = [], [], {}
    required = [c.header for c in handler.columns if c.required]
    limits = {c.header: c.max_length for c in handler.columns if c.max_length}
    for row in sheet.rows:
        reader = RowReader(sheet, row, ctx, limits)
        for header in required:
            if reader.raw(header) in (None, ""):
                reader.error(header, "this cell is required")
        if not reader.ok:
            continue
        key = handler.row_key(reader)
        if key in first_seen:
            shown = key if isinstance(key, str) else " ".join(key)
            reader.error(
                handler.key_columns[-1],
                f"{shown} appears again (first at row {first_seen[key]})",
            )
            continue
        first_seen[key] = row.number
        record = handler.parse(reader)
        if reader.ok and policy is not None:
            record = policy.check_row(handler, reader, record)
        if reader.ok and record is not None:
            records.append(record)
            readers.append(reader)
    check = getattr(handler, "check", None)
    if check is not None:
        check(readers, records)
    return records
