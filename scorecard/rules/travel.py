"""Direction of travel: has performance improved, stayed the same or got worse?"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from enum import StrEnum

from scorecard.rules.rag import Polarity, performance_change
from scorecard.rules.units import format_value, quantize


class Direction(StrEnum):
    """Which way performance moved.

    The arrow shows performance, not the raw value: for a lower-is-better measure, fewer sick
    days is still ↑ Improved. Reports put arrows beside RAG colours, where up must always mean
    good news; a reader should never need the measure's polarity to read the arrow.
    """

    IMPROVED = "improved"
    SAME = "same"
    WORSE = "worse"

    @property
    def word(self) -> str:
        return self.value.capitalize()

    @property
    def arrow(self) -> str:
        return {Direction.IMPROVED: "↑", Direction.SAME: "→", Direction.WORSE: "↓"}[self]


def direction_of_travel(
    *,
    polarity: Polarity,
    current: Decimal | None,
    previous: Decimal | None,
    decimal_places: int | None = None,
    middle: Decimal | None = None,
) -> Direction | None:
    """Whether ``current`` is better, the same or worse than ``previous``, by the polarity.

    Short term compares with the previous period, long term with the same period last year
    (DOMAIN.md, "Direction of travel"); the caller chooses which by the ``previous`` it passes.
    Fewer sick days is an improvement, so the polarity decides which way is better. Given
    ``decimal_places``, both values are first rounded half-up as printed, so two figures that
    print the same are "Same". None when either value is missing: no trend can be shown.
    For a range measure better is nearer the range's ``middle`` (issue 10, "Range measures");
    without a middle no trend can be shown.
    """
    polarity = Polarity(polarity)
    if current is None or previous is None:
        return None
    if polarity is Polarity.RANGE and middle is None:
        return None
    if decimal_places is not None:
        current, previous = quantize(current, decimal_places), quantize(previous, decimal_places)
    change = performance_change(polarity, current, previous, middle)
    if change > 0:
        return Direction.IMPROVED
    if change < 0:
        return Direction.WORSE
    return Direction.SAME


@dataclass(frozen=True)
class Travel:
    """A direction of travel (None: no trend can be shown) and why, in words."""

    direction: Direction | None
    explanation: str


# A year-to-date figure grows through the year, so only the same point last year says whether
# it improved (DOMAIN.md, "Direction of travel"); the scorecard shows no short-term arrow.
YEAR_TO_DATE_SHORT_TERM = Travel(
    None,
    "No direction: a year-to-date figure is compared only with the same point last year.",
)


def travel_explained(
    *,
    polarity: Polarity,
    current: Decimal | None,
    previous: Decimal | None,
    compared_with: str,
    unit: str,
    decimal_places: int,
    middle: Decimal | None = None,
) -> Travel:
    """``direction_of_travel`` with the figures it compared, as a report prints them.

    ``compared_with`` is the label of the period ``previous`` is from (the previous period for
    the short term, the same period last year for the long term). The polarity is said in the
    sentence so that a reader of "Improved" for a fall in sick days sees why.
    """
    polarity = Polarity(polarity)
    if current is None:
        return Travel(None, "No direction: there is no figure for this period.")
    if previous is None:
        return Travel(
            None, f"No direction: there is no figure for {compared_with} to compare with."
        )
    if polarity is Polarity.RANGE and middle is None:
        return Travel(None, "No direction: the range has no target to measure nearness to.")
    direction = direction_of_travel(
        polarity=polarity,
        current=current,
        previous=previous,
        decimal_places=decimal_places,
        middle=middle,
    )
    better = (
        f"nearer {format_value(middle, unit, decimal_places)} is better"
        if polarity is Polarity.RANGE
        else polarity.label.lower()
    )
    return Travel(
        direction,
        f"{direction.word}: {format_value(current, unit, decimal_places)} against "
        f"{format_value(previous, unit, decimal_places)} in {compared_with}; {better}.",
    )
