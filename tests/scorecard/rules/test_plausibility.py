from decimal import Decimal

from hypothesis import given
from hypothesis import strategies as st

from scorecard.rules.plausibility import implausible_actual

D = Decimal


def test_a_recycling_rate_of_150_percent_asks_for_confirmation():
    assert implausible_actual(D("150"), unit="%") == "150% is outside 0 to 100%"


def test_a_negative_percentage_asks_for_confirmation():
    assert implausible_actual(D("-2.5"), unit="%") == "-2.5% is outside 0 to 100%"


def test_a_measure_that_may_exceed_100_percent_is_not_questioned():
    assert implausible_actual(D("150"), unit="%", allows_out_of_range=True) is None


def test_a_value_more_than_100_times_its_target_asks_for_confirmation():
    # 784 sick days per FTE against a target of 7.5: the decimal point slipped.
    message = implausible_actual(D("784"), unit="days", target=D("7.5"))
    assert message == "784 is more than 100 times the target of 7.5"


def test_exactly_100_times_the_target_is_accepted():
    assert implausible_actual(D("750"), unit="days", target=D("7.5")) is None


def test_no_value_and_no_target_raise_no_question():
    assert implausible_actual(None, unit="%") is None
    assert implausible_actual(D("5000"), unit="number", target=None) is None
    assert implausible_actual(D("5000"), unit="number", target=D("0")) is None


@given(st.decimals(min_value=0, max_value=100, places=4, allow_nan=False, allow_infinity=False))
def test_every_percentage_from_0_to_100_is_plausible_without_a_target(value):
    assert implausible_actual(value, unit="%") is None


@given(
    st.decimals(
        min_value=100, max_value=10**6, places=2, allow_nan=False, allow_infinity=False
    ).filter(lambda v: v > 100)
)
def test_every_percentage_above_100_is_questioned_unless_allowed(value):
    assert implausible_actual(value, unit="%") is not None
    assert implausible_actual(value, unit="%", allows_out_of_range=True) is None
