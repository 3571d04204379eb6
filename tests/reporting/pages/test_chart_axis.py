"""The value axis of a chart: every value on it, nice ticks, zero kept when data are near it."""

from decimal import Decimal

from hypothesis import given
from hypothesis import strategies as st

from reporting.axis import NICE_STEPS, nice_axis, nice_step

figures = st.decimals(min_value=-(10**9), max_value=10**9, places=3, allow_nan=False)
some_figures = st.lists(figures, min_size=1, max_size=30)


@given(some_figures, st.one_of(st.none(), figures))
def test_the_axis_holds_every_value_and_the_target(values, target):
    everything = values + ([target] if target is not None else [])

    axis = nice_axis(everything)

    assert axis.low <= min(everything) and max(everything) <= axis.high
    assert axis.low < axis.high


@given(some_figures)
def test_ticks_are_nice_numbers_evenly_spaced_from_end_to_end(values):
    axis = nice_axis(values)
    ticks = axis.ticks

    mantissa = axis.step.scaleb(-axis.step.adjusted())
    assert mantissa in NICE_STEPS
    assert ticks[0] == axis.low and ticks[-1] == axis.high
    assert all(b - a == axis.step for a, b in zip(ticks, ticks[1:], strict=False))
    assert all(tick % axis.step == 0 for tick in ticks)
    assert 3 <= len(ticks) <= 7


@given(st.lists(st.decimals(min_value=0, max_value=10**6, places=2), min_size=1))
def test_values_near_zero_are_drawn_from_a_zero_baseline(values):
    # Near zero: the smallest is no more than half the largest.
    if min(values) <= max(values) / 2:
        assert nice_axis(values).low == 0


def test_a_change_from_62_to_71_percent_is_not_flattened_against_zero():
    axis = nice_axis([Decimal("62.0"), Decimal("71.0"), Decimal("70.0")])

    assert (axis.low, axis.high) == (Decimal(60), Decimal("72.5"))
    assert not axis.from_zero


def test_negative_values_near_zero_keep_zero_at_the_top():
    axis = nice_axis([Decimal(-3), Decimal(-8)])

    assert axis.high == 0 and axis.low <= -8 and axis.from_zero


def test_a_single_value_sits_inside_its_axis_not_on_an_edge():
    axis = nice_axis([Decimal(70)])

    assert axis.low < 70 < axis.high


def test_no_values_give_an_axis_from_zero():
    assert nice_axis([]).from_zero


def test_a_step_is_rounded_up_to_the_next_nice_number():
    assert [nice_step(Decimal(v)) for v in ("0.3", "3.5", "7", "23", "0.0011")] == [
        Decimal("0.5"),
        Decimal(5),
        Decimal(10),
        Decimal("25"),
        Decimal("0.002"),
    ]
