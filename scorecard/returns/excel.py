"""The Excel return: a pre-filled workbook to download, and an upload read back through the
plan-workbook importer (one importer: ``workbook_apply`` with a ``ReturnsPolicy``).

Cherwell's improvement-plan table (code and title in one cell | a RAG column per quarter |
comment) is accepted too: ``cherwell_sheet`` turns it into an "Action updates" sheet, keeping
each row's Excel number, before the same validation runs.
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from openpyxl import Workbook, load_workbook
from openpyxl.styles import Font, PatternFill
from openpyxl.worksheet.datavalidation import DataValidation

from scorecard.kinds import item_kinds
from scorecard.models import ReportingPeriod
from scorecard.rules.periods import PeriodKind, parse_period
from scorecard.rules.rag import RagMethod
from scorecard.safecells import mark_text, xlsx_text
from scorecard.workbook.errors import WorkbookError, WorkbookRefused
from scorecard.workbook.importer import workbook_apply
from scorecard.workbook.numbers import export_number
from scorecard.workbook.reader import Row, Sheet, read_workbook
from scorecard.workbook.sheets import SHEETS
from scorecard.workbook.sheets.framework import REASON_COLUMN

from .policy import Change, ReturnsPolicy
from .selectors import ReturnRow, my_returns
from .services import default_method, is_ratio

MAX_UPLOAD_BYTES = 2 * 1024 * 1024  # a return of thousands of rows is well under this

RESULT_COLUMNS = [
    "Code",
    "Title",
    "Period",
    "Unit",
    "Target",
    "Previous period",
    "Previous value",
    "RAG method",
    "Actual",
    "RAG",
    "Commentary",
    "Corrective action",
    "Likelihood",
    "Impact",
    "Value confirmed",  # Yes, for an actual the upload questions (outside 0-100%, 100× target)
    "Numerator",  # a ratio measure's parts, from which its actual is worked out
    "Denominator",
    "Forecast",  # the officer's year-end forecast, optional
    REASON_COLUMN,  # why a judgement RAG differs from the target and tolerance
]
UPDATE_COLUMNS = ["Code", "Title", "Period", "Previous RAG", "RAG", "Commentary"]
RAG_LIST = '"Green,Amber,Red"'


# Download ------------------------------------------------------------------------------------


def return_workbook(*, user: Any, period: ReportingPeriod) -> bytes:
    """The user's return for ``period`` as .xlsx: only their items, pre-filled, ready to fill.

    RAG cells offer Green, Amber and Red from a drop-down where the RAG is the officer's
    judgement (judgement measures and every action); elsewhere the rule rates the result.
    """
    rows = my_returns(user, [period])
    default = default_method()
    workbook = Workbook()
    workbook.remove(workbook.active)
    for kind in item_kinds():  # "Results", then "Action updates"
        sheet = workbook.create_sheet(kind.sheet)
        mine = [r for r in rows if r.kind == kind.name]
        if kind.rated_by_rule:
            _fill_results(sheet, mine, default)
        else:
            _fill_updates(sheet, mine)
    _read_me(workbook.create_sheet("Read me"), period)
    out = io.BytesIO()
    workbook.save(out)
    return out.getvalue()


def _header(ws, columns: list[str]) -> None:
    ws.append(columns)
    for cell in ws[1]:
        cell.font = Font(bold=True)
    ws.freeze_panes = "C2"


def _append(ws, values: Iterable) -> None:
    ws.append([xlsx_text(v) if isinstance(v, str) else v for v in values])
    for cell in ws[ws.max_row]:
        mark_text(cell)


def _fill_results(ws, rows: list[ReturnRow], default: str) -> None:
    _header(ws, RESULT_COLUMNS)
    rag_list = DataValidation(type="list", formula1=RAG_LIST, allow_blank=True)
    rag_list.error, rag_list.errorTitle = "Choose Green, Amber or Red.", "RAG"
    risk = DataValidation(type="whole", operator="between", formula1="1", formula2="5")
    risk.allow_blank = True
    risk.error, risk.errorTitle = "A whole number from 1 to 5.", "Risk"
    grey = PatternFill("solid", fgColor="EEEEEE")
    for row in rows:
        measure, current, previous = row.item, row.current, row.previous
        method = measure.effective_rag_method(default)
        _append(
            ws,
            [
                measure.code,
                measure.title,
                row.period.label,
                measure.unit,
                export_number(row.target),
                previous.period.label if previous else row.period.ref.previous().label,
                export_number(previous.actual) if previous else None,
                method.label,
                export_number(current.actual) if current else None,
                (current.officer_rag.title() or None) if current else None,
                (current.commentary or None) if current else None,
                (current.corrective_action or None) if current else None,
                current.risk_likelihood if current else None,
                current.risk_impact if current else None,
                None,  # Value confirmed
                export_number(current.numerator) if current else None,
                export_number(current.denominator) if current else None,
                export_number(current.forecast) if current else None,
                (current.judgement_reason or None) if current else None,
            ],
        )
        number = ws.max_row
        # Figures show at the measure's decimal places, as the forms do: 80.0, not 80.
        places = measure.decimal_places
        for letter in "EGIP":  # Target, Previous value, Actual, Forecast
            ws[f"{letter}{number}"].number_format = f"0.{'0' * places}" if places else "0"
        if method is RagMethod.JUDGEMENT:
            rag_list.add(f"J{number}")
        else:  # rated by the rule: no RAG to choose, so no reason for a different one
            ws[f"J{number}"].fill = ws[f"S{number}"].fill = grey
        risk.add(f"M{number}:N{number}")
        if not is_ratio(measure):
            ws[f"P{number}"].fill = ws[f"Q{number}"].fill = grey  # not a ratio: no parts
    ws.add_data_validation(rag_list)
    ws.add_data_validation(risk)
    _widths(ws, {"A": 12, "B": 50, "K": 50, "L": 40, "S": 40})


def _fill_updates(ws, rows: list[ReturnRow]) -> None:
    _header(ws, UPDATE_COLUMNS)
    rag_list = DataValidation(type="list", formula1=RAG_LIST, allow_blank=True)
    rag_list.error, rag_list.errorTitle = "Choose Green, Amber or Red.", "RAG"
    for row in rows:
        current, previous = row.current, row.previous
        _append(
            ws,
            [
                row.item.code,
                row.item.title,
                row.period.label,
                (previous.rag.title() or None) if previous else None,
                (current.rag.title() or None) if current else None,
                (current.commentary or None) if current else None,
            ],
        )
        rag_list.add(f"E{ws.max_row}")
    ws.add_data_validation(rag_list)
    _widths(ws, {"A": 12, "B": 60, "F": 60})


def _widths(ws, widths: dict[str, int]) -> None:
    for column, width in widths.items():
        ws.column_dimensions[column].width = width


def _read_me(ws, period: ReportingPeriod) -> None:
    lines = [
        f"Your return for {period.label}, due by {period.deadline:%-d %B %Y}.",
        "Fill in Actual (and RAG where it offers a list), Commentary and, for a Red result, "
        "Corrective action, and if you wish a year-end Forecast. Leave the other columns as "
        "they are.",
        f"Where you choose the RAG and it differs from what the target and tolerance give, say "
        f"why in {REASON_COLUMN}: the return is refused without it.",
        "Upload the file on the My returns page: you will see what changes before you confirm. "
        "Rows you leave blank or unchanged are not sent.",
        "Every row is checked; if any row has a problem nothing is saved and every problem is "
        "listed by row and column.",
        "For a ratio measure fill in Numerator and Denominator: its actual is worked out "
        "from them (× 100 for a percentage).",
        "An actual that looks like a slip (a percentage outside 0 to 100, or more than 100 times "
        "its target) is refused until you write Yes in its Value confirmed column.",
    ]
    for line in lines:
        ws.append([line])
    ws.column_dimensions["A"].width = 120


def download_response(user: Any, period: ReportingPeriod):
    from django.http import HttpResponse

    response = HttpResponse(
        return_workbook(user=user, period=period),
        content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    )
    name = f"return-{period.label.replace('/', '-').replace(' ', '-')}.xlsx"
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    return response


# Upload --------------------------------------------------------------------------------------

_QUARTER_WORDS = {"one": 1, "two": 2, "three": 3, "four": 4, "1": 1, "2": 2, "3": 3, "4": 4}
_QUARTER_RE = re.compile(r"^(?:quarter|qtr|q)\s*(one|two|three|four|[1-4])$")
_CODE_RE = re.compile(r"^([A-Za-z]{2,}[\w.\-/]*\d[\w.\-/]*)(?:\s+(.*))?$", re.S)
_FOOTER_WORDS = ("number green", "percentage", "status", "total")


def _quarter_of(header: Any, period: ReportingPeriod) -> int | None:
    """The quarter a column heading names: "Quarter Three", "Q3" or "2009/10 Q3"."""
    cleaned = " ".join(str(header or "").split()).lower()
    if not cleaned:
        return None
    match = _QUARTER_RE.match(cleaned)
    if match:
        return _QUARTER_WORDS[match[1]]
    try:
        ref = parse_period(cleaned)
    except ValueError:
        return None
    if ref.kind is PeriodKind.QUARTER and ref.year == period.year:
        return ref.number
    return None


def _is_comment(header: Any) -> bool:
    return str(header or "").strip().lower() in ("comment", "comments", "commentary")


def _cherwell_header_at(raw_rows: list[tuple], period: ReportingPeriod) -> int | None:
    """The index of the heading row (quarters and "Comment"), looked for in the first ten."""
    for index, values in enumerate(raw_rows[:10]):
        if any(_is_comment(v) for v in values) and any(_quarter_of(v, period) for v in values):
            return index
    return None


def _cherwell_rows(
    sheet: Sheet, raw_rows: list[tuple], first_number: int, columns: tuple, period: ReportingPeriod
) -> list[WorkbookError]:
    """Add each coded row under the heading to ``sheet``; errors for a RAG with no code."""
    quarter_col, comment_col, code_header = columns
    name, width = sheet.name, max(quarter_col, comment_col) + 1
    errors = []
    for number, raw in enumerate(raw_rows, start=first_number):
        values = list(raw) + [None] * width  # a short row still has its RAG and comment cells
        first = " ".join(str(values[0] or "").split())
        rag, comment = values[quarter_col], values[comment_col]
        if any(_quarter_of(v, period) for v in values) and any(_is_comment(v) for v in values):
            continue  # the heading repeated on a new page
        match = _CODE_RE.match(first)
        if match is None:
            if rag not in (None, "") and not first.lower().startswith(_FOOTER_WORDS):
                errors.append(
                    WorkbookError(
                        name,
                        number,
                        code_header,
                        "this row has a RAG but no code: start the cell with the item's code "
                        "(e.g. CIP01.1.3)",
                    )
                )
            continue  # a theme heading, a blank row or the footer
        sheet.rows.append(
            Row(
                number,
                {
                    "code": match[1],
                    "period": period.label,
                    "rag": rag if rag not in ("",) else None,
                    "commentary": comment if comment not in ("",) else None,
                },
            )
        )
    return errors


def cherwell_sheet(
    name: str, raw_rows: list[tuple], period: ReportingPeriod
) -> tuple[Sheet | None, list[WorkbookError]]:
    """Read Cherwell's improvement-plan table as an "Action updates" sheet, or None if not one.

    Code and title share the first cell ("CIP01.1.3 Respond to the Place Survey findings."),
    each quarter has a RAG column ("Quarter Two", "Quarter Three") and the last is "Comment".
    Theme headings, repeated page headings and the footer ("Number Green and Amber") are
    skipped; a row with a RAG but no code is an error, never silently dropped. Rows keep the
    numbers Excel gives them.
    """
    header_at = _cherwell_header_at(raw_rows, period)
    if header_at is None or period.kind != "quarter":
        return None, []
    header = raw_rows[header_at]
    quarter_col = next(
        (i for i, v in enumerate(header) if _quarter_of(v, period) == period.number), None
    )
    if quarter_col is None:
        return None, [
            WorkbookError(
                name,
                header_at + 1,
                "",
                f"no column for {period.label} (Quarter "
                f"{['One', 'Two', 'Three', 'Four'][period.number - 1]})",
            )
        ]
    comment_col = next(i for i, v in enumerate(header) if _is_comment(v))
    code_header = str(header[0]).strip() if header[0] not in (None, "") else "Code and title"
    sheet = Sheet(
        name=name,
        headers={
            "code": code_header,
            "period": "Period",
            "rag": str(header[quarter_col]).strip(),
            "commentary": str(header[comment_col]).strip(),
        },
    )
    columns = (quarter_col, comment_col, code_header)
    errors = _cherwell_rows(sheet, raw_rows[header_at + 1 :], header_at + 2, columns, period)
    return sheet, errors


def _raw_sheets(path: Path) -> dict[str, list[tuple]]:
    """Every sheet's rows as written, for layouts whose headings are not on row 1."""
    if path.is_dir():
        found = {}
        for csv_path in sorted(path.glob("*.csv")):
            with csv_path.open(newline="", encoding="utf-8-sig") as handle:
                found[csv_path.stem] = [tuple(row) for row in csv.reader(handle)]
        return found
    workbook = load_workbook(path, read_only=True, data_only=True)
    try:
        return {ws.title: list(ws.iter_rows(values_only=True)) for ws in workbook.worksheets}
    finally:
        workbook.close()


def read_return(path: Path, period: ReportingPeriod) -> tuple[dict[str, Sheet], list]:
    """The sheets of an uploaded return, with a Cherwell-layout sheet made "Action updates"."""
    sheets, errors = read_workbook(path)
    if errors:
        return {}, errors
    known = {handler.name.lower() for handler in SHEETS}  # every app's sheets, once registered
    unknown = [s.name for key, s in sheets.items() if key not in known]
    if unknown and "action updates" not in sheets:
        raw = _raw_sheets(Path(path))
        for name in unknown:
            sheet, problems = cherwell_sheet(name, raw.get(name, []), period)
            if sheet is not None or problems:
                errors.extend(problems)
                if sheet is not None:
                    sheets["action updates"] = sheet
                break
    return sheets, errors


def returns_import(
    *,
    path: Path,
    user: Any,
    period: ReportingPeriod,
    dry_run: bool = False,
    expected_versions: dict[str, int] | None = None,
    versions_seen: dict[str, int] | None = None,
    reason: str = "",
) -> list[Change]:
    """Validate an uploaded return and, unless ``dry_run``, apply it; return what changes.

    All or nothing: any error raises ``WorkbookRefused`` listing every problem by sheet, row
    and column, and nothing is written. Shared by the upload page and ``import_returns``.
    ``versions_seen`` is filled with the version of every row read (for a preview to carry);
    ``expected_versions`` are those a confirm must still find. ``reason`` lets the performance
    team correct a locked period, kept in each row's audit entry.
    """
    sheets, errors = read_return(path, period)
    if not sheets and errors:
        raise WorkbookRefused(errors)
    policy = ReturnsPolicy(
        user=user, period=period, expected_versions=expected_versions, reason=reason
    )
    try:
        if not errors:
            workbook_apply(sheets=sheets, policy=policy, dry_run=dry_run)
        else:
            workbook_apply(sheets=sheets, policy=policy, dry_run=True)
    except WorkbookRefused as refused:
        raise WorkbookRefused([*errors, *refused.errors]) from None
    finally:
        if versions_seen is not None:
            versions_seen.update(policy.seen)
    if errors:
        raise WorkbookRefused(errors)
    returned = [kind.sheet for kind in item_kinds()]
    if not any(s.lower() in {name.lower() for name in returned} for s in sheets):
        raise WorkbookRefused(
            [WorkbookError(Path(path).name, 0, "", f"no {' or '.join(returned)} sheet")]
        )
    return policy.changes
