"""The benchmarking report: each measure's position among a comparator group (issue 11).

``manage.py export_report benchmarking --period P [--group NAME]``: one row per measure with
comparator data, and how many measures sit in each quartile. Period-true: each measure is
placed at its latest period ending by P's end; approved results only.
"""

from dataclasses import dataclass
from decimal import Decimal

from django.urls import reverse

from scorecard.models import ComparatorGroup, ReportingPeriod

from ..benchmarking import Summary, SummaryRow, benchmark_summary, chosen_group
from ..tables import BENCHMARK_COLUMNS, BENCHMARK_COUNT_COLUMNS
from .document import TableSection
from .scope import Scope


@dataclass(frozen=True)
class BenchmarkRow:
    code: str
    title: str
    url: str
    period_label: str
    value: Decimal
    median: Decimal
    unit: str
    decimal_places: int
    rank: int
    of: int
    quartile: int
    movement: str
    words: str


@dataclass(frozen=True)
class CountRow:
    label: str
    count: int


def benchmark_row(row: SummaryRow) -> BenchmarkRow:
    b = row.current
    return BenchmarkRow(
        code=b.measure.code,
        title=b.measure.title,
        url=reverse("measure_benchmarking", args=[b.measure.code]) + f"?group={b.group.pk}",
        period_label=b.period.label,
        value=b.position.value,
        median=b.position.median,
        unit=b.measure.unit,
        decimal_places=b.measure.decimal_places,
        rank=b.position.rank,
        of=b.position.of,
        quartile=b.position.quartile,
        movement=row.movement.capitalize(),
        words=b.words.capitalize(),
    )


def report_group(name: str | None) -> ComparatorGroup | None:
    """The group named (or the first by name; None when none is defined yet). LookupError, in
    words, for a name that is no group's."""
    group = chosen_group(name)
    if group is None and name:
        raise LookupError(f"There is no comparator group {name!r}.")
    return group


def benchmarking_sections(
    period: ReportingPeriod, scope: Scope, *, group: ComparatorGroup | None
) -> list[TableSection]:
    measures = scope.measures().exclude(external_indicator="").order_by("code")
    if group is None:
        summary = Summary([])
    else:
        summary = benchmark_summary(measures, group=group, until=period)
    rows = [benchmark_row(row) for row in summary.rows]
    counts = [CountRow(label, number) for label, number in summary.quartile_counts]
    counts += [CountRow(label, number) for label, number in summary.movement_counts]
    name = group.name if group else "a comparator group"
    return [
        TableSection(
            title=f"Benchmarking against {name}: summary",
            columns=BENCHMARK_COUNT_COLUMNS,
            groups=[("", counts)],
            note=("" if group else "No comparator group is defined yet. ")
            + f"{len(rows)} measure{'' if len(rows) == 1 else 's'} benchmarked, each at its "
            "latest period with comparator data by the report's period. Quartile 1 is the "
            "best quarter of the group.",
            sheet="Quartiles",
        ),
        TableSection(
            title=f"Each measure's position in {name}",
            columns=BENCHMARK_COLUMNS,
            groups=[("", rows)],
            footer=[("Measures benchmarked", str(len(rows)))],
            note="Rank 1 and quartile 1 are best, by each measure's polarity; Of counts the "
            "group with our council. Our value is our approved result; quartile thresholds "
            "are Excel's QUARTILE.INC. Each measure is shown at its latest period with "
            "comparator data.",
            sheet="Benchmarking",
            continues=True,
        ),
    ]


def benchmarked_measures(scope: Scope):
    return scope.measures().exclude(external_indicator="")
