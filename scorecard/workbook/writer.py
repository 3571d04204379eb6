"""Write the plan workbook: the same sheets and columns the importer reads."""

import csv
from datetime import date
from decimal import Decimal
from pathlib import Path

from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.styles import Font

from scorecard.safecells import csv_text, mark_text, xlsx_text

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
        # Text is stored as text even when it looks like a formula ("=1+1", "-3 staff").
        return mark_text(WriteOnlyCell(ws, value=xlsx_text(value)))
    return value


def _csv_value(value) -> str:
    if value is None:
        return ""
    if isinstance(value, Decimal):
        return f"{value:f}"
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, str):
        return csv_text(value)  # the reader takes its apostrophe off again
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
