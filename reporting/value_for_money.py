"""Value for money by service: each service's cost beside its performance, for a period.

Oxford City's Improvement Model (seed 003) ranks services for fundamental service review by
cost and performance; issue 11 asks for the ranking, a 2 × 2 chart (high cost / low
performance first) with the same figures as a table, and an export. Performance is the share
of the service's rated measures that are Green, approved figures only; cost is the net cost
of the financial year the period falls in, ranked among the council's own services until
comparator costs are imported (then a cost quartile fills the column kept for it).
"""

from collections import defaultdict
from dataclasses import dataclass
from decimal import Decimal
from html import escape

from django.utils.safestring import SafeString

from actionplans.models import Action
from scorecard.models import ComparatorGroup, Measure, ReportingPeriod, Service, ServiceCost
from scorecard.rules.benchmarking import QUARTILE_WORDS, ordinal
from scorecard.rules.periods import PeriodKind, PeriodRef
from scorecard.rules.rag import Status
from scorecard.rules.units import format_value
from scorecard.rules.value_for_money import Placed, Quadrant, ServiceFigures, review_ranking

from .benchmarking import chosen_group, cost_positions
from .charts import Chart, _svg
from .items import items_for
from .tables import Col

NO_COMPARATORS = "No comparator data"
RATED = (Status.GREEN, Status.AMBER, Status.RED)


@dataclass(frozen=True)
class ServiceValue:
    """One service's row: the ranking's place, cost figures and performance in words."""

    rank: int
    placed: Placed
    directorate: str
    cost_per_head: str
    unit_cost: str
    satisfaction: str
    cost_quartile: str = NO_COMPARATORS  # against the first comparator group, in words
    cost_quartile_number: int | None = None  # 1 = cheapest quarter, for the chart's label
    unit: str = "£"
    decimal_places: int = 0
    url: str = ""

    @property
    def service(self) -> str:
        return self.placed.figures.name

    @property
    def net_cost(self) -> Decimal | None:
        return self.placed.figures.net_cost

    @property
    def cost_rank(self) -> str:
        return "No cost" if self.placed.cost_rank is None else str(self.placed.cost_rank)

    @property
    def performance(self) -> str:
        f = self.placed.figures
        if not f.rated:
            return "No rated measures"
        return f"{f.percent_green}% Green ({f.green} of {f.rated} rated measures)"

    @property
    def quadrant(self) -> str:
        return self.placed.quadrant.value if self.placed.quadrant else "Not placed"


@dataclass(frozen=True)
class ValueForMoney:
    period: ReportingPeriod
    year_label: str  # the financial year whose costs are shown
    rows: list[ServiceValue]
    group: str = ""  # the comparator group costs are placed in ("" when none is defined)


def _year_of(period: ReportingPeriod) -> str:
    return PeriodRef(PeriodKind.YEAR, period.year, 0).label


def _money(value: Decimal | None, places: int = 2) -> str:
    return "Not given" if value is None else format_value(value, "£", places)


def _performance(period: ReportingPeriod, measures) -> tuple[dict, dict]:
    """Per service: (Green, rated) of all its measures, and of its satisfaction measures."""
    service_of = {code: (sid, sat) for code, sid, sat in measures}
    all_: dict[int, list[int]] = defaultdict(lambda: [0, 0])
    satisfied: dict[int, list[int]] = defaultdict(lambda: [0, 0])
    chosen = Measure.objects.filter(code__in=service_of)
    for item in items_for(
        period, measures=chosen, actions=Action.objects.none(), include_provisional=False
    ):
        if item.kind != "measure" or item.status not in RATED:
            continue
        sid, is_satisfaction = service_of[item.code]
        for tally in [all_[sid]] + ([satisfied[sid]] if is_satisfaction else []):
            tally[0] += item.status is Status.GREEN
            tally[1] += 1
    return all_, satisfied


def value_for_money(period: ReportingPeriod) -> ValueForMoney:
    """Every service with a cost or a measure, ranked for review, in a fixed number of queries."""
    year = _year_of(period)
    costs = {
        c.service_id: c
        for c in ServiceCost.objects.filter(period__label=year).select_related("service")
    }
    measures = list(
        Measure.objects.filter(service__isnull=False).values_list(
            "code", "service_id", "customer_satisfaction"
        )
    )
    performance, satisfaction = _performance(period, measures)
    services = Service.objects.filter(
        pk__in=set(costs) | {sid for _, sid, _ in measures}
    ).select_related("directorate")
    by_name = {s.name: s for s in services}
    figures = [
        ServiceFigures(
            s.name,
            costs[s.pk].net_cost if s.pk in costs else None,
            *performance.get(s.pk, (0, 0)),
        )
        for s in services
    ]
    group = chosen_group(None)
    quartiles = _cost_quartiles(costs, group)
    rows = []
    for rank, placed in enumerate(review_ranking(figures), start=1):
        s = by_name[placed.figures.name]
        cost = costs.get(s.pk)
        green, rated = satisfaction.get(s.pk, (0, 0))
        rows.append(
            ServiceValue(
                rank=rank,
                placed=placed,
                directorate=s.directorate.name,
                cost_per_head=_money(cost.cost_per_head if cost else None),
                unit_cost=(
                    f"{_money(cost.unit_cost)} per {cost.unit or 'unit'}"
                    if cost and cost.unit_cost is not None
                    else "Not given"
                ),
                satisfaction=f"{green} of {rated} Green" if rated else "No satisfaction measures",
                cost_quartile=quartiles.get(s.pk, (None, NO_COMPARATORS))[1],
                cost_quartile_number=quartiles.get(s.pk, (None, ""))[0],
            )
        )
    return ValueForMoney(period, year, rows, group.name if group else "")


def _cost_quartiles(
    costs: dict[int, ServiceCost], group: ComparatorGroup | None
) -> dict[int, tuple[int, str]]:
    """Each service's cost quartile against the first comparator group by name, as the
    benchmarking annex: its cost per head where given, else its net cost, against the group's
    costs under its cost indicator for the same year; lower cost is better (issue 11)."""
    wanted = {
        sid: (
            c.service.cost_indicator,
            c.net_cost if c.cost_per_head is None else c.cost_per_head,
            c.period_id,
        )
        for sid, c in costs.items()
        if c.service.cost_indicator
    }
    if group is None or not wanted:
        return {}
    return {
        sid: (
            found.quartile,
            f"{found.quartile} ({QUARTILE_WORDS[found.quartile]}), "
            f"{ordinal(found.rank)} of {found.of} in {group.name} "
            f"({'cost per head' if costs[sid].cost_per_head is not None else 'net cost'})",
        )
        for sid, found in cost_positions(wanted, group=group).items()
    }


def quadrant_chart(page: ValueForMoney) -> Chart:
    """The 2 × 2: cost across (costlier to the right), share Green up; each service a numbered
    dot, its number the ranking's, and each quadrant named in words."""
    width, height, pad = 520, 360, 40
    placed = [r for r in page.rows if r.placed.quadrant is not None]
    count = max((r.placed.cost_rank for r in placed), default=1)
    body = [
        f'<rect x="{pad}" y="{pad}" width="{width - 2 * pad}" height="{height - 2 * pad}" '
        'fill="#ffffff" stroke="#0b0c0c"/>',
        f'<line x1="{width / 2}" y1="{pad}" x2="{width / 2}" y2="{height - pad}" stroke="#505a5f" '
        'stroke-dasharray="4 3"/>',
        f'<line x1="{pad}" y1="{height / 2}" x2="{width - pad}" y2="{height / 2}" '
        'stroke="#505a5f" stroke-dasharray="4 3"/>',
    ]
    corners = {
        Quadrant.HIGH_COST_LOW_PERFORMANCE: (width - pad - 6, height - pad - 8, "end"),
        Quadrant.HIGH_COST_HIGH_PERFORMANCE: (width - pad - 6, pad + 16, "end"),
        Quadrant.LOW_COST_LOW_PERFORMANCE: (pad + 6, height - pad - 8, "start"),
        Quadrant.LOW_COST_HIGH_PERFORMANCE: (pad + 6, pad + 16, "start"),
    }
    for q, (x, y, anchor) in corners.items():
        body.append(
            f'<text x="{x}" y="{y}" text-anchor="{anchor}" font-size="12">{escape(q.value)}</text>'
        )
    for r in placed:
        # Rank 1 (costliest) at the right; 100% Green at the top.
        x = pad + (width - 2 * pad) * (1 - (r.placed.cost_rank - 0.5) / count)
        y = height - pad - (height - 2 * pad) * float(r.placed.figures.percent_green) / 100
        body.append(
            f'<circle cx="{x:.1f}" cy="{y:.1f}" r="11" fill="#1d70b8" stroke="#0b0c0c"/>'
            f'<text x="{x:.1f}" y="{y + 4:.1f}" text-anchor="middle" font-size="11" '
            f'fill="#ffffff">{r.rank}</text>'
        )
        if r.cost_quartile_number:
            # The cost quartile among comparators beside the dot, in words above the plot.
            body.append(
                f'<text x="{x + 14:.1f}" y="{y + 4:.1f}" font-size="10" fill="#0b0c0c">'
                f"Q{r.cost_quartile_number}</text>"
            )
    if page.group and any(r.cost_quartile_number for r in placed):
        body.append(
            f'<text x="{width / 2}" y="{pad - 12}" text-anchor="middle" font-size="12">'
            f"Q1–Q4 beside a service: its cost quartile among {escape(page.group)} "
            "(Q1 cheapest)</text>"
        )
    body.append(
        f'<text x="{width / 2}" y="{height - 10}" text-anchor="middle" font-size="12">'
        "Cost among the council's services: lower ← → higher</text>"
    )
    title = f"Cost and performance by service, {page.period.label}"
    svg: SafeString = _svg(width, height, title, body)
    rows = [
        [str(r.rank), r.service, r.quadrant, r.cost_rank, r.cost_quartile, r.performance]
        for r in placed
    ]
    headers = ["Number", "Service", "Quadrant", "Cost rank", "Cost quartile", "Performance"]
    return Chart(svg, title, headers, rows)


VALUE_FOR_MONEY_COLUMNS = (
    Col("rank", "Rank", "number"),
    Col("service", "Service"),
    Col("directorate", "Directorate"),
    Col("net_cost", "Net cost", "value"),
    Col("cost_rank", "Cost rank"),
    Col("cost_quartile", "Cost quartile"),
    Col("cost_per_head", "Cost per head"),
    Col("unit_cost", "Cost per unit"),
    Col("performance", "Performance"),
    Col("satisfaction", "Customer satisfaction"),
    Col("quadrant", "Quadrant"),
)
