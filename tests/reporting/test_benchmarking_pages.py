"""The benchmarking page per measure and the summary across measures (issue 11)."""

import pytest
from django.urls import reverse

from scorecard.models import ComparatorGroup, CouncilSettings
from tests.support.benchmarking import import_csv, neighbours
from tests.support.councils import measure

pytestmark = pytest.mark.django_db


@pytest.fixture
def recycling():
    """NI 192 at 27.9% against four neighbours: 4th of 5, third quartile, 2.1 below median."""
    made = measure(
        "NI 192",
        title="Household waste recycled",
        unit="%",
        decimal_places=1,
        external_indicator="LGI 192",
        results={"2022/23": "35.0", "2023/24": "27.9"},
    )
    import_csv(
        *neighbours("LGI 192", "2023/24", "30", "35.5", "20", "41"),
        *neighbours("LGI 192", "2022/23", "30", "31", "20", "41"),
    )
    return made


def test_the_measure_page_links_to_its_benchmarking(client, viewer, recycling):
    client.force_login(viewer)
    page = client.get(reverse("measure", args=["NI 192"])).content.decode()
    assert reverse("measure_benchmarking", args=["NI 192"]) in page


def test_the_benchmarking_page_says_our_position_in_words_and_shows_the_group(
    client, viewer, recycling
):
    client.force_login(viewer)
    page = client.get(reverse("measure_benchmarking", args=["NI 192"])).content.decode()
    assert "4th of 5 in Nearest neighbours; third quartile; 2.1 points below the median" in page
    assert "<svg" in page and "(us)" in page
    for name in ("Neighbour 1", "Neighbour 4"):
        assert name in page
    # Best first in the table: Neighbour 4 (41.0%) heads it.
    assert page.index("Neighbour 4") < page.index("Neighbour 2") < page.index("Neighbour 3")
    assert "27.9%" in page and "41%" in page


def test_our_own_row_in_the_file_is_never_our_value(client, viewer, recycling):
    settings = CouncilSettings.load()
    settings.area_code = "E9999999"
    settings.save()
    import_csv("E9999999,Us,LGI 192,2023/24,99,%,LG Inform", group="Other")
    client.force_login(viewer)
    page = client.get(reverse("measure_benchmarking", args=["NI 192"])).content.decode()
    assert "4th of 5" in page
    assert "99%" not in page


def test_a_measure_without_an_external_indicator_says_why_there_is_no_position(client, viewer):
    measure("LPI 001", results={"2023/24": "5"})
    client.force_login(viewer)
    page = client.get(reverse("measure_benchmarking", args=["LPI 001"])).content.decode()
    assert "names no external indicator" in page


def test_a_submitted_result_is_not_benchmarked(client, viewer):
    measure("NI 195", external_indicator="X", results={"2023/24": "5"}, result_status="submitted")
    import_csv(*neighbours("X", "2023/24", "1", "2"))
    client.force_login(viewer)
    page = client.get(reverse("measure_benchmarking", args=["NI 195"])).content.decode()
    assert "No position yet" in page


def test_the_summary_counts_quartiles_and_movement_since_last_year(client, viewer, recycling):
    measure(
        "BV 012",
        unit="days",
        polarity="lower",
        decimal_places=2,
        external_indicator="LGI 12",
        results={"2023/24": "7.84"},
    )
    import_csv(*neighbours("LGI 12", "2023/24", "9.1", "8.5", "10.2"), group="")
    client.force_login(viewer)
    response = client.get(reverse("benchmarking"))
    summary = response.context["summary"]
    assert dict(summary.quartile_counts) == {
        "Top quartile": 1,
        "Second quartile": 0,
        "Third quartile": 1,
        "Bottom quartile": 0,
    }
    movement = dict(summary.movement_counts)
    assert movement["Moved down"] == 1  # NI 192: 35.0% topped 2022/23
    assert movement["No comparison with last year"] == 1
    page = response.content.decode()
    assert "Down from top quartile" in page
    assert "2 rows shown." in page


def test_the_summary_reads_a_bounded_number_of_queries(
    client, viewer, django_assert_max_num_queries
):
    group_rows = []
    for n in range(30):
        measure(f"M {n:02d}", external_indicator=f"I{n}", results={"2023/24": str(n)}, rerate=False)
        group_rows += neighbours(f"I{n}", "2023/24", "1", "2", "3", "4")
    import_csv(*group_rows)
    client.force_login(viewer)
    with django_assert_max_num_queries(15):
        response = client.get(reverse("benchmarking"))
    assert len(response.context["summary"].rows) == 30


def test_the_pages_need_a_login(client, recycling):
    response = client.get(reverse("benchmarking"))
    assert response.status_code == 302
    assert "login" in response["Location"]


def test_the_measure_page_reads_a_bounded_number_of_queries(
    client, viewer, django_assert_max_num_queries
):
    measure(
        "NI 192",
        external_indicator="I",
        results={f"{y}/{(y + 1) % 100:02d}": "5" for y in range(2015, 2024)},
    )
    for y in range(2015, 2024):
        import_csv(*neighbours("I", f"{y}/{(y + 1) % 100:02d}", *[str(n) for n in range(40)]))
    client.force_login(viewer)
    with django_assert_max_num_queries(15):
        response = client.get(reverse("measure_benchmarking", args=["NI 192"]))
    assert len(response.context["history"]) == 9
    assert len(response.context["current"].members) == 41


def test_the_group_is_chosen_on_the_page(client, viewer, recycling):
    import_csv(*neighbours("LGI 192", "2023/24", "1", first=90), group="Club", source="Club")
    client.force_login(viewer)
    page = client.get(reverse("measure_benchmarking", args=["NI 192"])).content.decode()
    assert "1st of 2 in Club" in page  # the first group by name
    neighbours_id = ComparatorGroup.objects.get(name="Nearest neighbours").pk
    url = reverse("measure_benchmarking", args=["NI 192"])
    page = client.get(url, {"group": neighbours_id}).content.decode()
    assert "4th of 5 in Nearest neighbours" in page


def test_a_link_to_a_group_no_longer_there_shows_the_first_group(client, viewer, recycling):
    client.force_login(viewer)
    page = client.get(reverse("benchmarking"), {"group": "999"}).content.decode()
    assert "Nearest neighbours" in page and "No comparator groups" not in page
