from decimal import Decimal as D

import pytest

from scorecard.rules.benchmarking import (
    ordinal,
    position,
    position_words,
    quantile,
    quartile_movement,
    quartile_of,
    rank_of,
)
from scorecard.rules.rag import Polarity

GROUP = [D(v) for v in ("10", "20", "30", "40", "50")]


def test_higher_is_better_ranks_the_largest_first():
    assert rank_of(D("50"), GROUP, Polarity.HIGHER) == 1
    assert rank_of(D("10"), GROUP, Polarity.HIGHER) == 5


def test_lower_is_better_ranks_the_smallest_first():
    assert rank_of(D("10"), GROUP, Polarity.LOWER) == 1
    assert rank_of(D("50"), GROUP, Polarity.LOWER) == 5


def test_equal_values_share_a_rank_and_the_next_is_skipped():
    group = [D("9"), D("7"), D("7"), D("5")]
    assert [rank_of(v, group, Polarity.HIGHER) for v in group] == [1, 2, 2, 4]


def test_quartile_thresholds_are_excel_quartile_inc():
    # QUARTILE.INC({10,20,30,40,50}, 1) = 20, 2 = 30, 3 = 40; of {1,2,3,4}: 1.75, 2.5, 3.25.
    assert quantile(GROUP, D("0.25")) == D("20")
    assert quantile(GROUP, D("0.75")) == D("40")
    four = [D(1), D(2), D(3), D(4)]
    assert [quantile(four, D(p)) for p in ("0.25", "0.5", "0.75")] == [
        D("1.75"),
        D("2.5"),
        D("3.25"),
    ]


def test_lower_is_better_puts_the_lowest_values_in_the_top_quartile():
    assert quartile_of(D("10"), GROUP, Polarity.LOWER) == 1
    assert quartile_of(D("50"), GROUP, Polarity.LOWER) == 4
    assert quartile_of(D("10"), GROUP, Polarity.HIGHER) == 4


def test_a_value_on_a_threshold_takes_the_better_quartile():
    assert quartile_of(D("40"), GROUP, Polarity.HIGHER) == 1
    assert quartile_of(D("30"), GROUP, Polarity.HIGHER) == 2
    assert quartile_of(D("20"), GROUP, Polarity.HIGHER) == 3


def test_position_gives_median_best_worst_and_gaps():
    found = position(D("27.9"), [D("30"), D("35.5"), D("20"), D("41")], Polarity.HIGHER)
    assert (found.rank, found.of, found.quartile) == (4, 5, 3)
    assert (found.median, found.best, found.worst) == (D("30"), D("41"), D("20"))
    assert found.gap_to_median == D("-2.1")
    assert found.top_quartile_threshold == D("35.5")


def test_a_range_measure_has_no_position():
    assert position(D("1"), [D("2")], Polarity.RANGE) is None


def test_position_in_words_as_the_issue_says_it():
    found = position(D("27.9"), [D("30"), D("35.5"), D("20"), D("41")], Polarity.HIGHER)
    words = position_words(found, group="nearest neighbours", unit="%", places=1)
    assert words == (
        "4th of 5 in nearest neighbours; third quartile; 2.1 points below the median; "
        "7.6 points below the top-quartile threshold"
    )


def test_a_gap_that_rounds_to_nothing_is_on_the_median():
    found = position(D("30.01"), [D("30"), D("29"), D("31")], Polarity.HIGHER)
    words = position_words(found, group="club", unit="days", places=1)
    assert "on the median" in words


def test_top_quartile_words_do_not_mention_a_gap_to_it():
    found = position(D("5"), [D("9"), D("8"), D("7")], Polarity.LOWER)
    words = position_words(found, group="club", unit="£", places=0)
    assert words == "1st of 4 in club; top quartile; £3 below the median"


@pytest.mark.parametrize(
    "number,expected",
    [
        (1, "1st"),
        (2, "2nd"),
        (3, "3rd"),
        (4, "4th"),
        (11, "11th"),
        (12, "12th"),
        (13, "13th"),
        (21, "21st"),
        (102, "102nd"),
    ],
)
def test_ordinals(number, expected):
    assert ordinal(number) == expected


def test_quartile_movement_in_words():
    assert quartile_movement(2, 3) == "up from third quartile"
    assert quartile_movement(4, 3) == "down from third quartile"
    assert quartile_movement(2, 2) == "same quartile"
    assert quartile_movement(2, None) == "no comparison"
