"""Value for money: cost ranks, the 2 × 2 quadrant, and the order of candidates for review."""

from decimal import Decimal

from hypothesis import given
from hypothesis import strategies as st

from scorecard.rules.value_for_money import (
    Quadrant,
    ServiceFigures,
    cost_ranks,
    quadrant,
    review_ranking,
)

costs = st.decimals(min_value=0, max_value=10**7, places=0, allow_nan=False, allow_infinity=False)


@given(st.dictionaries(st.text(min_size=1, max_size=5), costs, min_size=1, max_size=12))
def test_the_costliest_service_ranks_first_and_equal_costs_share_a_rank(by_service):
    ranks = cost_ranks(by_service)
    top = max(by_service.values())
    for name, cost in by_service.items():
        assert (ranks[name] == 1) == (cost == top)
        # A rank counts the services that cost more, plus one.
        assert ranks[name] == 1 + sum(1 for other in by_service.values() if other > cost)


def test_cost_ranks_are_competition_ranks():
    ranks = cost_ranks({"A": Decimal(5), "B": Decimal(9), "C": Decimal(9), "D": Decimal(1)})
    assert ranks == {"B": 1, "C": 1, "A": 3, "D": 4}


@given(
    rank=st.integers(min_value=1, max_value=20),
    extra=st.integers(min_value=0, max_value=20),
    green=st.integers(min_value=0, max_value=100),
)
def test_every_placed_service_is_in_exactly_the_quadrant_its_cost_and_performance_say(
    rank, extra, green
):
    of = rank + extra
    placed = quadrant(cost_rank=rank, of=of, percent_green=Decimal(green))
    high_cost = rank <= (of + 1) // 2
    assert placed.value.startswith("High cost" if high_cost else "Low cost")
    assert placed.value.endswith("low performance" if green < 50 else "high performance")


def test_no_performance_places_nothing():
    assert quadrant(cost_rank=1, of=3, percent_green=None) is None


def test_high_cost_low_performance_services_come_first_for_review():
    services = [
        ServiceFigures("Parks", Decimal(100), green=1, rated=4),  # low cost, low performance
        ServiceFigures("Waste", Decimal(900), green=1, rated=4),  # high cost, low performance
        ServiceFigures("Housing", Decimal(800), green=4, rated=4),  # high cost, high
        ServiceFigures("Leisure", Decimal(50), green=3, rated=4),  # low cost, high
        ServiceFigures("Museums", None, green=2, rated=2),  # no cost: not placed, last
    ]
    ranked = review_ranking(services)
    assert [p.figures.name for p in ranked] == ["Waste", "Housing", "Parks", "Leisure", "Museums"]
    assert ranked[0].quadrant is Quadrant.HIGH_COST_LOW_PERFORMANCE
    assert ranked[-1].quadrant is None and ranked[-1].cost_rank is None


@given(
    st.lists(
        st.tuples(st.none() | costs, st.integers(0, 5), st.integers(0, 5)),
        min_size=1,
        max_size=10,
    )
)
def test_the_ranking_keeps_every_service_once(rows):
    services = [
        ServiceFigures(f"S{i}", cost, green=min(g, r), rated=r)
        for i, (cost, g, r) in enumerate(rows)
    ]
    ranked = review_ranking(services)
    assert sorted(p.figures.name for p in ranked) == sorted(s.name for s in services)
    orders = [p.quadrant.order if p.quadrant else 99 for p in ranked]
    assert orders == sorted(orders)
