"""Keep every stored RAG equal to what the rules say: re-rate results after any change."""

from collections.abc import Iterable

from scorecard.models import CouncilSettings, Measure, Result, Target
from scorecard.rules.periods import PeriodRef
from scorecard.rules.rag import Rating, Status, rag_for


def rate(
    measure: Measure,
    result: Result,
    *,
    target,
    last_year: Result | None,
    default_method: str,
) -> Rating:
    """Rate one result of a measure with the measure's rule (no NCI: a stored result exists)."""
    return rag_for(
        method=measure.effective_rag_method(default_method),
        polarity=measure.polarity,
        actual=result.actual,
        target=target,
        tolerance=measure.tolerance,
        unit=measure.unit,
        decimal_places=measure.decimal_places,
        last_year_actual=last_year.actual if last_year else None,
        last_year_label=last_year.period.label if last_year else "",
        judgement=Status(result.officer_rag) if result.officer_rag else None,
    )


def results_rerate(*, measure_ids: Iterable[int]) -> int:
    """Recalculate the stored RAG and explanation of every result of these measures.

    Three reads and one write per batch of 500, whatever the number of results. Returns how many
    results changed.
    """
    measure_ids = list(measure_ids)
    if not measure_ids:
        return 0
    default_method = CouncilSettings.load().default_rag_method
    measures = Measure.objects.in_bulk(measure_ids)
    targets = {
        (t.measure_id, t.period_id): t.value
        for t in Target.objects.filter(measure_id__in=measure_ids)
    }
    results = list(Result.objects.filter(measure_id__in=measure_ids).select_related("period"))
    by_period: dict[tuple[int, PeriodRef], Result] = {
        (r.measure_id, r.period.ref): r for r in results
    }
    changed = []
    for result in results:
        last_year = by_period.get((result.measure_id, result.period.ref.same_period_last_year()))
        rating = rate(
            measures[result.measure_id],
            result,
            target=targets.get((result.measure_id, result.period_id)),
            last_year=last_year,
            default_method=default_method,
        )
        rag = rating.status.value if rating.status.is_rated else ""
        if (result.rag, result.rag_explanation) != (rag, rating.explanation):
            result.rag, result.rag_explanation = rag, rating.explanation
            changed.append(result)
    # An upsert of loaded rows rather than bulk_update: Django's CASE … WHEN update is slow to
    # build for thousands of rows, and INSERT … ON CONFLICT writes them in a few statements.
    Result.objects.bulk_create(
        changed,
        batch_size=500,
        update_conflicts=True,
        unique_fields=["measure", "period"],
        update_fields=["rag", "rag_explanation"],
    )
    return len(changed)
