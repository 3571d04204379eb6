"""Direction of travel beside each result the API lists (issue 14, "Read").

Judged as the scorecard judges a result shown in its own period (``reporting.scorecard_rows``):
against the handed-in actual of the previous period (short term; none for a year-to-date
figure) and of the same period last year (long term), at the measure's places, a range measure
toward its target. Read for a whole page of results in three queries.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from django.db.models import QuerySet

from scorecard.models import ReportingPeriod, Result, Target
from scorecard.rules.periods import PeriodRef
from scorecard.rules.rag import Polarity
from scorecard.rules.returns import HANDED_IN
from scorecard.rules.travel import YEAR_TO_DATE_SHORT_TERM, Travel, travel_explained


def _by_measure_and_period(rows: QuerySet, value: str) -> dict[tuple[int, int], Any]:
    # order_by(): the default orderings would join measures and periods just to sort.
    triples = rows.order_by().values_list("measure_id", "period_id", value)
    return {(measure_id, period_id): found for measure_id, period_id, found in triples}


def results_travel(results: Sequence[Result]) -> dict[int, tuple[Travel, Travel]]:
    """Each result's (short term, long term) travel, by the result's pk.

    The results come with their measure and period loaded.
    """
    compared = {r.period.ref.previous() for r in results}
    compared |= {r.period.ref.same_period_last_year() for r in results}
    labels = {ref.label for ref in compared}
    periods = {p.ref: p.pk for p in ReportingPeriod.objects.filter(label__in=labels)}
    actuals = _by_measure_and_period(
        Result.objects.filter(
            measure_id__in={r.measure_id for r in results},
            period_id__in=periods.values(),
            status__in=HANDED_IN,
        ),
        "actual",
    )
    ranges = [r for r in results if r.measure.polarity == Polarity.RANGE]
    middles = _by_measure_and_period(
        Target.objects.filter(
            measure_id__in={r.measure_id for r in ranges},
            period_id__in={r.period_id for r in ranges},
        ),
        "value",
    )

    def against(result: Result, ref: PeriodRef) -> Travel:
        measure = result.measure
        return travel_explained(
            polarity=measure.polarity,
            current=result.actual,
            previous=actuals.get((measure.pk, periods.get(ref))),
            compared_with=ref.label,
            unit=measure.unit,
            decimal_places=measure.decimal_places,
            middle=middles.get((measure.pk, result.period_id)),
        )

    def short_term(result: Result) -> Travel:
        if result.measure.cumulative:
            return YEAR_TO_DATE_SHORT_TERM
        return against(result, result.period.ref.previous())

    def long_term(result: Result) -> Travel:
        return against(result, result.period.ref.same_period_last_year())

    return {result.pk: (short_term(result), long_term(result)) for result in results}
