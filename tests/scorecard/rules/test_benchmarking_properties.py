from decimal import Decimal

from hypothesis import given
from hypothesis import strategies as st

from scorecard.rules.benchmarking import position, quantile, quartile_of, rank_of, standings
from scorecard.rules.rag import Polarity

values = st.decimals(
    min_value=-(10**6), max_value=10**6, places=2, allow_nan=False, allow_infinity=False
)
groups = st.lists(values, min_size=1, max_size=40)
polarities = st.sampled_from([Polarity.HIGHER, Polarity.LOWER])
FLIP = {Polarity.HIGHER: Polarity.LOWER, Polarity.LOWER: Polarity.HIGHER}


@given(groups, polarities)
def test_negating_every_value_and_flipping_polarity_changes_nothing(group, polarity):
    negated = [-v for v in group]
    for value, neg in zip(group, negated, strict=True):
        assert rank_of(value, group, polarity) == rank_of(neg, negated, FLIP[polarity])
        assert quartile_of(value, group, polarity) == quartile_of(neg, negated, FLIP[polarity])


@given(groups, polarities)
def test_ranks_run_from_1_to_the_group_size_and_the_best_is_first(group, polarity):
    ranks = [rank_of(v, group, polarity) for v in group]
    assert min(ranks) == 1
    assert max(ranks) <= len(group)
    best = max(group) if polarity == Polarity.HIGHER else min(group)
    assert rank_of(best, group, polarity) == 1


@given(groups, polarities)
def test_equal_values_share_rank_and_quartile(group, polarity):
    for a in group:
        for b in group:
            if a == b:
                assert rank_of(a, group, polarity) == rank_of(b, group, polarity)
                assert quartile_of(a, group, polarity) == quartile_of(b, group, polarity)


@given(groups, polarities)
def test_a_better_value_never_has_a_worse_rank_or_quartile(group, polarity):
    for a in group:
        for b in group:
            a_better = a > b if polarity == Polarity.HIGHER else a < b
            if a_better:
                assert rank_of(a, group, polarity) < rank_of(b, group, polarity)
                assert quartile_of(a, group, polarity) <= quartile_of(b, group, polarity)


@given(values, st.lists(values, max_size=30), polarities)
def test_position_counts_us_and_keeps_median_between_best_and_worst(own, others, polarity):
    found = position(own, others, polarity)
    assert found.of == len(others) + 1
    assert 1 <= found.quartile <= 4
    assert min(found.best, found.worst) <= found.median <= max(found.best, found.worst)
    if not others:
        assert (found.rank, found.quartile, found.gap_to_median) == (1, 1, 0)


@given(groups, polarities)
def test_the_best_value_is_always_in_the_top_quartile(group, polarity):
    best = max(group) if polarity == Polarity.HIGHER else min(group)
    assert quartile_of(best, group, polarity) == 1


@given(groups, polarities)
def test_standings_agree_with_rank_and_quartile_one_value_at_a_time(group, polarity):
    found = standings(group, polarity)
    for value in group:
        assert found[value] == (
            rank_of(value, group, polarity),
            quartile_of(value, group, polarity),
        )


@given(values, st.lists(values, max_size=30), polarities)
def test_position_agrees_with_rank_and_quartile_one_value_at_a_time(own, others, polarity):
    found = position(own, others, polarity)
    group = [own, *others]
    assert found.rank == rank_of(own, group, polarity)
    assert found.quartile == quartile_of(own, group, polarity)
    assert found.median == quantile(group, Decimal("0.5"))
