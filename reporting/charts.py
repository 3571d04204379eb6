"""Server-rendered SVG charts: the same markup in the browser and in the PDF reports.

Every chart carries a caption and its data as a table, so no one needs to see it to read it;
colours come with words and line styles, so greyscale printing loses nothing.
"""

from dataclasses import dataclass, field
from decimal import Decimal
from html import escape
from itertools import count

from django.utils.safestring import SafeString, mark_safe

from scorecard.rules.rag import Status
from scorecard.rules.summaries import RagSummary
from scorecard.rules.units import format_value

RAG_FILL = {
    Status.GREEN: "#00703c",
    Status.AMBER: "#ffbf47",
    Status.RED: "#a4171e",
    Status.NCI: "#4a4f52",
    Status.NOT_RATED: "#ffffff",
    Status.AWAITING_APPROVAL: "#d2e2f1",
}
_ids = count(1)


@dataclass(frozen=True)
class Chart:
    svg: SafeString
    caption: str
    headers: list[str]
    rows: list[list[str]] = field(default_factory=list)


def _svg(width: int, height: int, title: str, body: list[str]) -> SafeString:
    title_id = f"chart-title-{next(_ids)}"
    return mark_safe(
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {width} {height}" '
        f'width="100%" role="img" aria-labelledby="{title_id}" class="chart">'
        f'<title id="{title_id}">{escape(title)}</title>{"".join(body)}</svg>'
    )


def rag_mix_chart(summary: RagSummary, title: str) -> Chart:
    """Bars for Green, Amber, Red, NCI and not rated, each labelled with its word and count."""
    statuses = [Status.GREEN, Status.AMBER, Status.RED, Status.NCI, Status.NOT_RATED]
    counts = [summary.count(status) for status in statuses]
    most = max(counts) or 1
    bar_width, gap, height, top = 90, 20, 180, 20
    body = []
    for index, (status, number) in enumerate(zip(statuses, counts, strict=True)):
        x = 10 + index * (bar_width + gap)
        bar = round(height * number / most)
        y = top + height - bar
        body.append(
            f'<rect x="{x}" y="{y}" width="{bar_width}" height="{bar}" '
            f'fill="{RAG_FILL[status]}" stroke="#0b0c0c" stroke-width="1"/>'
            f'<text x="{x + bar_width / 2}" y="{y - 5}" text-anchor="middle" '
            f'font-size="14" font-weight="bold">{number}</text>'
            f'<text x="{x + bar_width / 2}" y="{top + height + 18}" text-anchor="middle" '
            f'font-size="13">{escape(_short_word(status))}</text>'
        )
    width = 10 + len(statuses) * (bar_width + gap)
    rows = [
        [status.word, str(number), _percent_text(summary, status)]
        for status, number in zip(statuses, counts, strict=True)
    ]
    return Chart(
        svg=_svg(width, top + height + 30, title, body),
        caption=title,
        headers=["Status", "Number", "Percentage of rated"],
        rows=rows,
    )


def _short_word(status: Status) -> str:
    return "NCI" if status is Status.NCI else status.word


def _percent_text(summary: RagSummary, status: Status) -> str:
    if not status.is_rated:
        return "–"
    percent = summary.percent(status)
    return f"{percent}%" if percent is not None else "–"


@dataclass(frozen=True)
class Series:
    name: str
    values: list[Decimal | None]
    dashed: bool = False
    colour: str = "#1d4f91"


def _series_lines(series: list[Series], x, y) -> list[str]:
    """Each series as polylines broken at its gaps, with a marker on each actual."""
    body: list[str] = []
    for s in series:
        dash = ' stroke-dasharray="6 4"' if s.dashed else ""
        segment: list[str] = []
        for index, value in enumerate([*s.values, None]):
            if value is not None:
                segment.append(f"{x(index)},{y(value)}")
                if not s.dashed:
                    body.append(
                        f'<circle cx="{x(index)}" cy="{y(value)}" r="4" fill="{s.colour}"/>'
                    )
            elif segment:
                body.append(
                    f'<polyline points="{" ".join(segment)}" fill="none" '
                    f'stroke="{s.colour}" stroke-width="2"{dash}/>'
                )
                segment = []
    return body


@dataclass(frozen=True)
class Band:
    """A range measure's target range per period, drawn shaded from lower to upper.

    A measure that is good within a range (budget variance −2% to +2%, issue 10) has no
    single target line to draw: its chart shows the band, and its data table says the range.
    """

    name: str
    lower: list[Decimal | None]
    upper: list[Decimal | None]
    colour: str = "#0b0c0c"

    def values(self) -> list[Decimal]:
        return [v for v in (*self.lower, *self.upper) if v is not None]

    def text(self, index: int, unit: str, places: int) -> str:
        low, high = self.lower[index], self.upper[index]
        if low is None or high is None:
            return "–"
        return f"{format_value(low, unit, places)} to {format_value(high, unit, places)}"


def _band_shapes(band: Band, x, y) -> list[str]:
    """The band as shaded shapes, broken where a period has no range; dashed edges, so it
    reads in greyscale; a lone period's range is a short bar."""
    body: list[str] = []
    style = (
        f'fill="{band.colour}" fill-opacity="0.12" stroke="{band.colour}" stroke-dasharray="6 4"'
    )
    run: list[int] = []
    pairs = list(zip(band.lower, band.upper, strict=True))
    for index, (low, high) in enumerate([*pairs, (None, None)]):
        if low is not None and high is not None:
            run.append(index)
            continue
        if len(run) == 1:
            i = run[0]
            top, bottom = y(pairs[i][1]), y(pairs[i][0])
            body.append(
                f'<rect x="{x(i) - 8}" y="{top}" width="16" '
                f'height="{round(bottom - top, 1)}" {style}/>'
            )
        elif run:
            upper = [f"{x(i)},{y(pairs[i][1])}" for i in run]
            lower = [f"{x(i)},{y(pairs[i][0])}" for i in reversed(run)]
            body.append(f'<polygon points="{" ".join(upper + lower)}" {style}/>')
        run = []
    return body


def _legend(series: list[Series], left: int, legend_y: int) -> list[str]:
    """A line sample and name for each series, side by side under the chart."""
    body: list[str] = []
    for index, s in enumerate(series):
        lx = left + index * 160
        dash = ' stroke-dasharray="6 4"' if s.dashed else ""
        body.append(
            f'<line x1="{lx}" y1="{legend_y}" x2="{lx + 30}" y2="{legend_y}" '
            f'stroke="{s.colour}" stroke-width="2"{dash}/>'
            f'<text x="{lx + 36}" y="{legend_y + 4}" font-size="12">{escape(s.name)}</text>'
        )
    return body


def line_chart(
    labels: list[str],
    series: list[Series],
    title: str,
    *,
    unit: str = "",
    places: int = 0,
    band: Band | None = None,
) -> Chart:
    """Lines over periods: solid with markers for actuals, dashed for targets; gaps stay gaps.

    A ``band`` (a range measure's target range) is shaded behind the lines, named in the
    legend after them, and given as "lower to upper" in the data table.
    """
    values = [v for s in series for v in s.values if v is not None]
    values += band.values() if band is not None else []
    low = min([Decimal(0), *values])
    high = max([Decimal(1), *values])
    if high == low:
        high = low + 1
    left, top, plot_w, plot_h = 60, 15, max(72 * len(labels), 300), 180

    def x(index: int) -> float:
        step = plot_w / max(len(labels) - 1, 1)
        return round(left + index * step, 1)

    def y(value: Decimal) -> float:
        return round(top + plot_h - float((value - low) / (high - low)) * plot_h, 1)

    body = [
        f'<line x1="{left}" y1="{top + plot_h}" x2="{left + plot_w}" y2="{top + plot_h}" '
        'stroke="#0b0c0c"/>',
        f'<line x1="{left}" y1="{top}" x2="{left}" y2="{top + plot_h}" stroke="#0b0c0c"/>',
    ]
    for value in (low, (low + high) / 2, high):
        body.append(
            f'<text x="{left - 6}" y="{y(value) + 4}" text-anchor="end" font-size="11">'
            f"{escape(format_value(value, unit, places))}</text>"
        )
    for index, label in enumerate(labels):
        body.append(
            f'<text x="{x(index)}" y="{top + plot_h + 16}" text-anchor="middle" '
            f'font-size="11">{escape(label)}</text>'
        )
    body += _band_shapes(band, x, y) if band is not None else []
    body += _series_lines(series, x, y)
    legend_y = top + plot_h + 34
    body += _legend(series, left, legend_y)
    if band is not None:
        body += _band_legend(band, left + len(series) * 160, legend_y)
    rows = _data_rows(labels, series, band, unit, places)
    return Chart(
        svg=_svg(left + plot_w + 30, legend_y + 12, title, body),
        caption=title,
        headers=["Period", *(s.name for s in series), *([band.name] if band else [])],
        rows=rows,
    )


def _data_rows(
    labels: list[str], series: list[Series], band: Band | None, unit: str, places: int
) -> list[list[str]]:
    """The chart's data table: a row per period, a column per series, then the range."""
    return [
        [
            label,
            *(format_value(s.values[i], unit, places) for s in series),
            *([band.text(i, unit, places)] if band is not None else []),
        ]
        for i, label in enumerate(labels)
    ]


def _band_legend(band: Band, lx: int, legend_y: int) -> list[str]:
    return [
        f'<rect x="{lx}" y="{legend_y - 6}" width="30" height="12" fill="{band.colour}" '
        f'fill-opacity="0.12" stroke="{band.colour}" stroke-dasharray="6 4"/>'
        f'<text x="{lx + 36}" y="{legend_y + 4}" font-size="12">{escape(band.name)}</text>'
    ]
