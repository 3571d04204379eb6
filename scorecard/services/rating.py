"""Keep stored RAGs equal to what the rules say, in the periods whose ratings still follow them.

A rating is signed off with its quarter (``scorecard.rules.signoff``): a change of target,
tolerance, polarity or method re-rates results in open periods; closed and locked periods keep
the rating and explanation they were signed off with until the performance team re-rates them
deliberately (``scorecard.returns.period_services.period_rerate``).
"""

from collections import defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from decimal import Decimal

from scorecard.models import CouncilSettings, Measure, ReportingPeriod, Result, Target
from scorecard.rules.aggregation import with_derivation, year_to_date
from scorecard.rules.measure_types import Aggregation
from scorecard.rules.periods import PeriodKind, PeriodRef
from scorecard.rules.rag import Goal, RagMethod, Rating, Status, rag_for
from scorecard.rules.returns import HANDED_IN
from scorecard.rules.signoff import rerates_automatically
from scorecard.services.rollup import aggregation_of

Months = Mapping[PeriodRef, Decimal]  # a measure's handed-in monthly figures, by month

ResultKey = tuple[int, int]  # (measure pk, period pk)


def goal_of(target: Target | Decimal | None) -> Goal:
    """What a target row rates against: its value, and its bounds for a range measure."""
    if isinstance(target, Target):
        return Goal(target.value, target.lower, target.upper)
    return Goal(target)


def rate(
    measure: Measure,
    result: Result,
    *,
    target: Target | Decimal | None,
    last_year: Result | None,
    default_method: str,
    annual: Target | None = None,
    months: Months | None = None,
    method: RagMethod | None = None,
) -> Rating:
    """Rate one result of a measure with the measure's rule (no NCI: a stored result exists).

    ``target`` is the period's target (its row, for a range measure's bounds); ``annual`` the
    year's, against which a measure rated by forecast rates the officer's year-end forecast.
    A month of a year-to-date measure that holds each month's own figure is rated by its year
    to date against its running target, from ``months`` (``year_to_date``), and says so.
    ``method`` rates by another rule than the measure's: what the target and tolerance give a
    measure rated by judgement (``scorecard.rules.judgement``).
    """
    goal = goal_of(target)
    actual, last_year_actual, how = result.actual, last_year.actual if last_year else None, ""
    if months is not None and runs_year_to_date(measure) and result.period.kind == _MONTH:
        places = {"unit": measure.unit, "decimal_places": measure.decimal_places}
        made = year_to_date(result.period.ref, result.actual, months, **places)
        actual, how = made.value, made.derivation
        if last_year is not None:
            ref = last_year.period.ref
            last_year_actual = year_to_date(ref, last_year.actual, months, **places).value
    rating = rag_for(
        method=method or measure.effective_rag_method(default_method),
        polarity=measure.polarity,
        actual=actual,
        target=goal.target,
        lower=goal.lower,
        upper=goal.upper,
        forecast=result.forecast,
        annual=goal_of(annual),
        tolerance=measure.tolerance,
        unit=measure.unit,
        decimal_places=measure.decimal_places,
        last_year_actual=last_year_actual,
        last_year_label=last_year.period.label if last_year else "",
        judgement=Status(result.officer_rag) if result.officer_rag else None,
    )
    explanation = with_derivation(how, rating.explanation) if how else rating.explanation
    if isinstance(target, Target) and target.derivation and rating.status.is_rated:
        # How a profiled target was derived, wherever the RAG is explained (issue 10).
        explanation = f"{explanation.rstrip('.')}. {target.derivation}."
    return Rating(rating.status, explanation)


_MONTH = PeriodKind.MONTH.value


def runs_year_to_date(measure: Measure) -> bool:
    """A year-to-date measure collected monthly whose months each hold their own figure."""
    return (
        measure.frequency == Measure.Frequency.MONTHLY
        and measure.cumulative
        and aggregation_of(measure) is Aggregation.SUM
    )


def handed_in_months(measure_ids: Iterable[int], years: Iterable[int]) -> dict[int, Months]:
    """The handed-in monthly figures of these measures in these years (and the year before
    each, for the same point last year), by measure: one query."""
    measure_ids, years = list(measure_ids), set(years)
    if not measure_ids:
        return {}
    rows = Result.objects.filter(
        measure_id__in=measure_ids,
        period__kind=_MONTH,
        period__year__in=years | {y - 1 for y in years},
        status__in=HANDED_IN,
    ).values_list("measure_id", "period__year", "period__number", "actual")
    months: dict[int, dict[PeriodRef, Decimal]] = defaultdict(dict)
    for measure_id, year, number, actual in rows.order_by():
        if actual is not None:
            months[measure_id][PeriodRef(PeriodKind.MONTH, year, number)] = actual
    return months


def annual_targets(measure_ids: Iterable[int], years: Iterable[int]) -> dict[tuple, Target]:
    """The year's target of each measure, by (measure pk, financial year), in one query."""
    return {
        (t.measure_id, t.period.year): t
        for t in Target.objects.filter(
            measure_id__in=list(measure_ids),
            period__kind=PeriodKind.YEAR.value,
            period__year__in=list(years),
        ).select_related("period")
    }


@dataclass(frozen=True)
class Rerated:
    """One result whose stored RAG moved: what it was and what it is now."""

    result: Result
    old_rag: str
    old_explanation: str


def results_rerate(*, measure_ids: Iterable[int], results: Iterable[ResultKey] = ()) -> int:
    """Recalculate the stored RAG of these measures' results in open periods.

    Results in closed and locked periods keep their signed-off rating, except those never rated
    and those named in ``results`` as (measure, period) pairs: results whose own figures were
    just written, which must be rated by what they now say. Three reads and one write per batch
    of 500, whatever the number of results. Returns how many results changed.
    """
    measure_ids = list(measure_ids)
    if not measure_ids:
        return 0
    written = set(results)
    stored = list(Result.objects.filter(measure_id__in=measure_ids).select_related("period"))
    due = [
        r
        for r in stored
        if rerates_automatically(
            state=r.period.state,
            rated=bool(r.rag_explanation),  # every rating explains itself: blank is never rated
            figures_written=(r.measure_id, r.period_id) in written,
        )
    ]
    return len(_rerate(due, last_years=stored))


def period_results_rerate(*, period: ReportingPeriod) -> list[Rerated]:
    """Recalculate the stored RAG of every result in ``period``, whatever its state.

    The deliberate re-rating of a signed-off period; the caller checks who asks and keeps the
    audit trail. Returns the results whose RAG or explanation changed.
    """
    due = list(Result.objects.filter(period=period).select_related("period", "measure"))
    last_year = period.ref.same_period_last_year()
    earlier = Result.objects.filter(
        measure_id__in={r.measure_id for r in due},
        period__kind=last_year.kind.value,
        period__year=last_year.year,
        period__number=last_year.number,
    ).select_related("period")
    return _rerate(due, last_years=[*due, *earlier])


def _rerate(due: list[Result], *, last_years: Iterable[Result]) -> list[Rerated]:
    """Rate ``due`` and store what changed; ``last_years`` holds their same periods last year."""
    if not due:
        return []
    measure_ids = {r.measure_id for r in due}
    default_method = CouncilSettings.load().default_rag_method
    measures = Measure.objects.in_bulk(measure_ids)
    targets = {
        (t.measure_id, t.period_id): t
        for t in Target.objects.filter(
            measure_id__in=measure_ids, period_id__in={r.period_id for r in due}
        )
    }
    annual = annual_targets(measure_ids, {r.period.year for r in due})
    by_period: dict[tuple[int, PeriodRef], Result] = {
        (r.measure_id, r.period.ref): r for r in last_years
    }
    running = [
        r for r in due if r.period.kind == _MONTH and runs_year_to_date(measures[r.measure_id])
    ]
    months = handed_in_months({r.measure_id for r in running}, {r.period.year for r in running})
    changed = []
    for result in due:
        last_year = by_period.get((result.measure_id, result.period.ref.same_period_last_year()))
        rating = rate(
            measures[result.measure_id],
            result,
            target=targets.get((result.measure_id, result.period_id)),
            last_year=last_year,
            default_method=default_method,
            annual=annual.get((result.measure_id, result.period.year)),
            months=months.get(result.measure_id, {}),
        )
        rag = rating.status.value if rating.status.is_rated else ""
        if (result.rag, result.rag_explanation) != (rag, rating.explanation):
            changed.append(Rerated(result, result.rag, result.rag_explanation))
            result.rag, result.rag_explanation = rag, rating.explanation
    # An upsert of loaded rows rather than bulk_update: Django's CASE … WHEN update is slow to
    # build for thousands of rows, and INSERT … ON CONFLICT writes them in a few statements.
    Result.objects.bulk_create(
        [c.result for c in changed],
        batch_size=500,
        update_conflicts=True,
        unique_fields=["measure", "period"],
        update_fields=["rag", "rag_explanation"],
    )
    return changed


def rule_rating(
    measure: Measure, result: Result, *, target: Target | Decimal | None, default_method: str
) -> Rating | None:
    """What the target and tolerance give a result its officer rates by judgement; else None.

    The plain tolerance rule (issue 12: "what the measure's target and tolerance would give"),
    so it needs neither last year nor the annual target.
    """
    if measure.effective_rag_method(default_method) is not RagMethod.JUDGEMENT:
        return None
    return rate(
        measure,
        result,
        target=target,
        last_year=None,
        default_method=default_method,
        method=RagMethod.TOLERANCE,
    )
