"""The dashboard's 5 × 5 risk matrix: counts per likelihood × impact, links, bands in words."""

import pytest
from django.urls import reverse

from scorecard.models import CouncilSettings
from tests.support.councils import many_measures, small_council
from tests.support.pages import (
    body_rows,
    cells,
    count_cold_queries,
    listed_codes,
    main,
    matched_count,
    row,
    table,
)
from tests.support.risk import Q1, Q2, scored_council

pytestmark = pytest.mark.django_db


@pytest.fixture
def scored(council):
    return scored_council()


def matrix(client):
    response = client.get(reverse("dashboard"), {"period": Q2})
    assert response.status_code == 200
    return main(response.content)


def test_each_cell_counts_its_approved_targets_and_says_its_band_in_words(as_viewer, scored):
    grid = table(matrix(as_viewer), "Risk matrix for 2009/10 Q2")
    likelihood_4 = cells(row(grid, "Likelihood 4"))
    assert likelihood_4[0] == "Likelihood 4"
    assert likelihood_4[4].split() == ["1", "High", "(16)"]
    assert cells(row(grid, "Likelihood 2"))[3].split() == ["1", "Medium", "(6)"]
    assert cells(row(grid, "Likelihood 1"))[2].split() == ["1", "Low", "(2)"]
    # BV 012's 5 × 4 is awaiting approval: not counted, and the page says so in words.
    assert cells(row(grid, "Likelihood 5"))[4].split() == ["0", "High", "(20)"]
    assert "Provisional: 1 further risk score is awaiting approval" in matrix(as_viewer).text


def test_a_cell_links_to_exactly_its_items(as_viewer, scored):
    grid = table(matrix(as_viewer), "Risk matrix for 2009/10 Q2")
    link = row(grid, "Likelihood 4").find_all("td")[3].find("a")
    assert "likelihood 4 × impact 4 = 16, high risk" in link.get("aria-label")
    listed = as_viewer.get(link.get("href"))
    assert listed_codes(listed.content) == ["NI 192"]
    assert matched_count(listed.content) == 1


def test_the_band_list_is_the_matrix_as_a_table(as_viewer, scored):
    bands = table(matrix(as_viewer), "Targets by risk band")
    assert [cells(r) for r in body_rows(bands)] == [
        ["Low", "1–4", "1"],
        ["Medium", "5–12", "1"],
        ["High", "15–25", "1"],
    ]
    high = row(bands, "High").find("a").get("href")
    assert listed_codes(as_viewer.get(high).content) == ["NI 192"]


def test_high_risk_targets_show_their_movement_and_action_plans(as_viewer, scored):
    high = table(matrix(as_viewer), "High-risk targets")
    [entry] = body_rows(high)
    code, _, risk, movement, plans = cells(entry)
    assert (code, risk, movement) == ("NI 192", "4 × 4 = 16", "Up from 9 to 16")
    assert "PAP-3: PAP-3.1 Run the residents' panel" in plans


def test_the_councils_own_bands_decide_what_is_high(as_viewer, scored):
    settings = CouncilSettings.load()
    settings.risk_medium_from, settings.risk_high_from = 3, 6
    settings.save()
    grid = table(matrix(as_viewer), "Risk matrix for 2009/10 Q2")
    assert cells(row(grid, "Likelihood 2"))[3].split() == ["1", "High", "(6)"]
    codes = [cells(r)[0] for r in body_rows(table(matrix(as_viewer), "High-risk targets"))]
    assert codes == ["NI 192", "NI 191"]


def test_a_view_of_q1_shows_nothing_scored_in_q2(as_viewer, scored):
    response = as_viewer.get(reverse("dashboard"), {"period": Q1})
    grid = table(main(response.content), "Risk matrix for 2009/10 Q1")
    assert cells(row(grid, "Likelihood 3"))[3].split() == ["1", "Medium", "(9)"]
    assert cells(row(grid, "Likelihood 4"))[4].split()[0] == "0"


def test_the_matrix_costs_the_same_queries_for_forty_high_risks_as_for_five(
    as_viewer, council, django_assert_max_num_queries
):
    small_council()
    many_measures(5)
    as_viewer.get(reverse("dashboard"))
    five = count_cold_queries(lambda: as_viewer.get(reverse("dashboard")))
    many_measures(35, start=5)
    with django_assert_max_num_queries(five):
        page = main(as_viewer.get(reverse("dashboard")).content)
    assert len(body_rows(table(page, "High-risk targets"))) == 40
