"""The benchmarking chart: one bar per member of the group, best first, ours marked.

Issue 11 asks for "a dot or bar chart of the group with our council highlighted". Ours is
told apart by words as well as colour (its label reads "(us)", in bold, and its bar is
hatched), and the median is a labelled line, so the chart reads in greyscale and to a
screen reader from its title and the table beside it.
"""

from decimal import Decimal
from html import escape

from scorecard.rules.units import format_value

from .benchmarking import Benchmark
from .charts import Chart, _svg

ROW, LABEL_WIDTH, BAR_SPACE, TOP = 26, 250, 300, 34
OURS, THEIRS = "#1d4f91", "#b1b4b6"


def benchmark_chart(benchmark: Benchmark) -> Chart:
    """Horizontal bars, best at the top, each labelled with its area's name and value."""
    measure, members = benchmark.measure, benchmark.members
    low = min([Decimal(0), *(m.value for m in members)])
    high = max([Decimal(0), *(m.value for m in members)])
    span = (high - low) or Decimal(1)

    def x(value: Decimal) -> float:
        return round(LABEL_WIDTH + float((value - low) / span) * BAR_SPACE, 1)

    body = [_hatch()]
    for index, member in enumerate(members):
        body.extend(_bar(index, member, x, measure))
    median_x = x(benchmark.position.median)
    bottom = TOP + ROW * len(members)
    shown_median = format_value(benchmark.position.median, measure.unit, measure.decimal_places)
    body.append(
        f'<line x1="{median_x}" y1="{TOP - 8}" x2="{median_x}" y2="{bottom}" stroke="#0b0c0c" '
        f'stroke-width="2" stroke-dasharray="5 3"/>'
        f'<text x="{median_x}" y="{TOP - 14}" text-anchor="middle" font-size="13">'
        f"Median {escape(shown_median)}</text>"
    )
    title = f"{measure.code}: {benchmark.group.name}, {benchmark.period.label}, best first"
    return Chart(
        svg=_svg(LABEL_WIDTH + BAR_SPACE + 110, bottom + 10, title, body),
        caption=title,
        headers=["Rank", "Area", "Value"],
        rows=[[str(m.rank), f"{m.name} (us)" if m.ours else m.name, m.text] for m in members],
    )


def _hatch() -> str:
    return (
        '<defs><pattern id="ours-hatch" width="6" height="6" patternUnits="userSpaceOnUse" '
        'patternTransform="rotate(45)"><rect width="6" height="6" fill="#1d4f91"/>'
        '<line x1="0" y1="0" x2="0" y2="6" stroke="#ffffff" stroke-width="2"/></pattern></defs>'
    )


def _bar(index: int, member, x, measure) -> list[str]:
    y = TOP + index * ROW
    start, end = sorted((x(Decimal(0)), x(member.value)))
    name = f"{member.name} (us)" if member.ours else member.name
    weight = ' font-weight="bold"' if member.ours else ""
    fill = "url(#ours-hatch)" if member.ours else THEIRS
    shown = format_value(member.value, measure.unit, member.places)
    return [
        f'<text x="{LABEL_WIDTH - 8}" y="{y + 16}" text-anchor="end" font-size="13"{weight}>'
        f"{escape(name[:34])}</text>",
        f'<rect x="{start}" y="{y + 4}" width="{max(end - start, 1)}" height="{ROW - 8}" '
        f'fill="{fill}" stroke="#0b0c0c" stroke-width="1"/>',
        f'<text x="{end + 6}" y="{y + 16}" font-size="13"{weight}>{escape(shown)}</text>',
    ]
