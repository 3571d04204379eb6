"""Turn a cell into a value, or say in plain words why it cannot be one."""

from dataclasses import dataclass
from datetime import date, datetime
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation

from scorecard.rules.precision import MAX_PLACES, is_percent_format, places_of, places_shown

from .reader import Cell


class CellError(ValueError):
    """The cell's value is not acceptable; the message says why, for the user."""


def text(cell: Cell) -> str:
    if cell is None:
        return ""
    if isinstance(cell, float) and cell.is_integer():
        return str(int(cell))
    if isinstance(cell, datetime | date):
        return cell.isoformat()
    return str(cell).strip()


def decimal(cell: Cell) -> Decimal | None:
    """A number; blank is None. Percent signs, pound signs and thousands separators are allowed."""
    if cell is None or cell == "":
        return None
    if isinstance(cell, bool):
        raise CellError(f"{cell!r} is not a number")
    if isinstance(cell, int | Decimal):
        return _storable(Decimal(cell), cell)
    if isinstance(cell, float):
        return _storable(Decimal(repr(cell)), cell)
    cleaned = str(cell).strip().replace(",", "").removeprefix("£").removesuffix("%").strip()
    try:
        value = Decimal(cleaned)
    except InvalidOperation:
        raise CellError(f"{text(cell)!r} is not a number") from None
    if not value.is_finite():
        raise CellError(f"{text(cell)!r} is not a number")
    return _storable(value, cell)


def _storable(value: Decimal, cell: Cell) -> Decimal:
    """Values are stored with 14 digits before the point and 4 after (DecimalField(18, 4))."""
    if abs(value) >= Decimal(10) ** 14:
        raise CellError(f"{text(cell)!r} is too large: values must be below 100,000,000,000,000")
    if value.as_tuple().exponent < -4:
        return value.quantize(Decimal("0.0001"), rounding=ROUND_HALF_UP)
    return value


@dataclass(frozen=True)
class Figure:
    """A measure's figure, and the decimal places it was reported with."""

    value: Decimal
    places: int


def figure(cell: Cell, *, number_format: str = "", percent: bool = False) -> Figure | None:
    """A target, result or baseline, with its places as typed or as Excel showed them.

    Text keeps what was typed ("80.0" has one place); an .xlsx number has the places its
    number format shows ("0.0" → one), or else its own digits (7.84 → two). A number Excel
    shows as a percentage (0.675 in a "0.0%" cell reads "67.5%") is that percentage for a
    ``percent`` measure, as the officer saw and typed it; for any other measure it stays the
    number in the cell. Blank is None.
    """
    value = decimal(cell)
    if value is None:
        return None
    typed = places_of(value.normalize() if isinstance(cell, float) else value)
    shown = places_shown(number_format)
    if is_percent_format(number_format):
        if percent:
            value = _storable(value * 100, cell)
            typed = max(0, typed - 2)
        elif shown is not None:
            shown += 2  # 67.5% of one is 0.675: two more places as a plain number
    places = shown if shown is not None else typed
    return Figure(value=value, places=min(places, MAX_PLACES))


def whole_number(cell: Cell, *, low: int, high: int) -> int | None:
    value = decimal(cell)
    if value is None:
        return None
    if value != value.to_integral_value() or not low <= value <= high:
        raise CellError(f"{text(cell)!r} is not a whole number from {low} to {high}")
    return int(value)


def yes_no(cell: Cell) -> bool | None:
    if cell is None or cell == "":
        return None
    if isinstance(cell, bool):
        return cell
    cleaned = text(cell).lower()
    if cleaned in {"yes", "y", "true", "1"}:
        return True
    if cleaned in {"no", "n", "false", "0"}:
        return False
    raise CellError(f"{text(cell)!r} is not Yes or No")


def a_date(cell: Cell) -> date | None:
    """A date: an Excel date, or written 2002-11-30 or 30/11/2002."""
    if cell is None or cell == "":
        return None
    if isinstance(cell, datetime):
        return cell.date()
    if isinstance(cell, date):
        return cell
    cleaned = text(cell)
    for pattern in ("%Y-%m-%d", "%d/%m/%Y", "%d/%m/%y"):
        try:
            return datetime.strptime(cleaned, pattern).date()
        except ValueError:
            continue
    raise CellError(f"{cleaned!r} is not a date: write it as 2002-11-30 or 30/11/2002")


def code_list(cell: Cell) -> list[str]:
    """Several codes or usernames in one cell, separated by commas."""
    return [part.strip() for part in text(cell).split(",") if part.strip()]


def choice(cell: Cell, choices: dict[str, str], what: str) -> str | None:
    """One of a few labels (matched in any case) to its stored value; blank is None."""
    cleaned = " ".join(text(cell).split()).lower()
    if not cleaned:
        return None
    for label, value in choices.items():
        if cleaned in (label.lower(), value.lower()):
            return value
    names = ", ".join(choices)
    raise CellError(f"{text(cell)!r} is not a {what}: use one of {names}")
