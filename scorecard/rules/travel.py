"""Direction of travel: has performance improved, stayed the same or got worse?"""

from __future__ import annotations

from decimal import Decimal
from enum import StrEnum

from scorecard.rules.rag import Polarity, performance_change
from scorecard.rules.units import quantize


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
