"""Red / Amber / Green ratings: the one engine every screen, report and export uses.

Councils rate differently, so the method is configurable per measure (DOMAIN.md, "RAG ratings"):
tolerance, tolerance with improvement, the officer's judgement, or data only (not rated).
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from enum import StrEnum

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

    @property
    def label(self) -> str:
        return _METHOD_LABELS[self]


_METHOD_LABELS = {
    RagMethod.TOLERANCE: "Tolerance",
    RagMethod.TOLERANCE_WITH_IMPROVEMENT: "Tolerance with improvement",
    RagMethod.JUDGEMENT: "Judgement",
    RagMethod.DATA_ONLY: "Data only",
}


def parse_rag_method(text: str | None) -> RagMethod:
    """Read a RAG method by its label ("Tolerance with improvement") or value, in any case."""
    cleaned = " ".join((text or "").split()).lower()
    for method in RagMethod:
        if cleaned in (method.label.lower(), method.value):
            return method
    names = ", ".join(method.label for method in RagMethod)
    raise ValueError(f"{text!r} is not a RAG method: use one of {names}")


class Polarity(StrEnum):
    HIGHER = "higher"
    LOWER = "lower"

    @property
    def label(self) -> str:
        return "Higher is better" if self is Polarity.HIGHER else "Lower is better"

    @property
    def sign(self) -> int:
        """+1 or -1: multiplying a change by it gives the change in performance."""
        return 1 if self is Polarity.HIGHER else -1


def parse_polarity(text: str | None) -> Polarity:
    """Read a polarity: "Higher is better", "Lower is better", "higher", "low", … in any case."""
    cleaned = " ".join((text or "").split()).lower()
    for polarity in Polarity:
        if cleaned in (polarity.label.lower(), polarity.value, polarity.value.removesuffix("er")):
            return polarity
    raise ValueError(f"{text!r} is not a polarity: use Higher is better or Lower is better")


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


def _against_target(
    method: RagMethod,
    polarity: Polarity,
    actual: Decimal,
    target: Decimal,
    tolerance: Tolerance | None,
    last_year_actual: Decimal | None,
    last_year_label: str,
    show: _Printer,
) -> Rating:
    """Rate a printed actual against its printed target by tolerance (with improvement)."""
    shortfall = polarity.sign * (target - actual)
    if shortfall <= 0:
        return _rating(
            Status.GREEN,
            f"{show.value(actual)} is on or better than the target of {show.value(target)}",
        )
    allowed = tolerance.allowance(target) if tolerance is not None else None
    within = allowed is not None and shortfall <= allowed
    reason = (
        f"{show.value(actual)} is {_gap(shortfall, target, tolerance, within, show)} worse "
        f"than the target of {show.value(target)}"
        f"{_tolerance_clause(tolerance, target, within, show)}"
    )
    if method is RagMethod.TOLERANCE:
        return _rating(Status.AMBER if within else Status.RED, reason)
    if within:
        return _rating(Status.GREEN, reason)
    return _against_last_year(polarity, actual, reason, last_year_actual, last_year_label, show)


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
    A percentage tolerance cannot apply to a target of zero (DOMAIN.md, "RAG ratings").
    Values are compared as printed: actual, target and last year are first rounded half-up to
    ``decimal_places``, so a rating never contradicts the figures beside it.
    """
    method = RagMethod(method)
    show = _Printer(unit, decimal_places)
    if method is RagMethod.JUDGEMENT:
        return _by_judgement(judgement, actual, target, overdue, show)
    if actual is None:
        return _missing(overdue)
    if method is RagMethod.DATA_ONLY:
        return _rating(Status.NOT_RATED, "this measure is reported for information (data only)")
    if target is None:
        return _rating(Status.NOT_RATED, "no target for this period")

    return _against_target(
        method,
        Polarity(polarity),
        quantize(actual, decimal_places),
        quantize(target, decimal_places),
        tolerance,
        last_year_actual,
        last_year_label,
        show,
    )


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
    target: Decimal | None,
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
        if target is not None:
            reason += f" against a target of {show.value(target)}"
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


def _against_last_year(
    polarity: Polarity,
    actual: Decimal,
    reason: str,
    last_year_actual: Decimal | None,
    last_year_label: str,
    show: _Printer,
) -> Rating:
    if last_year_actual is None:
        return _rating(
            Status.RED,
            f"{reason}, and there is no result for the same period last year to compare with",
        )
    last_year = quantize(last_year_actual, show.places)
    then = f"{show.value(last_year)} in {last_year_label.strip() or 'the same period last year'}"
    change = polarity.sign * (actual - last_year)
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
