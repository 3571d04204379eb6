from decimal import Decimal

import pytest

from scorecard.rules.units import format_difference, format_value, quantize


def test_quantize_rounds_a_half_up_not_to_even():
    assert quantize(Decimal("73.45"), 1) == Decimal("73.5")
    assert quantize(Decimal("2.5"), 0) == Decimal("3")


def test_quantize_rounds_a_negative_half_away_from_zero():
    assert quantize(Decimal("-2.5"), 0) == Decimal("-3")


def test_quantize_keeps_the_requested_places():
    assert str(quantize(Decimal("8"), 2)) == "8.00"


def test_quantize_never_gives_minus_zero():
    assert str(quantize(Decimal("-0.4"), 0)) == "0"


def test_quantize_refuses_negative_places():
    with pytest.raises(ValueError):
        quantize(Decimal("1"), -1)


def test_percentage_follows_the_number():
    assert format_value(Decimal("67.5"), "%", 1) == "67.5%"


def test_percentage_rounds_half_up_to_the_places_given():
    assert format_value(Decimal("97.955"), "%", 2) == "97.96%"


def test_pounds_precede_the_number_with_thousands_separators():
    assert format_value(Decimal("1200"), "£") == "£1,200"


def test_negative_pounds_put_the_minus_before_the_pound_sign():
    assert format_value(Decimal("-5"), "£") == "-£5"


@pytest.mark.parametrize("unit", ["number", "", "Number"])
def test_a_plain_number_has_no_unit(unit):
    assert format_value(Decimal("1200"), unit) == "1,200"


def test_millions_are_grouped_in_thousands():
    assert format_value(Decimal("1234567.891"), "number", 2) == "1,234,567.89"


def test_other_units_follow_after_a_space():
    assert format_value(Decimal("474"), "kg") == "474 kg"
    assert format_value(Decimal("9.5"), "days", 1) == "9.5 days"


def test_exactly_one_day_is_singular():
    assert format_value(Decimal("1"), "days") == "1 day"


def test_a_value_that_rounds_to_one_day_is_singular_as_printed():
    assert format_value(Decimal("0.6"), "days") == "1 day"


def test_one_point_zero_days_stays_plural():
    assert format_value(Decimal("1"), "days", 1) == "1.0 days"


def test_no_value_is_an_en_dash():
    assert format_value(None, "%") == "–"


def test_decimal_places_pad_with_zeros():
    assert format_value(Decimal("8"), "days", 1) == "8.0 days"


def test_a_gap_in_a_percentage_is_in_percentage_points():
    assert format_difference(Decimal("13"), "%") == "13 percentage points"
    assert format_difference(Decimal("1"), "%") == "1 percentage point"


def test_a_gap_in_other_units_prints_like_a_value():
    assert format_difference(Decimal("1.5"), "days", 1) == "1.5 days"
    assert format_difference(Decimal("500"), "£") == "£500"
