"""Open data: each published period's results as CSV and JSON, and the data dictionary (issue 14).

One definition of the columns (``OPEN_DATA_COLUMNS``) feeds the CSV, the JSON and the data
dictionary page, as ``Col`` feeds the HTML, PDF and Excel tables. The column set is stable:
columns may be added at the end, never renamed or removed, so a council's published files
and anyone's scripts that read them keep working.
"""

from __future__ import annotations

import csv
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from decimal import Decimal
from io import StringIO

from django.conf import settings
from django.utils.text import slugify

from scorecard.models import ReportingPeriod
from scorecard.rules.units import quantize
from scorecard.safecells import csv_text

from .items import Item


@dataclass(frozen=True)
class DataColumn:
    name: str  # the CSV header and JSON key: lower case, never changed once published
    meaning: str  # what the data dictionary says about it
    value: Callable[[Item, ReportingPeriod], str | None]
    number: bool = False  # a figure: written as a plain number, never made "safe" as text


def _figure(value: Decimal | None, item: Item) -> str | None:
    """At the measure's places, as the pages print it (7.84 days, never 7.8400)."""
    return None if value is None else f"{quantize(value, item.decimal_places):f}"


def _direction(direction) -> str:
    return direction.word if direction else ""


OPEN_DATA_COLUMNS = (
    DataColumn(
        "period",
        "The reporting period, e.g. 2009/10 Q2 (April to March years).",
        lambda i, p: p.label,
    ),
    DataColumn(
        "period_start",
        "The first day of the period (YYYY-MM-DD).",
        lambda i, p: p.start.isoformat(),
    ),
    DataColumn(
        "period_end", "The last day of the period (YYYY-MM-DD).", lambda i, p: p.end.isoformat()
    ),
    DataColumn("measure_code", "The measure's code, e.g. NI 192.", lambda i, p: i.code),
    DataColumn("measure_title", "What the measure counts.", lambda i, p: i.title),
    DataColumn(
        "value_period",
        "The period the result is for: the same as period, or for a "
        "yearly measure the last year reported by then.",
        lambda i, p: i.period_label,
    ),
    DataColumn("unit", "The unit of target and result: %, number, £, days …", lambda i, p: i.unit),
    DataColumn(
        "target",
        "The target for the value period; empty where there is none.",
        lambda i, p: _figure(i.target, i),
        number=True,
    ),
    DataColumn(
        "result",
        "The approved result; empty where none is approved.",
        lambda i, p: _figure(i.actual, i),
        number=True,
    ),
    DataColumn(
        "rating",
        "Green, Amber or Red against the target; No current information "
        "where a result was due and none was given; Not rated where the measure has "
        "no target; Awaiting approval where the result is not yet approved.",
        lambda i, p: i.status.word,
    ),
    DataColumn(
        "rating_explanation",
        "Why the measure has that rating, in words.",
        lambda i, p: i.explanation,
    ),
    DataColumn(
        "since_last_period",
        "Improved, Same or Worse than the period before; empty "
        "where there is nothing to compare with.",
        lambda i, p: _direction(i.short_term),
    ),
    DataColumn(
        "since_last_year",
        "Improved, Same or Worse than the same period a year "
        "before; empty where there is nothing to compare with.",
        lambda i, p: _direction(i.long_term),
    ),
    DataColumn("directorate", "The council directorate responsible.", lambda i, p: i.directorate),
    DataColumn(
        "commentary",
        "The officer's commentary on the result, where published.",
        lambda i, p: i.commentary,
    ),
    DataColumn(
        "corrective_action",
        "What is being done to bring the measure back on target, where published.",
        lambda i, p: i.corrective_action,
    ),
)


def licence() -> dict[str, str]:
    """The council's licence statement for its open data (a setting)."""
    return {"name": settings.OPEN_DATA_LICENCE, "url": settings.OPEN_DATA_LICENCE_URL}


def data_row(item: Item, period: ReportingPeriod) -> dict[str, str | None]:
    return {column.name: column.value(item, period) for column in OPEN_DATA_COLUMNS}


def data_json(items: Iterable[Item], period: ReportingPeriod, council: str) -> dict:
    return {
        "council": council,
        "period": period.label,
        "licence": licence(),
        "columns": [column.name for column in OPEN_DATA_COLUMNS],
        "rows": [data_row(item, period) for item in items],
    }


def data_csv(items: Iterable[Item], period: ReportingPeriod) -> Iterator[str]:
    """The rows as CSV lines, header first, one line at a time (streamed); text a spreadsheet
    would run as a formula starts with an apostrophe (``scorecard.safecells``)."""
    buffer = StringIO()
    writer = csv.writer(buffer)

    def line(values: Iterable[str]) -> str:
        writer.writerow(values)
        text = buffer.getvalue()
        buffer.seek(0)
        buffer.truncate()
        return text

    yield line(column.name for column in OPEN_DATA_COLUMNS)
    for item in items:
        yield line(_cell(column, column.value(item, period)) for column in OPEN_DATA_COLUMNS)


def _cell(column: DataColumn, value: str | None) -> str:
    if value is None:
        return ""
    return value if column.number else csv_text(value)


def period_slug(period: ReportingPeriod) -> str:
    """The period in a file name or address: 2009/10 Q2 is "2009-10-q2"."""
    return slugify(period.label.replace("/", "-"))
