"""Write comparator data: one import, used by ``import_comparators`` and the upload page.

Issue 11, "Comparator data import": all or nothing; a re-import replaces that source's values
for the indicators and periods the file gives; ``group`` forms or replaces a comparator group
from the file's areas. The council's own rows are left out: its value always comes from its
own approved results.
"""

from collections import defaultdict
from dataclasses import dataclass
from typing import Any

from django.core.exceptions import PermissionDenied
from django.db import transaction

from scorecard.models import (
    ComparatorArea,
    ComparatorGroup,
    ComparatorImport,
    ComparatorValue,
    CouncilSettings,
)
from scorecard.returns.audit import audit_record
from scorecard.returns.permissions import can_manage_comparators
from scorecard.services.periods import periods_ensure
from scorecard.workbook.comparators import ComparatorRow, read_comparators

BATCH = 5000


@dataclass(frozen=True)
class ComparatorSummary:
    values: int
    replaced: int
    areas: int
    own_rows_ignored: int
    group: str

    def sentence(self) -> str:
        words = (
            f"Imported {self.values:,} comparator value{'s' if self.values != 1 else ''} "
            f"for {self.areas:,} area{'s' if self.areas != 1 else ''}"
        )
        if self.replaced:
            words += f", replacing {self.replaced:,} imported before"
        if self.own_rows_ignored:
            words += (
                f"; {self.own_rows_ignored:,} rows for our own area were left out "
                "(our value comes from our own results)"
            )
        if self.group:
            words += f"; the group “{self.group}” now holds the file's areas"
        return words + "."


def comparators_import(
    *, name: str, data: bytes, user: Any = None, group: str = "", source: str = ""
) -> ComparatorSummary:
    """Check the whole file, then write it in one transaction; ``WorkbookRefused`` otherwise.

    ``user`` None is the command line run by the operator; a person must be of the
    performance team (``can_manage_comparators``).
    """
    if user is not None and not can_manage_comparators(user):
        raise PermissionDenied("Only the performance team imports comparator data.")
    rows = read_comparators(name=name, data=data, source=source.strip())
    council = CouncilSettings.load()
    own = council.area_code.strip().upper()
    kept = [row for row in rows if row.area_code.upper() != own]
    with transaction.atomic():
        areas = _areas_ensure(kept)
        replaced, created = _values_replace(kept, areas, council.deadline_days)
        group_row = _group_replace(group.strip(), areas, user) if group.strip() else None
        record = ComparatorImport.objects.create(
            file_name=name[:200],
            sources=", ".join(sorted({row.source for row in kept}))[:300],
            values=created,
            replaced=replaced,
            group=group_row,
            imported_by=user if getattr(user, "pk", None) else None,
        )
        summary = ComparatorSummary(created, replaced, len(areas), len(rows) - len(kept), group)
        audit_record(user=user, item=record, summary=summary.sentence())
    return summary


def _areas_ensure(rows: list[ComparatorRow]) -> dict[str, ComparatorArea]:
    """The file's areas by code, created, or renamed as the file now names them."""
    names = {row.area_code: row.area_name for row in rows}
    existing = {a.code: a for a in ComparatorArea.objects.filter(code__in=list(names))}
    renamed = []
    for code, area in existing.items():
        if area.name != names[code]:
            area.name = names[code]
            renamed.append(area)
    ComparatorArea.objects.bulk_update(renamed, ["name"], batch_size=BATCH)
    missing = [ComparatorArea(code=c, name=n) for c, n in names.items() if c not in existing]
    ComparatorArea.objects.bulk_create(missing, batch_size=BATCH)
    return {a.code: a for a in ComparatorArea.objects.filter(code__in=list(names))}


def _values_replace(
    rows: list[ComparatorRow], areas: dict[str, ComparatorArea], deadline_days: int
) -> tuple[int, int]:
    """Delete the sources' values for the file's indicators and periods, then add the file's."""
    periods = periods_ensure({row.period for row in rows}, deadline_days=deadline_days)
    wanted: dict[tuple[str, str], set[int]] = defaultdict(set)
    for row in rows:
        wanted[(row.source, row.indicator)].add(periods[row.period.label].pk)
    replaced = 0
    for (row_source, indicator), period_ids in wanted.items():
        replaced += ComparatorValue.objects.filter(
            source=row_source, indicator=indicator, period_id__in=period_ids
        ).delete()[0]
    ComparatorValue.objects.bulk_create(
        (
            ComparatorValue(
                area=areas[row.area_code],
                indicator=row.indicator,
                period=periods[row.period.label],
                value=row.value,
                places=row.places,
                unit=row.unit,
                source=row.source,
            )
            for row in rows
        ),
        batch_size=BATCH,
    )
    return replaced, len(rows)


def _group_replace(name: str, areas: dict[str, ComparatorArea], user: Any) -> ComparatorGroup:
    group, _ = ComparatorGroup.objects.get_or_create(name=name[:200])
    before = sorted(group.members.values_list("code", flat=True))
    group.members.set(areas.values())
    after = sorted(area.code for area in areas.values())
    audit_record(
        user=user,
        item=group,
        summary=f"Comparator group “{group.name}” set from an imported file ({len(after)} areas)",
        changes={"members": [", ".join(before), ", ".join(after)]} if before != after else {},
    )
    return group
