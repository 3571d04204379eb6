"""Plausibility: an actual that is probably a slip asks the officer to confirm it.

A figure typed in the wrong unit (0.675 for 67.5%, 6750 for 67.50) or with a slipped decimal
point would otherwise be rated as it stands, and a recycling rate of 150% is silently Green.
Councils' data-quality procedures ask officers to check unusual figures before they are
published (Oxford City Council, Performance Improvement Framework 2011, "data quality"); so an
implausible actual is not refused, but is saved only once the officer says it is right.
"""

from __future__ import annotations

from decimal import Decimal

# An actual this many times its target is taken for a slip (a decimal point lost, a unit
# misread), not a result.
TARGET_MULTIPLE = 100


def implausible_actual(
    actual: Decimal | None,
    *,
    unit: str,
    target: Decimal | None = None,
    allows_out_of_range: bool = False,
) -> str | None:
    """Why ``actual`` looks wrong for its measure, for the officer to confirm; None if it does not.

    - A percentage lies from 0 to 100, unless the measure says it may not (a growth rate, a
      budget variance, "Can fall outside 0-100%").
    - An actual more than 100 times its target, by size, is taken for a slip.
    """
    if actual is None:
        return None
    if unit.strip() == "%" and not allows_out_of_range and not 0 <= actual <= 100:
        return f"{_plain(actual)}% is outside 0 to 100%"
    if target and abs(actual) > TARGET_MULTIPLE * abs(target):
        times = f"more than {TARGET_MULTIPLE} times the target"
        return f"{_plain(actual)} is {times} of {_plain(target)}"
    return None


def _plain(value: Decimal) -> str:
    """The number as typed, without stored trailing zeros: 150.0000 → "150"."""
    normal = value.normalize()
    return f"{normal:f}" if normal != normal.to_integral_value() else f"{normal.quantize(1):f}"
