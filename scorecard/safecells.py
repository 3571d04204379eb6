"""Text in spreadsheets and CSV files, stored as text and never run as a formula.

Every file we write that a user opens in a spreadsheet (the plan workbook and its CSV folder,
the Excel return, the reports' Excel annexes) follows one rule: text that a spreadsheet would
read as a formula, or as a signed number ("=1+1", "-3 staff", "@sum", a leading tab or carriage
return), is stored as text and shown as typed, so what an officer typed is never run (OWASP,
"CSV Injection"). In .xlsx the cell is a text cell with Excel's quote prefix; in CSV, which has
no cell types, a leading apostrophe is written, the convention spreadsheets themselves use, and
the workbook reader takes it off again.

``reporting`` imports this module; it imports nothing of ours.
"""

from __future__ import annotations

from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE

# What a spreadsheet takes as the start of a formula.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
# In CSV an apostrophe is also written before text that starts with one, so that the reader,
# taking one apostrophe off, gives back exactly what was written.
_CSV_QUOTED = (*FORMULA_STARTS, "'")


def looks_like_formula(text: str) -> bool:
    """A spreadsheet would run or reinterpret this text if it were stored as typed."""
    return text.startswith(FORMULA_STARTS)


def xlsx_text(value: str) -> str:
    """The text an .xlsx file can hold: Word's manual line break (\\x0b), pasted into a
    comment, becomes a line break, and other control characters are dropped."""
    if value.isprintable():  # the usual case: nothing to look for
        return value
    return ILLEGAL_CHARACTERS_RE.sub("", value.replace("\x0b", "\n"))


def mark_text(cell):
    """Make an openpyxl cell holding a string a text cell that is shown as typed."""
    if isinstance(cell.value, str):
        cell.data_type = "s"
        if looks_like_formula(cell.value):
            cell.quotePrefix = True
    return cell


def csv_text(value: str) -> str:
    """Text for a CSV cell: an apostrophe before formula-like text and before a leading
    apostrophe, which ``csv_unquote`` takes off again."""
    return "'" + value if value.startswith(_CSV_QUOTED) else value


def csv_unquote(value: str) -> str:
    """Take off the apostrophe ``csv_text`` wrote; any other text is returned unchanged."""
    if value.startswith("'") and value[1:2] and value[1] in _CSV_QUOTED:
        return value[1:]
    return value
