"""Benchmarks: each measure's position among a comparator group, for pages and reports.

Issue 11 ("Position", "Pages and annexes"). Our own value is our approved result for the
period, never a comparator file's row (the council's area is left out even if present);
period-true: nothing after the period asked for is read. Every figure is worked out by the
pure rules in ``scorecard/rules/benchmarking.py``.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, replace
from decimal import Decimal
from functools import cached_property

from django.db.models import CharField
from django.db.models.functions import Cast

from scorecard.models import (
    ComparatorArea,
    ComparatorGroup,
    ComparatorValue,
    CouncilSettings,
    Measure,
    ReportingPeriod,
    Result,
    ReturnStatus,
)
from scorecard.rules.benchmarking import (
    QUARTILE_WORDS,
    Position,
    position,
    position_words,
    quartile_movement,
    rankable,
    standings,
)
from scorecard.rules.rag import Polarity
from scorecard.rules.units import format_value


@dataclass(frozen=True)
class Comparator:
    name: str
    code: str
    value: Decimal
    places: int
    text: str
    quartile: int
    rank: int
    ours: bool = False


@dataclass(frozen=True)
class Benchmark:
    """A measure's place in the group for one period, with every member's value."""

    measure: Measure
    period: ReportingPeriod
    group: ComparatorGroup
    position: Position
    result: Result
    values: list[tuple[int, tuple[Decimal, int]]]  # (area id, (value, places as written))
    council_name: str

    @cached_property
    def members(self) -> list[Comparator]:
        """Every member's value, best first, ours among them: worked out only for a page
        that shows them (a summary of hundreds of measures needs only the position)."""
        measure, own = self.measure, self.result.actual
        found = standings([own, *(value for _, (value, _) in self.values)], measure.polarity)
        areas = ComparatorArea.objects.in_bulk([area_id for area_id, _ in self.values])
        entries = [
            (areas[area_id].name, areas[area_id].code, value, places, False)
            for area_id, (value, places) in self.values
        ]
        entries.append((self.council_name, "", own, measure.decimal_places, True))
        members = [
            Comparator(
                name=name,
                code=code,
                value=value,
                places=places,
                text=format_value(value, measure.unit, places),
                rank=found[value][0],
                quartile=found[value][1],
                ours=ours,
            )
            for name, code, value, places, ours in entries
        ]
        return sorted(members, key=lambda c: (c.rank, not c.ours, c.name))

    def shown(self, value: Decimal) -> str:
        return format_value(value, self.measure.unit, self.measure.decimal_places)

    @property
    def value_text(self) -> str:
        return self.shown(self.position.value)

    @property
    def median_text(self) -> str:
        return self.shown(self.position.median)

    @property
    def best_text(self) -> str:
        return self.shown(self.position.best)

    @property
    def worst_text(self) -> str:
        return self.shown(self.position.worst)

    @property
    def threshold_text(self) -> str:
        return self.shown(self.position.top_quartile_threshold)

    @property
    def quartile_text(self) -> str:
        return QUARTILE_WORDS[self.position.quartile].capitalize()

    @property
    def words(self) -> str:
        return position_words(
            self.position,
            group=self.group.name,
            unit=self.measure.unit,
            places=self.measure.decimal_places,
        )


def groups() -> list[ComparatorGroup]:
    return list(ComparatorGroup.objects.order_by("name"))


def chosen_group(name_or_id: str | None) -> ComparatorGroup | None:
    """The group asked for by name or id, else the first by name; None when there is none."""
    found = list(ComparatorGroup.objects.order_by("name"))
    for group in found:
        if name_or_id and name_or_id in (group.name, str(group.pk)):
            return group
    return found[0] if found and not name_or_id else None


def benchmark_history(
    measures: Iterable[Measure], *, group: ComparatorGroup, until: ReportingPeriod
) -> dict[int, list[Benchmark]]:
    """Each measure's benchmarks, oldest first, for periods ending by ``until``'s end.

    Four queries whatever the number of measures (the council's settings, the comparator
    values as plain tuples, their periods, our results); the areas' names are read only when
    a page shows a benchmark's members.
    """
    named = [m for m in measures if m.external_indicator and rankable(m.polarity)]
    if not named:
        return {}
    council = CouncilSettings.load()
    by_key = _group_values(
        {m.external_indicator for m in named},
        group,
        council.area_code.strip().upper(),
        period__end__lte=until.end,
    )
    periods = ReportingPeriod.objects.in_bulk({pid for _, pid in by_key})
    ours = _approved_results(named, periods)
    keys_by_indicator: dict[str, list[int]] = defaultdict(list)
    for indicator, pid in by_key:
        keys_by_indicator[indicator].append(pid)
    history: dict[int, list[Benchmark]] = {}
    for measure in named:
        found = [
            _benchmark(
                measure,
                periods[pid],
                group,
                ours[(measure.pk, pid)],
                list(by_key[(measure.external_indicator, pid)].items()),
                council.council_name,
            )
            for pid in keys_by_indicator.get(measure.external_indicator, [])
            if (measure.pk, pid) in ours
        ]
        if found:
            history[measure.pk] = sorted(
                found, key=lambda b: (b.period.start, -b.period.end.toordinal())
            )
    return history


def _oldest_first(benchmark: Benchmark) -> tuple:
    return benchmark.period.start, -benchmark.period.end.toordinal()


def _group_values(
    indicators: set[str], group: ComparatorGroup, own: str, **periods
) -> dict[tuple[str, int], dict[int, tuple[Decimal, int]]]:
    """{(indicator, period id): {area id: (value, places)}} for the group's members but us,
    in the periods ``periods`` filters to (never one after the period a page views).

    Plain tuples, not model rows: a summary reads every member's value for every measure.
    Where several sources give an area's value, the first source by name is used.
    """
    rows = (
        ComparatorValue.objects.filter(indicator__in=indicators, area__groups=group, **periods)
        .exclude(area__code=own)
        .order_by("source", "pk")
        # The value as the database writes it, made a Decimal here: Django's per-row decimal
        # converter was half the summary's time at 100,000 values (issue 11's 250 ms budget).
        .annotate(text=Cast("value", CharField()))
        .values_list("indicator", "period_id", "area_id", "text", "places")
    )
    by_key: dict[tuple[str, int], dict[int, tuple[Decimal, int]]] = defaultdict(dict)
    for indicator, period_id, area_id, text, places in rows.iterator(chunk_size=20000):
        found = by_key[(indicator, period_id)]
        if area_id not in found:
            found[area_id] = (Decimal(text), places)
    return by_key


def _approved_results(
    measures: list[Measure], periods: dict[int, ReportingPeriod]
) -> dict[tuple[int, int], Result]:
    """Our approved results: our own value, never a comparator file's (issue 11)."""
    results = Result.objects.filter(
        measure__in=measures,
        period_id__in=list(periods),
        status=ReturnStatus.APPROVED,
        actual__isnull=False,
    )
    return {(r.measure_id, r.period_id): r for r in results}


def _benchmark(
    measure: Measure,
    period: ReportingPeriod,
    group: ComparatorGroup,
    result: Result,
    values: list[tuple[int, tuple[Decimal, int]]],
    council_name: str,
) -> Benchmark:
    found = position(result.actual, [value for _, (value, _) in values], measure.polarity)
    return Benchmark(measure, period, group, found, result, values, council_name)


def latest(history: list[Benchmark]) -> Benchmark | None:
    return history[-1] if history else None


def year_before(history: list[Benchmark], current: Benchmark) -> Benchmark | None:
    """The benchmark of the same period last year, for movement since last year."""
    label = current.period.ref.same_period_last_year().label
    return next((b for b in history if b.period.label == label), None)


@dataclass(frozen=True)
class SummaryRow:
    current: Benchmark
    before: Benchmark | None

    @property
    def movement(self) -> str:
        return quartile_movement(
            self.current.position.quartile, self.before.position.quartile if self.before else None
        )


@dataclass(frozen=True)
class Summary:
    rows: list[SummaryRow]

    @property
    def quartile_counts(self) -> list[tuple[str, int]]:
        """How many measures sit in each quartile, best first (issue 11)."""
        return [
            (
                QUARTILE_WORDS[q].capitalize(),
                sum(r.current.position.quartile == q for r in self.rows),
            )
            for q in (1, 2, 3, 4)
        ]

    @property
    def movement_counts(self) -> list[tuple[str, int]]:
        """How many moved up, stayed, moved down a quartile since last year, or cannot say."""
        moved = [r.movement.split(" ")[0] for r in self.rows]
        return [
            ("Moved up", moved.count("up")),
            ("Same quartile", moved.count("same")),
            ("Moved down", moved.count("down")),
            ("No comparison with last year", moved.count("no")),
        ]


def benchmark_summary(
    measures: Iterable[Measure], *, group: ComparatorGroup, until: ReportingPeriod
) -> Summary:
    """Each benchmarked measure's latest position by ``until``, and its movement since the
    same period a year before."""
    measures = list(measures)
    history = benchmark_history(measures, group=group, until=until)
    rows = []
    for measure in measures:
        current = latest(history.get(measure.pk, []))
        if current is not None:
            rows.append(SummaryRow(current, year_before(history[measure.pk], current)))
    return Summary(rows)


NO_COMPARATOR_DATA = "No comparator data"
NOT_APPROVED = "Not ranked: not yet approved"


def with_quartiles(items: list, *, group: ComparatorGroup | None, until: ReportingPeriod) -> list:
    """The items with their quartile and rank in ``group`` for the period each item's figure
    is for, for the scorecard's and the list's quartile columns (issue 11, "quartile columns
    available in the scorecard and lists").

    Period-true: a row's comparator period is its own figure's period, never a later one (and
    nothing after ``until`` is read); approved results only, as every benchmark. Five queries
    whatever the number of items (the measures, then ``benchmark_history``'s four).
    """
    codes = [item.code for item in items if item.kind == "measure"]
    measures = list(Measure.objects.filter(code__in=codes)) if group and codes else []
    history = benchmark_history(measures, group=group, until=until) if measures else {}
    by_code = {m.code: {b.period.label: b for b in history.get(m.pk, [])} for m in measures}
    return [_with_quartile(item, by_code) for item in items]


def _with_quartile(item, by_code: dict[str, dict[str, Benchmark]]):
    if item.kind != "measure":
        return item
    found = by_code.get(item.code, {}).get(item.period_label)
    if found is None:
        note = NOT_APPROVED if item.provisional else NO_COMPARATOR_DATA
        return replace(item, quartile_note=note)
    at = found.position
    return replace(item, quartile=at.quartile, rank=at.rank, of=at.of)


def cost_positions(
    costs: dict[int, tuple[str, Decimal, int]], *, group: ComparatorGroup
) -> dict[int, Position]:
    """Each service's cost position in ``group``: {service id: (cost indicator, our cost, the
    year's period id)} → {service id: Position}, lower cost best (issue 11, value for money:
    "cost quartile against the comparator group"). Only the same year's comparator costs,
    never a later one's; two queries whatever the number of services.
    """
    if not costs:
        return {}
    own = CouncilSettings.load().area_code.strip().upper()
    by_key = _group_values(
        {indicator for indicator, _, _ in costs.values()},
        group,
        own,
        period_id__in={pid for _, _, pid in costs.values()},
    )
    found = {}
    for service_id, (indicator, cost, period_id) in costs.items():
        values = [value for value, _ in by_key.get((indicator, period_id), {}).values()]
        if values:
            found[service_id] = position(cost, values, Polarity.LOWER)
    return found
