"""Read a workbook, .xlsx or a folder of .csv files, into rows keyed by lower-cased header."""

import csv
import io
import re
import zipfile
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from datetime import date, datetime
from decimal import Decimal
from pathlib import Path

from django.conf import settings
from openpyxl import load_workbook

from scorecard.safecells import csv_unquote

from .errors import WorkbookError

Cell = str | int | float | Decimal | date | datetime | bool | None


@dataclass
class Row:
    number: int  # Excel's row number
    cells: dict[str, Cell]
    # An .xlsx number's format, where it is not "General": how many places Excel showed, and
    # whether it showed a percentage (0.675 in a "0.0%" cell reads "67.5%").
    formats: dict[str, str] = field(default_factory=dict)

    def __getitem__(self, key: str) -> Cell:
        return self.cells.get(key)


@dataclass
class Sheet:
    name: str  # as the file names it
    headers: dict[str, str]  # lower-cased header -> header as written
    rows: list[Row] = field(default_factory=list)

    def has(self, column: str) -> bool:
        return column.lower() in self.headers

    def header(self, column: str) -> str:
        return self.headers.get(column.lower(), column)


def read_workbook(path: Path) -> tuple[dict[str, Sheet], list[WorkbookError]]:
    """Return the sheets by lower-cased name, and any error that stops the file being read."""
    path = Path(path)
    if path.is_dir():
        return _read_csv_folder(path), []
    if not path.exists():
        return {}, [WorkbookError(path.name, 0, "", "no such file or folder")]
    try:
        too_large = _too_large(path)
        if too_large:
            return {}, [WorkbookError(path.name, 0, "", too_large)]
        return _read_xlsx(path), []
    except WorkbookTooLarge as exc:
        return {}, [WorkbookError(path.name, 0, "", str(exc))]
    except Exception as exc:  # openpyxl raises many kinds for a file that is not a workbook
        return {}, [WorkbookError(path.name, 0, "", f"this is not an .xlsx workbook ({exc})")]


def _sheet(name: str, raw_rows: Iterator[tuple[tuple, tuple]]) -> Sheet:
    """A sheet from its rows, each (values, number formats); formats may be empty (CSV)."""
    headers: dict[str, str] = {}
    positions: list[str | None] = []
    rows: list[Row] = []
    for number, (values, formats) in enumerate(raw_rows, start=1):
        if number == 1:
            for value in values:
                header = str(value).strip() if value is not None else ""
                key = header.lower() if header else None
                if key and key not in headers:
                    headers[key] = header
                positions.append(key)
            continue
        cells = {
            key: _clean(value)
            for key, value in zip(positions, values, strict=False)
            if key is not None
        }
        if any(value not in (None, "") for value in cells.values()):
            shown = {
                key: fmt
                for key, fmt in zip(positions, formats, strict=False)
                if key is not None and fmt
            }
            rows.append(Row(number, cells, shown))
    return Sheet(name=name, headers=headers, rows=rows)


def _clean(value: Cell) -> Cell:
    if isinstance(value, str):
        value = value.strip()
        return value if value else None
    return value


class WorkbookTooLarge(Exception):
    """The workbook holds more than a workbook may: refused before or while it is read."""


def _megabytes(size: int) -> str:
    return f"{size / 1_000_000:.1f} MB"


def _rows_message(rows: int, limit: int) -> str:
    return (
        f"the workbook has {rows:,} rows, more than the {limit:,} a workbook may hold: "
        "split it into smaller workbooks"
    )


# Excel and openpyxl write each sheet's extent near the top of its XML: <dimension ref="A1:F9"/>.
DIMENSION = re.compile(rb'<(?:\w+:)?dimension\s+ref="[A-Z]*\d*:?[A-Z]*(\d+)"')


def _too_large(path: Path) -> str:
    """Why the .xlsx is too large to read, judged from its zip directory and each sheet's first
    bytes without parsing it; "" if it is not (issue 13: a 1.78 MB file expanded to 500 MB).

    Python's zipfile never inflates a member past the size its directory states, so the stated
    sizes bound what reading can cost. A sheet that declares no extent is still counted as it
    is read (`_counted`).
    """
    limit = settings.WORKBOOK_MAX_UNCOMPRESSED_BYTES
    with zipfile.ZipFile(path) as archive:
        members = archive.infolist()
        expanded = sum(member.file_size for member in members)
        if expanded > limit:
            return (
                f"the workbook expands to {_megabytes(expanded)}, more than the "
                f"{_megabytes(limit)} a workbook may hold: remove unused sheets, rows or "
                "pictures, or split it"
            )
        rows = 0
        for member in members:
            if member.filename.startswith("xl/worksheets/") and member.filename.endswith(".xml"):
                with archive.open(member) as sheet:
                    found = DIMENSION.search(sheet.read(4096))
                rows += int(found.group(1)) if found else 0
    max_rows = settings.WORKBOOK_MAX_ROWS
    return _rows_message(rows, max_rows) if rows > max_rows else ""


def _counted(rows: Iterable, budget: list[int]) -> Iterator:
    """The rows, refusing the workbook once all its sheets together pass the row limit."""
    limit = settings.WORKBOOK_MAX_ROWS
    for row in rows:
        budget[0] += 1
        if budget[0] > limit:
            raise WorkbookTooLarge(
                f"the workbook has more than {limit:,} rows, more than the {limit:,} a workbook "
                "may hold: split it into smaller workbooks"
            )
        yield row


def _read_xlsx(path: Path) -> dict[str, Sheet]:
    workbook = load_workbook(path, read_only=True, data_only=True)
    seen = [0]
    try:
        return {
            ws.title.strip().lower(): _sheet(
                ws.title,
                (
                    (tuple(cell.value for cell in row), tuple(_number_format(c) for c in row))
                    for row in _counted(ws.iter_rows(), seen)
                ),
            )
            for ws in workbook.worksheets
        }
    finally:
        workbook.close()


def _number_format(cell) -> str:
    """A number cell's format where it says more than "General"; "" otherwise."""
    value = getattr(cell, "value", None)
    if isinstance(value, bool) or not isinstance(value, int | float):
        return ""
    number_format = getattr(cell, "number_format", None) or ""
    return "" if number_format == "General" else number_format


def _read_csv_folder(folder: Path) -> dict[str, Sheet]:
    sheets = {}
    for csv_path in sorted(p for p in folder.iterdir() if p.suffix.lower() == ".csv"):
        text = _decode(csv_path.read_bytes())
        rows = ((tuple(csv_unquote(v) for v in row), ()) for row in csv.reader(io.StringIO(text)))
        sheets[csv_path.stem.strip().lower()] = _sheet(csv_path.stem, rows)
    return sheets


def _decode(data: bytes) -> str:
    """UTF-8 (with or without Excel's byte-order mark), else Windows-1252, which is what Excel
    on a council laptop writes when asked for plain "CSV"."""
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        return data.decode("cp1252", errors="replace")


def read_table(name: str, data: bytes) -> Sheet:
    """One table from a single .csv file, or the first sheet of an .xlsx, given as bytes.

    Raises ValueError, in words, for a file that is neither (comparator downloads, issue 11).
    """
    if name.lower().endswith(".csv"):
        rows = csv.reader(io.StringIO(_decode(data)))
        return _sheet(Path(name).stem, ((tuple(csv_unquote(v) for v in row), ()) for row in rows))
    if not name.lower().endswith(".xlsx"):
        raise ValueError("the file must be a .csv or an .xlsx")
    try:
        workbook = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except Exception as exc:  # openpyxl raises many kinds for a file that is not a workbook
        raise ValueError(f"this is not an .xlsx workbook ({exc})") from None
    try:
        ws = workbook.worksheets[0]
        rows = (
            (tuple(c.value for c in row), tuple(_number_format(c) for c in row))
            for row in ws.iter_rows()
        )
        return _sheet(ws.title, rows)
    finally:
        workbook.close()
