"""Excel through openpyxl's write-only mode: one sheet per annex and a summary sheet.

Numbers are stored as numbers with a number format, RAG cells are filled and lettered, and
text is always text: a comment that starts with "=" is never run as a formula.
"""

import io
from decimal import Decimal

from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE
from openpyxl.styles import Font, PatternFill
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

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
RAG_FILLS = {
    Status.GREEN: ("00703C", "FFFFFF"),
    Status.AMBER: ("FFBF47", "0B0C0C"),
    Status.RED: ("A4171E", "FFFFFF"),
    Status.NCI: ("4A4F52", "FFFFFF"),
}
WIDTHS = {"code": 14, "rag": 8, "direction": 14, "value": 14, "risk": 10, "text": 40}
BOLD = Font(bold=True)


class _Styles:
    """Each style worked out once per workbook and then copied onto cells.

    Setting a fill, font or number format on a cell looks it up in the workbook's style
    tables every time; copying a finished style array does not, which matters at tens of
    thousands of cells (openpyxl copies `_style` the same way in its own `copy()`).
    """

    def __init__(self, wb: Workbook) -> None:
        self._proto_sheet = wb.create_sheet("_styles")
        wb.remove(self._proto_sheet)
        self.rag = {}
        for status, (fill, colour) in RAG_FILLS.items():
            cell = WriteOnlyCell(self._proto_sheet)
            cell.fill = PatternFill("solid", fgColor=fill)
            cell.font = Font(bold=True, color=colour)
            self.rag[status] = cell._style
        self._formats: dict[tuple[str, int], object] = {}

    def number(self, unit: str, places: int):
        key = (unit, places)
        if key not in self._formats:
            cell = WriteOnlyCell(self._proto_sheet)
            cell.number_format = number_format(unit, places)
            self._formats[key] = cell._style
        return self._formats[key]


def text_cell(ws, value: str):
    """A text cell that a spreadsheet shows as typed and never evaluates."""
    if not value.isprintable():  # rare: only then look for what .xlsx cannot hold
        value = ILLEGAL_CHARACTERS_RE.sub("", value.replace("\x0b", "\n"))
    if not value.startswith(FORMULA_STARTS):
        return value
    cell = WriteOnlyCell(ws, value=value)
    cell.data_type = "s"
    cell.quotePrefix = True
    return cell


def number_format(unit: str, places: int) -> str:
    number = "#,##0" + ("." + "0" * places if places else "")
    unit = (unit or "").strip()
    if unit == "£":
        return f'"£"{number}'
    if unit in ("", "number"):
        return number
    literal = unit.replace('"', "")
    return f'{number}"{literal if unit == "%" else " " + literal}"'


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


def _cell(ws, index: int, col: Col, row, styles: _Styles, cells: _ColumnCells):
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
            return status.word  # not a rating: no letter to filter on, so say it
        text = status.letter + provisional_note(col, row)
        if status in styles.rag:
            return cells.fill(index, text, styles.rag[status])
        return text
    if col.kind == "direction":
        return Direction(value).word if value else None
    if col.kind == "risk":
        return row.risk_score
    if col.kind == "number":
        return value
    text = cell_text(col, row) if value not in (None, "") else ""
    return text_cell(ws, text) if text else None


def _sheet_name(title: str, used: set[str]) -> str:
    base = "".join(c for c in title if c not in "[]:*?/\\")[:31].strip() or "Sheet"
    name, n = base, 2
    while name.lower() in used:
        suffix = f" ({n})"
        name, n = base[: 31 - len(suffix)] + suffix, n + 1
    used.add(name.lower())
    return name


def _write_table(wb: Workbook, section: TableSection, styles: _Styles, used: set[str]) -> None:
    ws = wb.create_sheet(_sheet_name(section.sheet or section.title, used))
    grouped = any(heading for heading, _ in section.groups)
    headers = (["Group"] if grouped else []) + [col.header for col in section.columns]
    kinds = (["text"] if grouped else []) + [col.kind for col in section.columns]
    ws.freeze_panes = "B2" if grouped else "A2"
    for index, kind in enumerate(kinds, start=1):
        ws.column_dimensions[get_column_letter(index)].width = WIDTHS.get(kind, 30)
    ws.page_setup.orientation = "landscape"
    ws.page_setup.paperSize = "9"  # A4
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    ws.print_title_rows = "1:1"
    header = []
    for text in headers:
        cell = WriteOnlyCell(ws, value=text)
        cell.font = BOLD
        header.append(cell)
    ws.append(header)
    count = 0
    cells = _ColumnCells(ws, len(section.columns))
    columns = list(enumerate(section.columns))
    for heading, rows in section.groups:
        prefix = [text_cell(ws, heading)] if grouped else []
        for row in rows:
            ws.append(prefix + [_cell(ws, i, col, row, styles, cells) for i, col in columns])
            count += 1
    last = get_column_letter(len(headers))
    ws.auto_filter.ref = f"A1:{last}{count + 1}"
    if section.footer:
        ws.append([])
        for label, value in section.footer:
            ws.append([WriteOnlyCell(ws, value=label), _footer_value(ws, value)])


def _footer_value(ws, value: str):
    """Footers are figures: "48" is stored as 48, "97.96%" as 0.9796 shown as a percentage."""
    try:
        if value.endswith("%"):
            cell = WriteOnlyCell(ws, value=Decimal(value[:-1]) / 100)
            cell.number_format = "0.00%"
            return cell
        return int(value)
    except (ValueError, ArithmeticError):
        return text_cell(ws, value)


def _summary(wb: Workbook, report: Report) -> None:
    ws = wb.create_sheet("Summary")
    ws.column_dimensions["A"].width = 34
    ws.column_dimensions["B"].width = 14
    ws.column_dimensions["C"].width = 22
    ws.append([text_cell(ws, report.title)])
    ws.append([text_cell(ws, report.council), text_cell(ws, report.period.label)])
    ws.append([])
    ws.append([WriteOnlyCell(ws, value=h) for h in ("Status", "Number", "Percentage of rated")])
    summary = report.summary
    statuses = [Status.GREEN, Status.AMBER, Status.RED, Status.NCI, Status.NOT_RATED]
    if summary.awaiting_approval:
        statuses.append(Status.AWAITING_APPROVAL)
    for status in statuses:
        percent = summary.percent(status) if status.is_rated else None
        cell = None
        if percent is not None:
            cell = WriteOnlyCell(ws, value=percent / 100)
            cell.number_format = "0.00%"
        ws.append([status.word, summary.count(status), cell])
    ws.append(["Number Green and Amber", summary.green_and_amber])
    percent = summary.green_and_amber_percent()
    cell = None
    if percent is not None:
        cell = WriteOnlyCell(ws, value=percent / 100)
        cell.number_format = "0.00%"
    ws.append(["Percentage Green and Amber", cell])


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
    _summary(wb, report)
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
