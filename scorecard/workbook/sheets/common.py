"""What several sheets read and write one way: the Period, Order and Updaters columns, and the
shape of a sheet of returns (Results, Action updates), one row per item and period.

The framework's sheets use them, and so do action plans' (``actionplans/workbook.py``), so a
column that means the same on two sheets is read, checked and written the same on both.
"""

from collections.abc import Iterator
from typing import Any, ClassVar

from django.db import models

from scorecard.models import ReturnStatus
from scorecard.rules.periods import PeriodRef, parse_period
from scorecard.rules.rag import parse_rag

from ..base import RowReader, SheetHandler, export_text, replace_links, upsert
from ..cells import choice, code_list, text, whole_number
from ..reader import Cell

RETURN_STATUSES = {label: value for value, label in ReturnStatus.choices}


def period_cell(reader: RowReader, header: str) -> PeriodRef | None:
    """Read a period label and note it, so the period exists before rows that use it."""
    ref = reader.get(header, lambda cell: parse_period(text(cell)) if text(cell) else None)
    if ref is not None:
        reader.ctx.period_refs.add(ref)
    return ref


def order_cell(reader: RowReader) -> int:
    """An explicit Order, or the row's place in the sheet: the file's order is the default."""
    order = reader.get("Order", lambda c: whole_number(c, low=0, high=2_000_000_000))
    return order if order is not None else reader.row.number


def code_and_period(reader: RowReader) -> tuple[str, str]:
    """The key of a row on a sheet of one row per item and period (Targets, Results, Action
    updates): the period as it is labelled, so "Q3 2009/10" and "2009/10 Q3" are one row."""
    return (text(reader.raw("Code")), _label(reader.raw("Period")))


def _label(cell: Cell) -> str:
    try:
        return parse_period(text(cell)).label
    except ValueError:
        return text(cell)


def updaters_cell(reader: RowReader) -> list[str]:
    """The usernames in the Updaters column, each checked to be an officer."""
    updaters = reader.get("Updaters", code_list) or []
    for username in updaters:
        reader.ref("Updaters", "officer", username, "officer with username")
    return updaters


def updaters_replace(model: type[models.Model], usernames: dict[int, list[str]], ctx) -> None:
    """Make each item's updaters (``usernames`` by the item's pk) exactly those named."""
    replace_links(
        model.updaters.through,
        f"{model._meta.model_name}_id",
        "user_id",
        {pk: [ctx.user_pk(u) for u in names] for pk, names in usernames.items()},
    )


def updaters_text(item: Any) -> Cell:
    """An item's updaters as the Updaters column writes them: usernames, sorted."""
    return export_text(", ".join(sorted(u.username for u in item.updaters.all())))


class ReturnsSheet(SheetHandler):
    """A sheet of returns of one kind of item: one row per item (by code) and period.

    Imported returns are approved unless the sheet has a Status column that says otherwise;
    an existing return's status changes only when the sheet has that column.
    """

    return_model: ClassVar[type[models.Model]]  # Result, ActionUpdate
    item_field: ClassVar[str]  # the return's foreign key to its item: "measure", "action"
    key_columns = ("Code", "Period")

    def row_key(self, reader: RowReader) -> tuple[str, str]:
        return code_and_period(reader)

    @staticmethod
    def rag_cell(reader: RowReader) -> str:
        """The RAG column as stored: "green", "amber", "red", or blank."""
        rag = reader.get("RAG", parse_rag)
        return rag.value if rag else ""

    @staticmethod
    def status_cell(reader: RowReader) -> str:
        """The Status column, approved when it is blank or absent."""
        status = reader.get("Status", lambda c: choice(c, RETURN_STATUSES, "status"))
        return status or ReturnStatus.APPROVED

    @staticmethod
    def fields_written(records, present: set[str]) -> list[str]:
        """The fields the sheet's columns give the returns (records: (code, period, values))."""
        return sorted(
            {name for _, _, values in records for name in values}
            - ({"status"} if "status" not in present else set())
            | {"updated_at"}
        )

    def save(self, returns: list[models.Model], fields: list[str]) -> None:
        """Insert the returns, or update those fields of the stored ones."""
        upsert(
            self.return_model,
            returns,
            unique_fields=[self.item_field, "period"],
            update_fields=fields,
        )

    def stored(self) -> Iterator[models.Model]:
        """Every stored return, by item code and then period, with its item and period."""
        returns = self.return_model.objects.select_related(self.item_field, "period").order_by(
            f"{self.item_field}__code", "period__start", "-period__end"
        )
        return returns.iterator(chunk_size=2000)

    @staticmethod
    def rag_letter(rag: str) -> Cell:
        """A stored RAG as the sheet writes it: G, A, R, or blank."""
        return rag[:1].upper() or None
