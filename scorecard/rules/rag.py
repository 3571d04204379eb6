"""Red / Amber / Green ratings: the one engine every screen, report and export uses.

Councils rate differently, so the method is configurable per measure (DOMAIN.md, "RAG ratings"):
tolerance, tolerance with improvement, the officer's judgement, the year-end forecast against
the annual target (West Berkshire), or data only (not rated). A measure is better higher,
lower, or within a range (budget variance within ±2%).
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from enum import StrEnum

from scorecard.rules.choices import choice_named
from scorecard.rules.units import format_difference, format_value, quantize


class Status(StrEnum):
    GREEN = "green"
    AMBER = "amber"
    RED = "red"
    NCI = "nci"
    NOT_RATED = "not_rated"
    # A result or update submitted but not yet approved, in a report that publishes approved
    # figures only: counted apart, never silently NCI (DOMAIN.md, "What a published figure is").
    AWAITING_APPROVAL = "awaiting"

    @property
    def word(self) -> str:
        return _STATUS_TEXT[self][0]

    @property
    def letter(self) -> str:
        return _STATUS_TEXT[self][1]

    @property
    def is_rated(self) -> bool:
        """Only Green, Amber and Red are ratings; NCI and not rated are counted apart."""
        return self in (Status.GREEN, Status.AMBER, Status.RED)


_STATUS_TEXT = {
    Status.GREEN: ("Green", "G"),
    Status.AMBER: ("Amber", "A"),
    Status.RED: ("Red", "R"),
    Status.NCI: ("No Current Information", "NCI"),
    Status.NOT_RATED: ("Not rated", "–"),
    Status.AWAITING_APPROVAL: ("Awaiting approval", "…"),
}


def status_of(rag: str | None) -> Status:
    """The status a stored RAG shows: blank (nothing rated yet) is Not rated, never NCI.

    NCI is decided from the deadline by ``is_nci``, not read from a blank rating.
    """
    return Status(rag) if rag else Status.NOT_RATED


# Why an item rated by judgement carries its RAG: said the same way on every screen and report.
JUDGEMENT_REASON = "set by the officer's judgement"


def judgement_explanation(status: Status) -> str:
    """The explanation of a RAG the officer chose: "Amber: set by the officer's judgement."."""
    return f"{status.word}: {JUDGEMENT_REASON}." if status.is_rated else ""


def parse_rag(text: str | None) -> Status | None:
    """Read a RAG cell: G, A, R, Green, Amber or Red in any case; blank means none.

    NCI is never entered: it is what the system records when a due result is missing
    (docs/plan-workbook.md, "RAG values").
    """
    cleaned = (text or "").strip().lower()
    if not cleaned:
        return None
    for status in (Status.GREEN, Status.AMBER, Status.RED):
        if cleaned in (status.letter.lower(), status.word.lower()):
            return status
    raise ValueError(f"{text!r} is not a RAG: use G, A, R, Green, Amber or Red, or leave blank")


class RagMethod(StrEnum):
    TOLERANCE = "tolerance"
    TOLERANCE_WITH_IMPROVEMENT = "tolerance_improvement"
    JUDGEMENT = "judgement"
    DATA_ONLY = "data_only"
    # West Berkshire rates the officer's year-end forecast against the annual target.
    FORECAST = "forecast"

    @property
    def label(self) -> str:
        return _METHOD_LABELS[self]


_METHOD_LABELS = {
    RagMethod.TOLERANCE: "Tolerance",
    RagMethod.TOLERANCE_WITH_IMPROVEMENT: "Tolerance with improvement",
    RagMethod.JUDGEMENT: "Judgement",
    RagMethod.DATA_ONLY: "Data only",
    RagMethod.FORECAST: "Forecast against annual target",
}


def parse_rag_method(text: str | None) -> RagMethod:
    """Read a RAG method by its label ("Tolerance with improvement") or value, in any case."""
    method = choice_named(RagMethod, text)
    if method is not None:
        return method
    names = ", ".join(method.label for method in RagMethod)
    raise ValueError(f"{text!r} is not a RAG method: use one of {names}")


class Polarity(StrEnum):
    HIGHER = "higher"
    LOWER = "lower"
    # Good inside a band, such as a budget variance within -2% to +2% (DOMAIN.md, "Measures as
    # councils define them"): rated against a lower and an upper bound, not a single target.
    RANGE = "range"

    @property
    def label(self) -> str:
        return _POLARITY_LABELS[self]

    @property
    def sign(self) -> int:
        """+1 or -1: multiplying a change by it gives the change in performance.

        A range has no better direction (``performance_change`` measures it from the middle).
        """
        if self is Polarity.RANGE:
            raise ValueError("within a range is better: no direction is better in itself")
        return 1 if self is Polarity.HIGHER else -1


_POLARITY_LABELS = {
    Polarity.HIGHER: "Higher is better",
    Polarity.LOWER: "Lower is better",
    Polarity.RANGE: "Within a range is better",
}


def parse_polarity(text: str | None) -> Polarity:
    """Read a polarity: "Higher is better", "Lower is better", "Within a range is better",
    "higher", "low", "range", … in any case."""
    polarity = choice_named(Polarity, text, aliases=lambda p: (p.value.removesuffix("er"),))
    if polarity is not None:
        return polarity
    raise ValueError(
        f"{text!r} is not a polarity: use Higher is better, Lower is better or "
        "Within a range is better"
    )


def range_middle(lower: Decimal, upper: Decimal) -> Decimal:
    """The middle of a range: where a range measure is best, and what travel moves toward."""
    return (lower + upper) / 2


def performance_change(
    polarity: Polarity, current: Decimal, previous: Decimal, middle: Decimal | None = None
) -> Decimal:
    """How much better ``current`` is than ``previous`` (negative: worse), by the polarity.

    For a range measure, better is closer to the range's ``middle`` (issue 10, "Range
    measures": direction of travel moves toward the range's middle).
    """
    polarity = Polarity(polarity)
    if polarity is Polarity.RANGE:
        if middle is None:
            raise ValueError("a range measure's change is judged from the middle of its range")
        return abs(previous - middle) - abs(current - middle)
    return polarity.sign * (current - previous)


@dataclass(frozen=True)
class Tolerance:
    """How far worse than target a result may be and still be Amber.

    Per measure, a percentage of the target or an absolute amount in the measure's unit
    (DOMAIN.md, "RAG ratings").
    """

    amount: Decimal
    is_percent: bool

    def __post_init__(self) -> None:
        if not self.amount.is_finite() or self.amount < 0:
            raise ValueError(f"a tolerance must be a number of zero or more, not {self.amount}")
        object.__setattr__(self, "amount", abs(self.amount))  # -0 reads as 0

    def __str__(self) -> str:
        return f"{_plain(self.amount)}%" if self.is_percent else _plain(self.amount)

    def allowance(self, target: Decimal) -> Decimal | None:
        """The shortfall allowed against ``target``: the amount, or that percentage of |target|.

        None when a percentage applies to a target of zero: a percentage of nothing is nothing,
        so such a tolerance cannot be applied (DOMAIN.md, "RAG ratings").
        """
        if not self.is_percent:
            return self.amount
        if target == 0:
            return None
        return abs(target) * self.amount / 100


def parse_tolerance(text: str | None) -> Tolerance | None:
    """Read a tolerance cell: "10%" (a percentage of the target) or "5" (an amount); blank is none.

    docs/plan-workbook.md, Measures sheet, "Tolerance".
    """
    cleaned = "".join((text or "").split())
    if not cleaned:
        return None
    is_percent = cleaned.endswith("%")
    try:
        amount = Decimal(cleaned.removesuffix("%"))
    except InvalidOperation:
        amount = None
    if amount is None or not amount.is_finite():
        raise ValueError(
            f"{text!r} is not a tolerance: write a percentage of the target (10%) "
            "or an amount in the measure's unit (5)"
        )
    if amount < 0:
        raise ValueError(f"{text!r} is not a tolerance: a tolerance cannot be negative")
    return Tolerance(amount, is_percent)


@dataclass(frozen=True)
class Rating:
    status: Status
    explanation: str


@dataclass(frozen=True)
class Goal:
    """What a figure is rated against: a target, or a range measure's lower and upper bound."""

    target: Decimal | None
    lower: Decimal | None = None
    upper: Decimal | None = None


@dataclass(frozen=True)
class _Names:
    """How a sentence names the figure rated and what it is rated against."""

    subject: str  # "7.84 days", or "the year-end forecast of 6.50 days"
    target: str = "the target"
    range: str = "the range"
    missing: str = "for this period"


@dataclass(frozen=True)
class _Rule:
    """The measure's rule and what it compares with, for one rating."""

    method: RagMethod
    polarity: Polarity
    tolerance: Tolerance | None
    last_year_actual: Decimal | None
    last_year_label: str
    show: _Printer


def rag_for(
    *,
    method: RagMethod,
    polarity: Polarity,
    actual: Decimal | None,
    target: Decimal | None,
    tolerance: Tolerance | None,
    unit: str = "",
    decimal_places: int = 0,
    last_year_actual: Decimal | None = None,
    last_year_label: str = "",
    judgement: Status | None = None,
    overdue: bool = False,
    lower: Decimal | None = None,
    upper: Decimal | None = None,
    forecast: Decimal | None = None,
    annual: Goal | None = None,
) -> Rating:
    """Rate one result and say why in a sentence that starts with the status's word.

    - A result missing when due (``overdue``) is NCI, "No Current Information", counted and
      shown, never silently rated (Oxfordshire CC Cabinet Q2 2009/10); missing but not yet due
      is not rated.
    - Data only: reported for information, never rated.
    - Judgement: the officer's RAG (for actions it is the whole result, so no actual is needed).
    - Tolerance: Green on or better than target; Amber worse but within the tolerance
      (inclusive); Red beyond it, or worse at all when there is no tolerance.
    - Tolerance with improvement: Green on target or within the tolerance; beyond it, Amber when
      the result improved on or held against the same period last year, Red when it did not or
      there is nothing to compare with.
    - Forecast against annual target (West Berkshire): the officer's year-end ``forecast`` is
      rated against the ``annual`` target by the tolerance, as an actual against its target.
    - Within a range is better: Green from ``lower`` to ``upper`` inclusive, Amber outside but
      within the tolerance of the nearer bound, Red beyond; the range's middle is its target.
    A percentage tolerance cannot apply to a target of zero (DOMAIN.md, "RAG ratings").
    Values are compared as printed: actual, target and last year are first rounded half-up to
    ``decimal_places``, so a rating never contradicts the figures beside it.
    """
    method = RagMethod(method)
    show = _Printer(unit, decimal_places)
    if method is RagMethod.JUDGEMENT:
        return _by_judgement(judgement, actual, Goal(target, lower, upper), overdue, show)
    if actual is None:
        return _missing(overdue)
    if method is RagMethod.DATA_ONLY:
        return _rating(Status.NOT_RATED, "this measure is reported for information (data only)")
    rule = _Rule(method, Polarity(polarity), tolerance, last_year_actual, last_year_label, show)
    if method is RagMethod.FORECAST:
        return _by_forecast(rule, forecast, annual or Goal(None))
    names = _Names(show.value(quantize(actual, decimal_places)))
    return _against_goal(rule, actual, Goal(target, lower, upper), names)


def _by_forecast(rule: _Rule, forecast: Decimal | None, annual: Goal) -> Rating:
    """Rate the year-end forecast against the annual target (West Berkshire's method)."""
    if forecast is None:
        return _rating(
            Status.NOT_RATED, "no year-end forecast was given to rate against the annual target"
        )
    shown = rule.show.value(quantize(forecast, rule.show.places))
    names = _Names(
        subject=f"the year-end forecast of {shown}",
        target="the annual target",
        range="the annual range",
        missing="for the year to rate the forecast against",
    )
    return _against_goal(rule, forecast, annual, names)


def _against_goal(rule: _Rule, figure: Decimal, goal: Goal, names: _Names) -> Rating:
    """Rate ``figure`` against its target, or its range for a range measure, as printed."""
    places = rule.show.places
    if rule.polarity is Polarity.RANGE:
        if goal.lower is None or goal.upper is None:
            span = names.range.removeprefix("the ")
            return _rating(Status.NOT_RATED, f"no {span} (lower and upper bound) {names.missing}")
        lower, upper = sorted((quantize(goal.lower, places), quantize(goal.upper, places)))
        return _against_range(rule, quantize(figure, places), lower, upper, names)
    if goal.target is None:
        noun = names.target.removeprefix("the ")
        return _rating(Status.NOT_RATED, f"no {noun} {names.missing}")
    return _against_target(rule, quantize(figure, places), quantize(goal.target, places), names)


def _against_target(rule: _Rule, actual: Decimal, target: Decimal, names: _Names) -> Rating:
    """Rate a printed actual against its printed target by tolerance (with improvement)."""
    show, tolerance = rule.show, rule.tolerance
    shortfall = rule.polarity.sign * (target - actual)
    if shortfall <= 0:
        return _rating(
            Status.GREEN,
            f"{names.subject} is on or better than {names.target} of {show.value(target)}",
        )
    allowed = tolerance.allowance(target) if tolerance is not None else None
    within = allowed is not None and shortfall <= allowed
    reason = (
        f"{names.subject} is {_gap(shortfall, target, tolerance, within, show)} worse "
        f"than {names.target} of {show.value(target)}"
        f"{_tolerance_clause(tolerance, target, within, show)}"
    )
    return _outside(rule, actual, within, reason, middle=None)


def _against_range(
    rule: _Rule, actual: Decimal, lower: Decimal, upper: Decimal, names: _Names
) -> Rating:
    """Rate a printed figure against its printed range: Green inside, bounds included.

    Outside, the gap to the nearer bound is measured against the tolerance; a percentage
    tolerance is a percentage of the range's middle, its target, so the rule is symmetric
    about the middle.
    """
    show = rule.show
    span = f"{names.range} of {show.value(lower)} to {show.value(upper)}"
    if lower <= actual <= upper:
        return _rating(Status.GREEN, f"{names.subject} is within {span}")
    middle = range_middle(lower, upper)
    if actual < lower:
        gap, side = lower - actual, f"below the lower bound of {show.value(lower)}"
    else:
        gap, side = actual - upper, f"above the upper bound of {show.value(upper)}"
    allowed = rule.tolerance.allowance(middle) if rule.tolerance is not None else None
    within = allowed is not None and gap <= allowed
    reason = (
        f"{names.subject} is {show.gap(gap)} {side}, outside {span}"
        f"{_range_tolerance_clause(rule.tolerance, allowed, within, show)}"
    )
    return _outside(rule, actual, within, reason, middle=middle)


def _outside(
    rule: _Rule, actual: Decimal, within: bool, reason: str, middle: Decimal | None
) -> Rating:
    """A figure worse than its target or outside its range: Amber, Red, or by last year."""
    if rule.method is not RagMethod.TOLERANCE_WITH_IMPROVEMENT:
        return _rating(Status.AMBER if within else Status.RED, reason)
    if within:
        return _rating(Status.GREEN, reason)
    return _against_last_year(rule, actual, reason, middle)


@dataclass(frozen=True)
class _Printer:
    """Prints values and gaps of one measure, so every sentence uses the same unit and places."""

    unit: str
    places: int

    def value(self, value: Decimal) -> str:
        return format_value(value, self.unit, self.places)

    def gap(self, value: Decimal, places: int | None = None) -> str:
        return format_difference(value, self.unit, self.places if places is None else places)


def _rating(status: Status, reason: str) -> Rating:
    return Rating(status, f"{status.word}: {reason}.")


def _missing(overdue: bool) -> Rating:
    if overdue:
        return _rating(Status.NCI, "no result was given by the deadline")
    return _rating(Status.NOT_RATED, "no result yet")


def _by_judgement(
    judgement: Status | None,
    actual: Decimal | None,
    goal: Goal,
    overdue: bool,
    show: _Printer,
) -> Rating:
    if judgement is None and overdue:
        return _missing(overdue)
    if judgement is None:
        return _rating(Status.NOT_RATED, "the officer has not set a RAG")
    judgement = Status(judgement)
    if not judgement.is_rated:
        raise ValueError(f"an officer's judgement is Green, Amber or Red, not {judgement.word}")
    reason = JUDGEMENT_REASON
    if actual is not None:
        reason += f"; the result is {show.value(actual)}"
        if goal.lower is not None and goal.upper is not None:
            reason += f" against the range of {show.value(goal.lower)} to {show.value(goal.upper)}"
        elif goal.target is not None:
            reason += f" against a target of {show.value(goal.target)}"
    return _rating(judgement, reason)


def _gap(
    shortfall: Decimal, target: Decimal, tolerance: Tolerance | None, within: bool, show: _Printer
) -> str:
    """How far worse than target the result is, in the tolerance's own terms.

    A percentage tolerance is compared with the shortfall as a percentage of the target, so
    that is the gap shown; otherwise the gap is in the measure's unit.
    """
    if tolerance is None or not tolerance.is_percent or target == 0:
        return show.gap(shortfall)
    exact = shortfall / abs(target) * 100
    # One decimal place, unless rounding would print the gap inside the tolerance when it is
    # beyond it (or the reverse): then as many places as it takes to show the truth.
    for places in range(1, 10):
        rounded = quantize(exact, places)
        if (rounded <= tolerance.amount) == within:
            break
    return f"{rounded:,.{places}f}%"


def _tolerance_clause(
    tolerance: Tolerance | None, target: Decimal, within: bool, show: _Printer
) -> str:
    if tolerance is None:
        return ", with no tolerance set"
    if tolerance.is_percent and target == 0:
        return " (a percentage tolerance cannot apply to a target of zero)"
    # The tolerance prints as the council set it, not rounded to the measure's places.
    shown = (
        str(tolerance)
        if tolerance.is_percent
        else show.gap(tolerance.amount, _places(tolerance.amount))
    )
    return f", {'within' if within else 'beyond'} the tolerance of {shown}"


def _range_tolerance_clause(
    tolerance: Tolerance | None, allowed: Decimal | None, within: bool, show: _Printer
) -> str:
    """The tolerance outside a range, in the measure's unit: a percentage is of the middle."""
    if tolerance is None:
        return ", with no tolerance set"
    if allowed is None:
        return " (a percentage tolerance cannot apply to a range whose middle is zero)"
    shown = show.gap(allowed, min(_places(allowed), 4))
    if tolerance.is_percent:
        shown = f"{tolerance} of the range's middle, {shown}"
    return f", {'within' if within else 'beyond'} the tolerance of {shown}"


def _against_last_year(rule: _Rule, actual: Decimal, reason: str, middle: Decimal | None) -> Rating:
    if rule.last_year_actual is None:
        return _rating(
            Status.RED,
            f"{reason}, and there is no result for the same period last year to compare with",
        )
    show = rule.show
    last_year = quantize(rule.last_year_actual, show.places)
    label = rule.last_year_label.strip() or "the same period last year"
    then = f"{show.value(last_year)} in {label}"
    change = performance_change(rule.polarity, actual, last_year, middle)
    if change > 0:
        return _rating(Status.AMBER, f"{reason}, but improved on {then}")
    if change == 0:
        return _rating(Status.AMBER, f"{reason}, but held level with {then}")
    return _rating(Status.RED, f"{reason}, and worse than {then}")


def _places(value: Decimal) -> int:
    return max(0, -int(value.normalize().as_tuple().exponent))


def _plain(value: Decimal) -> str:
    """A decimal without exponent or trailing zeros: 10 → "10", 2.50 → "2.5"."""
    return f"{value.normalize():f}"
