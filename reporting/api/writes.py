"""Returns sent through the API: results and action updates, one or up to 1,000 at once.

Issue 14, "Write": each row goes through ``return_save``, the service the forms use, so it is
rated, checked against the period's state and the caller's role, refused when its version is
stale, and audited with the token's user. A batch is all or nothing: any refused row leaves
every row unchanged, and every problem is reported with its row number.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from django.db import transaction

from scorecard.kinds import kind_named
from scorecard.models import ReportingPeriod
from scorecard.returns.services import (
    CONFIRM_FIELD,
    ReturnConflict,
    ReturnInvalid,
    ReturnRefused,
    return_save,
)

MAX_ROWS = 1000


@dataclass
class RowOutcome:
    row: int  # 1-based, as a person counts the rows they sent
    kind: str
    code: str
    period: str
    saved: Any = None
    errors: dict[str, str] = field(default_factory=dict)


def _item_and_period(kind, code: str, label: str) -> tuple[Any, ReportingPeriod | None, dict]:
    item = kind.model.objects.filter(code=code).first()
    period = ReportingPeriod.objects.filter(label=label).first()
    errors = {}
    if item is None:
        errors["code"] = f"There is no {kind.label} {code}"
    if period is None:
        errors["period"] = f"There is no period {label}"
    return item, period, errors


def _save_row(*, user: Any, number: int, row: dict) -> RowOutcome:
    kind = kind_named(row["kind"])
    outcome = RowOutcome(number, kind.name, row["code"], row["period"])
    item, period, outcome.errors = _item_and_period(kind, row["code"], row["period"])
    if outcome.errors:
        return outcome
    values = {name: row[name] for name in (*kind.fields, CONFIRM_FIELD) if name in row}
    try:
        outcome.saved = return_save(
            user=user,
            item=item,
            period=period,
            values=values,
            version=row["version"],
            submit=row.get("submit", False),
            reason=row.get("reason", ""),
        )
    except ReturnInvalid as invalid:
        outcome.errors = dict(invalid.errors)
    except (ReturnRefused, ReturnConflict) as refused:
        outcome.errors = {"non_field_errors": str(refused)}
    return outcome


def api_returns_save(*, user: Any, rows: list[dict]) -> tuple[bool, list[RowOutcome]]:
    """Save every row through ``return_save``, or none: (all saved?, each row's outcome)."""
    if not 1 <= len(rows) <= MAX_ROWS:
        raise ValueError(f"Send between 1 and {MAX_ROWS} rows, not {len(rows)}")
    with transaction.atomic():
        outcomes = [_save_row(user=user, number=n, row=row) for n, row in enumerate(rows, 1)]
        ok = not any(outcome.errors for outcome in outcomes)
        if not ok:
            # Nothing is kept, audit entries included, when any row was refused.
            transaction.set_rollback(True)
    return ok, outcomes
