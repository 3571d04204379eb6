"""Which value a report shows for a measure (NCI itself: `scorecard.rules.returns`)."""

from __future__ import annotations

from scorecard.rules.periods import PeriodKind, PeriodRef, months_of_quarter, year_of


def reported_periods(frequency: str, period: PeriodRef) -> tuple[PeriodRef, ...]:
    """The periods whose value a report for ``period`` may show, the preferred first.

    A quarterly report shows the latest value due (DOMAIN.md, "Periods"):
    - a quarterly measure, the quarter itself;
    - a monthly measure, the quarter rolled up from its months (``scorecard.services.rollup``),
      else the quarter's last month with a value, latest first;
    - an annual measure, the last financial year that is over by the quarter's end: the year
      before until Q4, when the year itself (if its value is in) comes first.
    A report for a period shows that period and earlier ones, never later ones (DOMAIN.md,
    "What a published figure is"): a year that ends after the quarter is a later period, so
    a Q1 report never shows a figure first known in August (summer exams filed under the
    year they fall in), however late the report is printed.
    For a report on a whole year every measure shows that year (a quarterly one its last
    quarter; a monthly one the year rolled up from its months, else its last quarter or month).
    """
    if period.kind is PeriodKind.YEAR:
        if frequency == "annual":
            return (period,)
        last_quarter = PeriodRef(PeriodKind.QUARTER, period.year, 4)
        rolled_up = (period,) if frequency == "monthly" else ()
        return rolled_up + reported_periods(frequency, last_quarter)
    if period.kind is PeriodKind.MONTH:
        return (period,)
    if frequency == "monthly":
        return (period, *reversed(months_of_quarter(period)))
    if frequency == "annual":
        year = year_of(period)
        return (year, year.previous()) if year.end <= period.end else (year.previous(),)
    return (period,)


def due_period(frequency: str, period: PeriodRef) -> PeriodRef:
    """The period whose value is due when a report for ``period`` has none to show.

    The last of ``reported_periods``: the one that must be in by now.
    """
    return reported_periods(frequency, period)[-1]
