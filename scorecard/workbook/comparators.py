"""Read a comparator file: LG Inform's long format, one value per row (issue 11).

Columns ``Area code``, ``Area name``, ``Indicator``, ``Period``, ``Value``, and optionally
``Unit`` and ``Source``. Every error is located by row and column as in the plan workbook;
nothing is written by this module.
"""

import re
import zipfile
from dataclasses import dataclass
from decimal import Decimal
from io import BytesIO

from scorecard.rules.periods import PeriodLabelError, PeriodRef, parse_period
from scorecard.rules.precision import MAX_PLACES

from .cells import CellError, Figure, figure, text
from .errors import WorkbookError, WorkbookRefused
from .reader import Row, Sheet, read_table

REQUIRED = ("Area code", "Area name", "Indicator", "Period", "Value")
# A file of several hundred thousand values is still well under these; anything larger is
# refused before it is parsed, so an upload cannot tie up the server (or unzip into gigabytes).
MAX_BYTES = 40 * 1024 * 1024
MAX_UNZIPPED_BYTES = 400 * 1024 * 1024
MAX_ROWS = 500_000
MAX_ERRORS_SHOWN = 200
_COLUMNS = tuple((column, column.lower()) for column in (*REQUIRED, "Unit", "Source"))
_PLAIN_NUMBER = re.compile(r"-?\d{1,14}(\.\d{1,4})?")


@dataclass(frozen=True)
class ComparatorRow:
    row: int
    area_code: str
    area_name: str
    indicator: str
    period: PeriodRef
    value: Decimal
    places: int
    unit: str
    source: str


def size_refusal(name: str, data: bytes) -> str:
    """Why a file is too large to read, or "" (checked before any parsing)."""
    if len(data) > MAX_BYTES:
        return (
            f"the file is {len(data) // 1024:,} KB; the most accepted is {MAX_BYTES // 1024:,} KB"
        )
    if name.lower().endswith(".xlsx"):
        try:
            with zipfile.ZipFile(BytesIO(data)) as archive:
                unzipped = sum(info.file_size for info in archive.infolist())
        except zipfile.BadZipFile:
            return "this is not an .xlsx workbook"
        if unzipped > MAX_UNZIPPED_BYTES:
            return "the workbook unpacks to more than the most accepted"
    return ""


def read_comparators(*, name: str, data: bytes, source: str = "") -> list[ComparatorRow]:
    """Every row of the file, checked; ``WorkbookRefused`` with every error if any is wrong."""
    refusal = size_refusal(name, data)
    if refusal:
        raise WorkbookRefused([WorkbookError(name, 0, "", refusal)])
    try:
        sheet = read_table(name, data)
    except ValueError as exc:
        raise WorkbookRefused([WorkbookError(name, 0, "", str(exc))]) from None
    errors = _header_errors(sheet)
    if errors:
        raise WorkbookRefused(errors)
    if len(sheet.rows) > MAX_ROWS:
        message = f"{len(sheet.rows):,} rows; the most accepted is {MAX_ROWS:,}"
        raise WorkbookRefused([WorkbookError(sheet.name, 0, "", message)])
    rows = _checked_rows(sheet, source, errors)
    if errors:
        raise WorkbookRefused(errors[:MAX_ERRORS_SHOWN])
    if not rows:
        raise WorkbookRefused([WorkbookError(sheet.name, 0, "", "the file has no values")])
    return rows


def _header_errors(sheet: Sheet) -> list[WorkbookError]:
    return [
        WorkbookError(sheet.name, 1, column, "this column is missing")
        for column in REQUIRED
        if not sheet.has(column)
    ]


def _checked_rows(sheet: Sheet, source: str, errors: list[WorkbookError]) -> list[ComparatorRow]:
    rows: list[ComparatorRow] = []
    periods: dict[str, PeriodRef] = {}
    seen: dict[tuple[str, str, str, str], int] = {}
    for row in sheet.rows:
        found = _checked(sheet, row, source, periods, errors)
        if found is None:
            continue
        key = (found.area_code, found.indicator, found.period.label, found.source)
        if key in seen:
            message = f"this area, indicator and period are already given in row {seen[key]}"
            errors.append(WorkbookError(sheet.name, row.number, "", message))
            continue
        seen[key] = row.number
        rows.append(found)
    return rows


def _checked(
    sheet: Sheet,
    row: Row,
    source: str,
    periods: dict[str, PeriodRef],
    errors: list[WorkbookError],
) -> ComparatorRow | None:
    before = len(errors)

    def fail(column: str, message: str) -> None:
        errors.append(WorkbookError(sheet.name, row.number, sheet.header(column), message))

    cells = {column: _text(row.cells.get(key)) for column, key in _COLUMNS}
    for column in ("Area code", "Indicator"):
        if not cells[column]:
            fail(column, "this is required")
        elif len(cells[column]) > (20 if column == "Area code" else 100):
            fail(column, "this is too long")
    period = _period(cells["Period"], periods, fail)
    value = _value(row, sheet, fail)
    if len(errors) > before or period is None or value is None:
        return None
    return ComparatorRow(
        row=row.number,
        area_code=cells["Area code"].upper(),  # ONS codes are upper case
        area_name=(cells["Area name"] or cells["Area code"])[:200],
        indicator=cells["Indicator"],
        period=period,
        value=value.value,
        places=value.places,
        unit=cells["Unit"][:20],
        source=(source or cells["Source"] or "Imported")[:100],
    )


def _period(label: str, periods: dict[str, PeriodRef], fail) -> PeriodRef | None:
    # Files repeat a handful of periods over thousands of rows: parse each label once.
    if label in periods:
        return periods[label]
    try:
        periods[label] = parse_period(label)
    except PeriodLabelError as exc:
        fail("Period", str(exc))
        return None
    return periods[label]


def _text(cell) -> str:
    # Most cells of a CSV are already clean text: skip the general conversion for them.
    return cell if isinstance(cell, str) else text(cell)


def _value(row: Row, sheet: Sheet, fail):
    cell = row["value"]
    if isinstance(cell, str) and _PLAIN_NUMBER.fullmatch(cell):
        # The common case of a large CSV, read directly: its places are the digits written.
        value = Decimal(cell)
        places = -value.as_tuple().exponent
        if places <= MAX_PLACES and abs(value) < Decimal(10) ** 14:
            return Figure(value=value, places=places)
    try:
        found = figure(row["value"], number_format=row.formats.get("value", ""))
    except CellError as exc:
        fail("Value", str(exc))
        return None
    if found is None:
        fail("Value", "this is required")
    return found
