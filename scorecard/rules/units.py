"""Numbers as a council report prints them: rounded half-up, grouped in thousands, with a unit."""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal

NO_VALUE = "–"  # en dash: what printed scorecards show in an empty cell

# Plural units read wrongly next to exactly one ("1 days"); the rest are symbols or mass nouns.
_SINGULAR = {"days": "day", "weeks": "week", "months": "month", "hours": "hour"}
_PLAIN_UNITS = {"", "number"}


def quantize(value: Decimal, decimal_places: int) -> Decimal:
    """Round to ``decimal_places`` with halves rounded away from zero (ROUND_HALF_UP).

    Half-up is how people round by hand and how Excel's ROUND works, so a report's figures
    match the spreadsheets councils check them against (73.45 → 73.5, not banker's 73.4).
    """
    if decimal_places < 0:
        raise ValueError(f"decimal places cannot be negative ({decimal_places})")
    rounded = value.quantize(Decimal(1).scaleb(-decimal_places), rounding=ROUND_HALF_UP)
    # -0.4 rounds to -0; a report must not print "-0".
    return abs(rounded) if rounded == 0 else rounded


def as_entered(value: Decimal, decimal_places: int) -> Decimal:
    """A stored value as an entry form shows it: at the measure's places, 80.0000 → 80.0.

    Values are stored to four places, so a form would otherwise show "80.0000" for a figure
    typed as 80.0. A value holding more places than the measure's keeps them all, so a form
    saved unchanged never rounds what is stored.
    """
    shown = value.quantize(Decimal(1).scaleb(-decimal_places))
    return shown if shown == value else value.normalize()


def format_number(value: Decimal, decimal_places: int = 0) -> str:
    """The value rounded half-up to ``decimal_places`` with thousands separators: "1,200.5"."""
    return f"{quantize(value, decimal_places):,.{decimal_places}f}"


def format_value(value: Decimal | None, unit: str, decimal_places: int = 0) -> str:
    """A measure's value as a report prints it.

    "%" follows the number ("67.5%"); "£" precedes it, after any minus sign ("£1,200", "-£5");
    "number" or no unit prints the number alone ("1,200"); any other unit follows after a space
    ("9.5 days", "474 kg"), singular when the number shown is exactly 1 ("1 day"). No value is an
    en dash, as printed scorecards show an empty cell.
    """
    if value is None:
        return NO_VALUE
    unit = unit.strip()
    number = format_number(value, decimal_places)
    if unit == "%":
        return f"{number}%"
    if unit == "£":
        return f"-£{number[1:]}" if number.startswith("-") else f"£{number}"
    if unit.lower() in _PLAIN_UNITS:
        return number
    if number in {"1", "-1"}:
        unit = _SINGULAR.get(unit.lower(), unit)
    return f"{number} {unit}"


def format_difference(value: Decimal, unit: str, decimal_places: int = 0) -> str:
    """A gap between two values of a measure, in the measure's unit.

    For a percentage measure the gap is in percentage points ("13 percentage points"), because
    "13% worse" would read as a relative change; other units print as ``format_value`` does.
    """
    if unit.strip() != "%":
        return format_value(value, unit, decimal_places)
    number = format_number(value, decimal_places)
    points = "percentage point" if number in {"1", "-1"} else "percentage points"
    return f"{number} {points}"
