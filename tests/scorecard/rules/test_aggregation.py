from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from scorecard.rules.aggregation import (
    MonthFigure,
    RatioError,
    aggregate,
    missing_months,
    months_covered,
    months_in_words,
    ratio_value,
    roll_up,
    year_to_date,
)
from scorecard.rules.measure_types import Aggregation
from scorecard.rules.periods import PeriodKind, PeriodRef, parse_period

Q2 = parse_period("2009/10 Q2")
JUL, AUG, SEP = (parse_period(m) for m in ("Jul 2009", "Aug 2009", "Sep 2009"))
YEAR = parse_period("2009/10")

parts = st.decimals(min_value=0, max_value=10**6, places=2, allow_nan=False, allow_infinity=False)
positive = st.decimals(
    min_value=Decimal("0.01"), max_value=10**6, places=2, allow_nan=False, allow_infinity=False
)
months = st.lists(st.tuples(parts, positive), min_size=1, max_size=12)


def figures(pairs, *, unit="%"):
    return [
        MonthFigure(
            month=PeriodRef(PeriodKind.MONTH, 2009, i + 1),
            actual=ratio_value(n, d, unit=unit),
            numerator=n,
            denominator=d,
        )
        for i, (n, d) in enumerate(pairs)
    ]


def test_ratio_value_is_a_percentage_when_the_unit_is_percent():
    assert ratio_value(Decimal(1280), Decimal(2000), unit="%") == Decimal("64")
    assert ratio_value(Decimal(3), Decimal(4), unit="number") == Decimal("0.75")


def test_a_zero_denominator_is_refused_with_a_reason():
    with pytest.raises(RatioError, match="denominator is zero"):
        ratio_value(Decimal(5), Decimal(0), unit="%")


def test_a_quarter_is_its_three_months_and_a_cumulative_quarter_its_year_to_date():
    assert months_covered(Q2, cumulative=False) == (JUL, AUG, SEP)
    ytd = months_covered(Q2, cumulative=True)
    assert [m.label for m in ytd] == [
        "Apr 2009",
        "May 2009",
        "Jun 2009",
        "Jul 2009",
        "Aug 2009",
        "Sep 2009",
    ]
    assert len(months_covered(YEAR, cumulative=False)) == 12


def test_a_quarters_ratio_is_summed_parts_not_an_average_of_percentages():
    # 10/10 = 100% and 90/990 ≈ 9.1%: the average of percentages would say 54.5%.
    made = aggregate(
        figures([(Decimal(10), Decimal(10)), (Decimal(90), Decimal(990))]),
        aggregation=Aggregation.RATIO,
        unit="%",
    )
    assert made.value == Decimal(10)
    assert (made.numerator, made.denominator) == (Decimal(100), Decimal(1000))


def test_sum_average_and_latest():
    month_figures = [MonthFigure(m, Decimal(v)) for m, v in ((JUL, 3), (AUG, 4), (SEP, 8))]
    assert aggregate(month_figures, aggregation=Aggregation.SUM, unit="").value == 15
    assert aggregate(month_figures, aggregation=Aggregation.AVERAGE, unit="").value == 5
    assert aggregate(month_figures, aggregation=Aggregation.LATEST, unit="").value == 8


def test_the_derivation_says_how_the_quarter_was_made():
    made = roll_up(
        Q2,
        [
            MonthFigure(JUL, None, Decimal(400), Decimal(600)),
            MonthFigure(AUG, None, Decimal(480), Decimal(700)),
            MonthFigure(SEP, None, Decimal(400), Decimal(700)),
        ],
        aggregation=Aggregation.RATIO,
        unit="%",
        decimal_places=1,
        cumulative=False,
    )
    assert made.value == Decimal(64)
    assert made.derivation == "Q2 value 64.0% = 1,280 / 2,000, the sum of July to September"
    assert not made.provisional


def test_a_missing_month_makes_the_quarter_provisional_and_is_named():
    made = roll_up(
        Q2,
        [MonthFigure(JUL, Decimal(3)), MonthFigure(SEP, Decimal(5))],
        aggregation=Aggregation.SUM,
        unit="days",
        decimal_places=0,
        cumulative=False,
    )
    assert made.value == Decimal(8)
    assert made.missing == (AUG,)
    assert made.derivation == (
        "Q2 value 8 days, the sum of July and September; "
        "provisional: no approved figure for August 2009"
    )


def test_a_cumulative_quarter_says_year_to_date():
    april = parse_period("Apr 2009")
    made = roll_up(
        Q2,
        [MonthFigure(april.next().next().next(), Decimal(1))],  # July only
        aggregation=Aggregation.SUM,
        unit="number",
        decimal_places=0,
        cumulative=True,
    )
    assert made.derivation.startswith("Q2 year to date value 1, the sum of July; provisional")
    assert "April 2009, May 2009, June 2009, August 2009 and September 2009" in made.derivation


def test_latest_names_its_month():
    made = roll_up(
        Q2,
        [MonthFigure(m, Decimal(v)) for m, v in ((JUL, 3), (AUG, 4), (SEP, 8))],
        aggregation=Aggregation.LATEST,
        unit="number",
        decimal_places=0,
        cumulative=False,
    )
    assert made.derivation == "Q2 value 8, the latest month, September"


def test_months_in_words_joins_runs():
    assert months_in_words([JUL, AUG, SEP]) == "July to September"
    april = parse_period("Apr 2009")
    assert months_in_words([april, JUL, SEP]) == "April, July and September"


@given(months)
def test_aggregating_a_ratio_month_by_month_equals_aggregating_its_sums(pairs):
    made = aggregate(figures(pairs), aggregation=Aggregation.RATIO, unit="%")
    numerator = sum(n for n, _ in pairs)
    denominator = sum(d for _, d in pairs)
    assert made.value == ratio_value(numerator, denominator, unit="%")


@given(months)
def test_a_ratio_quarter_is_the_same_however_its_months_are_grouped(pairs):
    whole = aggregate(figures(pairs), aggregation=Aggregation.RATIO, unit="number")
    half = len(pairs) // 2
    first = aggregate(figures(pairs)[:half], aggregation=Aggregation.RATIO, unit="number")
    second = aggregate(figures(pairs)[half:], aggregation=Aggregation.RATIO, unit="number")
    parts_of = [
        MonthFigure(JUL, None, p.numerator, p.denominator)
        for p in (first, second)
        if p.numerator is not None
    ]
    regrouped = aggregate(parts_of, aggregation=Aggregation.RATIO, unit="number")
    assert regrouped.value == whole.value


@given(st.lists(parts, min_size=1, max_size=12))
def test_the_sum_of_the_months_equals_the_whole(values):
    month_figures = [
        MonthFigure(PeriodRef(PeriodKind.MONTH, 2009, i + 1), v) for i, v in enumerate(values)
    ]
    year = aggregate(month_figures, aggregation=Aggregation.SUM, unit="")
    quarters = [
        aggregate(
            [f for f in month_figures if f.month in months_covered(q, cumulative=False)],
            aggregation=Aggregation.SUM,
            unit="",
        ).value
        or Decimal(0)
        for q in (PeriodRef(PeriodKind.QUARTER, 2009, n) for n in range(1, 5))
    ]
    assert year.value == sum(quarters)


@given(st.lists(parts, min_size=1, max_size=12))
def test_an_average_lies_between_the_least_and_the_greatest_month(values):
    month_figures = [
        MonthFigure(PeriodRef(PeriodKind.MONTH, 2009, i + 1), v) for i, v in enumerate(values)
    ]
    made = aggregate(month_figures, aggregation=Aggregation.AVERAGE, unit="")
    assert min(values) <= made.value <= max(values)


@given(st.sets(st.integers(min_value=1, max_value=12)))
def test_missing_months_are_exactly_the_year_months_without_a_figure(numbers):
    month_figures = [MonthFigure(PeriodRef(PeriodKind.MONTH, 2009, n), Decimal(1)) for n in numbers]
    missing = missing_months(YEAR, month_figures, cumulative=False)
    assert {m.number for m in missing} == set(range(1, 13)) - numbers


def test_a_months_year_to_date_adds_the_months_before_it_and_says_so():
    month = parse_period("Jul 2009")
    earlier = {parse_period(m): Decimal(v) for m, v in (("Apr 2009", "0.5"), ("May 2009", "0.6"))}
    made = year_to_date(month, Decimal("0.4"), earlier, unit="days", decimal_places=2)
    assert made.value == Decimal("1.5")
    assert made.missing == (parse_period("Jun 2009"),)
    assert made.derivation == (
        "Year to date 1.50 days, the sum of April to May and July (July alone 0.40 days), "
        "rated against the year-to-date target; provisional: no figure handed in for June 2009"
    )


def test_aprils_year_to_date_is_april():
    made = year_to_date(parse_period("Apr 2009"), Decimal(2), {}, unit="", decimal_places=0)
    assert (made.value, made.missing) == (Decimal(2), ())
