"""A measure whose decimal places are not given keeps the precision its figures were typed with.

7.84 sick days is not "8 days", and 70.9 against 70.5 is an improvement, as the council
published it (DOMAIN.md, "What a published figure is").
"""

import pytest
from django.urls import reverse

from scorecard.models import CouncilSettings, Measure
from tests.support.pages import main, row_cells, table

pytestmark = pytest.mark.django_db

Q1, Q2 = "2009/10 Q1", "2009/10 Q2"


def series(*measures: tuple[str, str, str, str, str]) -> dict[str, list[list]]:
    """Measures without a "Decimal places" column, with their Q1 and Q2 results."""
    return {
        "Measures": [
            ["Code", "Title", "Polarity", "Unit"],
            *([code, title, polarity, unit] for code, title, polarity, unit, _, _ in measures),
        ],
        "Results": [
            ["Code", "Period", "Actual"],
            *(
                row
                for code, _, _, _, first, second in measures
                for row in ([code, Q1, first], [code, Q2, second])
            ),
        ],
    }


def scorecard_rows(client, viewer) -> dict[str, dict[str, str]]:
    CouncilSettings.load()
    client.force_login(viewer)
    response = client.get(reverse("scorecard"), {"period": Q2})
    assert response.status_code == 200
    rows = table(main(response.content), "No perspective")
    return {code: row_cells(rows, code) for code in Measure.objects.values_list("code", flat=True)}


def test_sick_days_typed_to_two_places_print_to_two_places(import_sheets, client, viewer):
    import_sheets(
        series(
            (
                "BV 012",
                "Working days lost to sickness per FTE",
                "Lower is better",
                "days",
                "7.9",
                "7.84",
            )
        )
    )

    assert Measure.objects.get(code="BV 012").decimal_places == 2
    sickness = scorecard_rows(client, viewer)["BV 012"]
    assert sickness["Actual"] == "7.84 days"
    assert sickness["Short-term trend"] == "↑ Improved"  # fewer days than 7.9


def test_the_same_figures_are_worse_when_higher_is_better(import_sheets, client, viewer):
    import_sheets(
        series(("LPI 001", "Visits per head", "Higher is better", "number", "7.9", "7.84"))
    )

    visits = scorecard_rows(client, viewer)["LPI 001"]
    assert visits["Actual"] == "7.84"
    assert visits["Short-term trend"] == "↓ Worse"


def test_oxfords_published_series_keep_their_better_and_worse(import_sheets, client, viewer):
    import_sheets(
        series(
            (
                "LPI 070",
                "Residents satisfied with their area",
                "Higher is better",
                "%",
                "70.5",
                "70.9",
            ),
            (
                "LPI 071",
                "Residents who feel safe after dark",
                "Higher is better",
                "%",
                "72",
                "71.8",
            ),
        )
    )

    rows = scorecard_rows(client, viewer)
    assert (rows["LPI 070"]["Actual"], rows["LPI 070"]["Short-term trend"]) == (
        "70.9%",
        "↑ Improved",
    )
    assert (rows["LPI 071"]["Actual"], rows["LPI 071"]["Short-term trend"]) == (
        "71.8%",
        "↓ Worse",
    )


def test_a_blank_decimal_places_cell_is_read_from_the_targets_and_results(import_sheets):
    import_sheets(
        {
            "Measures": [
                ["Code", "Title", "Decimal places"],
                ["NI 192", "Household waste recycled", ""],
                ["NI 191", "Residual waste per household", "0"],
            ],
            "Targets": [
                ["Code", "Period", "Target"],
                ["NI 192", Q2, "40.25"],
                ["NI 191", Q2, "459.5"],
            ],
            "Results": [["Code", "Period", "Actual"], ["NI 192", Q2, "38"]],
        }
    )

    assert Measure.objects.get(code="NI 192").decimal_places == 2
    assert Measure.objects.get(code="NI 191").decimal_places == 0  # given: kept


def test_more_than_four_places_are_read_as_four(import_sheets):
    import_sheets(series(("LPI 002", "Pi", "Higher is better", "number", "3", "3.14159")))

    assert Measure.objects.get(code="LPI 002").decimal_places == 4


def test_a_measure_already_stored_keeps_its_places_when_the_column_is_left_out(import_sheets):
    import_sheets(
        {
            "Measures": [["Code", "Title", "Decimal places"], ["BV 012", "Sick days", "1"]],
        }
    )
    import_sheets(series(("BV 012", "Sick days", "Lower is better", "days", "7.9", "7.84")))

    assert Measure.objects.get(code="BV 012").decimal_places == 1


def test_a_blank_cell_counts_the_figures_stored_before(import_sheets):
    import_sheets(series(("BV 012", "Sick days", "Lower is better", "days", "7.9", "7.84")))
    import_sheets(
        {
            "Measures": [["Code", "Title", "Decimal places"], ["BV 012", "Sick days", ""]],
            "Results": [["Code", "Period", "Actual"], ["BV 012", "2009/10 Q3", "8"]],
        }
    )

    assert Measure.objects.get(code="BV 012").decimal_places == 2
