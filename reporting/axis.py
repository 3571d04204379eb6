"""A chart's value axis: the range and the ticks, chosen so a change can be seen.

Pure and typed (the standard library only), like the rules in `scorecard/rules/`, but it is
presentation, not a rule a council would recognise, so it lives with the charts.
"""

from collections.abc import Iterable
from dataclasses import dataclass
from decimal import ROUND_CEILING, ROUND_FLOOR, Decimal

# A step is one of these times a power of ten: 1, 2, 2.5 and 5 read easily on an axis.
NICE_STEPS = (Decimal(1), Decimal(2), Decimal("2.5"), Decimal(5), Decimal(10))


@dataclass(frozen=True)
class Axis:
    low: Decimal
    high: Decimal
    step: Decimal

    @property
    def ticks(self) -> list[Decimal]:
        count = int((self.high - self.low) / self.step)
        return [self.low + self.step * index for index in range(count + 1)]

    @property
    def from_zero(self) -> bool:
        """True when the axis has zero at an end or within it: nothing is magnified."""
        return self.low <= 0 <= self.high


def nice_step(raw: Decimal) -> Decimal:
    """The smallest nice number (1, 2, 2.5 or 5 × 10ⁿ) at least ``raw`` (a positive step)."""
    exponent = raw.adjusted()
    mantissa = raw.scaleb(-exponent)
    nice = next(n for n in NICE_STEPS if n >= mantissa)
    return nice.scaleb(exponent)


def _from_zero(low: Decimal, high: Decimal) -> tuple[Decimal, Decimal]:
    """Values near zero (nearer zero than half their own spread from it) keep a zero
    baseline: a bar from zero tells the truth there, and a cropped axis would exaggerate."""
    if low > 0 and low <= high / 2:
        return Decimal(0), high
    if high < 0 and high >= low / 2:
        return low, Decimal(0)
    return low, high


def nice_axis(values: Iterable[Decimal], *, intervals: int = 4) -> Axis:
    """The value axis for these values (actuals, targets, forecasts and bounds together).

    Issue 12, "Pictures people can read": the axis is not always from zero, so a change from
    62% to 71% is visible; it covers every value; its ticks are nice numbers; values near
    zero are drawn from zero. An axis that does not start at zero is said so in words by the
    chart (``Axis.from_zero``).
    """
    numbers = [Decimal(v) for v in values]
    if not numbers:
        return Axis(Decimal(0), Decimal(1), Decimal("0.25"))
    low, high = _from_zero(min(numbers), max(numbers))
    if low == high:
        # One value, or all equal: a band either side of it, so its point is mid-axis.
        pad = abs(low) / 10 or Decimal(1)
        low, high = _from_zero(low - pad, high + pad) if low != 0 else (low, low + pad)
    step = nice_step((high - low) / intervals)
    return Axis(
        (low / step).to_integral_value(rounding=ROUND_FLOOR) * step,
        (high / step).to_integral_value(rounding=ROUND_CEILING) * step,
        step,
    )
