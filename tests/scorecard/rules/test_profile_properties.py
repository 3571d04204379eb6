from decimal import Decimal

from hypothesis import given, settings
from hypothesis import strategies as st

from scorecard.rules.aggregation import months_covered
from scorecard.rules.measure_types import TargetProfile
from scorecard.rules.periods import PeriodKind, quarters_of_year
from scorecard.rules.profiles import Accumulation, Profile, derive_monthly_targets, derive_targets

annuals = st.decimals(min_value=0, max_value=10**9, places=4, allow_nan=False)
kinds = st.sampled_from([PeriodKind.QUARTER, PeriodKind.MONTH])


@st.composite
def seasonal_shares(draw):
    """4 or 12 whole-number percentages adding to 100."""
    count = draw(st.sampled_from([4, 12]))
    cuts = sorted(draw(st.lists(st.integers(0, 100), min_size=count - 1, max_size=count - 1)))
    edges = [0, *cuts, 100]
    return tuple(Decimal(b - a) for a, b in zip(edges, edges[1:], strict=False))


# No deadline: the machine's load, not the rule, decides how long an example takes.
@settings(deadline=None)
@given(annual=annuals, kind=kinds)
def test_an_even_profiles_periods_add_up_to_the_annual_target(annual, kind):
    profile = Profile(TargetProfile.EVEN, accumulation=Accumulation.SHARE)
    derived = derive_targets(annual=annual, year=2009, kind=kind, profile=profile)
    assert sum(t.value for t in derived) == annual


@settings(deadline=None)
@given(annual=annuals, kind=kinds, shares=seasonal_shares())
def test_a_seasonal_profiles_periods_add_up_and_a_running_one_ends_on_the_annual_target(
    annual, kind, shares
):
    shared = derive_targets(
        annual=annual,
        year=2009,
        kind=kind,
        profile=Profile(TargetProfile.SEASONAL, shares, Accumulation.SHARE),
    )
    running = derive_targets(
        annual=annual,
        year=2009,
        kind=kind,
        profile=Profile(TargetProfile.SEASONAL, shares, Accumulation.RUNNING),
    )
    assert sum(t.value for t in shared) == annual
    assert running[-1].value == annual
    assert [t.value for t in running] == sorted(t.value for t in running)


@settings(deadline=None)
@given(annual=annuals, shares=seasonal_shares())
def test_a_monthly_measures_quarter_targets_agree_with_its_month_targets(annual, shares):
    """A summed quarter's target is its months' targets added; a running one, its last month's."""
    by_accumulation = {}
    for accumulation in (Accumulation.SHARE, Accumulation.RUNNING):
        profile = Profile(TargetProfile.SEASONAL, shares, accumulation)
        derived = derive_monthly_targets(annual=annual, year=2009, profile=profile)
        by_accumulation[accumulation] = {t.period: t.value for t in derived}
    for quarter in quarters_of_year(2009):
        months = months_covered(quarter, cumulative=False)
        shared, running = by_accumulation[Accumulation.SHARE], by_accumulation[Accumulation.RUNNING]
        assert shared[quarter] == sum(shared[m] for m in months)
        assert running[quarter] == running[months[-1]]
