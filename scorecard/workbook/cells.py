"""Turn a cell into a value, or say in plain words why it cannot be one."""

from datetime import date, datetime
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation

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
