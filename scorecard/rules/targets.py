"""What a period's target must be: a single figure, or for a range measure both bounds.

One rule for the plan workbook's Targets sheet and the set-up pages (docs/plan-workbook.md,
"Targets"; DOMAIN.md, "Measures as councils define them": some measures are good inside a
band, such as a budget variance within ±2%).
"""

from __future__ import annotations

from decimal import Decimal

from .rag import range_middle


def range_problems(
    *,
    code: str,
    ranged: bool,
    lower: Decimal | None,
    upper: Decimal | None,
    target: Decimal | None,
) -> list[tuple[str, str]]:
    """``(field, problem)`` for a target's bounds: only a range measure takes them, it needs
    both (when a target is given), and the lower is not above the upper."""
    if not ranged:
        return [
            (name, f"{code} is not rated within a range: leave {name} blank")
            for name, value in (("Lower", lower), ("Upper", upper))
            if value is not None
        ]
    if (lower is None) != (upper is None) or (target is not None and lower is None):
        missing = "Lower" if lower is None else "Upper"
        return [(missing, f"{code} is rated within a range: give both Lower and Upper")]
    if lower is not None and upper is not None and lower > upper:
        return [("Upper", f"the upper bound {upper:f} is below the lower bound {lower:f}")]
    return []


def range_target(
    lower: Decimal | None, upper: Decimal | None, target: Decimal | None
) -> Decimal | None:
    """A range target given only by its bounds is their middle."""
    if target is None and lower is not None and upper is not None:
        return range_middle(lower, upper)
    return target
