"""The narrative summarises in sentences, as Oxfordshire CC's Cabinet report of December 2009 did,
rather than repeating each target's rating rule."""

from scorecard.rules.narrative import (
    amber_sentence,
    improvement_sentence,
    join_words,
    nci_sentence,
    plural,
    ratings_sentence,
    red_sentence,
)
from scorecard.rules.summaries import RagSummary


def test_plural_agrees_with_the_count():
    assert plural(1, "measure") == "1 measure"
    assert plural(11, "measure") == "11 measures"
    assert plural(2, "activity", "activities") == "2 activities"


def test_lists_in_running_text_have_no_serial_comma():
    assert join_words([]) == ""
    assert join_words(["NI 192"]) == "NI 192"
    assert join_words(["NI 191", "NI 192"]) == "NI 191 and NI 192"
    assert join_words(["a", "b", "c"]) == "a, b and c"


def test_the_ratings_are_counted_in_one_sentence_with_the_annex():
    summary = RagSummary(green=13, amber=6, red=3, nci=3, not_rated=10)
    assert ratings_sentence(summary, annex=1) == (
        "Of the 22 measures rated, 13 are Green, 6 Amber and 3 Red (see Annex 1). "
        "3 measures have No Current Information (NCI)."
    )


def test_a_single_rating_reads_in_the_singular():
    assert ratings_sentence(RagSummary(green=1)) == "Of the 1 measure rated, 1 is Green."
    assert ratings_sentence(RagSummary(red=1, nci=1), noun="action") == (
        "Of the 1 action rated, 1 is Red. 1 action has No Current Information (NCI)."
    )


def test_counts_of_none_are_left_out():
    assert ratings_sentence(RagSummary(green=4, red=2)) == (
        "Of the 6 measures rated, 4 are Green and 2 Red."
    )


def test_nothing_rated_says_so():
    assert ratings_sentence(RagSummary(not_rated=5)) == "No measure could be rated."


def test_improvement_is_summarised_with_those_still_short_of_target():
    assert improvement_sentence(improved=11, still_short=4) == (
        "11 measures improved on a year ago, 4 of them still Amber or Red."
    )
    assert improvement_sentence(improved=3, still_short=0) == "3 measures improved on a year ago."
    assert improvement_sentence(improved=2, still_short=2) == (
        "2 measures improved on a year ago, all of them still Amber or Red."
    )
    assert improvement_sentence(improved=1, still_short=1) == (
        "1 measure improved on a year ago, but it is still Amber or Red."
    )
    assert improvement_sentence(improved=0, still_short=0) == "No measure improved on a year ago."


def test_the_red_items_are_counted_by_kind():
    assert red_sentence(measures=3, actions=2, annex=3) == (
        "5 items are Red: 3 measures and 2 actions (see Annex 3)."
    )
    assert red_sentence(measures=1, actions=0) == "1 item is Red: 1 measure."
    assert red_sentence(measures=0, actions=0) == "No item is Red."


def test_the_items_without_current_information_are_named():
    assert nci_sentence(["BV 017a", "LOC-PPL01", "LOC-PPL02"]) == (
        "3 items have No Current Information (NCI): no result was submitted by the deadline "
        "for BV 017a, LOC-PPL01 and LOC-PPL02."
    )
    assert nci_sentence([]) == "Every item due has reported."


def test_a_long_list_of_items_without_information_names_the_first_few():
    sentence = nci_sentence([f"OXF-CT{n:02}" for n in range(1, 13)], named=2)
    assert sentence.startswith("12 items have No Current Information (NCI)")
    assert sentence.endswith("for OXF-CT01, OXF-CT02 and 10 more.")


def test_the_amber_items_follow_the_red_ones():
    assert amber_sentence(24) == "A further 24 items are Amber."
    assert amber_sentence(1) == "A further 1 item is Amber."
    assert amber_sentence(0) == ""
