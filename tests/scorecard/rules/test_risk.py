"""The risk band rule: every score in exactly one band; bands contiguous; pairs complete."""

import pytest
from hypothesis import given
from hypothesis import strategies as st

from scorecard.rules.risk import (
    RiskBand,
    RiskBands,
    RiskBandsError,
    risk_movement,
    risk_pair_problems,
)


@st.composite
def valid_bands(draw) -> RiskBands:
    medium_from = draw(st.integers(min_value=2, max_value=24))
    high_from = draw(st.integers(min_value=medium_from + 1, max_value=25))
    return RiskBands(medium_from=medium_from, high_from=high_from)


@given(bands=valid_bands())
def test_every_score_from_1_to_25_falls_in_exactly_one_band(bands):
    for score in range(1, 26):
        containing = [band for band, low, high in bands.ranges() if low <= score <= high]
        assert containing == [bands.band_of(score)]


@given(bands=valid_bands())
def test_bands_are_contiguous_from_1_to_25(bands):
    ranges = bands.ranges()
    assert ranges[0][1] == 1 and ranges[-1][2] == 25
    for (_, _, high), (_, low, _) in zip(ranges, ranges[1:], strict=False):
        assert low == high + 1


@given(bands=valid_bands(), score=st.integers(min_value=1, max_value=24))
def test_a_higher_score_is_never_in_a_lower_band(bands, score):
    order = [RiskBand.LOW, RiskBand.MEDIUM, RiskBand.HIGH]
    assert order.index(bands.band_of(score)) <= order.index(bands.band_of(score + 1))


@given(
    medium_from=st.integers(min_value=-5, max_value=30),
    high_from=st.integers(min_value=-5, max_value=30),
)
def test_thresholds_that_would_leave_a_band_empty_are_refused(medium_from, high_from):
    valid = 1 < medium_from < high_from <= 25
    if valid:
        RiskBands(medium_from=medium_from, high_from=high_from)
    else:
        with pytest.raises(RiskBandsError, match="leave a band empty"):
            RiskBands(medium_from=medium_from, high_from=high_from)


def test_the_oxfordshire_bands_read_as_the_council_writes_them():
    bands = RiskBands(medium_from=5, high_from=15)
    assert bands.describe() == "Low 1–4, Medium 5–12, High 15–25"
    assert [bands.band_of(s) for s in (4, 5, 12, 15, 25)] == [
        RiskBand.LOW,
        RiskBand.MEDIUM,
        RiskBand.MEDIUM,
        RiskBand.HIGH,
        RiskBand.HIGH,
    ]


@pytest.mark.parametrize("score", [0, 26, -1])
def test_a_score_outside_1_to_25_is_refused(score):
    with pytest.raises(ValueError, match="from 1 to 25"):
        RiskBands().band_of(score)


@given(
    likelihood=st.none() | st.integers(min_value=1, max_value=5),
    impact=st.none() | st.integers(min_value=1, max_value=5),
)
def test_a_score_needs_both_likelihood_and_impact_or_neither(likelihood, impact):
    problems = risk_pair_problems(likelihood, impact)
    assert bool(problems) == ((likelihood is None) != (impact is None))
    if likelihood is None and impact is not None:
        assert "likelihood" in problems["risk_likelihood"]
    if impact is None and likelihood is not None:
        assert "impact" in problems["risk_impact"]


def test_movement_is_said_in_words():
    assert risk_movement(9, 16) == "up from 9 to 16"
    assert risk_movement(16, 9) == "down from 16 to 9"
    assert risk_movement(12, 12) == "unchanged at 12"
    assert risk_movement(None, 16) == "no score the period before"
