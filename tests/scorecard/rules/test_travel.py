from decimal import Decimal

import pytest

from scorecard.rules.rag import Polarity
from scorecard.rules.travel import Direction, direction_of_travel

D = Decimal


def travel(polarity, current, previous, decimal_places=None):
    return direction_of_travel(
        polarity=polarity, current=current, previous=previous, decimal_places=decimal_places
    )


def test_directions_say_it_in_words_and_arrows():
    assert [(d.word, d.arrow) for d in Direction] == [
        ("Improved", "↑"),
        ("Same", "→"),
        ("Worse", "↓"),
    ]


def test_a_higher_recycling_rate_is_an_improvement():
    # NI 192 % household waste reused, recycled or composted: higher is better.
    assert travel(Polarity.HIGHER, D("38.2"), D("35.9")) is Direction.IMPROVED


def test_a_lower_recycling_rate_is_worse():
    assert travel(Polarity.HIGHER, D("35.9"), D("38.2")) is Direction.WORSE


def test_fewer_sick_days_is_an_improvement_and_its_arrow_points_up():
    # BV 012 sick days per FTE: lower is better, and the arrow shows performance.
    direction = travel(Polarity.LOWER, D("8.1"), D("9.4"))
    assert direction is Direction.IMPROVED
    assert direction.arrow == "↑"


def test_more_sick_days_is_worse():
    assert travel(Polarity.LOWER, D("9.4"), D("8.1")) is Direction.WORSE


def test_an_unchanged_value_is_the_same():
    assert travel(Polarity.LOWER, D(474), D(474)) is Direction.SAME


@pytest.mark.parametrize(("current", "previous"), [(None, D(1)), (D(1), None), (None, None)])
def test_no_direction_without_both_values(current, previous):
    assert travel(Polarity.HIGHER, current, previous) is None


def test_values_that_print_the_same_are_the_same_when_places_are_given():
    assert travel(Polarity.HIGHER, D("67.04"), D("66.96"), decimal_places=1) is Direction.SAME


def test_without_places_the_smallest_change_counts():
    assert travel(Polarity.HIGHER, D("67.04"), D("66.96")) is Direction.IMPROVED


def test_rounding_for_travel_is_half_up():
    # 66.95 prints as 67.0, level with 67.0.
    assert travel(Polarity.HIGHER, D("67.0"), D("66.95"), decimal_places=1) is Direction.SAME
