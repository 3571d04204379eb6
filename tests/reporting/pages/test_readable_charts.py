"""Charts people can read (issue 12): tall enough, words at body size, an axis that shows
change and says when it does not start at zero, single points visible, legends whole."""

import xml.etree.ElementTree as ET
from decimal import Decimal

from reporting.charts import CHAR, Band, Series, line_chart, rag_mix_chart
from scorecard.rules.summaries import RagSummary

NS = {"svg": "http://www.w3.org/2000/svg"}
D = Decimal


def svg(chart) -> ET.Element:
    return ET.fromstring(str(chart.svg))


def texts(root: ET.Element) -> list[ET.Element]:
    return root.findall(".//svg:text", NS)


def words(root: ET.Element) -> list[str]:
    return [t.text for t in texts(root)]


def y_labels(root: ET.Element) -> list[str]:
    return [t.text for t in texts(root) if t.get("text-anchor") == "end"]


def quarters(n: int) -> list[str]:
    return [f"Q{i % 4 + 1} {2024 + i // 4}/{25 + i // 4}" for i in range(n)]


def rising() -> list[Series]:
    return [
        Series("Actual", [D("62.0"), D("66.5"), D("71.0")]),
        Series("Target", [D(65), D(65), D(68)], dashed=True, marker="bar"),
    ]


def test_a_measure_chart_is_at_least_220_pixels_tall_with_body_size_words():
    root = svg(line_chart(quarters(3), rising(), "Satisfaction", unit="%", places=1))

    assert int(root.get("height")) >= 220
    assert root.get("width") == root.get("viewBox").split()[2]  # drawn at its own size
    assert {t.get("font-size") for t in texts(root)} == {"16"}


def test_the_axis_starts_near_the_data_and_says_so_in_words():
    chart = line_chart(quarters(3), rising(), "Satisfaction", unit="%", places=1)
    root = svg(chart)

    labels = y_labels(root)
    assert labels[0] == "60.0%" and labels[-1] == "72.5%"
    assert chart.note == "Axis starts at 60.0%"
    assert chart.note in words(root)


def test_figures_near_zero_are_drawn_from_zero_with_no_note():
    chart = line_chart(
        quarters(3), [Series("Actual", [D(3), D(9), D(12)])], "Complaints", unit=" complaints"
    )

    assert y_labels(svg(chart))[0] == "0 complaints"
    assert chart.note == ""
    assert not [w for w in words(svg(chart)) if w.startswith("Axis")]


def test_a_single_period_draws_a_visible_point_and_target_mark():
    root = svg(
        line_chart(
            ["Q1 2025/26"],
            [
                Series("Actual", [D(40)]),
                Series("Target", [D(45)], dashed=True, marker="bar"),
                Series("Year-end forecast", [D(47)], dashed=True, marker="diamond"),
            ],
            "One quarter",
        )
    )

    circles = [c for c in root.findall(".//svg:circle", NS) if float(c.get("r")) >= 4]
    assert len(circles) == 2  # the point and its legend sample
    marks = [
        line
        for line in root.findall(".//svg:line", NS)
        if line.get("stroke-width") == "3" and float(line.get("x2")) - float(line.get("x1")) >= 10
    ]
    assert len(marks) == 2  # the target's mark and its legend sample
    assert len(root.findall(".//svg:polygon", NS)) == 2  # the forecast's diamond, twice


def test_a_legend_of_three_series_and_a_range_wraps_inside_a_narrow_chart():
    chart = line_chart(
        ["Q1", "Q2"],
        [
            Series("Actual", [D(1), D(2)]),
            Series("Target", [D(2), D(2)], dashed=True, marker="bar"),
            Series("Year-end forecast", [D(2), D(3)], dashed=True, marker="diamond"),
        ],
        "Narrow",
        band=Band("Target range", [D(1), D(1)], [D(3), D(3)]),
    )
    root = svg(chart)
    width = int(root.get("width"))

    legend = [t for t in texts(root) if t.text in {"Actual", "Target", "Year-end forecast"}]
    legend += [t for t in texts(root) if t.text == "Target range"]
    assert len(legend) == 4
    for text in legend:
        assert float(text.get("x")) + CHAR * len(text.text) <= width, text.text
    assert len({text.get("y") for text in legend}) > 1  # wrapped onto a second row
    bottom = max(float(t.get("y")) for t in texts(root))
    assert bottom < int(root.get("height"))


def test_the_rag_mix_is_tall_enough_with_body_size_words():
    root = svg(rag_mix_chart(RagSummary(green=4, amber=1, red=2), "Mix"))

    assert int(root.get("height")) >= 220
    assert {t.get("font-size") for t in texts(root)} == {"16"}


def test_many_periods_fit_a_desk_page_labelling_every_other_one_without_overlap():
    labels = quarters(16)
    root = svg(line_chart(labels, [Series("Actual", [D(i) for i in range(16)])], "Long"))

    assert int(root.get("width")) <= 1168  # the page's content width at 1366 px
    drawn = [t for t in texts(root) if t.text in labels]
    assert drawn[-1].text == labels[-1]  # the latest period is always named
    xs = [float(t.get("x")) for t in drawn]
    room = min(b - a for a, b in zip(xs, xs[1:], strict=False))
    assert room >= CHAR * max(len(label) for label in labels)  # no label overlaps the next
    assert len(root.findall(".//svg:circle", NS)) == 16 + 1  # every period keeps its marker


def test_the_last_periods_label_is_not_cut_off_at_the_right():
    labels = quarters(16)
    root = svg(line_chart(labels, [Series("Actual", [D(i) for i in range(16)])], "Long"))

    last = next(t for t in texts(root) if t.text == labels[-1])
    assert float(last.get("x")) + CHAR * len(labels[-1]) / 2 <= int(root.get("width"))
