"""Where the council stands among its comparators: rank, quartile, median, gaps, in words.

Issue 11 ("Position") and Oxford City's Performance Improvement Framework (seed 003, section
6.5: benchmarking against CIPFA nearest neighbours and family groups, quartile positions).
DOMAIN.md, "Benchmarking and risk": rank 1 is best by the measure's polarity; quartile 1 is
the best quarter of the group. The value-for-money view reuses ``quartile_of`` for costs.

The group's values always include the council's own, which comes from its own approved
results, never from a comparator file (issue 11, "Command line").
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal

from scorecard.rules.rag import Polarity
from scorecard.rules.units import format_value, quantize

QUARTILE_WORDS = {
    1: "top quartile",
    2: "second quartile",
    3: "third quartile",
    4: "bottom quartile",
}


def rankable(polarity: Polarity | str) -> bool:
    """Only a measure where higher or lower is better can be ranked; a range measure cannot."""
    return Polarity(polarity) in (Polarity.HIGHER, Polarity.LOWER)


def _better(a: Decimal, b: Decimal, polarity: Polarity) -> bool:
    return a > b if polarity == Polarity.HIGHER else a < b


def rank_of(value: Decimal, group: Sequence[Decimal], polarity: Polarity | str) -> int:
    """1 + how many of ``group`` are strictly better than ``value``: equal values share a rank
    ("1, 2, 2, 4", standard competition ranking), as league tables of councils print them."""
    polarity = Polarity(polarity)
    return 1 + sum(1 for other in group if _better(other, value, polarity))


def quantile(values: Sequence[Decimal], fraction: Decimal) -> Decimal:
    """The ``fraction`` quantile by linear interpolation between closest ranks.

    This is Hyndman and Fan's method 7 (Statistical Science 50(4), 1996), the method of
    Excel's QUARTILE.INC / PERCENTILE.INC, which is what councils' benchmarking spreadsheets
    and LG Inform's quartile bands use, so our thresholds agree with the ones officers check
    by hand. Computed in Decimal, so no precision is lost.
    """
    if not values:
        raise ValueError("a quantile of no values")
    return _quantile_sorted(sorted(values), fraction)


def _quantile_sorted(ordered: Sequence[Decimal], fraction: Decimal) -> Decimal:
    position = (len(ordered) - 1) * fraction
    low = int(position)
    if low + 1 >= len(ordered):
        return ordered[-1]
    return ordered[low] + (position - low) * (ordered[low + 1] - ordered[low])


def median(values: Sequence[Decimal]) -> Decimal:
    return quantile(values, Decimal("0.5"))


def quartile_thresholds(
    values: Sequence[Decimal], polarity: Polarity | str
) -> tuple[Decimal, Decimal, Decimal]:
    """The three boundaries, best first: the top-quartile threshold, the median, the
    bottom-quartile threshold. For lower-is-better measures the lowest values are the top
    quartile (issue 11), so the 25th percentile is the top-quartile threshold."""
    return _thresholds_sorted(sorted(values), Polarity(polarity))


def _thresholds_sorted(
    ordered: Sequence[Decimal], polarity: Polarity
) -> tuple[Decimal, Decimal, Decimal]:
    q1, q2, q3 = (_quantile_sorted(ordered, Decimal(p)) for p in ("0.25", "0.5", "0.75"))
    return (q3, q2, q1) if polarity == Polarity.HIGHER else (q1, q2, q3)


def _quartile_from(value: Decimal, thresholds: Sequence[Decimal], polarity: Polarity) -> int:
    for quartile, threshold in enumerate(thresholds, start=1):
        if value == threshold or _better(value, threshold, polarity):
            return quartile
    return 4


def quartile_of(value: Decimal, group: Sequence[Decimal], polarity: Polarity | str) -> int:
    """1 (best) to 4: the quartile of ``value`` among ``group`` (which includes it).

    A value on a threshold belongs to the better quartile, as QUARTILE.INC bands are read.
    """
    polarity = Polarity(polarity)
    return _quartile_from(value, quartile_thresholds(group, polarity), polarity)


def standings(group: Sequence[Decimal], polarity: Polarity | str) -> dict[Decimal, tuple[int, int]]:
    """Each distinct value's (rank, quartile) in ``group``, worked out once for the whole
    group: what ``rank_of`` and ``quartile_of`` give one value at a time, for a chart or table
    of every member (a group of hundreds would otherwise be sorted once per member)."""
    polarity = Polarity(polarity)
    thresholds = quartile_thresholds(group, polarity)
    best_first = sorted(group, reverse=polarity == Polarity.HIGHER)
    found: dict[Decimal, tuple[int, int]] = {}
    for index, value in enumerate(best_first):
        if value not in found:
            found[value] = (index + 1, _quartile_from(value, thresholds, polarity))
    return found


@dataclass(frozen=True)
class Position:
    """The council's place in a group for one indicator and period."""

    value: Decimal
    rank: int
    of: int
    quartile: int
    median: Decimal
    best: Decimal
    worst: Decimal
    top_quartile_threshold: Decimal

    @property
    def gap_to_median(self) -> Decimal:
        """Our value less the median: positive is above it (better or worse by polarity)."""
        return self.value - self.median

    @property
    def gap_to_top_quartile(self) -> Decimal:
        return self.value - self.top_quartile_threshold


def position(own: Decimal, others: Sequence[Decimal], polarity: Polarity | str) -> Position | None:
    """Our position among ``others`` (the comparators, without us); None for a range measure."""
    if not rankable(polarity):
        return None
    polarity = Polarity(polarity)
    # Sorted once: a summary places hundreds of measures among groups of hundreds.
    ordered = sorted([own, *others])
    thresholds = _thresholds_sorted(ordered, polarity)
    if polarity == Polarity.HIGHER:
        rank = 1 + len(ordered) - bisect_right(ordered, own)
        best, worst = ordered[-1], ordered[0]
    else:
        rank = 1 + bisect_left(ordered, own)
        best, worst = ordered[0], ordered[-1]
    return Position(
        value=own,
        rank=rank,
        of=len(ordered),
        quartile=_quartile_from(own, thresholds, polarity),
        median=_quantile_sorted(ordered, Decimal("0.5")),
        best=best,
        worst=worst,
        top_quartile_threshold=thresholds[0],
    )


def ordinal(number: int) -> str:
    """1st, 2nd, 3rd, 4th, 11th, 12th, 13th, 21st."""
    if 10 <= number % 100 <= 20:
        return f"{number}th"
    return f"{number}{ {1: 'st', 2: 'nd', 3: 'rd'}.get(number % 10, 'th') }"


def _amount(gap: Decimal, unit: str, places: int) -> str:
    # A gap between percentages is in percentage points, never a percentage of a percentage.
    if unit.strip() == "%":
        return f"{format_value(abs(gap), 'number', places)} points"
    return format_value(abs(gap), unit, places)


def _gap_words(gap: Decimal, unit: str, places: int, what: str) -> str:
    if quantize(gap, places) == 0:
        return f"on the {what}"
    return f"{_amount(gap, unit, places)} {'above' if gap > 0 else 'below'} the {what}"


def position_words(found: Position, *, group: str, unit: str, places: int) -> str:
    """The position as a report says it (issue 11): "12th of 17 in CIPFA nearest neighbours;
    third quartile; 2.1 points below the median; 4.0 points below the top-quartile threshold".
    Gaps are printed at the measure's places, so a gap that rounds to nothing says "on"."""
    parts = [
        f"{ordinal(found.rank)} of {found.of} in {group}",
        QUARTILE_WORDS[found.quartile],
        _gap_words(found.gap_to_median, unit, places, "median"),
    ]
    if found.quartile != 1:
        parts.append(_gap_words(found.gap_to_top_quartile, unit, places, "top-quartile threshold"))
    return "; ".join(parts)


def quartile_movement(now: int | None, before: int | None) -> str:
    """Movement between quartiles since last year, in words ("up from third quartile")."""
    if now is None or before is None:
        return "no comparison"
    if now == before:
        return "same quartile"
    return f"{'up' if now < before else 'down'} from {QUARTILE_WORDS[before]}"
