"""Monthly figures made into a quarter, a year to date or a year, and the sentence saying how.

A measure collected monthly is reported quarterly: each measure says how its months make a
quarter and a year (issue 10, "Monthly data in quarterly reports"): their sum (tonnes
collected), their average (days lost per employee), the latest month (a snapshot such as
staff in post), or a ratio of summed numerators over summed denominators (households
re-housed / households on the register), never an average of the months' percentages. A
cumulative measure's quarter is its year to date, April to the quarter's end (Hart DC's
cumulative sickness). Only approved months count; a missing one makes the figure provisional
and is named, never silently left out of a smaller total. Values are Decimals throughout.
"""

from __future__ import annotations

import calendar
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from decimal import Decimal

from .measure_types import Aggregation
from .periods import PeriodKind, PeriodRef
from .units import format_number, format_value

HUNDRED = Decimal(100)


class RatioError(ValueError):
    """A ratio that cannot be worked out; the message says why, for the form or the cell."""


def ratio_value(numerator: Decimal, denominator: Decimal, *, unit: str) -> Decimal:
    """A ratio measure's value: numerator over denominator, × 100 when the unit is %.

    A zero denominator is refused ("households on the register" cannot be none), rather than
    shown as zero or infinity.
    """
    if denominator == 0:
        raise RatioError("the denominator is zero, so the value cannot be worked out")
    value = Decimal(numerator) / Decimal(denominator)
    return value * HUNDRED if unit.strip() == "%" else value


def months_covered(period: PeriodRef, *, cumulative: bool) -> tuple[PeriodRef, ...]:
    """The months whose figures make ``period``, in order.

    A quarter is its three months, or for a cumulative measure the year to date: April to the
    quarter's end. A year is its twelve months, April to March. A month is itself.
    """
    if period.kind is PeriodKind.MONTH:
        return (period,)
    last = 12 if period.kind is PeriodKind.YEAR else 3 * period.number
    first = 1 if cumulative or period.kind is PeriodKind.YEAR else last - 2
    return tuple(PeriodRef(PeriodKind.MONTH, period.year, m) for m in range(first, last + 1))


@dataclass(frozen=True)
class MonthFigure:
    """One month's approved figure: its value and, for a ratio measure, its two parts."""

    month: PeriodRef
    actual: Decimal | None
    numerator: Decimal | None = None
    denominator: Decimal | None = None


@dataclass(frozen=True)
class Aggregate:
    """A period's value made from its months, with the parts a ratio was made of."""

    value: Decimal | None
    numerator: Decimal | None = None
    denominator: Decimal | None = None


def aggregate(figures: Sequence[MonthFigure], *, aggregation: Aggregation, unit: str) -> Aggregate:
    """Combine months in order by ``aggregation``; no figures give no value.

    Ratio sums numerators and denominators separately and divides once (``ratio_value``); a
    month without both parts is left out of both sums. Sum, Average and Latest read the
    months' values.
    """
    aggregation = Aggregation(aggregation)
    if aggregation is Aggregation.RATIO:
        parts = [f for f in figures if f.numerator is not None and f.denominator is not None]
        if not parts:
            return Aggregate(None)
        numerator = sum((Decimal(f.numerator) for f in parts), Decimal(0))
        denominator = sum((Decimal(f.denominator) for f in parts), Decimal(0))
        value = ratio_value(numerator, denominator, unit=unit) if denominator else None
        return Aggregate(value, numerator, denominator)
    values = [Decimal(f.actual) for f in figures if f.actual is not None]
    if not values:
        return Aggregate(None)
    if aggregation is Aggregation.SUM:
        return Aggregate(sum(values, Decimal(0)))
    if aggregation is Aggregation.AVERAGE:
        return Aggregate(sum(values, Decimal(0)) / len(values))
    return Aggregate(values[-1])


def missing_months(
    period: PeriodRef, figures: Sequence[MonthFigure], *, cumulative: bool
) -> tuple[PeriodRef, ...]:
    """The months of ``period`` that have no approved figure, in order."""
    present = {f.month for f in figures if f.actual is not None or f.numerator is not None}
    return tuple(m for m in months_covered(period, cumulative=cumulative) if m not in present)


@dataclass(frozen=True)
class Rollup:
    """A period's figure made from its months: value, parts, what is missing, and how."""

    value: Decimal | None
    numerator: Decimal | None
    denominator: Decimal | None
    missing: tuple[PeriodRef, ...]
    derivation: str

    @property
    def provisional(self) -> bool:
        return bool(self.missing)


def roll_up(
    period: PeriodRef,
    figures: Sequence[MonthFigure],
    *,
    aggregation: Aggregation,
    unit: str,
    decimal_places: int,
    cumulative: bool,
) -> Rollup:
    """Make ``period``'s figure from its approved months, and say how in one sentence."""
    covered = set(months_covered(period, cumulative=cumulative))
    used = sorted((f for f in figures if f.month in covered), key=lambda f: f.month)
    made = aggregate(used, aggregation=aggregation, unit=unit)
    missing = missing_months(period, used, cumulative=cumulative)
    present = [m for m in sorted(covered) if m not in missing]
    sentence = derivation(
        period,
        made,
        present=present,
        missing=missing,
        aggregation=Aggregation(aggregation),
        unit=unit,
        decimal_places=decimal_places,
        cumulative=cumulative,
    )
    return Rollup(made.value, made.numerator, made.denominator, missing, sentence)


def month_name(month: PeriodRef) -> str:
    """A month as a sentence names it: "July"."""
    return calendar.month_name[month.start.month]


def months_in_words(months: Sequence[PeriodRef]) -> str:
    """Months as runs: "July to September", "April to June and August", "July"."""
    runs: list[list[PeriodRef]] = []
    for month in sorted(months):
        if runs and runs[-1][-1].next() == month:
            runs[-1].append(month)
        else:
            runs.append([month])
    words = [
        month_name(run[0]) if len(run) == 1 else f"{month_name(run[0])} to {month_name(run[-1])}"
        for run in runs
    ]
    return words[0] if len(words) == 1 else ", ".join(words[:-1]) + " and " + words[-1]


def _name(period: PeriodRef, *, cumulative: bool) -> str:
    if period.kind is PeriodKind.QUARTER:
        return f"Q{period.number} year to date" if cumulative else f"Q{period.number}"
    return period.label


_HOW = {
    Aggregation.SUM: "the sum of",
    Aggregation.RATIO: "the sum of",
    Aggregation.AVERAGE: "the average of",
}


def derivation(
    period: PeriodRef,
    made: Aggregate,
    *,
    present: Sequence[PeriodRef],
    missing: Sequence[PeriodRef],
    aggregation: Aggregation,
    unit: str,
    decimal_places: int,
    cumulative: bool,
) -> str:
    """How a rolled-up value was made, in words, as the measure page prints it.

    "Q2 value 64.0% = 1,280 / 2,000, the sum of July to September"; with a month missing,
    "…; provisional: no approved figure for August 2009".
    """
    name = _name(period, cumulative=cumulative)
    if not present:
        sentence = f"{name}: no value yet"
    elif made.value is None:
        sentence = f"{name}: no value, because the denominators of {months_in_words(present)} "
        sentence += "add up to zero"
    else:
        sentence = f"{name} value {format_value(made.value, unit, decimal_places)}"
        if aggregation is Aggregation.RATIO:
            places = _places(made.numerator, made.denominator)
            sentence += f" = {format_number(made.numerator, places)} / "
            sentence += f"{format_number(made.denominator, places)}"
        if aggregation is Aggregation.LATEST:
            sentence += f", the latest month, {month_name(present[-1])}"
        else:
            sentence += f", {_HOW[aggregation]} {months_in_words(present)}"
    if missing:
        sentence += f"; provisional: no approved figure for {_missing_words(missing)}"
    return sentence


def _places(*values: Decimal | None) -> int:
    """The places a ratio's parts were given with, so 12.5 tonnes is not printed as 13."""
    exponents = [v.normalize().as_tuple().exponent for v in values if v is not None]
    return max([0] + [-e for e in exponents if isinstance(e, int)])


def _missing_words(missing: Sequence[PeriodRef]) -> str:
    names = [f"{month_name(m)} {m.start.year}" for m in missing]
    return names[0] if len(names) == 1 else ", ".join(names[:-1]) + " and " + names[-1]


def with_derivation(derivation: str, explanation: str) -> str:
    """A RAG explanation with how its value was made first, wherever the RAG is explained.

    "Q2 value 64.0% = 1,280 / 2,000, the sum of July to September. Green: …" (issue 10,
    "Explanations"); a value an officer typed has no derivation and keeps its explanation.
    """
    if not derivation:
        return explanation
    return f"{derivation}. {explanation}" if explanation else f"{derivation}."


@dataclass(frozen=True)
class YearToDate:
    """A month's year-to-date figure: its value, the months it lacks, and how it was made."""

    value: Decimal | None
    missing: tuple[PeriodRef, ...]
    derivation: str


def year_to_date(
    month: PeriodRef,
    own: Decimal | None,
    handed_in: Mapping[PeriodRef, Decimal],
    *,
    unit: str,
    decimal_places: int,
) -> YearToDate:
    """A cumulative measure's year to date at ``month``: its ``own`` figure and April's onward.

    A year-to-date measure collected monthly holds each month's own figure, while its profiled
    month targets are running shares (Hart DC's 3.15 days by September), so a month is rated by
    the sum of April to that month (issue 10, "Year to date"). ``handed_in`` holds the other
    months' figures; a month without one is named, never silently counted as nothing.
    """
    if own is None:
        return YearToDate(None, (), "")
    earlier = [PeriodRef(PeriodKind.MONTH, month.year, n) for n in range(1, month.number)]
    missing = tuple(m for m in earlier if handed_in.get(m) is None)
    value = sum((Decimal(handed_in[m]) for m in earlier if m not in missing), Decimal(own))
    present = [m for m in earlier if m not in missing] + [month]
    sentence = (
        f"Year to date {format_value(value, unit, decimal_places)}, the sum of "
        f"{months_in_words(present)} ({month_name(month)} alone "
        f"{format_value(Decimal(own), unit, decimal_places)}), rated against the year-to-date "
        "target"
    )
    if missing:
        sentence += f"; provisional: no figure handed in for {_missing_words(missing)}"
    return YearToDate(value, missing, sentence)
