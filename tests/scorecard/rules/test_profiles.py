import re
from decimal import Decimal

import pytest

from scorecard.rules.measure_types import Aggregation, TargetProfile
from scorecard.rules.periods import PeriodKind
from scorecard.rules.profiles import (
    Accumulation,
    Profile,
    accumulation_of,
    derive_targets,
    parse_profile,
)

D = Decimal
EVEN = TargetProfile.EVEN
SEASONAL = TargetProfile.SEASONAL


def quarters(annual, profile, **kwargs):
    kwargs.setdefault("unit", "days")
    kwargs.setdefault("decimal_places", 2)
    return derive_targets(
        annual=D(annual), year=2009, kind=PeriodKind.QUARTER, profile=profile, **kwargs
    )


def test_hart_cumulative_sickness_target_runs_through_the_year():
    derived = quarters("6.3", Profile(EVEN, accumulation=Accumulation.RUNNING))
    assert [t.value for t in derived] == [D("1.575"), D("3.15"), D("4.725"), D("6.3")]
    assert [t.period.label for t in derived] == [f"2009/10 Q{n}" for n in range(1, 5)]
    assert derived[1].derivation == (
        "2009/10 Q2 target 3.15 days = 50% of the annual 6.30 days by the council's profile "
        "(even, year to date)"
    )
    assert "target 1.58 days = 25% of the annual" in derived[0].derivation


def test_a_summed_count_gets_each_quarters_seasonal_share():
    profile = Profile(SEASONAL, (D(10), D(20), D(30), D(40)), Accumulation.SHARE)
    derived = quarters("4800", profile, unit="number", decimal_places=0)
    assert [t.value for t in derived] == [D(480), D(960), D(1440), D(1920)]
    assert derived[3].derivation == (
        "2009/10 Q4 target 1,920 = 40% of the annual 4,800 by the council's profile "
        "(10%, 20%, 30%, 40%)"
    )


def test_a_snapshot_is_held_to_the_annual_target_every_period():
    derived = quarters("75.5", Profile(EVEN), unit="%", decimal_places=1)
    assert [t.value for t in derived] == [D("75.5")] * 4
    assert derived[0].derivation == (
        "2009/10 Q1 target 75.5% = the annual target, which a snapshot measure is held to in "
        "every period"
    )


def test_a_months_profile_makes_quarters_by_adding_its_months():
    shares = tuple(D(n) for n in (5, 5, 10, 10, 10, 10, 5, 5, 10, 10, 10, 10))
    derived = quarters("1000", Profile(SEASONAL, shares, Accumulation.SHARE))
    assert [t.value for t in derived] == [D(200), D(300), D(200), D(300)]


def test_a_quarters_profile_is_split_evenly_across_its_months():
    profile = Profile(SEASONAL, (D(30), D(30), D(20), D(20)), Accumulation.SHARE)
    derived = derive_targets(annual=D(120), year=2009, kind=PeriodKind.MONTH, profile=profile)
    assert [t.value for t in derived[:3]] == [D(12)] * 3
    assert derived[0].period.label == "Apr 2009"
    assert sum(t.value for t in derived) == D(120)


def test_even_thirds_keep_four_places_and_still_add_up():
    derived = quarters("10", Profile(EVEN, accumulation=Accumulation.SHARE))
    assert sum(t.value for t in derived) == D(10)
    derived = derive_targets(
        annual=D(10),
        year=2009,
        kind=PeriodKind.MONTH,
        profile=Profile(EVEN, accumulation=Accumulation.SHARE),
    )
    assert derived[0].value == D("0.8333")
    assert sum(t.value for t in derived) == D(10)


def test_a_manual_profile_or_a_yearly_measure_derives_nothing():
    assert quarters("10", Profile(TargetProfile.MANUAL)) == []
    assert (
        derive_targets(annual=D(10), year=2009, kind=PeriodKind.YEAR, profile=Profile(EVEN)) == []
    )


@pytest.mark.parametrize(
    ("cumulative", "aggregation", "expected"),
    [
        (True, "", Accumulation.RUNNING),
        (True, Aggregation.SUM, Accumulation.RUNNING),
        (False, Aggregation.SUM, Accumulation.SHARE),
        (False, "", Accumulation.WHOLE),
        (False, Aggregation.AVERAGE, Accumulation.WHOLE),
        (False, Aggregation.RATIO, Accumulation.WHOLE),
        (True, Aggregation.RATIO, Accumulation.WHOLE),  # a year-to-date percentage
        (True, Aggregation.AVERAGE, Accumulation.WHOLE),
    ],
)
def test_what_a_measure_adds_up_decides_how_its_target_is_shared(cumulative, aggregation, expected):
    assert accumulation_of(cumulative=cumulative, aggregation=aggregation) is expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("", (TargetProfile.MANUAL, ())),
        ("Manual", (TargetProfile.MANUAL, ())),
        (" even ", (EVEN, ())),
        ("10,20,30,40", (SEASONAL, (D(10), D(20), D(30), D(40)))),
        ("10%, 20%, 30%, 40%", (SEASONAL, (D(10), D(20), D(30), D(40)))),
        ("12.5,12.5,25,50", (SEASONAL, (D("12.5"), D("12.5"), D(25), D(50)))),
    ],
)
def test_a_profile_is_read_from_a_workbook_cell(text, expected):
    assert parse_profile(text) == expected


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("10,20,30,30", "add up to 90, not 100"),
        ("50,50", "for each quarter (4) or each month (12), not 2"),
        ("-10,40,30,40", "cannot be negative"),
        ("lumpy", "is not a target profile"),
        ("Seasonal", "is not a target profile"),
        ("10,x,30,40", "is not a target profile"),
    ],
)
def test_a_profile_that_does_not_add_to_100_is_refused_saying_why(text, message):
    with pytest.raises(ValueError, match=re.escape(message)):
        parse_profile(text)
