"""Calculated measures' results: worked out again whenever one of their inputs is written.

A calculated measure (``Measure.measure_type`` "calculated") has no return of its own: its
value for a period is its formula (``scorecard.rules.formula``) over its inputs' results for
the same period. Every service that writes a result's figures or status (``return_save``,
``return_approve``, ``return_send_back``, the plan workbook and the Excel return through
``workbook_apply``) calls ``calculated_refresh`` with what it wrote; it recomputes every
calculated measure that depends on those results, through other calculated measures too, in
dependency order, and rates them with the one engine (``scorecard.services.rating``).

Only handed-in inputs count (a draft is private to its officer); the calculated result is
approved when every input is approved, and otherwise provisional (submitted), saying which
input is still waiting, as any figure that is not yet signed off.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from django.db.models import Q
from django.utils import timezone

from scorecard.models import Measure, ReportingPeriod, Result, ReturnStatus
from scorecard.returns.audit import WorkedOut, audit_worked_out, changes_between
from scorecard.rules.formula import (
    Formula,
    FormulaError,
    evaluate,
    explain,
    in_words,
    parse_formula,
)
from scorecard.rules.measure_types import MeasureType, ResultSource
from scorecard.rules.returns import HANDED_IN
from scorecard.rules.units import format_value, quantize

from .rating import ResultKey, results_rerate

STORED_LIMIT = Decimal(10) ** 14  # Result.actual holds 18 digits, 4 after the point
Due = dict[int, set[str]]  # period pk -> codes of the calculated measures to work out there


@dataclass(frozen=True)
class Calculated:
    """A calculated measure: its row and its formula, read."""

    measure: Measure
    formula: Formula


def calculated_measures() -> dict[str, Calculated]:
    """Every calculated measure whose formula reads, by code: one query."""
    found = {}
    for measure in Measure.objects.filter(measure_type=MeasureType.CALCULATED).exclude(formula=""):
        try:
            found[measure.code] = Calculated(measure, parse_formula(measure.formula))
        except FormulaError:
            continue  # refused at set-up; an old row is left alone rather than guessed at
    return found


def dependency_order(calculated: dict[str, Calculated]) -> list[str]:
    """The calculated measures' codes, each after every calculated measure it uses."""
    ordered: list[str] = []
    placed: set[str] = set()

    def place(code: str, path: frozenset[str]) -> None:
        if code in placed or code in path:  # a cycle is refused at set-up; never loop on one
            return
        for used in calculated[code].formula.codes:
            if used in calculated:
                place(used, path | {code})
        placed.add(code)
        ordered.append(code)

    for code in sorted(calculated):
        place(code, frozenset())
    return ordered


def dependents(calculated: dict[str, Calculated], codes: Iterable[str]) -> set[str]:
    """The calculated measures that use any of ``codes``, directly or through others."""
    found: set[str] = set()
    frontier = set(codes)
    while frontier:
        frontier = {
            code
            for code, calc in calculated.items()
            if code not in found and frontier & set(calc.formula.codes)
        }
        found |= frontier
    return found


def calculated_refresh(
    *, results: Iterable[ResultKey] = (), measure_ids: Iterable[int] = (), user: Any = None
) -> list[ResultKey]:
    """Work out again the calculated measures that depend on results just written.

    ``results`` are the (measure, period) pairs written; ``measure_ids`` are measures whose
    formula changed, worked out in every period where one of their inputs has a result.
    Returns the calculated results that changed, each audited with how it was worked out, as
    caused by ``user``. A fixed number of queries whatever the number of results: the
    calculated measures, the codes' ids, the inputs' results, the audit.
    """
    results, measure_ids = set(results), set(measure_ids)
    if not results and not measure_ids:
        return []
    calculated = calculated_measures()
    if not calculated:
        return []
    codes = {code for calc in calculated.values() for code in calc.formula.codes}
    pks = dict(Measure.objects.filter(code__in=codes | set(calculated)).values_list("code", "pk"))
    code_of = {pk: code for code, pk in pks.items()}
    due = _due(calculated, results, measure_ids, pks, code_of)
    if not due:
        return []
    changed = _work_out(calculated, due, pks, user)
    if changed:
        results_rerate(measure_ids={m for m, _ in changed}, results=changed)
    return changed


def _due(
    calculated: dict[str, Calculated],
    results: set[ResultKey],
    measure_ids: set[int],
    pks: dict[str, int],
    code_of: dict[int, str],
) -> Due:
    """The calculated measures to work out, by period.

    Those using a written result, in its period; and those whose formula changed, in every
    period where they or their inputs have a result, except a locked period where they already
    have one: like a change of RAG method, a new formula leaves signed-off quarters as they
    were signed off (``scorecard.rules.signoff``).
    """
    due: Due = {}
    users = {
        m: dependents(calculated, [code_of[m]]) for m in {m for m, _ in results} & set(code_of)
    }
    for measure_id, period_id in results:
        if users.get(measure_id):
            due.setdefault(period_id, set()).update(users[measure_id])
    changed = {code_of[pk] for pk in measure_ids if code_of.get(pk) in calculated}
    if not changed:
        return due
    changed |= dependents(calculated, changed)
    uses = {pks[c] for code in changed for c in calculated[code].formula.codes if c in pks}
    own = [pks[code] for code in changed]
    signed_off = set(
        Result.objects.filter(measure_id__in=own, period__state=ReportingPeriod.State.LOCKED)
        .values_list("measure_id", "period_id")
        .order_by()
    )
    periods = Result.objects.filter(Q(measure_id__in=uses) | Q(measure_id__in=own))
    for period_id in set(periods.values_list("period_id", flat=True).order_by()):
        codes = {code for code in changed if (pks[code], period_id) not in signed_off}
        if codes:
            due.setdefault(period_id, set()).update(codes)
    return due


def _work_out(
    calculated: dict[str, Calculated], due: Due, pks: dict[str, int], user: Any
) -> list[ResultKey]:
    """Evaluate what is due in dependency order; store and audit what changed."""
    wanted = {code for codes in due.values() for code in codes}
    inputs = {c for code in wanted for c in calculated[code].formula.codes} | wanted
    stored = {
        (r.measure_id, r.period_id): r
        for r in Result.objects.filter(
            measure_id__in=[pks[c] for c in inputs if c in pks], period_id__in=due
        )
    }
    order = dependency_order(calculated)
    now = timezone.now()
    written, audits = [], []
    for period_id, codes in due.items():
        for code in [c for c in order if c in codes]:
            calc = calculated[code]
            found = {c: stored.get((pks.get(c), period_id)) for c in calc.formula.codes}
            key = (calc.measure.pk, period_id)
            new = calculated_result(calc, found, period_id=period_id, now=now)
            old = stored.get(key)
            if old is None or _differs(old, new):
                new.version = old.version + 1 if old is not None else 1
                stored[key] = new
                written.append(new)
                audits.append((code, new, old))
    Result.objects.bulk_create(
        written,
        batch_size=500,
        update_conflicts=True,
        unique_fields=["measure", "period"],
        update_fields=[*_FIELDS, "version", "updated_at", "submitted_at"],
    )
    _audit(user, audits)
    return [(r.measure_id, r.period_id) for r in written]


_FIELDS = ("actual", "status", "source", "derivation")


def _differs(old: Result, new: Result) -> bool:
    return any(getattr(old, name) != getattr(new, name) for name in _FIELDS)


def _audit(user: Any, audits: list[tuple[str, Result, Result | None]]) -> None:
    """Keep each calculated result written, with its derivation as the how: one read."""
    if not audits:
        return
    keys = {(new.measure_id, new.period_id) for _, new, _ in audits}
    stored = {
        (m, p): (pk, label)
        for pk, m, p, label in Result.objects.filter(
            measure_id__in={m for m, _ in keys}, period_id__in={p for _, p in keys}
        ).values_list("pk", "measure_id", "period_id", "period__label")
    }
    made = []
    for code, new, old in audits:
        new.pk, label = stored[(new.measure_id, new.period_id)]
        shown = [{"actual": r.actual, "status": r.status} if r else {} for r in (old, new)]
        summary = f"Calculated {code} {label} by its formula"
        made.append(WorkedOut(new, summary, changes_between(*shown), new.derivation))
    audit_worked_out(user=user, made=made)


def calculated_result(
    calc: Calculated, found: dict[str, Result | None], *, period_id: int, now
) -> Result:
    """A calculated measure's result for a period, from its inputs' stored results there.

    Only handed-in inputs are used. Approved when every input is approved; otherwise
    submitted (provisional), and the derivation names the inputs still waiting.
    """
    usable = {c: r for c, r in found.items() if r is not None and r.status in HANDED_IN}
    values = {c: (r.actual if r is not None else None) for c, r in usable.items()}
    calculation = evaluate(calc.formula, values)
    value = calculation.value
    reason = calculation.reason
    if value is not None and abs(value) >= STORED_LIMIT:
        value, reason = None, "not calculated: the result is too large to store"
    waiting = [
        c for c in calc.formula.codes if c in usable and usable[c].status != ReturnStatus.APPROVED
    ]
    approved = value is not None and len(usable) == len(calc.formula.codes) and not waiting
    measure = calc.measure
    if value is None:
        derivation = reason[:1].upper() + reason[1:] + "."
    else:
        value = quantize(value, 4)
        shown = format_value(value, measure.unit, measure.decimal_places)
        derivation = f"{shown} {explain(calc.formula, values)}."
        if waiting:
            verb = "is" if len(waiting) == 1 else "are"
            derivation += f" Provisional until {in_words(waiting)} {verb} approved."
    return Result(
        measure=measure,
        period_id=period_id,
        actual=value,
        status=ReturnStatus.APPROVED if approved else ReturnStatus.SUBMITTED,
        source=ResultSource.CALCULATED,
        derivation=derivation,
        submitted_at=now,
        updated_at=now,
    )
