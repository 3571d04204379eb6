"""Precision: how many decimal places a measure's figures were reported with.

Figures keep the precision they were reported with: a council that publishes 7.84 sick days
per FTE must not see "8 days", and a trend is judged at the precision printed (DOMAIN.md, "What
a published figure is"), so 70.9 against 70.5 is an improvement, not "Same". When a measure's
decimal places are not given, they are read from its figures as the council typed them or as
its spreadsheet showed them.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from decimal import Decimal, InvalidOperation

# Values are stored as DecimalField(18, 4): more places than this cannot be kept.
MAX_PLACES = 4

_QUOTED = re.compile(r'"[^"]*"|\\.|\[[^\]]*\]')


def places_of(value: Decimal) -> int:
    """The decimal places a Decimal carries, trailing zeros included: 80.0 → 1, 7.84 → 2."""
    exponent = value.as_tuple().exponent
    return max(0, -exponent) if isinstance(exponent, int) else 0


def places_written(text: str) -> int:
    """The decimal places of a number as written: "7.84" → 2, "80.0" → 1, "67.5%" → 1.

    Thousands separators, a pound sign and a percent sign are allowed, as the workbook reads
    them; a typed trailing zero counts ("80.0" was reported to one place). Text that is not a
    number has none.
    """
    cleaned = text.strip().replace(",", "").removeprefix("£").removesuffix("%").strip()
    try:
        return places_of(Decimal(cleaned))
    except InvalidOperation:
        return 0


def _first_section(number_format: str) -> str:
    """The format for positive numbers, without quoted text, escapes or [colour] codes."""
    return _QUOTED.sub("", number_format.split(";")[0])


def places_shown(number_format: str) -> int | None:
    """The decimal places an Excel number format shows, or None when it fixes none.

    "0.0" → 1, "#,##0.00" → 2, "0.0%" → 1, "0" → 0; "General", text ("@") and date formats
    fix none, so the value's own digits count.
    """
    section = _first_section(number_format or "")
    if not section or section.lower() == "general" or "0" not in section:
        return None
    if any(letter in section.lower() for letter in "dmyhs@"):
        return None
    _, point, decimals = section.partition(".")
    return len(re.findall(r"[0#?]", decimals)) if point else 0


def is_percent_format(number_format: str) -> bool:
    """Whether Excel shows the cell as a percentage: 0.675 in a "0.0%" cell reads "67.5%"."""
    return "%" in _first_section(number_format or "")


def infer_decimal_places(places: Iterable[int]) -> int:
    """A measure's decimal places from those of its figures: the most used, at most four.

    The most precise figure decides, so no reported figure is printed rounder than it was
    given (a series of 7.84, 7.9 and 8 days is shown to two places); four is the most a
    stored value keeps. No figures: whole numbers, the usual default.
    """
    return min(MAX_PLACES, max((max(0, p) for p in places), default=0))
