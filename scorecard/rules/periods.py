"""Reporting periods of a UK council's financial year, parsed and printed in one place.

The financial year runs April to March and is written ``2009/10``; quarters are Q1 Apr–Jun,
Q2 Jul–Sep, Q3 Oct–Dec and Q4 Jan–Mar, written ``2009/10 Q2``; months are written ``Jul 2009``
(DOMAIN.md, "Periods"; docs/plan-workbook.md, "Periods").
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import date, timedelta
from enum import StrEnum

MIN_YEAR = 1000
MAX_YEAR = 9998  # the last financial year must end in a year that ``date`` can hold

ACCEPTED_FORMS = (
    "write a financial year (2009/10), a quarter (2009/10 Q2) or a month (Jul 2009 or 2009-07)"
)

_MONTH_NAMES = {name.lower(): number for number, name in enumerate(calendar.month_name) if name}
_MONTH_ABBRS = {name.lower(): number for number, name in enumerate(calendar.month_abbr) if name}
_MONTHS_BY_NAME = {**_MONTH_NAMES, **_MONTH_ABBRS, "sept": 9}

_FY = r"(?P<start>\d{4})\s*(?P<sep>[/-])\s*(?P<end>\d{2}|\d{4})"
_YEAR_RE = re.compile(rf"^{_FY}$")
_QUARTER_AFTER_RE = re.compile(rf"^{_FY}\s*q\s*(?P<q>\d+)$")
_QUARTER_BEFORE_RE = re.compile(rf"^q\s*(?P<q>\d+)\s*{_FY}$")
_NAMED_MONTH_RE = re.compile(r"^(?P<name>[a-z]+)\.?\s*(?P<year>\d{4})$")


class PeriodKind(StrEnum):
    YEAR = "year"
    QUARTER = "quarter"
    MONTH = "month"


class PeriodState(StrEnum):
    """Open for returns, closed for sign-off after the deadline, or locked once signed off.

    The values are what the database holds; ``ReportingPeriod.State`` mirrors them.
    """

    OPEN = "open"
    CLOSED = "closed"
    LOCKED = "locked"


class PeriodLabelError(ValueError):
    """A period label that could not be read; the message says why and what is accepted."""


def fy_label(year: int) -> str:
    """The label of the financial year starting in April of ``year``: 2009 → "2009/10".

    The second part is the last two digits of the following year, so 1999 → "1999/00"
    (DOMAIN.md, "Periods").
    """
    return f"{year}/{(year + 1) % 100:02d}"


@dataclass(frozen=True, order=True)
class PeriodRef:
    """A financial year, quarter or month.

    ``year`` is the calendar year in which the financial year starts (2009 for 2009/10).
    ``number`` is 0 for a year, 1–4 for a quarter and 1–12 for a month counted in
    financial-year order (1 = April … 12 = March), so periods of one kind sort in time order.
    """

    kind: PeriodKind
    year: int
    number: int = 0

    def __post_init__(self) -> None:
        object.__setattr__(self, "kind", PeriodKind(self.kind))
        if not MIN_YEAR <= self.year <= MAX_YEAR:
            raise ValueError(f"year {self.year} is outside {MIN_YEAR}–{MAX_YEAR}")
        allowed = {PeriodKind.YEAR: (0, 0), PeriodKind.QUARTER: (1, 4), PeriodKind.MONTH: (1, 12)}
        low, high = allowed[self.kind]
        if not low <= self.number <= high:
            raise ValueError(
                f"a {self.kind} is numbered {low}–{high}, not {self.number}"
                if high
                else f"a year has number 0, not {self.number}"
            )

    def __str__(self) -> str:
        return self.label

    @property
    def fy_label(self) -> str:
        return fy_label(self.year)

    @property
    def label(self) -> str:
        """How reports write the period: 2009/10, 2009/10 Q2 or Jul 2009."""
        if self.kind is PeriodKind.YEAR:
            return self.fy_label
        if self.kind is PeriodKind.QUARTER:
            return f"{self.fy_label} Q{self.number}"
        calendar_year, month = self._calendar_month(self.number)
        return f"{calendar.month_abbr[month]} {calendar_year}"

    @property
    def start(self) -> date:
        first, _ = self._month_span()
        calendar_year, month = self._calendar_month(first)
        return date(calendar_year, month, 1)

    @property
    def end(self) -> date:
        """The last day of the period (inclusive)."""
        _, last = self._month_span()
        calendar_year, month = self._calendar_month(last)
        return date(calendar_year, month, calendar.monthrange(calendar_year, month)[1])

    def previous(self) -> PeriodRef:
        """The period of the same kind just before: Q1 2009/10 → 2008/09 Q4, Apr 2009 → Mar 2009."""
        if self.kind is PeriodKind.YEAR:
            return PeriodRef(self.kind, self.year - 1, 0)
        if self.number == 1:
            return PeriodRef(self.kind, self.year - 1, self._last_number())
        return PeriodRef(self.kind, self.year, self.number - 1)

    def next(self) -> PeriodRef:
        """The period of the same kind just after: 2009/10 Q4 → 2010/11 Q1, Mar 2010 → Apr 2010."""
        if self.kind is PeriodKind.YEAR:
            return PeriodRef(self.kind, self.year + 1, 0)
        if self.number == self._last_number():
            return PeriodRef(self.kind, self.year + 1, 1)
        return PeriodRef(self.kind, self.year, self.number + 1)

    def same_period_last_year(self) -> PeriodRef:
        """The same quarter, month or year one year earlier: the long-term comparison."""
        return PeriodRef(self.kind, self.year - 1, self.number)

    def _last_number(self) -> int:
        return 4 if self.kind is PeriodKind.QUARTER else 12

    def _month_span(self) -> tuple[int, int]:
        """The first and last financial-year month numbers (1 = April) the period covers."""
        if self.kind is PeriodKind.YEAR:
            return 1, 12
        if self.kind is PeriodKind.QUARTER:
            return 3 * self.number - 2, 3 * self.number
        return self.number, self.number

    def _calendar_month(self, fy_month: int) -> tuple[int, int]:
        month = (fy_month + 2) % 12 + 1
        return (self.year if month >= 4 else self.year + 1), month


def year_of(ref: PeriodRef) -> PeriodRef:
    """The financial year a period falls in."""
    return PeriodRef(PeriodKind.YEAR, ref.year, 0)


def quarters_of_year(year: int) -> tuple[PeriodRef, ...]:
    """The four quarters of the financial year starting in April of ``year``, in order."""
    return tuple(PeriodRef(PeriodKind.QUARTER, year, q) for q in range(1, 5))


def months_of_quarter(ref: PeriodRef) -> tuple[PeriodRef, ...]:
    """The three months of a quarter, in order: 2009/10 Q3 → Oct, Nov, Dec 2009."""
    if ref.kind is not PeriodKind.QUARTER:
        raise ValueError(f"{ref} is not a quarter")
    first = 3 * ref.number - 2
    return tuple(PeriodRef(PeriodKind.MONTH, ref.year, m) for m in range(first, first + 3))


def period_containing(day: date, kind: PeriodKind) -> PeriodRef:
    """The year, quarter or month (by ``kind``) that ``day`` falls in; April starts the year."""
    kind = PeriodKind(kind)
    year = day.year if day.month >= 4 else day.year - 1
    fy_month = (day.month - 4) % 12 + 1
    if kind is PeriodKind.YEAR:
        return PeriodRef(kind, year, 0)
    if kind is PeriodKind.QUARTER:
        return PeriodRef(kind, year, (fy_month - 1) // 3 + 1)
    return PeriodRef(kind, year, fy_month)


def default_deadline(period: PeriodRef, days_after_end: int) -> date:
    """The submission deadline: ``days_after_end`` days after the period's last day.

    Each period has a submission deadline (DOMAIN.md, "Periods"); after it a missing result
    is No Current Information.
    """
    if days_after_end < 0:
        raise ValueError(f"a deadline cannot fall before the period ends ({days_after_end} days)")
    return period.end + timedelta(days=days_after_end)


def latest_due_period(kind: PeriodKind, today: date, days_after_end: int) -> PeriodRef:
    """The latest period of ``kind`` that has ended on or before ``today``.

    A quarterly report shows the latest value due (DOMAIN.md, "Periods"): once a period's last
    day has come, its results are due and it is the one to report, even while its submission
    deadline is still ahead. ``days_after_end`` does not move the period; it is taken so callers
    can pass the council's setting, and is checked like ``default_deadline``'s. Whether a missing
    result is already overdue (NCI) is a separate question: compare ``today`` with
    ``default_deadline(period, days_after_end)``.
    """
    if days_after_end < 0:
        raise ValueError(f"a deadline cannot fall before the period ends ({days_after_end} days)")
    current = period_containing(today, kind)
    return current if current.end <= today else current.previous()


def parse_period(text: str) -> PeriodRef:
    """Read a period label as councils write it.

    Financial years: "2009/10", "2009/2010", "2009-10"; quarters: "2009/10 Q2", "Q2 2009/10";
    months: "Jul 2009", "July 2009", "2009-07". Case and spacing do not matter. A hyphenated
    pair whose second part is the next year ("2009-10") is a financial year, as the workbook
    documents it, so October 2009 is written "Oct 2009" (docs/plan-workbook.md, "Periods").
    """
    original = text
    cleaned = " ".join((text or "").split()).lower()
    if not cleaned:
        raise PeriodLabelError(f"no period given: {ACCEPTED_FORMS}")

    for pattern in (_QUARTER_AFTER_RE, _QUARTER_BEFORE_RE):
        match = pattern.match(cleaned)
        if match:
            year = _financial_year(original, match)
            quarter = int(match["q"])
            if not 1 <= quarter <= 4:
                raise _error(original, f"quarters are Q1 to Q4, not Q{quarter}")
            return PeriodRef(PeriodKind.QUARTER, year, quarter)

    match = _YEAR_RE.match(cleaned)
    if match:
        if match["sep"] == "-" and len(match["end"]) == 2 and not _consecutive(match):
            return _iso_month(original, int(match["start"]), int(match["end"]))
        return PeriodRef(PeriodKind.YEAR, _financial_year(original, match), 0)

    match = _NAMED_MONTH_RE.match(cleaned)
    if match and match["name"] in _MONTHS_BY_NAME:
        return _month(original, int(match["year"]), _MONTHS_BY_NAME[match["name"]])

    raise _error(original, ACCEPTED_FORMS)


def _error(text: str, reason: str) -> PeriodLabelError:
    return PeriodLabelError(f"{text!r} is not a period: {reason}")


def _consecutive(match: re.Match[str]) -> bool:
    start, end = int(match["start"]), match["end"]
    expected = start + 1 if len(end) == 4 else (start + 1) % 100
    return int(end) == expected


def _financial_year(text: str, match: re.Match[str]) -> int:
    if not _consecutive(match):
        raise _error(text, "the years of a financial year must be consecutive (e.g. 2009/10)")
    return _checked_year(text, int(match["start"]))


def _checked_year(text: str, year: int) -> int:
    if not MIN_YEAR <= year <= MAX_YEAR:
        raise _error(text, f"the year must be between {MIN_YEAR} and {MAX_YEAR}")
    return year


def _iso_month(text: str, calendar_year: int, month: int) -> PeriodRef:
    if not 1 <= month <= 12:
        raise _error(
            text,
            "a month written YYYY-MM needs a month 01–12 (e.g. 2009-07), and the years of "
            "a financial year must be consecutive (e.g. 2009/10)",
        )
    return _month(text, calendar_year, month)


def _month(text: str, calendar_year: int, month: int) -> PeriodRef:
    year = calendar_year if month >= 4 else calendar_year - 1
    _checked_year(text, year)
    return PeriodRef(PeriodKind.MONTH, year, (month - 4) % 12 + 1)
