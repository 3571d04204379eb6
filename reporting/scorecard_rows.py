"""The scorecard for a period: each measure's value, target, RAG, travel and risk.

Everything a dashboard, a list, a scorecard annex or an export shows about measures comes from
`scorecard_rows`, in a fixed number of queries whatever the number of measures.
"""

from dataclasses import dataclass, replace
from datetime import date
from decimal import Decimal

from django.db.models import Min, QuerySet, prefetch_related_objects
from django.utils import timezone

from scorecard.models import (
    CouncilSettings,
    Measure,
    ReportingPeriod,
    Result,
    ReturnStatus,
    Target,
)
from scorecard.rules.aggregation import with_derivation
from scorecard.rules.periods import PeriodRef, default_deadline
from scorecard.rules.rag import Polarity, Status, status_of
from scorecard.rules.reporting import due_period, reported_periods
from scorecard.rules.returns import HANDED_IN, is_past_deadline
from scorecard.rules.travel import Direction, direction_of_travel

# Submitted but not yet approved: shown marked "Provisional", or, in a report of approved
# figures only, counted as awaiting approval (DOMAIN.md, "What a published figure is").
PROVISIONAL = ReturnStatus.SUBMITTED


def is_provisional(record) -> bool:
    """A result or action update submitted but not yet approved."""
    return record is not None and record.status == PROVISIONAL


@dataclass(frozen=True)
class ScorecardRow:
    measure: Measure
    period_label: str  # the period whose value is shown (a year for an annual measure)
    actual: Decimal | None
    target: Decimal | None
    status: Status
    explanation: str
    short_term: Direction | None
    long_term: Direction | None
    result: Result | None
    objective_pks: tuple[int, ...] = ()
    provisional: bool = False  # submitted, not yet approved

    @property
    def code(self) -> str:
        return self.measure.code

    @property
    def risk_score(self) -> int | None:
        return self.result.risk_score if self.result else None


@dataclass(frozen=True)
class _Loaded:
    """Everything the rows are built from, read in a fixed number of queries."""

    periods: dict[PeriodRef, ReportingPeriod]
    results: dict[tuple[int, int], Result]  # whole results, for the periods shown
    actuals: dict[tuple[int, int], Decimal | None]  # just the actual, for those compared with
    targets: dict[tuple[int, int], Decimal]
    objective_pks: dict[int, list[int]]

    def result_in(self, measure: Measure, shown: PeriodRef) -> Result | None:
        found = self.periods.get(shown)
        return self.results.get((measure.pk, found.pk)) if found else None

    def actual_in(self, measure: Measure, compared: PeriodRef) -> Decimal | None:
        found = self.periods.get(compared)
        return self.actuals.get((measure.pk, found.pk)) if found else None

    def target_in(self, measure: Measure, found: ReportingPeriod | None) -> Decimal | None:
        return self.targets.get((measure.pk, found.pk)) if found else None

    def objectives_of(self, measure: Measure) -> tuple[int, ...]:
        return tuple(self.objective_pks.get(measure.pk, ()))


def _load(ref: PeriodRef, measures: list[Measure], include_provisional: bool) -> _Loaded:
    """Read the periods, results, actuals, targets and objective links the rows need."""
    shown_refs: set[PeriodRef] = set()
    for frequency in {m.frequency for m in measures}:
        shown_refs.update(reported_periods(frequency, ref))
    wanted = shown_refs | {r.previous() for r in shown_refs}
    wanted |= {r.same_period_last_year() for r in shown_refs}
    periods = {
        p.ref: p for p in ReportingPeriod.objects.filter(label__in={r.label for r in wanted})
    }
    period_ids = [p.pk for p in periods.values()]
    measure_ids = [m.pk for m in measures]
    # order_by(): the models' default orderings sort by related fields, which would join the
    # measures and periods into every one of these reads just to sort rows put into dicts.
    reported = Result.objects.filter(measure_id__in=measure_ids, status__in=HANDED_IN).order_by()
    results = {
        (r.measure_id, r.period_id): r
        for r in reported.filter(period_id__in=[periods[r].pk for r in shown_refs if r in periods])
    }
    compared = reported if include_provisional else reported.exclude(status=PROVISIONAL)
    actuals = {
        (measure_id, period_id): actual
        for measure_id, period_id, actual in compared.filter(period_id__in=period_ids).values_list(
            "measure_id", "period_id", "actual"
        )
    }
    targets = {
        (measure_id, period_id): value
        for measure_id, period_id, value in Target.objects.filter(
            period_id__in=period_ids, measure_id__in=measure_ids
        )
        .order_by()
        .values_list("measure_id", "period_id", "value")
    }
    # The links themselves, not a prefetch: a thousand related managers cost more than the rows.
    objective_pks: dict[int, list[int]] = {}
    links = Measure.objectives.through.objects.filter(measure_id__in=measure_ids).order_by()
    for measure_id, objective_id in links.values_list("measure_id", "objective_id"):
        objective_pks.setdefault(measure_id, []).append(objective_id)
    return _Loaded(periods, results, actuals, targets, objective_pks)


def _shown_period(data: _Loaded, measure: Measure, ref: PeriodRef) -> PeriodRef | None:
    """The latest period up to ``ref`` that the measure reports and has a value for."""
    return next(
        (
            p
            for p in reported_periods(measure.frequency, ref)
            if _has_value(data.result_in(measure, p))
        ),
        None,
    )


def _row_with_nothing_shown(
    data: _Loaded,
    measure: Measure,
    period: ReportingPeriod,
    started: date | None,
    deadline_days: int,
    today: date,
) -> ScorecardRow | None:
    """NCI or not yet due for the period due; None when the measure had not started then."""
    due = due_period(measure.frequency, period.ref)
    found = data.periods.get(due)
    deadline = found.deadline if found else default_deadline(due, deadline_days)
    target = data.target_in(measure, found)
    # Nothing is due before a measure's first target or result: a measure set up in
    # 2011 is not missing its 2009 results.
    if started is not None and started > period.end:
        # Period-true: a measure whose first target or result comes after the report's
        # period was not part of the framework then (Oxford City's 2011 measures are
        # not "Not rated" in a 2009/10 pack); one with no figures yet is still listed.
        return None
    in_force = started is not None and started <= due.end
    row = _missing_row(measure, due, deadline, target, today, in_force)
    return replace(row, objective_pks=data.objectives_of(measure))


def _row_shown(
    data: _Loaded, measure: Measure, shown: PeriodRef, include_provisional: bool
) -> ScorecardRow:
    """The measure's result in ``shown``, its RAG and its travel; or awaiting approval."""
    result = data.result_in(measure, shown)
    target = data.target_in(measure, data.periods[shown])
    if is_provisional(result) and not include_provisional:
        row = _awaiting_row(measure, shown, target)
        return replace(row, objective_pks=data.objectives_of(measure))
    travel = {
        "polarity": measure.polarity,
        "current": result.actual,
        "decimal_places": measure.decimal_places,
        # A range measure's target is the middle of its range, which travel moves toward.
        "middle": target if measure.polarity == Polarity.RANGE else None,
    }
    return ScorecardRow(
        measure=measure,
        period_label=shown.label,
        actual=result.actual,
        target=target,
        status=status_of(result.rag),
        explanation=with_derivation(result.derivation, result.rag_explanation),
        # A year-to-date figure grows through the year: only the same point last
        # year says whether it improved, so a cumulative measure has no short term.
        short_term=None
        if measure.cumulative
        else direction_of_travel(previous=data.actual_in(measure, shown.previous()), **travel),
        long_term=direction_of_travel(
            previous=data.actual_in(measure, shown.same_period_last_year()), **travel
        ),
        result=result,
        objective_pks=data.objectives_of(measure),
        provisional=is_provisional(result),
    )


def measures_for_rows(measures: QuerySet) -> list[Measure]:
    """The measures as ``scorecard_rows`` reads them: a caller rating the same measures in
    many periods (the API's fact table) reads them once and passes this list to each call."""
    return _with_shared_relations(list(measures.defer("definition", "data_quality")))


def scorecard_rows(
    period: ReportingPeriod,
    measures: QuerySet | list[Measure],
    *,
    today: date | None = None,
    include_provisional: bool = True,
) -> list[ScorecardRow]:
    """Rate every measure in `measures` for `period`, with NCI for what is missing and overdue.

    Dashboards show results awaiting approval, marked provisional; a report of approved
    figures only (`include_provisional=False`) shows such a measure as awaiting approval, and
    judges travel against approved figures alone.
    """
    today = today or timezone.localdate()
    deadline_days = CouncilSettings.load().deadline_days
    if not isinstance(measures, list):
        measures = measures_for_rows(measures)
    data = _load(period.ref, measures, include_provisional)
    shown_for = {measure.pk: _shown_period(data, measure, period.ref) for measure in measures}
    # Only the measures with nothing to show need to know when they started.
    first_period = _first_periods([pk for pk, shown in shown_for.items() if shown is None])
    rows = []
    for measure in measures:
        shown = shown_for[measure.pk]
        if shown is None:
            started = first_period.get(measure.pk)
            row = _row_with_nothing_shown(data, measure, period, started, deadline_days, today)
        else:
            row = _row_shown(data, measure, shown, include_provisional)
        if row is not None:
            rows.append(row)
    return rows


def _awaiting_row(measure: Measure, shown: PeriodRef, target: Decimal | None) -> ScorecardRow:
    """A result not yet approved, in a report of approved figures: neither figure nor rating."""
    return ScorecardRow(
        measure=measure,
        period_label=shown.label,
        actual=None,
        target=target,
        status=Status.AWAITING_APPROVAL,
        explanation=f"Awaiting approval: the result for {shown.label} has been submitted and "
        "is published once it is approved.",
        short_term=None,
        long_term=None,
        result=None,
    )


def _with_shared_relations(measures: list[Measure]) -> list[Measure]:
    """Attach each measure's directorate, perspective and lead user from one small read each.

    Prefetched rather than select_related: one object per directorate is shared by its
    measures rather than a copy per row, so a thousand measures build a few dozen objects,
    not three thousand.
    """
    prefetch_related_objects(measures, "directorate", "perspective", "lead_user")
    return measures


def _has_value(result: Result | None) -> bool:
    return result is not None and (result.actual is not None or bool(result.officer_rag))


def _first_periods(measure_ids: list[int]) -> dict[int, date]:
    """When each measure's first target or result period starts, in two queries."""
    first: dict[int, date] = {}
    if not measure_ids:
        return first
    for model in (Target, Result):
        rows = (
            model.objects.filter(measure_id__in=measure_ids)
            .values("measure_id")
            .annotate(start=Min("period__start"))
        )
        for row in rows:
            known = first.get(row["measure_id"])
            first[row["measure_id"]] = min(known, row["start"]) if known else row["start"]
    return first


def _missing_row(
    measure: Measure,
    due: PeriodRef,
    deadline: date,
    target: Decimal | None,
    today: date,
    in_force: bool,
) -> ScorecardRow:
    if in_force and is_past_deadline(deadline, today):
        status = Status.NCI
        explanation = (
            f"No Current Information: no result for {due.label} was submitted by the deadline "
            f"of {deadline:%-d %B %Y}."
        )
    else:
        status, explanation = Status.NOT_RATED, f"Not rated: no result for {due.label} yet."
    return ScorecardRow(
        measure=measure,
        period_label=due.label,
        actual=None,
        target=target,
        status=status,
        explanation=explanation,
        short_term=None,
        long_term=None,
        result=None,
    )
