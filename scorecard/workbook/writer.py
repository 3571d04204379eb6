"""Write the plan workbook: the same sheets and columns the importer reads."""

import csv
from datetime import date
from decimal import Decimal
from pathlib import Path

from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE
from openpyxl.styles import Font

from .reader import FORMULA_STARTS
from .sheets import SHEETS


def workbook_export(*, path: Path) -> dict[str, int]:
    """Write every sheet to `path`: an .xlsx file, or a folder of .csv files if it has no suffix.

    Rows are in a stable order so that export → import → export gives the same workbook.
    """
    path = Path(path)
    if path.suffix.lower() == ".xlsx":
        return _write_xlsx(path)
    return _write_csv_folder(path)


def _write_xlsx(path: Path) -> dict[str, int]:
    workbook = Workbook(write_only=True)
    counts = {}
    bold = Font(bold=True)
    for handler in (sheet() for sheet in SHEETS):
        ws = workbook.create_sheet(handler.name)
        ws.freeze_panes = "A2"
        header = []
        for column in handler.columns:
            cell = WriteOnlyCell(ws, value=column.header)
            cell.font = bold
            header.append(cell)
        ws.append(header)
        count = 0
        for row in handler.export_rows():
            ws.append([_xlsx_cell(ws, value) for value in row])
            count += 1
        counts[handler.name] = count
    workbook.save(path)
    return counts


def _xlsx_cell(ws, value):
    if isinstance(value, str):
        # Control characters cannot be stored in .xlsx; Word's manual line break (\x0b) pasted
        # into a comment is a line break, anything else is dropped.
        value = ILLEGAL_CHARACTERS_RE.sub("", value.replace("\x0b", "\n"))
        # Text is stored as text even when it looks like a formula ("=1+1", "-3 staff"):
        # a spreadsheet must never run what a user typed.
        cell = WriteOnlyCell(ws, value=value)
        cell.data_type = "s"
        if value.startswith(FORMULA_STARTS):
            cell.quotePrefix = True
        return cell
    return value


def _csv_value(value) -> str:
    if value is None:
        return ""
    if isinstance(value, Decimal):
        return f"{value:f}"
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, str) and value.startswith((*FORMULA_STARTS, "'")):
        return "'" + value  # the reader takes this apostrophe off again
    return str(value)


def _write_csv_folder(folder: Path) -> dict[str, int]:
    folder.mkdir(parents=True, exist_ok=True)
    counts = {}
    for handler in (sheet() for sheet in SHEETS):
        with (folder / f"{handler.name}.csv").open("w", newline="", encoding="utf-8") as handle:
            writer = csv.writer(handle)
            writer.writerow([column.header for column in handler.columns])
            count = 0
            for row in handler.export_rows():
                writer.writerow([_csv_value(value) for value in row])
                count += 1
        counts[handler.name] = count
    return counts
