from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from scorecard.rules.rag import Status
from scorecard.rules.summaries import (
    OverallStatusThresholds,
    RagSummary,
    TravelSummary,
    overall_status,
    summarise,
    summarise_travel,
)
from scorecard.rules.travel import Direction

D = Decimal

# Cherwell DC Corporate Improvement Plan 2009/10, quarter 3: the table's RAGs and its footer.
CHERWELL_Q3 = [Status.GREEN] * 36 + [Status.AMBER] * 12 + [Status.RED] + [Status.NOT_RATED] * 2


def test_summarise_counts_each_status():
    summary = summarise([Status.GREEN, Status.RED, Status.NCI, Status.GREEN, Status.NOT_RATED])
    assert summary == RagSummary(green=2, amber=0, red=1, nci=1, not_rated=1)


def test_summarise_accepts_stored_status_values():
    assert summarise(["green", "amber"]) == RagSummary(green=1, amber=1)


def test_nothing_to_summarise_is_all_zeros():
    assert summarise([]) == RagSummary(0, 0, 0, 0, 0)


def test_cherwell_footer_number_green_and_amber_is_48():
    assert summarise(CHERWELL_Q3).green_and_amber == 48


def test_cherwell_footer_percentage_is_97_96_of_the_rated_items():
    assert summarise(CHERWELL_Q3).green_and_amber_percent() == D("97.96")


def test_cherwell_footer_status_is_amber():
    assert overall_status(summarise(CHERWELL_Q3)) is Status.AMBER


def test_rated_counts_green_amber_and_red_only():
    summary = RagSummary(green=36, amber=12, red=1, nci=3, not_rated=2)
    assert (summary.rated, summary.total) == (49, 54)


def test_percent_of_a_status_is_a_share_of_the_rated_items():
    summary = RagSummary(green=1, amber=1, red=1, nci=1)
    assert summary.percent(Status.GREEN) == D("33.33")


def test_percent_with_nci_puts_nci_in_the_denominator():
    summary = RagSummary(green=1, amber=1, red=1, nci=1)
    assert summary.percent(Status.GREEN, include_nci=True) == D("25.00")
    assert summary.percent(Status.NCI, include_nci=True) == D("25.00")


def test_green_and_amber_percent_with_nci_counts_nci_as_not_green():
    summary = RagSummary(green=3, amber=0, red=0, nci=1)
    assert summary.green_and_amber_percent() == D("100.00")
    assert summary.green_and_amber_percent(include_nci=True) == D("75.00")


def test_percentages_round_half_up_to_two_places():
    # 1 of 32 is 3.125%: half-up gives 3.13 where banker's rounding would give 3.12.
    assert RagSummary(green=1, red=31).percent(Status.GREEN) == D("3.13")
    assert RagSummary(green=2, red=1).percent(Status.GREEN) == D("66.67")


def test_no_percentage_when_nothing_is_rated():
    summary = RagSummary(not_rated=4)
    assert summary.percent(Status.GREEN) is None
    assert summary.green_and_amber_percent() is None


def test_not_rated_is_never_a_percentage():
    with pytest.raises(ValueError):
        RagSummary(green=1, not_rated=1).percent(Status.NOT_RATED)


def test_nci_is_only_a_percentage_when_included_in_the_denominator():
    with pytest.raises(ValueError):
        RagSummary(green=1, nci=1).percent(Status.NCI)


def test_counts_cannot_be_negative():
    with pytest.raises(ValueError):
        RagSummary(green=-1)


# --- overall status -------------------------------------------------------------------------


def test_all_green_or_amber_is_overall_green():
    assert overall_status(RagSummary(green=5, amber=5, not_rated=3)) is Status.GREEN


def test_exactly_at_the_amber_threshold_is_amber():
    assert overall_status(RagSummary(green=9, red=1)) is Status.AMBER


def test_below_the_amber_threshold_is_red():
    assert overall_status(RagSummary(green=8, amber=0, red=2, nci=0)) is Status.RED
    assert overall_status(RagSummary(green=89, red=11)) is Status.RED


def test_nothing_rated_is_not_rated_overall():
    assert overall_status(RagSummary(nci=2, not_rated=3)) is Status.NOT_RATED


def test_a_council_can_set_its_own_thresholds():
    lenient = OverallStatusThresholds(green_from=D("95"), amber_from=D("80"))
    assert overall_status(summarise(CHERWELL_Q3), lenient) is Status.GREEN
    assert overall_status(RagSummary(green=8, red=2), lenient) is Status.AMBER


def test_thresholds_must_be_in_order():
    with pytest.raises(ValueError):
        OverallStatusThresholds(green_from=D("80"), amber_from=D("90"))


@given(st.lists(st.sampled_from(list(Status)), max_size=60))
def test_a_summary_accounts_for_every_item(statuses):
    summary = summarise(statuses)
    assert summary.total == len(statuses)
    assert summary.rated == sum(1 for s in statuses if s.is_rated)


@given(st.lists(st.sampled_from(list(Status)), min_size=1, max_size=60))
def test_percentages_of_green_amber_and_red_are_between_0_and_100(statuses):
    summary = summarise(statuses)
    for status in (Status.GREEN, Status.AMBER, Status.RED):
        share = summary.percent(status)
        assert share is None or D(0) <= share <= D(100)


# --- travel ---------------------------------------------------------------------------------


def test_summarise_travel_counts_each_direction_and_the_unknown():
    directions = [Direction.IMPROVED, None, Direction.WORSE, Direction.IMPROVED, Direction.SAME]
    assert summarise_travel(directions) == TravelSummary(improved=2, same=1, worse=1, unknown=1)


def test_travel_summary_total_counts_everything():
    assert TravelSummary(improved=2, same=1, worse=1, unknown=1).total == 5


def test_the_overall_rating_explains_the_thresholds_behind_it():
    from scorecard.rules.summaries import overall_rating

    rating = overall_rating(RagSummary(green=36, amber=12, red=1, not_rated=2))
    assert rating.status is Status.AMBER
    assert rating.explanation.startswith("Amber: 97.96% of the 49 rated items")
    assert "Green from 100%" in rating.explanation and "Amber from 90%" in rating.explanation
