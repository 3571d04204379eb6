"""Each measure's line in a period's scorecard: value, target, RAG, NCI and direction of travel."""

from datetime import date
from decimal import Decimal

import pytest

from reporting.scorecard_rows import scorecard_rows
from scorecard.models import Measure, Result
from scorecard.rules.rag import Status
from scorecard.rules.travel import Direction
from tests.support.councils import measure
from tests.support.periods import period

pytestmark = pytest.mark.django_db

# 2009/10 Q2 ends on 30 September 2009; the factories set each deadline 30 days after the end.
Q2_DEADLINE = date(2009, 10, 30)
LONG_AFTER = date(2012, 1, 1)


def row_for(made: Measure, label: str = "2009/10 Q2", today: date = LONG_AFTER):
    (row,) = scorecard_rows(period(label), Measure.objects.filter(pk=made.pk), today=today)
    return row


def test_the_rag_shown_is_the_one_stored_with_the_result(council):
    made = measure(targets={"2009/10 Q2": "40"}, results={"2009/10 Q2": "45"})
    # Whatever the rule would say now, the scorecard shows the rating stored with the result.
    Result.objects.filter(measure=made).update(rag="amber", rag_explanation="Amber: agreed.")

    row = row_for(made)

    assert row.status is Status.AMBER
    assert row.explanation == "Amber: agreed."
    assert row.actual == Decimal("45") and row.target == Decimal("40")


def test_a_rated_result_shows_its_rating_and_why(council):
    made = measure(targets={"2009/10 Q2": "40"}, results={"2009/10 Q2": "20"})

    row = row_for(made)

    assert row.status is Status.RED
    assert row.explanation.startswith("Red: 20% is")
    assert row.period_label == "2009/10 Q2"


def test_a_missing_result_is_not_rated_up_to_the_deadline_and_nci_the_day_after(council):
    made = measure(targets={"2009/10 Q2": "40"})

    on_the_day = row_for(made, today=Q2_DEADLINE)
    day_after = row_for(made, today=date(2009, 10, 31))

    assert on_the_day.status is Status.NOT_RATED
    assert on_the_day.explanation == "Not rated: no result for 2009/10 Q2 yet."
    assert day_after.status is Status.NCI
    assert "no result for 2009/10 Q2" in day_after.explanation
    assert "30 October 2009" in day_after.explanation
    assert day_after.actual is None and day_after.target == Decimal("40")


def test_the_periods_own_deadline_decides_when_a_result_is_overdue(council):
    made = measure(targets={"2009/10 Q2": "40"})
    q2 = period("2009/10 Q2")
    q2.deadline = date(2009, 11, 20)  # the performance team gave everyone three more weeks
    q2.save()

    assert row_for(made, today=date(2009, 11, 20)).status is Status.NOT_RATED
    assert row_for(made, today=date(2009, 11, 21)).status is Status.NCI


def test_a_measure_is_not_nci_for_periods_before_its_first_target_or_result(council):
    new_in_2010 = measure("LPI 100", targets={"2010/11 Q1": "40"}, results={"2010/11 Q1": "41"})
    running = measure("LPI 200", targets={"2009/10 Q1": "40"}, results={"2009/10 Q1": "41"})

    assert row_for(new_in_2010, "2010/11 Q2").status is Status.NCI
    assert row_for(running).status is Status.NCI


def test_a_measure_whose_first_figures_come_after_the_period_is_left_out_of_it(council):
    new_in_2010 = measure("LPI 100", targets={"2010/11 Q1": "40"}, results={"2010/11 Q1": "41"})
    waiting = measure("LPI 300")  # set up, no figures yet: listed, not rated

    rows = scorecard_rows(period("2009/10 Q2"), Measure.objects.all(), today=LONG_AFTER)

    assert new_in_2010.code not in [row.code for row in rows]
    assert [row.code for row in rows] == [waiting.code]


def test_a_measure_with_neither_target_nor_result_is_never_nci(council):
    assert row_for(measure("LPI 300")).status is Status.NOT_RATED


def test_a_draft_result_is_not_reported(council):
    made = measure(
        targets={"2009/10 Q2": "40"}, results={"2009/10 Q2": "45"}, result_status="draft"
    )

    before = row_for(made, today=Q2_DEADLINE)
    after = row_for(made)

    assert before.status is Status.NOT_RATED and before.actual is None
    assert after.status is Status.NCI and after.actual is None
    assert after.result is None


def test_a_submitted_result_is_reported_before_it_is_approved(council):
    made = measure(
        targets={"2009/10 Q2": "40"}, results={"2009/10 Q2": "45"}, result_status="submitted"
    )

    assert row_for(made).status is Status.GREEN


def test_a_result_without_a_target_is_reported_but_not_rated(council):
    made = measure(results={"2009/10 Q2": "2540"}, unit="number")

    row = row_for(made)

    assert row.status is Status.NOT_RATED
    assert row.actual == Decimal("2540")
    assert row.target is None


def test_an_annual_measure_in_the_q4_report_shows_the_years_value(council):
    made = measure(
        frequency="annual",
        targets={"2008/09": "60", "2009/10": "70"},
        results={"2008/09": "58", "2009/10": "72"},
    )

    row = row_for(made, "2009/10 Q4")

    assert row.period_label == "2009/10"
    assert row.actual == Decimal("72") and row.target == Decimal("70")
    assert row.status is Status.GREEN
    assert row.short_term is Direction.IMPROVED  # against 2008/09


def test_an_annual_measure_shows_last_years_value_until_this_years_is_in(council):
    made = measure(
        frequency="annual",
        targets={"2008/09": "60", "2009/10": "70"},
        results={"2008/09": "50"},
    )

    row = row_for(made)

    assert row.period_label == "2008/09"
    assert row.actual == Decimal("50") and row.target == Decimal("60")
    assert row.status is Status.RED


def test_a_quarterly_report_never_shows_a_year_that_ends_after_it(council):
    made = measure(
        frequency="annual",
        targets={"2008/09": "60", "2009/10": "70"},
        results={"2008/09": "58", "2009/10": "72"},
    )

    row = row_for(made, "2009/10 Q1")

    assert row.period_label == "2008/09"
    assert row.actual == Decimal("58")


def test_an_annual_measure_with_neither_year_in_is_nci_for_last_year(council):
    made = measure(frequency="annual", targets={"2008/09": "60"}, results={"2007/08": "55"})

    row = row_for(made)

    assert row.status is Status.NCI
    assert row.period_label == "2008/09"


def test_a_monthly_measure_shows_the_quarters_latest_month_with_a_value(council):
    made = measure(
        frequency="monthly",
        targets={"Jul 2009": "40", "Aug 2009": "40", "Sep 2009": "40"},
        results={"Jul 2009": "35", "Aug 2009": "41"},
    )

    row = row_for(made)

    assert row.period_label == "Aug 2009"
    assert row.actual == Decimal("41")
    assert row.status is Status.GREEN
    assert row.short_term is Direction.IMPROVED  # against July's 35


def test_short_and_long_term_direction_when_higher_is_better(council):
    made = measure(
        polarity="higher",
        results={"2008/09 Q2": "40", "2009/10 Q1": "50", "2009/10 Q2": "45"},
    )

    row = row_for(made)

    assert row.short_term is Direction.WORSE  # 45 after 50 last quarter
    assert row.long_term is Direction.IMPROVED  # 45 against 40 a year ago


def test_fewer_is_improved_when_lower_is_better(council):
    sick_days = measure(
        "BV 012",
        polarity="lower",
        unit="days",
        decimal_places=1,
        results={"2008/09 Q2": "7.9", "2009/10 Q1": "9.1", "2009/10 Q2": "8.6"},
    )

    row = row_for(sick_days)

    assert row.short_term is Direction.IMPROVED  # 8.6 days after 9.1
    assert row.long_term is Direction.WORSE  # 8.6 days against 7.9 a year ago


def test_values_that_print_the_same_have_the_same_direction(council):
    made = measure(decimal_places=1, results={"2009/10 Q1": "67.54", "2009/10 Q2": "67.46"})

    assert row_for(made).short_term is Direction.SAME  # both print as 67.5%


def test_there_is_no_direction_without_a_value_to_compare_with(council):
    made = measure(results={"2009/10 Q2": "45"})

    row = row_for(made)

    assert row.short_term is None and row.long_term is None


def test_a_draft_result_last_quarter_gives_no_short_term_direction(council):
    made = measure(results={"2009/10 Q2": "45"})
    Result.objects.create(
        measure=made, period=period("2009/10 Q1"), actual=Decimal("30"), status="draft"
    )

    assert row_for(made).short_term is None


def test_every_measure_gets_one_row_in_a_fixed_number_of_queries(
    council, django_assert_max_num_queries
):
    for n in range(40):
        measure(f"LPI {n:03d}", targets={"2009/10 Q2": "40"}, results={"2009/10 Q1": "41"})

    with django_assert_max_num_queries(10):
        rows = scorecard_rows(period("2009/10 Q2"), Measure.objects.all(), today=LONG_AFTER)

    assert len(rows) == 40
    assert {row.status for row in rows} == {Status.NCI}
