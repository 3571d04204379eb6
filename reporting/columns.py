"""What a table column holds, each kind defined once: its words, its page cell, its printed
cell and its spreadsheet cell.

A `Col` (`reporting/tables.py`) names its kind ("value", "rag", …); the renderers ask the kind
how to show a row's cell and never switch on its name. A new kind of column is a new class
here and an entry in `COLUMN_KINDS`; every format then shows it.
"""

from dataclasses import dataclass
from decimal import Decimal

from django.utils.html import escape, format_html
from django.utils.safestring import SafeString

from scorecard.rules.benchmarking import QUARTILE_WORDS
from scorecard.rules.rag import Status
from scorecard.rules.rag_reason import short_reason
from scorecard.rules.travel import Direction
from scorecard.rules.units import NO_VALUE, format_value
from scorecard.templatetags.scorecard_tags import rag_html

PROVISIONAL = "Provisional"


@dataclass(frozen=True)
class SheetCell:
    """A spreadsheet cell's value and what styles it: a number in a unit, or a RAG's fill."""

    value: object
    unit: str | None = None  # a number shown in this unit at `places`
    places: int = 0
    rag: Status | None = None  # filled and lettered as this RAG


def provisional_note(col, row) -> str:
    """ " (Provisional)" after a RAG whose figure is submitted but not yet approved: every
    format says it in words (DOMAIN.md, "What a published figure is")."""
    return f" ({PROVISIONAL})" if getattr(row, col.provisional, False) else ""


class ColumnKind:
    """Plain text: the default, and what every other kind falls back on."""

    width: str = "text"  # how `reporting/render/xlsx_layout.py` sizes the column
    order_by: tuple[str, ...] | None = None  # what a sortable list orders the column by

    def text(self, col, row) -> str:
        """The cell as plain words: for PDF text, Excel text cells and sorting."""
        value = getattr(row, col.name, None)
        return NO_VALUE if value in (None, "") else str(value)

    def html(self, col, row, *, explain: bool) -> SafeString:
        """The cell for a page."""
        return escape(self.text(col, row))

    def paper(self, col, row) -> tuple[str, str]:
        """The cell for paper: its class and plain text, which keeps a long PDF quick to lay
        out (a thousand-row annex has ten thousand cells)."""
        return "", self.text(col, row)

    def sheet(self, col, row) -> SheetCell | None:
        """The cell for a spreadsheet; None leaves it empty. Text is as `text` gives it: the
        renderer makes it safe for the file (`scorecard/safecells.py`)."""
        value = getattr(row, col.name, None)
        return SheetCell(self.text(col, row)) if value not in (None, "") else None


class CodeKind(ColumnKind):
    """An item's code, linking to its page."""

    width = "code"

    def html(self, col, row, *, explain: bool) -> SafeString:
        return format_html('<a href="{}" class="code">{}</a>', row.url, getattr(row, col.name))

    def paper(self, col, row) -> tuple[str, str]:
        return "code", self.text(col, row)


class ValueKind(ColumnKind):
    """A figure in the measure's unit, printed at the places it was reported with; a number
    with a number format in a spreadsheet."""

    width = "value"

    def text(self, col, row) -> str:
        return format_value(getattr(row, col.name, None), row.unit, row.decimal_places)

    def sheet(self, col, row) -> SheetCell | None:
        value = getattr(row, col.name, None)
        if value is None:
            return None
        number = value if isinstance(value, Decimal) else Decimal(value)
        return SheetCell(number, unit=row.unit, places=row.decimal_places)


class RagKind(ColumnKind):
    """A RAG: a badge on a page, filled and lettered on paper and in a spreadsheet, so that
    greyscale printing keeps it. Empty (None) is not in that period's cycle, which is not
    "Not rated"."""

    width = "value"
    order_by = ("status_rank",)  # Red first, not alphabetical

    def text(self, col, row) -> str:
        value = getattr(row, col.name, None)
        return Status(value).word + provisional_note(col, row) if value else NO_VALUE

    def html(self, col, row, *, explain: bool) -> SafeString:
        value = getattr(row, col.name, None)
        if not value:
            return escape(NO_VALUE)
        explanation = getattr(row, col.explanation, "") or "" if explain else ""
        return rag_html(value, explanation, provisional=bool(provisional_note(col, row)))

    def paper(self, col, row) -> tuple[str, str]:
        """`rag-cell`, never `rag`: that is the inline badge, and a table cell laid out inline
        leaves its column, so two quarters' RAGs would stack under the first quarter."""
        value = getattr(row, col.name, None)
        if not value:
            return "", NO_VALUE
        status = Status(value)
        return f"rag-cell rag--{status.value}", f"{status.letter} {status.word}" + (
            provisional_note(col, row)
        )

    def sheet(self, col, row) -> SheetCell | None:
        """Its letter, to filter on ("R", "R (Provisional)"); a result awaiting approval is not
        a rating, so it has no letter and no fill, and says so."""
        value = getattr(row, col.name, None)
        if not value:
            return None
        status = Status(value)
        if status is Status.AWAITING_APPROVAL:
            return SheetCell(status.word)
        return SheetCell(status.letter + provisional_note(col, row), rag=status)


class ReasonKind(ColumnKind):
    """The few words beside a RAG saying why ("12.0% worse than target"), read from the row's
    explanation (`Col.explanation`) by `scorecard/rules/rag_reason.py`: visible in every
    list, printed table and spreadsheet, the full sentence one click away on the badge."""

    def text(self, col, row) -> str:
        return short_reason(getattr(row, col.explanation, "") or "") or NO_VALUE

    def html(self, col, row, *, explain: bool) -> SafeString:
        return format_html('<span class="rag-reason">{}</span>', self.text(col, row))

    def sheet(self, col, row) -> SheetCell | None:
        reason = short_reason(getattr(row, col.explanation, "") or "")
        return SheetCell(reason) if reason else None


class DirectionKind(ColumnKind):
    """A direction of travel: an arrow and its word on a page, the word elsewhere."""

    width = "value"

    def text(self, col, row) -> str:
        value = getattr(row, col.name, None)
        return Direction(value).word if value else NO_VALUE

    def html(self, col, row, *, explain: bool) -> SafeString:
        value = getattr(row, col.name, None)
        if not value:
            return escape(NO_VALUE)
        direction = Direction(value)
        return format_html(
            '<span class="travel travel--{}"><span aria-hidden="true">{}</span> {}</span>',
            direction.value,
            direction.arrow,
            direction.word,
        )

    def sheet(self, col, row) -> SheetCell | None:
        value = getattr(row, col.name, None)
        return SheetCell(Direction(value).word) if value else None


class RiskKind(ColumnKind):
    """The risk of missing the target, likelihood × impact; the score in a spreadsheet."""

    width = "value"

    def text(self, col, row) -> str:
        score = row.risk_score
        return f"{row.likelihood} × {row.impact} = {score}" if score is not None else NO_VALUE

    def sheet(self, col, row) -> SheetCell | None:
        return None if row.risk_score is None else SheetCell(row.risk_score)


class NumberKind(ColumnKind):
    """A plain count, stored as a number."""

    width = "value"

    def sheet(self, col, row) -> SheetCell | None:
        value = getattr(row, col.name, None)
        return None if value is None else SheetCell(value)


class QuartileKind(ColumnKind):
    """A benchmarking quartile, 1 = best by the measure's polarity, with its words ("1 (top
    quartile)"); a number in a spreadsheet. Without one, the row's reason in words ("No
    comparator data"), never a bare blank (issue 11)."""

    width = "value"

    def text(self, col, row) -> str:
        value = getattr(row, col.name, None)
        if value is None:
            return getattr(row, "quartile_note", "") or NO_VALUE
        return f"{value} ({QUARTILE_WORDS[value]})"

    def sheet(self, col, row) -> SheetCell | None:
        value = getattr(row, col.name, None)
        if value is None:
            note = getattr(row, "quartile_note", "")
            return SheetCell(note) if note else None
        return SheetCell(value)


class RankOfKind(QuartileKind):
    """Our rank in the comparator group with its size: "4 of 17" (1 = best by polarity)."""

    def text(self, col, row) -> str:
        value = getattr(row, col.name, None)
        if value is None:
            return getattr(row, "quartile_note", "") or NO_VALUE
        return f"{value} of {row.of}"

    def sheet(self, col, row) -> SheetCell | None:
        text = self.text(col, row)
        return None if text == NO_VALUE else SheetCell(text)


COLUMN_KINDS: dict[str, ColumnKind] = {
    "text": ColumnKind(),
    "code": CodeKind(),
    "value": ValueKind(),
    "rag": RagKind(),
    "reason": ReasonKind(),
    "direction": DirectionKind(),
    "risk": RiskKind(),
    "number": NumberKind(),
    "quartile": QuartileKind(),
    "rank_of": RankOfKind(),
}
