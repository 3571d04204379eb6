"""How wide a spreadsheet column must be, worked out from what it will show.

A number too wide for its column shows as "###" (NI 177 counts 35,100,000 bus journeys),
so a column of values is as wide as its widest number in its unit. A header breaks only
between its words, so its column is as wide as its longest word. Long text wraps at a
readable measure rather than running into the next cell or off the printed page.

Widths are in Excel's unit, the width of one digit of the workbook's default font.
"""

from decimal import Decimal

# A letter is on average a little wider than a digit; a bold header letter wider still.
TEXT_FACTOR = 1.1
HEADER_FACTOR = 1.2
# The cell's own margins, the one-level indent that keeps text clear of a number to its left,
# and room for LibreOffice's substitute of Calibri.
PADDING = 3
MIN_WIDTH = 8
# The widest a column of words grows before its text wraps: about 40 letters, a comfortable
# line in print; codes rarely wrap.
WRAP_AT = {"text": 40, "code": 20}


def _affixes(unit: str) -> tuple[str, str]:
    """What a spreadsheet prints before and after a number in `unit`: "£" before, "%" right
    after, other units after a space; a plain count nothing."""
    unit = (unit or "").strip()
    if unit == "£":
        return "£", ""
    if unit in ("", "number"):
        return "", ""
    literal = unit.replace('"', "")
    return "", literal if unit == "%" else " " + literal


def number_format(unit: str, places: int) -> str:
    """The spreadsheet number format of a measure's unit, its unit as quoted literals."""
    prefix, suffix = _affixes(unit)
    number = "#,##0" + ("." + "0" * places if places else "")
    return (f'"{prefix}"' if prefix else "") + number + (f'"{suffix}"' if suffix else "")


def shown_number(value: Decimal | int | float, unit: str, places: int) -> str:
    """The text a spreadsheet shows for `value` under `number_format(unit, places)`."""
    prefix, suffix = _affixes(unit)
    return f"{prefix}{value:,.{places}f}{suffix}"


def header_width(header: str) -> float:
    """Room for the header's longest word, in bold: the header cell wraps between words."""
    longest = max((len(word) for word in header.split()), default=0)
    return longest * HEADER_FACTOR + PADDING


def content_width(chars: int, kind: str) -> float:
    """Room for `chars` characters of a cell of `kind`; words wrap beyond WRAP_AT."""
    if kind in WRAP_AT:
        chars = min(chars, WRAP_AT[kind])
    return chars * TEXT_FACTOR + PADDING


def column_width(header: str, kind: str, chars: int) -> float:
    """A column's width: its header's longest word and its widest cell, at least MIN_WIDTH."""
    return round(max(MIN_WIDTH, header_width(header), content_width(chars, kind)), 1)


# Row heights: a spreadsheet does not grow a row to fit wrapped text when it opens a file
# (LibreOffice keeps the default height and hides the rest), so each row is given the height
# of its tallest cell. Letters are counted wide here: a row a little too tall is harmless, a
# row too short cuts text off.
LINE_HEIGHT = 15.0  # points: one line of the default 11pt font
LINE_FACTOR = 0.9
BOLD_LINE_FACTOR = 1.0
MAX_HEIGHT = 409.0  # the tallest row Excel allows


def line_count(text: str, width: float, *, bold: bool = False) -> int:
    """How many lines `text` takes wrapped at word breaks in a column `width` wide."""
    per_line = max(1, int((width - PADDING) / (BOLD_LINE_FACTOR if bold else LINE_FACTOR)))
    if len(text) <= per_line and "\n" not in text:
        return 1
    count = 0
    for paragraph in text.split("\n"):
        count += 1
        used = 0
        for word in paragraph.split():
            if used and used + 1 + len(word) <= per_line:
                used += 1 + len(word)
                continue
            if used:
                count += 1
            count += (len(word) - 1) // per_line  # a word longer than the line breaks too
            used = len(word) % per_line or per_line
    return count


def row_height(lines: int) -> float | None:
    """The height of a row whose tallest cell has `lines` lines; None for a single line."""
    if lines <= 1:
        return None
    return min(MAX_HEIGHT, lines * LINE_HEIGHT + 3)
