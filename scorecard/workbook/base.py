"""What every sheet of the plan workbook has in common: columns, row reading, upserts."""

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any, ClassVar

from django.db import models

from scorecard.rules.periods import PeriodRef

from .cells import CellError, Figure, figure, text
from .errors import WorkbookError
from .reader import Cell, Row, Sheet


@dataclass(frozen=True)
class Column:
    header: str
    required: bool = False
    max_length: int | None = None  # for text stored in a field of limited length


@dataclass
class ImportContext:
    """What the import knows: keys defined by the workbook or the database, and errors found."""

    known: dict[str, set] = field(default_factory=dict)
    errors: list[WorkbookError] = field(default_factory=list)
    # Objective code -> (parent code, plan code), from the database overlaid by the workbook.
    objectives: dict[str, tuple[str, str]] = field(default_factory=dict)
    period_refs: set[PeriodRef] = field(default_factory=set)
    periods: dict[str, int] = field(default_factory=dict)  # label -> pk, once ensured
    touched_measures: set[int] = field(default_factory=set)
    # (measure pk, period pk) of results whose figures the import wrote: rated whatever the
    # period's state, as their signed-off rating no longer describes them.
    written_results: set[tuple[int, int]] = field(default_factory=set)
    # (measure pk, period pk) of every result row the import wrote, whatever changed in it:
    # a status moved by an upload moves the calculated measures that use it.
    results_written: set[tuple[int, int]] = field(default_factory=set)
    # Measure code -> (unit, may fall outside 0-100%), from the database overlaid by the
    # Measures sheet: how its figures are read and checked.
    measures: dict[str, tuple[str, bool]] = field(default_factory=dict)
    stored_measures: set[str] = field(default_factory=set)
    range_measures: set[str] = field(default_factory=set)  # within a range is better
    # Measures whose decimal places are read from their figures, and the most places typed.
    places_from_data: set[str] = field(default_factory=set)
    typed_places: dict[str, int] = field(default_factory=dict)
    # Calculated measures' formulas by code, from the database overlaid by the Measures sheet
    # ("" where the sheet makes a measure entered again).
    calculated: dict[str, str] = field(default_factory=dict)
    measure_types: dict[str, str] = field(default_factory=dict)  # stored, by code
    # (measure code, period label) -> target given in this workbook (None: removed).
    targets: dict[tuple[str, str], Decimal | None] = field(default_factory=dict)
    _stored_targets: dict[tuple[str, str], Decimal] | None = None
    # (directorate, service) named by the database or this workbook's Service costs sheet.
    _services: set[tuple[str, str]] | None = None
    # (directorate, service) -> (cost indicator, row) as the Service costs sheet gives it, so
    # two rows cannot give one service two indicators.
    cost_indicators: dict[tuple[str, str], tuple[str, int]] = field(default_factory=dict)
    _users: dict[str, int] | None = None

    def knows_service(self, directorate: str, name: str) -> bool:
        """A service stored, or one this workbook's Service costs sheet adds (issue 11)."""
        if self._services is None:
            from scorecard.models import Service

            self._services = set(
                Service.objects.values_list("directorate__name", "name").order_by()
            )
            self._services |= {key[:2] for key in self.known.get("service cost", ())}
        return (directorate, name) in self._services

    def unit_of(self, code: str) -> str:
        return self.measures.get(code, ("number", False))[0]

    def note_places(self, code: str, found: Figure | None) -> None:
        """Keep the most places any of the measure's figures was reported with."""
        if code and found is not None:
            self.typed_places[code] = max(self.typed_places.get(code, 0), found.places)

    def target_for(self, code: str, ref: PeriodRef | None) -> Decimal | None:
        """The measure's target for the period: this workbook's, else the stored one."""
        if ref is None:
            return None
        key = (code, ref.label)
        if key in self.targets:
            return self.targets[key]
        if self._stored_targets is None:
            from scorecard.models import Target

            self._stored_targets = {
                (code, label): value
                for code, label, value in Target.objects.values_list(
                    "measure__code", "period__label", "value"
                ).order_by()
            }
        return self._stored_targets.get(key)

    def knows(self, kind: str, key: Any) -> bool:
        return key in self.known.setdefault(kind, set())

    def plan_of_objective(self, code: str) -> str:
        """The objective's plan, or the nearest ancestor's: a child takes its parent's plan."""
        seen = set()
        while code and code not in seen:
            seen.add(code)
            parent, plan = self.objectives.get(code, ("", ""))
            if plan:
                return plan
            code = parent
        return ""

    def period_pk(self, ref: PeriodRef | None) -> int | None:
        return self.periods[ref.label] if ref is not None else None

    def measure_pks(self, codes: set[str]) -> dict[str, int]:
        from scorecard.models import Measure

        return dict(Measure.objects.filter(code__in=list(codes)).values_list("code", "pk"))

    def _user_index(self) -> dict[str, int]:
        if self._users is None:
            from django.contrib.auth import get_user_model

            index: dict[str, int] = {}
            names: dict[str, list[int]] = {}
            users = get_user_model().objects.values_list(
                "pk", "username", "first_name", "last_name"
            )
            for pk, username, first, last in users:
                index[username.lower()] = pk
                full = f"{first} {last}".strip().lower()
                if full:
                    names.setdefault(full, []).append(pk)
            # A name shared by two officers links to neither: better no link than a wrong one.
            for name, pks in names.items():
                if len(pks) == 1:
                    index.setdefault(name, pks[0])
            self._users = index
        return self._users

    def user_pk(self, username: str) -> int:
        return self._user_index()[username.lower()]

    def user_for(self, lead_officer: str) -> int | None:
        """The user a lead officer's name or username denotes, if exactly one."""
        return self._user_index().get((lead_officer or "").strip().lower())


class RowReader:
    """Read one row's cells by header, recording any error with its sheet, row and column."""

    def __init__(
        self, sheet: Sheet, row: Row, ctx: ImportContext, limits: dict[str, int] | None = None
    ):
        self.sheet, self.row, self.ctx = sheet, row, ctx
        self.limits = limits or {}
        self.ok = True

    def has(self, header: str) -> bool:
        return self.sheet.has(header)

    def error(self, header: str, message: str) -> None:
        self.ok = False
        column = self.sheet.header(header) if header else ""
        self.ctx.errors.append(WorkbookError(self.sheet.name, self.row.number, column, message))

    def raw(self, header: str) -> Cell:
        return self.row[header.lower()]

    def get(self, header: str, convert: Callable[[Cell], Any] = text) -> Any:
        try:
            value = convert(self.raw(header))
            limit = self.limits.get(header)
            if isinstance(value, str) and limit is not None and len(value) > limit:
                raise CellError(f"this is {len(value)} characters long; at most {limit} fit here")
            return value
        except CellError as exc:
            self.error(header, str(exc))
            return None
        except ValueError as exc:  # the rules' parsers raise ValueError with a user's message
            self.error(header, str(exc))
            return None

    def figure(self, header: str, *, unit: str) -> Figure | None:
        """A figure of a measure in ``unit``, read with its cell's number format."""
        number_format = self.row.formats.get(header.lower(), "")
        percent = unit.strip() == "%"
        return self.get(
            header, lambda cell: figure(cell, number_format=number_format, percent=percent)
        )

    def ref(self, header: str, kind: str, key: Any, what: str) -> Any:
        """Check a reference resolves to something in the workbook or the database."""
        if key in (None, "") or self.ctx.knows(kind, key):
            return key
        shown = key if isinstance(key, str) else key[-1]
        self.error(header, f"there is no {what} {shown!r} in this workbook or the database")
        return None


class SheetHandler:
    """One sheet: its columns, how a row becomes a record, and how records are saved."""

    name: ClassVar[str]
    defines: ClassVar[str]  # what its rows define, the name other sheets refer to them by
    columns: ClassVar[tuple[Column, ...]]
    key_columns: ClassVar[tuple[str, ...]] = ("Code",)

    def row_key(self, reader: RowReader) -> Any:
        parts = tuple(text(reader.raw(column)) for column in self.key_columns)
        return parts[0] if len(parts) == 1 else parts

    def existing_keys(self) -> Iterable:
        """Keys already in the database, so other sheets may refer to them."""
        return []

    def parse(self, reader: RowReader) -> Any:
        raise NotImplementedError

    def apply(self, records: list[Any], present: set[str], ctx: ImportContext) -> None:
        raise NotImplementedError

    def export_rows(self) -> Iterator[list[Cell]]:
        raise NotImplementedError


def upsert(
    model: type[models.Model],
    objects: list[models.Model],
    *,
    unique_fields: list[str],
    update_fields: list[str],
) -> None:
    """Insert the objects, or update the given fields where the unique fields already exist.

    One INSERT … ON CONFLICT per batch on both SQLite and PostgreSQL.
    """
    if not objects:
        return
    if update_fields:
        model.objects.bulk_create(
            objects,
            batch_size=500,
            update_conflicts=True,
            unique_fields=unique_fields,
            update_fields=update_fields,
        )
    else:
        model.objects.bulk_create(objects, batch_size=500, ignore_conflicts=True)


def replace_links(
    through: type[models.Model],
    owner_field: str,
    target_field: str,
    links: dict[int, list[int]],
) -> None:
    """Make each owner's many-to-many links exactly the given ones."""
    if not links:
        return
    through.objects.filter(**{f"{owner_field}__in": list(links)}).delete()
    through.objects.bulk_create(
        [
            through(**{f"{owner_field}": owner, f"{target_field}": target})
            for owner, targets in links.items()
            for target in dict.fromkeys(targets)
        ],
        batch_size=1000,
    )


def export_text(value: Any) -> Cell:
    return value if value not in (None, "") else None
