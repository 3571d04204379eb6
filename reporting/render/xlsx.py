"""Excel through openpyxl's write-only mode: one sheet per annex and a summary sheet.

Numbers are stored as numbers with a number format, RAG cells are filled and lettered, and
text is always text: a comment that starts with "=" is never run as a formula. Columns are as
wide as what they show (`xlsx_layout`), headers and long text wrap in rows tall enough to show
them, with the rest of the row at its top, and every sheet prints one page wide.
"""

import io
from decimal import Decimal

from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.cell.cell import Cell
from openpyxl.styles import Alignment, Font, NamedStyle, PatternFill
from openpyxl.styles.fonts import DEFAULT_FONT
from openpyxl.utils import get_column_letter

from reporting.columns import SheetCell
from reporting.reports import Report, TableSection
from scorecard.rules.rag import Status
from scorecard.safecells import looks_like_formula, mark_text, xlsx_text

from .xlsx_layout import column_width, line_count, number_format, row_height, shown_number

__all__ = ["number_format", "render_xlsx", "text_cell"]

RAG_FILLS = {
    Status.GREEN: ("00703C", "FFFFFF"),
    Status.AMBER: ("FFBF47", "0B0C0C"),
    Status.RED: ("A4171E", "FFFFFF"),
    Status.NCI: ("4A4F52", "FFFFFF"),
}
# Fonts name their family: a font without one falls back to a serif in LibreOffice.
FONT = {"name": "Calibri", "size": 11}  # the workbook's default font
BOLD = Font(bold=True, **FONT)
TOP = Alignment(vertical="top")
WRAP = Alignment(horizontal="left", vertical="top", wrap_text=True, indent=1)
CENTRE = Alignment(horizontal="center", vertical="top")
SUMMARY_HEADERS = ("Status", "Number", "Percentage of rated")


class _Styles:
    """Each style the workbook uses, added once as a named style and given to cells by name.

    Setting a fill, font and number format on each cell would look each up in the workbook's
    style tables every time, which matters at tens of thousands of cells; a named style is
    looked up once per cell by its name.
    """

    def __init__(self, wb: Workbook) -> None:
        self.wb = wb
        self.top = self._named("Top", alignment=TOP)
        self.text = self._named("Text", alignment=WRAP)
        self.header = self._named("Header", alignment=WRAP, font=BOLD)
        self.rag = {Status.NOT_RATED: self._named("RAG Not rated", alignment=CENTRE)}
        for status, (fill, colour) in RAG_FILLS.items():
            self.rag[status] = self._named(
                f"RAG {status.word}",
                fill=PatternFill("solid", fgColor=fill),
                font=Font(bold=True, color=colour, **FONT),
                alignment=CENTRE,
            )
        self._formats: dict[str, str] = {}

    def _named(self, name: str, *, font: Font = DEFAULT_FONT, **attributes) -> str:
        self.wb.add_named_style(NamedStyle(name=name, font=font, **attributes))
        return name

    def number(self, unit: str, places: int) -> str:
        fmt = number_format(unit, places)
        if fmt not in self._formats:
            self._formats[fmt] = self._named(f"Number {fmt}", number_format=fmt, alignment=TOP)
        return self._formats[fmt]

    def of(self, cell: SheetCell) -> str | None:
        """A cell's style: its number format in its unit, or its RAG's fill; None for text."""
        if cell.unit is not None:
            return self.number(cell.unit, cell.places)
        if cell.rag is not None:
            return self.rag.get(cell.rag, self.top)
        return None


def _styled(cell, style: str | None, *, quoted: bool = False):
    """`cell` in the named `style`; quoted, "=1+1" stays text, shown as typed."""
    if style is not None:
        cell.style = style
    if quoted:
        cell.quotePrefix = True
    return cell


def text_cell(ws, value: str, style: str | None = None):
    """A text cell that a spreadsheet shows as typed and never evaluates, in the named
    `style` when given."""
    value = xlsx_text(value)
    if not looks_like_formula(value) and style is None:
        return value
    return mark_text(_styled(WriteOnlyCell(ws, value=value), style))


class _ColumnCells:
    """One styled cell per column, refilled for each row.

    A write-only sheet writes each appended row's cells out before the next row is appended,
    so a column's cell can carry the next row's value: tens of thousands of styled cells then
    cost a handful of objects (the write-only engine's own trick for unstyled values).
    """

    def __init__(self, ws, count: int) -> None:
        self.ws = ws
        self.cells: list = [None] * count

    def fill(self, index: int, value, style: str, *, quoted: bool = False):
        # A fresh cell when the style changes, so a cell's style is set once, when it is made.
        cell = self.cells[index]
        if cell is None or cell.style != style or quoted or cell.quotePrefix:
            cell = self.cells[index] = _styled(WriteOnlyCell(self.ws), style, quoted=quoted)
        cell.value = value
        return cell

    def text(self, index: int, value: str, styles: "_Styles"):
        value = xlsx_text(value)
        cell = self.fill(index, value, styles.text, quoted=looks_like_formula(value))
        cell.data_type = "s"
        return cell


def _cell(index: int, shown: SheetCell | None, styles: _Styles, cells: _ColumnCells):
    """The cell for a row's column as its kind gives it (`reporting/columns.py`): styled where
    it must be (numbers, RAG, text that starts like a formula), a plain value otherwise;
    `_Rows` tops and wraps the rest."""
    if shown is None:
        return None
    style = styles.of(shown)
    if style is not None:
        return cells.fill(index, shown.value, style)
    if isinstance(shown.value, str):
        text = xlsx_text(shown.value)
        return cells.text(index, text, styles) if looks_like_formula(text) else text or None
    return shown.value


def _shown_length(shown: SheetCell | None) -> int:
    """How many characters the cell shows: its number in its unit, its letter or its words."""
    if shown is None or shown.value in (None, ""):
        return 1
    if shown.unit is not None:
        return len(shown_number(shown.value, shown.unit, shown.places))
    return len(str(shown.value))


def _column_widths(section: TableSection, grouped: bool) -> list[float]:
    """Each column's width from its header and every value it will show."""
    widths = []
    if grouped:
        longest = max((len(heading) for heading, _ in section.groups), default=0)
        widths.append(column_width("Group", "text", longest))
    rows = section.rows
    for col in section.sheet_cols:
        longest = max((_shown_length(col.shows.sheet(col, row)) for row in rows), default=0)
        widths.append(column_width(col.header, col.shows.width, longest))
    if section.footer:  # labels under column A, figures under B
        label = max(len(label) for label, _ in section.footer)
        figure = max(len(value) for _, value in section.footer)
        widths[0] = max(widths[0], column_width("", "text", label))
        if len(widths) > 1:
            widths[1] = max(widths[1], column_width("", "value", figure))
    return widths


def _print_setup(ws, *, landscape: bool) -> None:
    """A4, one page wide however many pages long."""
    ws.page_setup.orientation = "landscape" if landscape else "portrait"
    ws.page_setup.paperSize = "9"  # A4
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0
    ws.sheet_properties.pageSetUpPr.fitToPage = True


def _sheet_name(title: str, used: set[str]) -> str:
    base = "".join(c for c in title if c not in "[]:*?/\\")[:31].strip() or "Sheet"
    name, n = base, 2
    while name.lower() in used:
        suffix = f" ({n})"
        name, n = base[: 31 - len(suffix)] + suffix, n + 1
    used.add(name.lower())
    return name


class _Rows:
    """Appends rows to a sheet, each as tall as its most wrapped cell: a spreadsheet keeps a
    file's row heights when it opens it and hides what does not fit.

    Every row's cells are set alike (text wrapped, indented and topped, numbers topped), so a
    column reads the same on a one-line row as on a tall one; only tall rows get a height.
    """

    def __init__(self, ws, widths: list[float], styles: _Styles) -> None:
        self.ws, self.widths, self.styles, self.count = ws, widths, styles, 0
        self.cells = _ColumnCells(ws, len(widths))

    def append(self, values: list, *, bold: bool = False) -> None:
        lines = 1
        for index, value in enumerate(values):
            text = value.value if isinstance(value, Cell) else value
            if isinstance(text, str) and len(text) > 8:
                lines = max(lines, line_count(text, self.widths[index], bold=bold))
        self.count += 1
        height = row_height(lines)
        if height is not None:
            self.ws.row_dimensions[self.count].height = height
        self.ws.append([self._topped(index, value) for index, value in enumerate(values)])

    def _topped(self, index: int, value):
        if value is None or isinstance(value, Cell):
            return value
        if isinstance(value, str):
            return self.cells.text(index, value, self.styles)
        return self.cells.fill(index, value, self.styles.top)


def _write_table(wb: Workbook, section: TableSection, styles: _Styles, used: set[str]) -> None:
    ws = wb.create_sheet(_sheet_name(section.sheet or section.title, used))
    grouped = any(heading for heading, _ in section.groups)
    headers = (["Group"] if grouped else []) + [col.header for col in section.sheet_cols]
    ws.freeze_panes = "B2" if grouped else "A2"
    widths = _column_widths(section, grouped)
    for index, width in enumerate(widths, start=1):
        ws.column_dimensions[get_column_letter(index)].width = width
    _print_setup(ws, landscape=True)
    ws.print_title_rows = "1:1"
    ws.print_options.gridLines = True  # on paper, lines keep a number apart from the next text
    sheet = _Rows(ws, widths, styles)
    sheet.append([text_cell(ws, text, styles.header) for text in headers], bold=True)
    cells = _ColumnCells(ws, len(section.sheet_cols))
    columns = list(enumerate(section.sheet_cols))
    for heading, rows in section.groups:
        prefix = [text_cell(ws, heading, styles.text)] if grouped else []
        for row in rows:
            shown = [_cell(i, col.shows.sheet(col, row), styles, cells) for i, col in columns]
            sheet.append(prefix + shown)
    ws.auto_filter.ref = f"A1:{get_column_letter(len(headers))}{sheet.count}"
    if section.footer:
        sheet.append([])
        for label, value in section.footer:
            sheet.append([text_cell(ws, label, styles.text), _footer_value(ws, value, styles)])


def _footer_value(ws, value: str, styles: _Styles):
    """Footers are figures: "48" is stored as 48, "97.96%" as 0.9796 shown as a percentage."""
    try:
        if value.endswith("%"):
            cell = WriteOnlyCell(ws, value=Decimal(value[:-1]) / 100)
            cell.number_format = "0.00%"
            cell.alignment = TOP
            return cell
        return _styled(WriteOnlyCell(ws, value=int(value)), styles.top)
    except (ValueError, ArithmeticError):
        return text_cell(ws, value, styles.text)


def _percent_cell(ws, percent):
    if percent is None:
        return None
    cell = WriteOnlyCell(ws, value=percent / 100)
    cell.number_format = "0.00%"
    return cell


def _summary(wb: Workbook, report: Report, styles: _Styles) -> None:
    ws = wb.create_sheet("Summary")
    labels = [status.word for status in Status] + ["Percentage Green and Amber", report.council]
    widths = {
        "A": column_width("", "text", max(len(label) for label in labels)),
        "B": column_width(SUMMARY_HEADERS[1], "value", len(report.period.label)),
        "C": column_width(SUMMARY_HEADERS[2], "value", len("100.00%")),
    }
    for letter, width in widths.items():
        ws.column_dimensions[letter].width = width
    _print_setup(ws, landscape=False)
    rows = _Rows(ws, list(widths.values()), styles)
    rows.append([text_cell(ws, report.title, styles.header)], bold=True)
    rows.append([text_cell(ws, report.council, styles.text), text_cell(ws, report.period.label)])
    rows.append([])
    rows.append([text_cell(ws, header, styles.header) for header in SUMMARY_HEADERS], bold=True)
    summary = report.summary
    statuses = [Status.GREEN, Status.AMBER, Status.RED, Status.NCI, Status.NOT_RATED]
    if summary.awaiting_approval:
        statuses.append(Status.AWAITING_APPROVAL)
    for status in statuses:
        percent = summary.percent(status) if status.is_rated else None
        rows.append([status.word, summary.count(status), _percent_cell(ws, percent)])
    rows.append(["Number Green and Amber", summary.green_and_amber])
    percent = summary.green_and_amber_percent()
    rows.append(["Percentage Green and Amber", _percent_cell(ws, percent)])


def render_xlsx(report: Report) -> bytes:
    """The report as a workbook: a summary sheet, then a sheet per table."""
    wb = Workbook(write_only=True)
    styles = _Styles(wb)
    used = {"summary"}
    _summary(wb, report, styles)
    for section in report.sections:
        for table in section.sheets:  # what each section is as tables: none for narrative
            _write_table(wb, table, styles, used)
    buffer = io.BytesIO()
    wb.save(buffer)
    return buffer.getvalue()
