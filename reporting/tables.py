"""Table definitions: one per table, feeding the HTML pages and the PDF and Excel exports.

A table is a tuple of `Col`s: each says what it holds (a RAG, a value in the measure's unit, a
direction of travel…), and each renderer asks that kind of column (`reporting/columns.py`) how
to show it: a badge in HTML, a filled and lettered cell in Excel. Interactive lists get a
django-tables2 class made from the same columns (`list_table`), for sorting and pagination;
long annexes are rendered straight from the columns (`table_html`), which is fast enough for a
scorecard of thousands of measures.
"""

from collections.abc import Iterable
from dataclasses import dataclass

import django_tables2 as tables
from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

from .columns import COLUMN_KINDS, ColumnKind


@dataclass(frozen=True)
class Col:
    name: str  # the row attribute it shows
    header: str
    kind: str = "text"  # a name in COLUMN_KINDS: text, code, value, rag, reason, direction, …
    orderable: bool = True
    explanation: str = "explanation"  # for a RAG: the attribute that explains it
    provisional: str = "provisional"  # for a RAG: the attribute saying it is not yet approved

    def __post_init__(self) -> None:
        if self.kind not in COLUMN_KINDS:
            raise ValueError(f"{self.header}: no column kind {self.kind!r}")

    @property
    def shows(self) -> ColumnKind:
        """How each format shows this column's cells (`reporting/columns.py`)."""
        return COLUMN_KINDS[self.kind]


def cell_text(col: Col, row) -> str:
    """The cell as plain words: for PDF text, Excel text cells and sorting."""
    return col.shows.text(col, row)


def cell_html(col: Col, row, *, explain: bool = True) -> SafeString:
    """The cell for a page; on paper (`explain=False`) a RAG is its letter and word alone."""
    return col.shows.html(col, row, explain=explain)


def table_html(columns: Iterable[Col], rows: Iterable, caption: str) -> SafeString:
    """A whole table at once, for annexes too long for a paginated list."""
    columns = tuple(columns)
    head = "".join(f'<th scope="col">{escape(col.header)}</th>' for col in columns)
    body = []
    for row in rows:
        cells = [f'<th scope="row">{cell_html(columns[0], row)}</th>']
        cells += [f"<td>{cell_html(col, row)}</td>" for col in columns[1:]]
        body.append(f"<tr>{''.join(cells)}</tr>")
    # A region the keyboard can reach scrolls a wide table on a phone (WCAG 1.4.10).
    return mark_safe(
        f'<div class="table-scroll" role="region" tabindex="0" aria-label="{escape(caption)}">'
        f'<table class="table"><caption>{escape(caption)}</caption>'
        f"<thead><tr>{head}</tr></thead><tbody>{''.join(body)}</tbody></table></div>"
    )


class _SpecColumn(tables.Column):
    def __init__(self, col: Col):
        self.col = col
        super().__init__(
            verbose_name=col.header,
            orderable=col.orderable,
            empty_values=(),
            accessor=col.name,
            order_by=col.shows.order_by,
        )

    def render(self, record):
        return cell_html(self.col, record)


def list_table(columns: tuple[Col, ...], name: str) -> type[tables.Table]:
    """A django-tables2 table class of these columns, sortable and paginated."""
    attrs = {col.name: _SpecColumn(col) for col in columns}
    attrs["Meta"] = type(
        "Meta",
        (),
        {
            "attrs": {"class": "table"},
            "empty_text": "No items match these filters.",
            "template_name": "django_tables2/table.html",
        },
    )
    return type(name, (tables.Table,), attrs)


# Beside every RAG, the short reason for it (issue 12): "12.0% worse than target".
WHY = Col("rag_reason", "Why", "reason", orderable=False)

ITEM_COLUMNS = (
    Col("code", "Code", "code"),
    Col("title", "Title"),
    Col("kind_label", "Type"),
    Col("period_label", "Period", orderable=False),
    Col("target", "Target", "value", orderable=False),
    Col("actual", "Actual", "value", orderable=False),
    Col("status", "RAG", "rag"),
    WHY,
    Col("short_term", "Short-term trend", "direction", orderable=False),
    Col("long_term", "Long-term trend", "direction", orderable=False),
    Col("directorate", "Directorate"),
    Col("lead_officer", "Lead officer"),
)

# The balanced scorecard annex (Oxfordshire CC Cabinet, Q2 2009/10): baseline, target, actual,
# RAG, trend and the risk of missing the target.
SCORECARD_COLUMNS = (
    Col("code", "Code", "code"),
    Col("title", "Title"),
    Col("baseline", "Baseline", "value"),
    Col("target", "Target", "value"),
    Col("actual", "Actual", "value"),
    Col("status", "RAG", "rag"),
    WHY,
    Col("short_term", "Short-term trend", "direction"),
    Col("long_term", "Long-term trend", "direction"),
    Col("risk", "Risk (likelihood × impact)", "risk"),
)

# The public scorecard (issue 14): plain words for residents, approved figures only.
PUBLIC_COLUMNS = (
    Col("code", "Code", "code"),
    Col("title", "Measure"),
    Col("target", "Target", "value"),
    Col("actual", "Result", "value"),
    Col("status", "Rating", "rag"),
    WHY,
    Col("short_term", "Since last period", "direction"),
    Col("long_term", "Since last year", "direction"),
)

# The exceptions annex: what is Red, with the officer's latest word on it and what is being
# done, and what is missing, with who.
EXCEPTION_COLUMNS = (
    Col("code", "Code", "code"),
    Col("title", "Title"),
    Col("period_label", "Period"),
    Col("status", "RAG", "rag"),
    WHY,
    Col("target", "Target", "value"),
    Col("actual", "Actual", "value"),
    Col("commentary", "Latest update"),
    Col("corrective_action", "Corrective action"),
    Col("lead_officer", "Lead officer"),
)

# What the dashboard lists as missing: the item, the period it is due for, who answers for it.
MISSING_COLUMNS = (
    Col("code", "Code", "code"),
    Col("title", "Title"),
    Col("period_label", "Due for"),
    Col("lead_officer", "Lead officer"),
)

# Shown when a page asks for quartiles (issue 11): our quartile and rank in a comparator
# group for the period each row's figure is for ("No comparator data" where there is none).
QUARTILE_COLUMNS = (
    Col("quartile", "Quartile", "quartile", orderable=False),
    Col("rank", "Rank", "rank_of", orderable=False),
)

ItemTable = list_table(ITEM_COLUMNS, "ItemTable")
QuartileItemTable = list_table(ITEM_COLUMNS + QUARTILE_COLUMNS, "QuartileItemTable")

# Benchmarking (issue 11): one row per measure with comparator data; rank 1 and quartile 1
# are best by the measure's polarity; "Of" counts the group with the council in it.
BENCHMARK_COLUMNS = (
    Col("code", "Code", "code"),
    Col("title", "Title"),
    Col("period_label", "Period"),
    Col("value", "Value", "value"),
    Col("rank", "Rank", "number"),
    Col("of", "Of", "number"),
    Col("quartile", "Quartile", "number"),
    Col("median", "Median", "value"),
    Col("movement", "Since last year"),
    Col("words", "Position in words"),
)
BENCHMARK_COUNT_COLUMNS = (
    Col("label", "Position"),
    Col("count", "Measures", "number"),
)
