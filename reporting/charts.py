"""Server-rendered SVG charts: the same markup in the browser and in the PDF reports.

Every chart carries a caption and its data as a table, so no one needs to see it to read it;
colours come with words, markers and line styles, so greyscale printing loses nothing.

Issue 12, "Pictures people can read": a chart is drawn at its own size in pixels, at least
220 tall, with its words at the body text size (16px), so a phone shows it full size and
scrolls it sideways in its own box rather than shrinking it to a smudge.
"""

import math
from dataclasses import dataclass, field
from decimal import Decimal
from html import escape
from itertools import count

from django.utils.safestring import SafeString, mark_safe

from scorecard.rules.rag import Status
from scorecard.rules.summaries import RagSummary
from scorecard.rules.units import format_value

from .axis import Axis, nice_axis

RAG_FILL = {
    Status.GREEN: "#00703c",
    Status.AMBER: "#ffbf47",
    Status.RED: "#a4171e",
    Status.NCI: "#4a4f52",
    Status.NOT_RATED: "#ffffff",
    Status.AWAITING_APPROVAL: "#d2e2f1",
}
FONT = 16  # the body text size of the pages, in px
CHAR = 10  # a generous width of one character at FONT, for laying out words
PLOT_HEIGHT = 200
WIDEST_PLOT = 960  # px: with its axis labels, a chart fits a desk's page (1200px)
_ids = count(1)


@dataclass(frozen=True)
class Chart:
    svg: SafeString
    caption: str
    headers: list[str]
    rows: list[list[str]] = field(default_factory=list)
    note: str = ""  # said in words beside the chart: "Axis starts at 60%"


def _svg(width: int, height: int, title: str, body: list[str]) -> SafeString:
    title_id = f"chart-title-{next(_ids)}"
    return mark_safe(
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {width} {height}" '
        f'width="{width}" height="{height}" role="img" aria-labelledby="{title_id}" '
        f'class="chart" font-size="{FONT}">'
        f'<title id="{title_id}">{escape(title)}</title>{"".join(body)}</svg>'
    )


def _text(x: float, y: float, words: str, anchor: str = "start", bold: bool = False) -> str:
    weight = ' font-weight="bold"' if bold else ""
    return (
        f'<text x="{x}" y="{y}" text-anchor="{anchor}" font-size="{FONT}"{weight}>'
        f"{escape(words)}</text>"
    )


def rag_mix_chart(summary: RagSummary, title: str) -> Chart:
    """Bars for Green, Amber, Red, NCI and not rated, each labelled with its word and count."""
    statuses = [Status.GREEN, Status.AMBER, Status.RED, Status.NCI, Status.NOT_RATED]
    counts = [summary.count(status) for status in statuses]
    most = max(counts) or 1
    bar_width, gap, height, top = 90, 20, PLOT_HEIGHT, 30
    body = []
    for index, (status, number) in enumerate(zip(statuses, counts, strict=True)):
        x = 10 + index * (bar_width + gap)
        bar = round(height * number / most)
        y = top + height - bar
        body.append(
            f'<rect x="{x}" y="{y}" width="{bar_width}" height="{bar}" '
            f'fill="{RAG_FILL[status]}" stroke="#0b0c0c" stroke-width="1"/>'
            + _text(x + bar_width / 2, y - 6, str(number), "middle", bold=True)
            + _text(x + bar_width / 2, top + height + 22, _short_word(status), "middle")
        )
    width = 10 + len(statuses) * (bar_width + gap)
    rows = [
        [status.word, str(number), _percent_text(summary, status)]
        for status, number in zip(statuses, counts, strict=True)
    ]
    return Chart(
        svg=_svg(width, top + height + 34, title, body),
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
    """A line on a chart. Its marker tells it apart without colour: a filled circle for
    actuals, a bar across for targets, an open diamond for forecasts."""

    name: str
    values: list[Decimal | None]
    dashed: bool = False
    colour: str = "#1d4f91"
    marker: str = "circle"  # circle, bar or diamond


def _marker(s: Series, cx: float, cy: float) -> str:
    """A point drawn so one period alone is legible (a line of one point draws nothing)."""
    if s.marker == "bar":
        return (
            f'<line x1="{cx - 10}" y1="{cy}" x2="{cx + 10}" y2="{cy}" '
            f'stroke="{s.colour}" stroke-width="3"/>'
        )
    if s.marker == "diamond":
        points = f"{cx},{cy - 6} {cx + 6},{cy} {cx},{cy + 6} {cx - 6},{cy}"
        return f'<polygon points="{points}" fill="#fff" stroke="{s.colour}" stroke-width="2"/>'
    return f'<circle cx="{cx}" cy="{cy}" r="5" fill="{s.colour}"/>'


def _series_lines(series: list[Series], x, y) -> list[str]:
    """Each series as polylines broken at its gaps, with a marker at each value."""
    body: list[str] = []
    for s in series:
        dash = ' stroke-dasharray="6 4"' if s.dashed else ""
        segment: list[str] = []
        for index, value in enumerate([*s.values, None]):
            if value is not None:
                segment.append(f"{x(index)},{y(value)}")
                body.append(_marker(s, x(index), y(value)))
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


@dataclass(frozen=True)
class _Key:
    """One entry of a legend: its sample (drawn at x, y) and its name."""

    name: str
    sample: object  # (x, y) -> svg markup

    @property
    def width(self) -> int:
        return 44 + CHAR * len(self.name) + 24


def _series_key(s: Series) -> _Key:
    dash = ' stroke-dasharray="6 4"' if s.dashed else ""

    def sample(lx: float, ly: float) -> str:
        return (
            f'<line x1="{lx}" y1="{ly}" x2="{lx + 34}" y2="{ly}" '
            f'stroke="{s.colour}" stroke-width="2"{dash}/>' + _marker(s, lx + 17, ly)
        )

    return _Key(s.name, sample)


def _band_key(band: Band) -> _Key:
    def sample(lx: float, ly: float) -> str:
        return (
            f'<rect x="{lx}" y="{ly - 7}" width="34" height="14" fill="{band.colour}" '
            f'fill-opacity="0.12" stroke="{band.colour}" stroke-dasharray="6 4"/>'
        )

    return _Key(band.name, sample)


def _legend(keys: list[_Key], left: int, top: int, width: int) -> tuple[list[str], int]:
    """The keys side by side, wrapping onto a new row rather than running off the chart;
    returns the markup and the y below the last row."""
    body: list[str] = []
    lx, ly = left, top + 12
    for key in keys:
        if lx > left and lx + key.width > width:
            lx, ly = left, ly + 26
        body.append(key.sample(lx, ly) + _text(lx + 42, ly + 5, key.name))
        lx += key.width
    return body, ly + 16


def _places_of(step: Decimal) -> int:
    return max(0, -step.normalize().as_tuple().exponent)


def _axis_note(axis: Axis, unit: str) -> str:
    """Words for an axis that does not start at zero, so a steep line is not misread."""
    if axis.from_zero:
        return ""
    end = axis.low if axis.low > 0 else axis.high
    where = "starts" if axis.low > 0 else "ends"
    return f"Axis {where} at {format_value(end, unit, _places_of(axis.step))}"


@dataclass(frozen=True)
class _Frame:
    """Where the plot sits and how values and periods map onto it."""

    axis: Axis
    periods: int
    left: int
    step: int  # the room one period's label needs
    top: int = 20

    @property
    def width(self) -> int:
        """Room for every label, but no wider than a desk's page: many periods then label
        every second (or third…) one; each still has its marker, and the table has them all."""
        return min(max(self.step * (self.periods - 1), 300), WIDEST_PLOT)

    @property
    def label_every(self) -> int:
        if self.periods < 2:
            return 1
        return math.ceil(self.step / (self.width / (self.periods - 1)))

    @property
    def bottom(self) -> int:
        return self.top + PLOT_HEIGHT

    def x(self, index: int) -> float:
        if self.periods == 1:
            return round(self.left + self.width / 2, 1)
        return round(self.left + index * self.width / (self.periods - 1), 1)

    def y(self, value: Decimal) -> float:
        share = (value - self.axis.low) / (self.axis.high - self.axis.low)
        return round(self.bottom - float(share) * PLOT_HEIGHT, 1)


def _frame(labels: list[str], axis: Axis, unit: str) -> tuple[_Frame, list[str]]:
    tick_places = _places_of(axis.step)
    tick_words = [format_value(tick, unit, tick_places) for tick in axis.ticks]
    left = 16 + CHAR * max(len(w) for w in tick_words)
    step = max(64, CHAR * max((len(label) for label in labels), default=0) + 16)
    return _Frame(axis, max(len(labels), 1), left, step), tick_words


def _axes(frame: _Frame, labels: list[str], tick_words: list[str]) -> list[str]:
    """The axes, a labelled gridline at each tick, and each period's label."""
    left, right = frame.left, frame.left + frame.width
    body = [
        f'<line x1="{left}" y1="{frame.bottom}" x2="{right}" y2="{frame.bottom}" '
        'stroke="#0b0c0c"/>',
        f'<line x1="{left}" y1="{frame.top}" x2="{left}" y2="{frame.bottom}" stroke="#0b0c0c"/>',
    ]
    for tick, words in zip(frame.axis.ticks, tick_words, strict=True):
        ty = frame.y(tick)
        body.append(
            f'<line x1="{left}" y1="{ty}" x2="{right}" y2="{ty}" stroke="#b1b4b6" '
            'stroke-width="1"/>' + _text(left - 6, ty + 5, words, "end")
        )
    last = len(labels) - 1
    for index, label in enumerate(labels):
        # The latest period is always labelled: it is the one a reader looks for.
        if (last - index) % frame.label_every == 0:
            body.append(_text(frame.x(index), frame.bottom + 24, label, "middle"))
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
    """Lines over periods: actuals solid with circles, targets and forecasts dashed with their
    own markers; gaps stay gaps; the value axis from `reporting/axis.py`, its note in words.

    A ``band`` (a range measure's target range) is shaded behind the lines, named in the
    legend after them, and given as "lower to upper" in the data table.
    """
    values = [v for s in series for v in s.values if v is not None]
    values += band.values() if band is not None else []
    axis = nice_axis(values)
    frame, tick_words = _frame(labels, axis, unit)
    # Room on the right for half the last period's label, which is centred on its point.
    width = frame.left + frame.width + max(40, frame.step // 2 + 8)
    body = _axes(frame, labels, tick_words)
    body += _band_shapes(band, frame.x, frame.y) if band is not None else []
    body += _series_lines(series, frame.x, frame.y)
    note = _axis_note(axis, unit)
    below = frame.bottom + 30
    if note:
        body.append(_text(frame.left, below + 20, note, bold=True))
        below += 28
    keys = [_series_key(s) for s in series] + ([_band_key(band)] if band else [])
    legend, height = _legend(keys, frame.left, below, width)
    return Chart(
        svg=_svg(width, max(height + 8, 220), title, body + legend),
        caption=title,
        headers=["Period", *(s.name for s in series), *([band.name] if band else [])],
        rows=_data_rows(labels, series, band, unit, places),
        note=note,
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
