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
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter

from reporting.reports import (
    RESULT_COLUMNS,
    ActionPlanSection,
    MeasurePagesSection,
    Report,
    ResultRow,
    TableSection,
)
from reporting.tables import Col, cell_text, provisional_note
from scorecard.rules.rag import Status
from scorecard.rules.travel import Direction
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
    """Each style worked out once per workbook and then copied onto cells.

    Setting a fill, font or number format on a cell looks it up in the workbook's style
    tables every time; copying a finished style array does not, which matters at tens of
    thousands of cells (openpyxl copies `_style` the same way in its own `copy()`).
    """

    def __init__(self, wb: Workbook) -> None:
        self._proto_sheet = wb.create_sheet("_styles")
        wb.remove(self._proto_sheet)
        self.top = self._style(alignment=TOP)
        self.text = self._style(alignment=WRAP)
        self.quoted = self._style(alignment=WRAP, quotePrefix=True)
        self.header = self._style(alignment=WRAP, font=BOLD)
        self.rag = {Status.NOT_RATED: self._style(alignment=CENTRE)}
        for status, (fill, colour) in RAG_FILLS.items():
            self.rag[status] = self._style(
                fill=PatternFill("solid", fgColor=fill),
                font=Font(bold=True, color=colour, **FONT),
                alignment=CENTRE,
            )
        self._formats: dict[tuple[str, int], object] = {}

    def _style(self, **attributes):
        cell = WriteOnlyCell(self._proto_sheet)
        for name, value in attributes.items():
            setattr(cell, name, value)
        return cell._style

    def number(self, unit: str, places: int):
        key = (unit, places)
        if key not in self._formats:
            self._formats[key] = self._style(
                number_format=number_format(unit, places), alignment=TOP
            )
        return self._formats[key]


def text_cell(ws, value: str, style=None):
    """A text cell that a spreadsheet shows as typed and never evaluates, wrapped with
    `style` (a `_Styles` array) when given."""
    value = xlsx_text(value)
    if not looks_like_formula(value) and style is None:
        return value
    cell = WriteOnlyCell(ws, value=value)
    if style is not None:
        cell._style = style
    return mark_text(cell)


class _ColumnCells:
    """One styled cell per column, refilled for each row.

    A write-only sheet writes each appended row's cells out before the next row is appended,
    so a column's cell can carry the next row's value: tens of thousands of styled cells then
    cost a handful of objects (the write-only engine's own trick for unstyled values).
    """

    def __init__(self, ws, count: int) -> None:
        self.cells = [WriteOnlyCell(ws) for _ in range(count)]

    def fill(self, index: int, value, style):
        cell = self.cells[index]
        cell.value = value
        cell._style = style  # shared, never changed: openpyxl only reads it to write the cell
        return cell

    def text(self, index: int, value: str, styles: "_Styles"):
        value = xlsx_text(value)
        # "=1+1" stays text, never a formula: the quoted style carries the quote prefix.
        cell = self.fill(index, value, styles.quoted if looks_like_formula(value) else styles.text)
        cell.data_type = "s"
        return cell


def _cell(index: int, col: Col, row, styles: _Styles, cells: _ColumnCells):
    """The cell for a row's column: styled where it must be (numbers, RAG, text that starts
    like a formula), a plain value otherwise; `_Rows` tops and wraps the rest."""
    value = getattr(row, col.name, None)
    if col.kind == "value":
        if value is None:
            return None
        number = value if isinstance(value, Decimal) else Decimal(value)
        return cells.fill(index, number, styles.number(row.unit, row.decimal_places))
    if col.kind == "rag":
        if not value:
            return None  # not in that period's cycle: no update was due
        status = Status(value)
        if status is Status.AWAITING_APPROVAL:
            return _rag_text(col, row)
        return cells.fill(index, _rag_text(col, row), styles.rag.get(status, styles.top))
    if col.kind == "direction":
        return Direction(value).word if value else None
    if col.kind == "risk":
        return row.risk_score
    if col.kind == "number":
        return value
    text = xlsx_text(cell_text(col, row)) if value not in (None, "") else ""
    if looks_like_formula(text):
        return cells.text(index, text, styles)
    return text or None


def _rag_text(col: Col, row) -> str:
    """A RAG as the sheet shows it: its letter, to filter on ("R", "R (Provisional)"); a
    result awaiting approval is not a rating, so it has no letter and says so."""
    status = Status(getattr(row, col.name))
    if status is Status.AWAITING_APPROVAL:
        return status.word
    return status.letter + provisional_note(col, row)


def _shown_length(col: Col, row) -> int:
    """How many characters the cell shows: its number in its unit, its letter or its words."""
    value = getattr(row, col.name, None)
    if value in (None, ""):
        return 1
    if col.kind == "value":
        return len(shown_number(value, row.unit, row.decimal_places))
    if col.kind == "rag":
        return len(_rag_text(col, row))
    if col.kind == "direction":
        return len(Direction(value).word)
    if col.kind == "risk":
        return len(str(row.risk_score))
    if col.kind == "number":
        return len(str(value))
    return len(cell_text(col, row))


def _column_widths(section: TableSection, grouped: bool) -> list[float]:
    """Each column's width from its header and every value it will show."""
    widths = []
    if grouped:
        longest = max((len(heading) for heading, _ in section.groups), default=0)
        widths.append(column_width("Group", "text", longest))
    rows = section.rows
    for col in section.columns:
        longest = max((_shown_length(col, row) for row in rows), default=0)
        widths.append(column_width(col.header, col.kind, longest))
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
    headers = (["Group"] if grouped else []) + [col.header for col in section.columns]
    ws.freeze_panes = "B2" if grouped else "A2"
    widths = _column_widths(section, grouped)
    for index, width in enumerate(widths, start=1):
        ws.column_dimensions[get_column_letter(index)].width = width
    _print_setup(ws, landscape=True)
    ws.print_title_rows = "1:1"
    ws.print_options.gridLines = True  # on paper, lines keep a number apart from the next text
    sheet = _Rows(ws, widths, styles)
    sheet.append([text_cell(ws, text, styles.header) for text in headers], bold=True)
    cells = _ColumnCells(ws, len(section.columns))
    columns = list(enumerate(section.columns))
    for heading, rows in section.groups:
        prefix = [text_cell(ws, heading, styles.text)] if grouped else []
        for row in rows:
            sheet.append(prefix + [_cell(i, col, row, styles, cells) for i, col in columns])
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
        cell = WriteOnlyCell(ws, value=int(value))
        cell._style = styles.top
        return cell
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


def action_plan_table(section: ActionPlanSection) -> TableSection:
    """A priority action plan as rows, one per further action, for the spreadsheet."""
    rows = []
    for rec in section.recommendations:
        for action in rec.further_actions.all():
            rows.append(
                _PlanActionRow(
                    recommendation=f"{rec.code}) {rec.text}",
                    findings="; ".join(f"{f.code}. {f.text}" for f in rec.findings.all()),
                    current_position=rec.current_position,
                    further_action=action.further_action or action.title,
                    addresses=action.addresses,
                    timescale=action.timescale,
                    lead_officer=action.lead_officer,
                )
            )
    columns = tuple(
        Col(name, header)
        for name, header in (
            ("recommendation", "Recommendation"),
            ("findings", "Findings"),
            ("current_position", "Current position"),
            ("further_action", "Further action"),
            ("addresses", "Addresses"),
            ("timescale", "Timescale"),
            ("lead_officer", "Lead officer"),
        )
    )
    return TableSection(section.title, columns, [("", rows)], sheet=f"Actions {section.plan.code}")


def measure_pages_table(section: MeasurePagesSection) -> TableSection:
    """The measure pages' figures, a row per measure and period, for the spreadsheet."""
    rows = [
        ResultRow(
            code=measure.code,
            title=measure.title,
            period_label=row.period.label,
            target=row.target,
            actual=row.result.actual if row.result else None,
            status=row.status,
            explanation=row.result.rag_explanation if row.result else "",
            commentary=row.result.commentary if row.result else "",
            unit=measure.unit,
            decimal_places=measure.decimal_places,
        )
        for measure, history, _ in section.pages
        for row in history
    ]
    return TableSection(section.title, RESULT_COLUMNS, [("", rows)], sheet="Measure pages")


class _PlanActionRow:
    def __init__(self, **fields):
        self.__dict__.update(fields)


def render_xlsx(report: Report) -> bytes:
    wb = Workbook(write_only=True)
    styles = _Styles(wb)
    used = {"summary"}
    _summary(wb, report, styles)
    for section in report.sections:
        if isinstance(section, ActionPlanSection):
            section = action_plan_table(section)
        if isinstance(section, MeasurePagesSection):
            section = measure_pages_table(section)
        if isinstance(section, TableSection):
            _write_table(wb, section, styles, used)
    buffer = io.BytesIO()
    wb.save(buffer)
    return buffer.getvalue()
