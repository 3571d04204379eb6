"""Keep each monthly measure's quarters and years equal to what its approved months make.

Every write of a monthly result (the return form, sign-off, the Excel return and the plan
workbook) ends by calling ``rollups_refresh`` for the measures it touched, before re-rating:
the one path by which rolled-up results are written. A rolled-up result is the measure's
figure for the quarter (its year to date when cumulative) and the year
(``scorecard.rules.aggregation``): approved only when every month it covers is approved,
otherwise submitted, so reports mark it provisional and its derivation names the missing
months. It is not a return: no officer enters, submits or approves it (``ItemKind.returnable``).
A quarter or year an officer entered a figure for keeps that figure.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from decimal import ROUND_HALF_UP, Decimal
from typing import Any

from scorecard.models import CouncilSettings, Measure, Result, ReturnStatus
from scorecard.returns.audit import WorkedOut, audit_worked_out, changes_between
from scorecard.rules.aggregation import MonthFigure, Rollup, months_covered, roll_up
from scorecard.rules.measure_types import Aggregation, ResultSource, default_aggregation
from scorecard.rules.periods import PeriodKind, PeriodRef, quarters_of_year, year_of
from scorecard.services.periods import periods_ensure

ResultKey = tuple[int, int]  # (measure pk, period pk)
STORED_PLACES = Decimal("0.0001")  # Result's fields keep four places (VALUE_DIGITS)
ROLLED_UP = ResultSource.ROLLED_UP.value
FIGURES = ("actual", "numerator", "denominator", "status", "derivation")


def aggregation_of(measure: Measure) -> Aggregation:
    """The measure's own aggregation, or its default: ratio for a ratio measure, else by type."""
    if measure.aggregation:
        return Aggregation(measure.aggregation)
    if measure.measure_type == "ratio":
        return Aggregation.RATIO
    return default_aggregation(cumulative=measure.cumulative)


def rollups_refresh(*, measure_ids: Iterable[int], user: Any = None) -> set[ResultKey]:
    """Recompute the rolled-up quarters and years of these measures from their approved months.

    Only monthly measures are rolled up. A few reads and bulk writes (plus a delete of any
    rolled-up result whose months have all gone) whatever the number of measures; each result
    made, changed or removed is audited with how it was made, as caused by ``user``. Returns
    the (measure, period) of each result whose figures changed, for ``results_rerate`` to rate
    even in a closed period.
    """
    measures = list(
        Measure.objects.filter(pk__in=list(measure_ids), frequency=Measure.Frequency.MONTHLY)
    )
    if not measures:
        return set()
    months = _approved_months([m.pk for m in measures])
    made = {
        (measure.pk, ref): rollup
        for measure in measures
        for ref, rollup in _rollups(measure, months.get(measure.pk, [])).items()
    }
    stored = {
        (r.measure_id, r.period.ref): r
        for r in Result.objects.filter(
            measure_id__in=[m.pk for m in measures],
            period__kind__in=[PeriodKind.QUARTER.value, PeriodKind.YEAR.value],
        ).select_related("period")
    }
    # An officer's own figure for a quarter is theirs: it is neither replaced nor deleted.
    made = {key: r for key, r in made.items() if _rolled_up_or_new(stored.get(key))}
    stale = [r for key, r in stored.items() if r.source == ROLLED_UP and key not in made]
    codes = {m.pk: m.code for m in measures}
    if stale:
        audit_worked_out(user=user, made=[_removed(r, codes[r.measure_id]) for r in stale])
        Result.objects.filter(pk__in=[r.pk for r in stale]).delete()
    written = _write(made, stored)
    _audit(user, written, stored, codes)
    return {(r.measure_id, r.period_id) for _, r in written}


def _shown(result: Result | None) -> dict:
    if result is None:
        return {}
    return {"actual": _stored(result.actual), "status": result.status}


def _removed(result: Result, code: str) -> WorkedOut:
    return WorkedOut(
        result,
        f"Removed {code} {result.period.label}: none of its months is approved any more",
        changes_between(_shown(result), {"actual": None, "status": None}),
        "",
    )


def _audit(user: Any, written: list[tuple[PeriodRef, Result]], stored: dict, codes: dict) -> None:
    """Keep each rolled-up result written: from what to what, and its derivation as the how."""
    if not written:
        return
    pks = {
        (m, p): pk
        for pk, m, p in Result.objects.filter(
            measure_id__in={r.measure_id for _, r in written},
            period_id__in={r.period_id for _, r in written},
        ).values_list("pk", "measure_id", "period_id")
    }
    made = []
    for ref, row in written:
        row.pk = pks[(row.measure_id, row.period_id)]
        made.append(
            WorkedOut(
                row,
                f"Rolled up {codes[row.measure_id]} {ref.label} from its months",
                changes_between(_shown(stored.get((row.measure_id, ref))), _shown(row)),
                row.derivation,
            )
        )
    audit_worked_out(user=user, made=made)


def _rolled_up_or_new(result: Result | None) -> bool:
    return result is None or result.source == ROLLED_UP


def _approved_months(measure_ids: list[int]) -> dict[int, list[MonthFigure]]:
    """Each measure's approved monthly figures, in one query."""
    rows = Result.objects.filter(
        measure_id__in=measure_ids,
        period__kind=PeriodKind.MONTH.value,
        status=ReturnStatus.APPROVED,
    ).values_list(
        "measure_id", "period__year", "period__number", "actual", "numerator", "denominator"
    )
    months: dict[int, list[MonthFigure]] = defaultdict(list)
    for measure_id, year, number, actual, numerator, denominator in rows.order_by():
        month = PeriodRef(PeriodKind.MONTH, year, number)
        months[measure_id].append(MonthFigure(month, actual, numerator, denominator))
    return months


def _rollups(measure: Measure, figures: list[MonthFigure]) -> dict[PeriodRef, Rollup]:
    """The quarters and years that have an approved month of their own, each rolled up."""
    own = {f.month for f in figures}
    due: set[PeriodRef] = set()
    for month in own:
        due.add(year_of(month))
        for quarter in quarters_of_year(month.year):
            if month in months_covered(quarter, cumulative=False):
                due.add(quarter)
    aggregation = aggregation_of(measure)
    return {
        ref: roll_up(
            ref,
            figures,
            aggregation=aggregation,
            unit=measure.unit,
            decimal_places=measure.decimal_places,
            cumulative=measure.cumulative and ref.kind is PeriodKind.QUARTER,
        )
        for ref in due
    }


def _stored(value: Decimal | None) -> Decimal | None:
    return None if value is None else value.quantize(STORED_PLACES, rounding=ROUND_HALF_UP)


def _write(
    made: dict[tuple[int, PeriodRef], Rollup], stored: dict
) -> list[tuple[PeriodRef, Result]]:
    """Upsert the rolled-up results whose figures differ from those stored; return them."""
    if not made:
        return []
    deadline_days = CouncilSettings.load().deadline_days
    periods = periods_ensure({ref for _, ref in made}, deadline_days=deadline_days)
    rows = []
    for (measure_id, ref), rollup in made.items():
        figures = {
            "actual": _stored(rollup.value),
            "numerator": _stored(rollup.numerator),
            "denominator": _stored(rollup.denominator),
            "status": ReturnStatus.SUBMITTED if rollup.provisional else ReturnStatus.APPROVED,
            "derivation": rollup.derivation,
        }
        before = stored.get((measure_id, ref))
        if before is not None and all(getattr(before, k) == v for k, v in figures.items()):
            continue
        rows.append(
            (
                ref,
                Result(
                    measure_id=measure_id,
                    period_id=periods[ref.label].pk,
                    source=ROLLED_UP,
                    **figures,
                ),
            )
        )
    Result.objects.bulk_create(
        [row for _, row in rows],
        batch_size=500,
        update_conflicts=True,
        unique_fields=["measure", "period"],
        update_fields=[*FIGURES, "source", "updated_at"],
    )
    return rows
