from datetime import date, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from scorecard.rules.periods import (
    PeriodKind,
    PeriodLabelError,
    PeriodRef,
    default_deadline,
    fy_label,
    latest_due_period,
    months_of_quarter,
    parse_period,
    period_containing,
    quarters_of_year,
    year_of,
)

YEAR_2009 = PeriodRef(PeriodKind.YEAR, 2009, 0)
Q2_2009 = PeriodRef(PeriodKind.QUARTER, 2009, 2)
JUL_2009 = PeriodRef(PeriodKind.MONTH, 2009, 4)


def quarter(year: int, number: int) -> PeriodRef:
    return PeriodRef(PeriodKind.QUARTER, year, number)


def month(year: int, number: int) -> PeriodRef:
    return PeriodRef(PeriodKind.MONTH, year, number)


# --- labels ---------------------------------------------------------------------------------


def test_financial_year_label_pairs_the_start_year_with_the_next_years_last_two_digits():
    assert fy_label(2009) == "2009/10"


def test_financial_year_label_rolls_over_the_century():
    assert fy_label(1999) == "1999/00"


def test_year_quarter_and_month_labels_read_as_reports_write_them():
    assert YEAR_2009.label == "2009/10"
    assert Q2_2009.label == "2009/10 Q2"
    assert JUL_2009.label == "Jul 2009"


def test_the_tenth_month_of_2009_10_is_january_2010():
    assert month(2009, 10).label == "Jan 2010"


def test_str_of_a_period_is_its_label():
    assert str(Q2_2009) == "2009/10 Q2"


def test_every_period_knows_its_financial_year_label():
    assert month(2009, 12).fy_label == "2009/10"


# --- dates ----------------------------------------------------------------------------------


def test_financial_year_runs_april_to_march():
    assert (YEAR_2009.start, YEAR_2009.end) == (date(2009, 4, 1), date(2010, 3, 31))


@pytest.mark.parametrize(
    ("number", "start", "end"),
    [
        (1, date(2009, 4, 1), date(2009, 6, 30)),
        (2, date(2009, 7, 1), date(2009, 9, 30)),
        (3, date(2009, 10, 1), date(2009, 12, 31)),
        (4, date(2010, 1, 1), date(2010, 3, 31)),
    ],
)
def test_quarters_are_apr_jun_jul_sep_oct_dec_jan_mar(number, start, end):
    assert (quarter(2009, number).start, quarter(2009, number).end) == (start, end)


def test_february_ends_on_the_29th_in_a_leap_year():
    assert month(2011, 11).end == date(2012, 2, 29)


def test_february_ends_on_the_28th_otherwise():
    assert month(2009, 11).end == date(2010, 2, 28)


# --- neighbours -----------------------------------------------------------------------------


def test_the_quarter_before_q1_is_q4_of_the_previous_year():
    assert quarter(2009, 1).previous() == quarter(2008, 4)


def test_the_quarter_after_q4_is_q1_of_the_next_year():
    assert quarter(2009, 4).next() == quarter(2010, 1)


def test_the_month_before_april_is_march_of_the_same_calendar_year():
    assert month(2009, 1).previous().label == "Mar 2009"


def test_the_month_after_december_is_january():
    assert month(2009, 9).next().label == "Jan 2010"


def test_the_year_before_2009_10_is_2008_09():
    assert YEAR_2009.previous().label == "2008/09"
    assert YEAR_2009.next().label == "2010/11"


def test_same_period_last_year_keeps_the_quarter():
    assert Q2_2009.same_period_last_year().label == "2008/09 Q2"


def test_same_period_last_year_of_a_month_is_twelve_months_earlier():
    assert month(2009, 10).same_period_last_year().label == "Jan 2009"


def test_year_of_a_january_month_is_the_financial_year_it_closes():
    assert year_of(month(2009, 10)) == YEAR_2009


def test_quarters_of_a_year_are_q1_to_q4_in_order():
    assert [q.label for q in quarters_of_year(2009)] == [
        "2009/10 Q1",
        "2009/10 Q2",
        "2009/10 Q3",
        "2009/10 Q4",
    ]


def test_months_of_q4_are_january_to_march():
    assert [m.label for m in months_of_quarter(quarter(2009, 4))] == [
        "Jan 2010",
        "Feb 2010",
        "Mar 2010",
    ]


def test_months_of_something_other_than_a_quarter_is_an_error():
    with pytest.raises(ValueError, match="not a quarter"):
        months_of_quarter(YEAR_2009)


def test_periods_of_one_kind_sort_in_time_order():
    shuffled = [month(2009, 10), month(2008, 9), month(2009, 1)]
    assert [m.label for m in sorted(shuffled)] == ["Dec 2008", "Apr 2009", "Jan 2010"]


# --- validation -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("kind", "number"),
    [
        (PeriodKind.QUARTER, 0),
        (PeriodKind.QUARTER, 5),
        (PeriodKind.MONTH, 13),
        (PeriodKind.MONTH, 0),
        (PeriodKind.YEAR, 1),
    ],
)
def test_a_period_number_outside_its_kinds_range_is_refused(kind, number):
    with pytest.raises(ValueError):
        PeriodRef(kind, 2009, number)


def test_a_period_can_be_built_from_the_kinds_text_value():
    assert PeriodRef("quarter", 2009, 2) == Q2_2009


# --- parsing --------------------------------------------------------------------------------


@pytest.mark.parametrize("text", ["2009/10", "2009/2010", "2009-10", "  2009 / 10  "])
def test_financial_year_is_read_in_every_written_form(text):
    assert parse_period(text) == YEAR_2009


@pytest.mark.parametrize(
    "text", ["2009/10 Q2", "Q2 2009/10", "2009/10 q2", "  2009/10    Q2 ", "2009/2010 Q2"]
)
def test_quarter_is_read_in_every_written_form(text):
    assert parse_period(text) == Q2_2009


@pytest.mark.parametrize("text", ["Jul 2009", "July 2009", "2009-07", "JULY 2009", " jul  2009 "])
def test_month_is_read_in_every_written_form(text):
    assert parse_period(text) == JUL_2009


def test_january_belongs_to_the_financial_year_that_started_the_april_before():
    assert parse_period("Jan 2010") == month(2009, 10)


def test_financial_year_across_the_century_is_valid():
    assert parse_period("1999/00") == PeriodRef(PeriodKind.YEAR, 1999, 0)


def test_non_consecutive_years_are_refused_and_the_message_shows_the_form():
    with pytest.raises(PeriodLabelError) as error:
        parse_period("2009/11 Q2")
    assert str(error.value) == (
        "'2009/11 Q2' is not a period: the years of a financial year must be consecutive "
        "(e.g. 2009/10)"
    )


def test_a_fifth_quarter_is_refused():
    with pytest.raises(PeriodLabelError, match="Q1 to Q4"):
        parse_period("2009/10 Q5")


@pytest.mark.parametrize("text", ["", "   ", "Foo 2009", "2009/11", "2009-13", "Q2", "2009"])
def test_unreadable_labels_are_refused_showing_the_accepted_forms(text):
    with pytest.raises(PeriodLabelError, match="2009/10"):
        parse_period(text)


def test_a_period_label_error_is_a_value_error():
    assert issubclass(PeriodLabelError, ValueError)


# --- dates to periods and deadlines ---------------------------------------------------------


def test_a_day_in_march_belongs_to_q4_of_the_year_that_began_the_april_before():
    assert period_containing(date(2010, 3, 31), PeriodKind.QUARTER) == quarter(2009, 4)


def test_the_first_of_april_starts_a_new_financial_year():
    assert period_containing(date(2010, 4, 1), PeriodKind.YEAR).label == "2010/11"


def test_a_day_belongs_to_its_calendar_month():
    assert period_containing(date(2009, 7, 15), PeriodKind.MONTH) == JUL_2009


def test_default_deadline_is_the_given_days_after_the_last_day():
    assert default_deadline(Q2_2009, 14) == date(2009, 10, 14)


def test_a_negative_deadline_is_refused():
    with pytest.raises(ValueError):
        default_deadline(Q2_2009, -1)


def test_latest_due_quarter_mid_quarter_is_the_one_that_last_ended():
    assert latest_due_period(PeriodKind.QUARTER, date(2009, 11, 5), 14) == Q2_2009


def test_latest_due_quarter_on_its_last_day_is_that_quarter():
    assert latest_due_period(PeriodKind.QUARTER, date(2009, 9, 30), 14) == Q2_2009


def test_latest_due_quarter_the_day_before_its_end_is_the_one_before():
    assert latest_due_period(PeriodKind.QUARTER, date(2009, 9, 29), 14) == quarter(2009, 1)


def test_latest_due_month_in_april_is_march():
    assert latest_due_period(PeriodKind.MONTH, date(2010, 4, 10), 0).label == "Mar 2010"


def test_latest_due_year_in_june_is_the_year_that_ended_in_march():
    assert latest_due_period(PeriodKind.YEAR, date(2010, 6, 1), 30) == YEAR_2009


# --- properties -----------------------------------------------------------------------------

periods = st.one_of(
    st.builds(PeriodRef, st.just(PeriodKind.YEAR), st.integers(1900, 2200), st.just(0)),
    st.builds(PeriodRef, st.just(PeriodKind.QUARTER), st.integers(1900, 2200), st.integers(1, 4)),
    st.builds(PeriodRef, st.just(PeriodKind.MONTH), st.integers(1900, 2200), st.integers(1, 12)),
)


@given(periods)
def test_every_label_parses_back_to_its_period(period):
    assert parse_period(period.label) == period


@given(periods)
def test_the_next_period_starts_the_day_after_this_one_ends(period):
    assert period.next().start == period.end + timedelta(days=1)
    assert period.next().previous() == period


@given(periods)
def test_a_period_contains_its_own_first_and_last_days(period):
    assert period_containing(period.start, period.kind) == period
    assert period_containing(period.end, period.kind) == period


@given(periods)
def test_the_same_period_last_year_is_one_year_earlier(period):
    earlier = period.same_period_last_year()
    assert (earlier.start.month, earlier.start.year + 1) == (period.start.month, period.start.year)
