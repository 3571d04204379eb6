from decimal import Decimal

import pytest

from scorecard.rules.rag import (
    Polarity,
    RagMethod,
    Rating,
    Status,
    Tolerance,
    parse_polarity,
    parse_rag,
    parse_rag_method,
    parse_tolerance,
    rag_for,
)

D = Decimal
HIGHER, LOWER = Polarity.HIGHER, Polarity.LOWER
TEN_PERCENT = Tolerance(D("10"), is_percent=True)


def tolerance_rating(**kwargs) -> Rating:
    kwargs.setdefault("method", RagMethod.TOLERANCE)
    kwargs.setdefault("polarity", HIGHER)
    kwargs.setdefault("tolerance", TEN_PERCENT)
    return rag_for(**kwargs)


def improvement_rating(**kwargs) -> Rating:
    return tolerance_rating(method=RagMethod.TOLERANCE_WITH_IMPROVEMENT, **kwargs)


# --- Status ---------------------------------------------------------------------------------


def test_status_words_are_what_reports_print():
    assert [s.word for s in Status] == [
        "Green",
        "Amber",
        "Red",
        "No Current Information",
        "Not rated",
        "Awaiting approval",
    ]


def test_status_letters_are_what_tables_print():
    assert [s.letter for s in Status] == ["G", "A", "R", "NCI", "–", "…"]


def test_only_green_amber_and_red_are_rated():
    assert [s for s in Status if s.is_rated] == [Status.GREEN, Status.AMBER, Status.RED]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("G", Status.GREEN),
        ("a", Status.AMBER),
        (" r ", Status.RED),
        ("Green", Status.GREEN),
        ("AMBER", Status.AMBER),
        ("red", Status.RED),
    ],
)
def test_rag_cells_accept_letters_and_words_in_any_case(text, expected):
    assert parse_rag(text) is expected


@pytest.mark.parametrize("text", [None, "", "   "])
def test_a_blank_rag_cell_is_no_rag(text):
    assert parse_rag(text) is None


def test_an_unknown_rag_is_refused_with_the_accepted_values():
    with pytest.raises(ValueError) as error:
        parse_rag("Purple")
    assert str(error.value) == (
        "'Purple' is not a RAG: use G, A, R, Green, Amber or Red, or leave blank"
    )


@pytest.mark.parametrize("text", ["NCI", "Not rated", "GA"])
def test_nci_and_not_rated_cannot_be_entered_as_a_rag(text):
    with pytest.raises(ValueError):
        parse_rag(text)


# --- methods, polarity, tolerance -----------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Tolerance", RagMethod.TOLERANCE),
        ("tolerance with improvement", RagMethod.TOLERANCE_WITH_IMPROVEMENT),
        ("  TOLERANCE   WITH IMPROVEMENT ", RagMethod.TOLERANCE_WITH_IMPROVEMENT),
        ("tolerance_improvement", RagMethod.TOLERANCE_WITH_IMPROVEMENT),
        ("Judgement", RagMethod.JUDGEMENT),
        ("data only", RagMethod.DATA_ONLY),
        ("data_only", RagMethod.DATA_ONLY),
    ],
)
def test_rag_methods_are_read_by_label_or_value(text, expected):
    assert parse_rag_method(text) is expected


def test_an_unknown_rag_method_lists_the_four_methods():
    with pytest.raises(ValueError) as error:
        parse_rag_method("Gut feeling")
    for label in ("Tolerance", "Tolerance with improvement", "Judgement", "Data only"):
        assert label in str(error.value)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Higher is better", HIGHER),
        ("lower is better", LOWER),
        ("HIGHER", HIGHER),
        ("low", LOWER),
        (" high ", HIGHER),
    ],
)
def test_polarity_is_read_from_its_label_or_a_short_word(text, expected):
    assert parse_polarity(text) is expected


@pytest.mark.parametrize("text", ["up", "", "better"])
def test_an_unknown_polarity_is_refused(text):
    message = "Higher is better, Lower is better or Within a range is better"
    with pytest.raises(ValueError, match=message):
        parse_polarity(text)


def test_polarity_labels():
    assert (HIGHER.label, LOWER.label) == ("Higher is better", "Lower is better")


@pytest.mark.parametrize(
    ("text", "amount", "is_percent"),
    [
        ("10%", "10", True),
        ("10 %", "10", True),
        ("2.5%", "2.5", True),
        ("5", "5", False),
        ("0.5", "0.5", False),
    ],
)
def test_tolerance_is_a_percentage_or_an_amount(text, amount, is_percent):
    assert parse_tolerance(text) == Tolerance(D(amount), is_percent)


@pytest.mark.parametrize("text", [None, "", "  "])
def test_a_blank_tolerance_is_none(text):
    assert parse_tolerance(text) is None


def test_a_negative_tolerance_is_refused():
    with pytest.raises(ValueError, match="cannot be negative"):
        parse_tolerance("-5%")


@pytest.mark.parametrize("text", ["ten", "10%%", "%", "NaN", "5 days"])
def test_a_tolerance_that_is_not_a_number_is_refused(text):
    with pytest.raises(ValueError, match="10%"):
        parse_tolerance(text)


def test_tolerance_prints_as_entered():
    assert str(parse_tolerance("10%")) == "10%"
    assert str(parse_tolerance("5")) == "5"
    assert str(parse_tolerance("2.50%")) == "2.5%"


def test_a_tolerance_object_cannot_be_negative():
    with pytest.raises(ValueError):
        Tolerance(D("-1"), is_percent=False)


# --- missing results ------------------------------------------------------------------------


@pytest.mark.parametrize(
    "method", [RagMethod.TOLERANCE, RagMethod.TOLERANCE_WITH_IMPROVEMENT, RagMethod.DATA_ONLY]
)
def test_a_result_missing_after_the_deadline_is_no_current_information(method):
    rating = tolerance_rating(method=method, actual=None, target=D(50), overdue=True)
    assert rating == Rating(
        Status.NCI, "No Current Information: no result was given by the deadline."
    )


def test_a_result_missing_before_the_deadline_is_not_rated_yet():
    rating = tolerance_rating(actual=None, target=D(50))
    assert rating == Rating(Status.NOT_RATED, "Not rated: no result yet.")


def test_a_missing_judgement_after_the_deadline_is_no_current_information():
    rating = rag_for(
        method=RagMethod.JUDGEMENT,
        polarity=HIGHER,
        actual=None,
        target=None,
        tolerance=None,
        overdue=True,
    )
    assert rating.status is Status.NCI


# --- data only and judgement ----------------------------------------------------------------


def test_a_data_only_measure_with_a_result_is_not_rated():
    rating = tolerance_rating(method=RagMethod.DATA_ONLY, actual=D(1), target=D(100), overdue=True)
    assert rating == Rating(
        Status.NOT_RATED, "Not rated: this measure is reported for information (data only)."
    )


def judgement_rating(judgement, **kwargs) -> Rating:
    return rag_for(
        method=RagMethod.JUDGEMENT,
        polarity=HIGHER,
        tolerance=None,
        judgement=judgement,
        **{"actual": None, "target": None, **kwargs},
    )


def test_judgement_takes_the_officers_rag_even_for_an_action_with_no_number():
    assert judgement_rating(Status.AMBER) == Rating(
        Status.AMBER, "Amber: set by the officer's judgement."
    )


def test_judgement_overrides_what_the_numbers_would_say():
    rating = judgement_rating(Status.GREEN, actual=D(10), target=D(90), unit="%")
    assert rating == Rating(
        Status.GREEN,
        "Green: set by the officer's judgement; the result is 10% against a target of 90%.",
    )


def test_judgement_without_a_rag_is_not_rated():
    assert judgement_rating(None) == Rating(
        Status.NOT_RATED, "Not rated: the officer has not set a RAG."
    )


@pytest.mark.parametrize("judgement", [Status.NCI, Status.NOT_RATED])
def test_a_judgement_must_be_green_amber_or_red(judgement):
    with pytest.raises(ValueError):
        judgement_rating(judgement)


# --- tolerance ------------------------------------------------------------------------------


def test_a_measure_without_a_target_is_not_rated():
    rating = tolerance_rating(actual=D(5), target=None)
    assert rating == Rating(Status.NOT_RATED, "Not rated: no target for this period.")


def test_on_or_better_than_target_is_green():
    rating = tolerance_rating(actual=D(67), target=D(65), unit="%")
    assert rating == Rating(Status.GREEN, "Green: 67% is on or better than the target of 65%.")


def test_exactly_on_target_is_green():
    assert tolerance_rating(actual=D(65), target=D(65)).status is Status.GREEN


def test_residual_waste_within_a_ten_percent_tolerance_is_amber():
    # NI 191 residual household waste per household, lower is better.
    rating = tolerance_rating(polarity=LOWER, actual=D(474), target=D(459), unit="kg")
    assert rating == Rating(
        Status.AMBER,
        "Amber: 474 kg is 3.3% worse than the target of 459 kg, within the tolerance of 10%.",
    )


def test_sick_days_beyond_an_absolute_tolerance_are_red():
    # BV 012 sick days per FTE, lower is better, tolerance of one day.
    rating = tolerance_rating(
        polarity=LOWER,
        actual=D("9.5"),
        target=D(8),
        tolerance=parse_tolerance("1"),
        unit="days",
        decimal_places=1,
    )
    assert rating == Rating(
        Status.RED,
        "Red: 9.5 days is 1.5 days worse than the target of 8.0 days, "
        "beyond the tolerance of 1 day.",
    )


def test_shortfall_exactly_at_an_absolute_tolerance_is_amber():
    rating = tolerance_rating(actual=D(95), target=D(100), tolerance=parse_tolerance("5"))
    assert rating.status is Status.AMBER


def test_shortfall_exactly_at_a_percentage_tolerance_is_amber():
    assert tolerance_rating(actual=D(90), target=D(100)).status is Status.AMBER


def test_shortfall_just_beyond_a_percentage_tolerance_is_red():
    assert tolerance_rating(actual=D(89), target=D(100)).status is Status.RED


def test_a_percentage_tolerance_is_of_the_size_of_a_negative_target():
    # Against a target of -£200, a 10% tolerance allows a shortfall of £20, not -£20.
    rating = tolerance_rating(actual=D(-220), target=D(-200), unit="£")
    assert rating.status is Status.AMBER


def test_without_a_tolerance_any_shortfall_is_red():
    rating = tolerance_rating(actual=D(64), target=D(65), tolerance=None, unit="%")
    assert rating == Rating(
        Status.RED,
        "Red: 64% is 1 percentage point worse than the target of 65%, with no tolerance set.",
    )


def test_a_percentage_tolerance_cannot_apply_to_a_target_of_zero():
    rating = tolerance_rating(polarity=LOWER, actual=D(2), target=D(0))
    assert rating == Rating(
        Status.RED,
        "Red: 2 is 2 worse than the target of 0 "
        "(a percentage tolerance cannot apply to a target of zero).",
    )


def test_an_absolute_tolerance_still_applies_to_a_target_of_zero():
    rating = tolerance_rating(
        polarity=LOWER, actual=D(2), target=D(0), tolerance=parse_tolerance("3")
    )
    assert rating.status is Status.AMBER


def test_values_are_rated_as_printed_after_rounding():
    # 73.449 prints as 73.4 with one place, which is on the 73.4 target.
    rating = tolerance_rating(
        actual=D("73.449"), target=D("73.4"), tolerance=None, unit="%", decimal_places=1
    )
    assert rating == Rating(Status.GREEN, "Green: 73.4% is on or better than the target of 73.4%.")


def test_a_gap_that_rounds_onto_the_tolerance_shows_enough_places_to_be_beyond_it():
    # 46 kg on 459 kg is 10.02%: "10.0%" would read as within the 10% tolerance.
    rating = tolerance_rating(polarity=LOWER, actual=D(505), target=D(459), unit="kg")
    assert rating.status is Status.RED
    assert "10.02% worse" in rating.explanation


def test_an_absolute_tolerance_on_a_percentage_measure_is_in_points():
    rating = tolerance_rating(actual=D(70), target=D(73), tolerance=parse_tolerance("5"), unit="%")
    assert rating.explanation == (
        "Amber: 70% is 3 percentage points worse than the target of 73%, "
        "within the tolerance of 5 percentage points."
    )


# --- tolerance with improvement -------------------------------------------------------------


def test_within_tolerance_is_green_when_improvement_counts():
    rating = improvement_rating(actual=D(70), target=D(73), unit="%")
    assert rating == Rating(
        Status.GREEN,
        "Green: 70% is 4.1% worse than the target of 73%, within the tolerance of 10%.",
    )


def test_beyond_tolerance_but_improved_on_last_year_is_amber():
    rating = improvement_rating(
        actual=D(58), target=D(73), unit="%", last_year_actual=D(55), last_year_label="2008/09 Q2"
    )
    assert rating == Rating(
        Status.AMBER,
        "Amber: 58% is 20.5% worse than the target of 73%, beyond the tolerance of 10%, "
        "but improved on 55% in 2008/09 Q2.",
    )


def test_beyond_tolerance_and_held_level_with_last_year_is_amber():
    rating = improvement_rating(
        actual=D(58), target=D(73), unit="%", last_year_actual=D(58), last_year_label="2008/09 Q2"
    )
    assert rating.status is Status.AMBER
    assert rating.explanation.endswith("but held level with 58% in 2008/09 Q2.")


def test_beyond_tolerance_and_worse_than_last_year_is_red():
    rating = improvement_rating(
        actual=D(58), target=D(73), unit="%", last_year_actual=D(60), last_year_label="2008/09 Q2"
    )
    assert rating == Rating(
        Status.RED,
        "Red: 58% is 20.5% worse than the target of 73%, beyond the tolerance of 10%, "
        "and worse than 60% in 2008/09 Q2.",
    )


def test_beyond_tolerance_with_nothing_from_last_year_is_red():
    rating = improvement_rating(actual=D(58), target=D(73), unit="%")
    assert rating.status is Status.RED
    assert rating.explanation.endswith(
        "and there is no result for the same period last year to compare with."
    )


def test_fewer_sick_days_than_last_year_is_an_improvement():
    rating = improvement_rating(
        polarity=LOWER,
        actual=D(12),
        target=D(8),
        unit="days",
        last_year_actual=D(13),
    )
    assert rating.status is Status.AMBER
    assert rating.explanation.endswith("but improved on 13 days in the same period last year.")


def test_last_year_is_compared_as_printed():
    # 57.96 and 58.04 both print as 58.0: performance held.
    rating = improvement_rating(
        actual=D("57.96"),
        target=D(73),
        unit="%",
        decimal_places=1,
        last_year_actual=D("58.04"),
    )
    assert rating.status is Status.AMBER


def test_without_a_tolerance_improvement_decides_any_shortfall():
    rating = improvement_rating(actual=D(72), target=D(73), tolerance=None, last_year_actual=D(70))
    assert rating.status is Status.AMBER
    assert "with no tolerance set, but improved on 70" in rating.explanation
