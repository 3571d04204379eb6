from scorecard.rules.periods import parse_period
from scorecard.rules.reporting import due_period, reported_periods


def labels(refs):
    return [ref.label for ref in refs]


def test_a_quarterly_measure_shows_the_quarter():
    assert labels(reported_periods("quarterly", parse_period("2009/10 Q2"))) == ["2009/10 Q2"]


def test_a_monthly_measure_shows_its_rolled_up_quarter_else_the_latest_month_first():
    shown = reported_periods("monthly", parse_period("2009/10 Q3"))
    assert labels(shown) == ["2009/10 Q3", "Dec 2009", "Nov 2009", "Oct 2009"]
    assert due_period("monthly", parse_period("2009/10 Q3")).label == "Oct 2009"


def test_a_year_report_shows_a_monthly_measures_rolled_up_year_first():
    shown = reported_periods("monthly", parse_period("2009/10"))
    assert labels(shown) == ["2009/10", "2009/10 Q4", "Mar 2010", "Feb 2010", "Jan 2010"]


def test_an_annual_measure_shows_last_year_until_the_year_is_over():
    for label in ("2009/10 Q1", "2009/10 Q2", "2009/10 Q3"):
        assert labels(reported_periods("annual", parse_period(label))) == ["2008/09"], label
        assert due_period("annual", parse_period(label)).label == "2008/09"


def test_an_annual_measure_in_q4_shows_the_year_if_in_else_last_year():
    shown = reported_periods("annual", parse_period("2009/10 Q4"))
    assert labels(shown) == ["2009/10", "2008/09"]
    assert due_period("annual", parse_period("2009/10 Q4")).label == "2008/09"


def test_no_period_shown_ends_after_the_report():
    for frequency in ("monthly", "quarterly", "annual"):
        for label in ("2009/10 Q1", "2009/10 Q2", "2009/10 Q3", "2009/10 Q4", "2009/10"):
            report = parse_period(label)
            assert all(p.end <= report.end for p in reported_periods(frequency, report))


def test_a_year_report_shows_the_last_quarter_of_a_quarterly_measure():
    assert labels(reported_periods("quarterly", parse_period("2009/10"))) == ["2009/10 Q4"]
    assert labels(reported_periods("annual", parse_period("2009/10"))) == ["2009/10"]
