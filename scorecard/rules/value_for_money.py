"""Value for money by service: cost beside performance, ranked for fundamental review.

Oxford City's Performance Improvement Framework (seed 003) ranks services "for fundamental
service review" by cost and performance, the Oxford Improvement Model's budget/cost and
performance-results quadrants. Issue 11 places each service on a 2 × 2 of high or low cost
against high or low performance, high cost with low performance first. Until comparator
costs are imported (benchmarking), cost is judged among the council's own services: a service
costs "high" when it is in the more costly half of them.
"""

from dataclasses import dataclass
from decimal import Decimal
from enum import Enum

HUNDRED = Decimal(100)
# Performance is "low" below this share of a service's rated measures being Green.
LOW_PERFORMANCE_BELOW = Decimal(50)


class Quadrant(Enum):
    """The 2 × 2, in the order services are put forward for review."""

    HIGH_COST_LOW_PERFORMANCE = "High cost, low performance"
    HIGH_COST_HIGH_PERFORMANCE = "High cost, high performance"
    LOW_COST_LOW_PERFORMANCE = "Low cost, low performance"
    LOW_COST_HIGH_PERFORMANCE = "Low cost, high performance"

    @property
    def order(self) -> int:
        return list(Quadrant).index(self)


@dataclass(frozen=True)
class ServiceFigures:
    name: str
    net_cost: Decimal | None  # None: no cost for the year
    green: int  # rated measures that are Green
    rated: int  # rated measures (NCI and not rated left out, as in every percentage)

    @property
    def percent_green(self) -> Decimal | None:
        return None if not self.rated else (HUNDRED * self.green / self.rated).quantize(Decimal(1))


def cost_ranks(costs: dict[str, Decimal]) -> dict[str, int]:
    """Rank 1 is the most costly; equal costs share a rank (competition ranking, "1, 2, 2, 4")."""
    ordered = sorted(costs.values(), reverse=True)
    return {name: ordered.index(cost) + 1 for name, cost in costs.items()}


def quadrant(*, cost_rank: int, of: int, percent_green: Decimal | None) -> Quadrant | None:
    """High cost is the costlier half (rank within the first half, the middle one of an odd
    number counted high); low performance is under half Green. None without performance."""
    if percent_green is None or of < 1:
        return None
    high_cost = cost_rank <= (of + 1) // 2
    low = percent_green < LOW_PERFORMANCE_BELOW
    if high_cost:
        return Quadrant.HIGH_COST_LOW_PERFORMANCE if low else Quadrant.HIGH_COST_HIGH_PERFORMANCE
    return Quadrant.LOW_COST_LOW_PERFORMANCE if low else Quadrant.LOW_COST_HIGH_PERFORMANCE


@dataclass(frozen=True)
class Placed:
    figures: ServiceFigures
    cost_rank: int | None
    quadrant: Quadrant | None


def review_ranking(services: list[ServiceFigures]) -> list[Placed]:
    """Every service, candidates for fundamental review first: by quadrant (high cost, low
    performance first), then the costlier, then the less Green; services without a cost or
    without rated measures last, in name order, said so rather than placed."""
    costed = {s.name: s.net_cost for s in services if s.net_cost is not None}
    ranks = cost_ranks(costed)
    placed = [
        Placed(
            s,
            ranks.get(s.name),
            quadrant(cost_rank=ranks[s.name], of=len(ranks), percent_green=s.percent_green)
            if s.name in ranks
            else None,
        )
        for s in services
    ]

    def key(p: Placed):
        if p.quadrant is None:
            return (1, 0, 0, 0, p.figures.name)
        return (0, p.quadrant.order, p.cost_rank, p.figures.percent_green, p.figures.name)

    return sorted(placed, key=key)
