"""Server-rendered SVG charts: readable without colour, without sight, and safe to embed."""

from decimal import Decimal

from reporting.charts import RAG_FILL, Series, line_chart, rag_mix_chart
from scorecard.rules.rag import Status
from scorecard.rules.summaries import RagSummary
from tests.support.pages import parse

MIX = RagSummary(green=6, amber=3, red=1, nci=2, not_rated=0)


def svg_of(chart):
    root = parse(str(chart.svg))
    svg = root.find("svg")
    assert svg is not None
    return svg


def test_the_rag_mix_labels_every_bar_with_its_word_and_count():
    svg = svg_of(rag_mix_chart(MIX, "RAG mix, 2009/10 Q2"))

    labels = [text.text for text in svg.find_all("text")]

    assert labels == ["6", "Green", "3", "Amber", "1", "Red", "2", "NCI", "0", "Not rated"]


def test_each_rag_bar_has_its_colour_and_an_outline_for_white_and_greyscale():
    rects = svg_of(rag_mix_chart(MIX, "Mix")).find_all("rect")

    assert [r.get("fill") for r in rects] == [
        RAG_FILL[s] for s in (Status.GREEN, Status.AMBER, Status.RED, Status.NCI, Status.NOT_RATED)
    ]
    assert all(r.get("stroke") for r in rects)


def test_bar_heights_are_in_proportion_with_the_largest_full_height():
    rects = svg_of(rag_mix_chart(MIX, "Mix")).find_all("rect")

    heights = [int(r.get("height")) for r in rects]

    assert heights == [200, 100, 33, 67, 0]


def test_the_rag_mix_data_table_gives_counts_and_shares_of_rated_items():
    chart = rag_mix_chart(MIX, "RAG mix, 2009/10 Q2")

    assert chart.caption == "RAG mix, 2009/10 Q2"
    assert chart.headers == ["Status", "Number", "Percentage of rated"]
    assert chart.rows == [
        ["Green", "6", "60.00%"],
        ["Amber", "3", "30.00%"],
        ["Red", "1", "10.00%"],
        ["No Current Information", "2", "–"],
        ["Not rated", "0", "–"],
    ]


def test_an_empty_rag_mix_draws_without_dividing_by_zero():
    chart = rag_mix_chart(RagSummary(), "Nothing yet")

    assert [r[2] for r in chart.rows[:3]] == ["–", "–", "–"]
    assert {r.get("height") for r in svg_of(chart).find_all("rect")} == {"0"}


def test_a_chart_is_an_image_named_by_its_title():
    svg = svg_of(rag_mix_chart(MIX, "RAG mix, 2009/10 Q2"))

    title = svg.find("title")
    assert svg.get("role") == "img"
    assert title.text == "RAG mix, 2009/10 Q2"
    assert svg.get("aria-labelledby") == title.get("id")


def test_two_charts_on_one_page_have_different_title_ids():
    first = svg_of(rag_mix_chart(MIX, "One")).find("title").get("id")
    second = svg_of(rag_mix_chart(MIX, "Two")).find("title").get("id")

    assert first != second


def test_a_line_leaves_a_gap_where_a_value_is_missing():
    chart = line_chart(
        ["Q1", "Q2", "Q3", "Q4"],
        [Series("Actual", [Decimal(40), Decimal(42), None, Decimal(45)])],
        "NI 192: actual against target",
        unit="%",
    )

    svg = svg_of(chart)
    polylines = svg.find_all("polyline")
    assert len(polylines) == 2
    assert len(polylines[0].get("points").split()) == 2
    assert len(polylines[1].get("points").split()) == 1
    # A marker for each value there is, and the one beside "Actual" in the legend.
    assert len(svg.find_all("circle")) == 3 + 1


def test_the_target_is_dashed_and_the_actual_is_solid():
    chart = line_chart(
        ["Q1", "Q2"],
        [
            Series("Actual", [Decimal(40), Decimal(42)]),
            Series("Target", [Decimal(41), Decimal(41)], dashed=True, colour="#0b0c0c"),
        ],
        "Actual against target",
    )

    actual, target = svg_of(chart).find_all("polyline")

    assert actual.get("stroke-dasharray") is None
    assert target.get("stroke-dasharray") == "6 4"
    legend = [line for line in svg_of(chart).find_all("line") if line.get("stroke-dasharray")]
    assert len(legend) == 1  # the legend shows the dashes too


def test_a_higher_value_is_drawn_higher_up():
    chart = line_chart(["Q1", "Q2"], [Series("Actual", [Decimal(10), Decimal(90)])], "Up")

    (line,) = svg_of(chart).find_all("polyline")
    (x1, y1), (x2, y2) = (tuple(map(float, p.split(","))) for p in line.get("points").split())

    assert x2 > x1
    assert y2 < y1  # SVG's y grows downwards


def test_the_line_charts_table_prints_values_in_the_unit_and_a_dash_when_missing():
    chart = line_chart(
        ["2009/10 Q1", "2009/10 Q2"],
        [
            Series("Actual", [Decimal("474.4"), None]),
            Series("Target", [Decimal("480"), Decimal("470")], dashed=True),
        ],
        "NI 191: actual against target",
        unit="kg",
        places=1,
    )

    assert chart.headers == ["Period", "Actual", "Target"]
    assert chart.rows == [
        ["2009/10 Q1", "474.4 kg", "480.0 kg"],
        ["2009/10 Q2", "–", "470.0 kg"],
    ]


def test_a_line_chart_with_no_values_at_all_still_draws():
    chart = line_chart(["Q1", "Q2"], [Series("Actual", [None, None])], "Nothing yet")

    svg = svg_of(chart)
    assert svg.find_all("polyline") == []
    assert chart.rows == [["Q1", "–"], ["Q2", "–"]]


def test_negative_values_fit_inside_the_chart():
    chart = line_chart(
        ["Q1", "Q2"],
        [Series("Variance", [Decimal("-0.12"), Decimal("0.09")])],
        "Variance",
        unit="%",
        places=2,
    )

    (line,) = svg_of(chart).find_all("polyline")
    ys = [float(p.split(",")[1]) for p in line.get("points").split()]
    assert all(15 <= y <= 195 for y in ys)  # between the top and the x axis


def test_text_in_a_chart_is_escaped():
    chart = line_chart(
        ["<b>Q1</b>", "Q2"],
        [Series("<script>alert(1)</script>", [Decimal(1), Decimal(2)])],
        'Title with "quotes" & <tags>',
    )

    markup = str(chart.svg)
    assert "<script>" not in markup
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in markup
    assert "<b>" not in markup
    assert "&lt;b&gt;Q1&lt;/b&gt;" in markup
    assert "Title with &quot;quotes&quot; &amp; &lt;tags&gt;" in markup
    assert svg_of(chart).find("title").text == 'Title with "quotes" & <tags>'
