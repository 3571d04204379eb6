"""On the demo council's dashboard, every count leads to a list of exactly the items it counts."""

import pytest
from django.urls import reverse

from reporting.dashboard import build_dashboard, latest_period_with_results
from tests.support.pages import (
    body_rows,
    cells,
    first_number,
    listed_codes,
    main,
    matched_count,
    query,
    row_cells,
    table,
)

pytestmark = pytest.mark.django_db


def test_every_count_on_the_demo_dashboard_lists_exactly_the_items_it_counts(
    demo_council, as_viewer
):
    dashboard = main(as_viewer.get(reverse("dashboard")).content)
    board = build_dashboard(latest_period_with_results())
    by_code = {item.code: item for item in board.items}
    links = [a for a in dashboard.find_all("a") if a.get("href", "").startswith("/items/")]
    assert len(links) > 100
    # The small council's test follows the zeros; here the counts with something in them.
    links = [a for a in links if first_number(a.text) > 0]

    for link in links:
        href = link.get("href")
        listed = as_viewer.get(href + "&per_page=500")  # the whole list on one page
        shown = listed_codes(listed.content)
        assert matched_count(listed.content) == first_number(link.text) == len(shown), href
        params = query(href)
        for code in shown:
            item = by_code[code]
            if "status" in params:
                assert item.status.value in params["status"], (href, code)
            if "objective" in params:
                assert int(params["objective"][0]) in item.objective_ids, (href, code)
            if "directorate" in params:
                assert item.directorate_id == int(params["directorate"][0]), (href, code)
            if "perspective" in params:
                assert item.perspective_id == int(params["perspective"][0]), (href, code)


def test_the_demo_dashboard_opens_on_the_latest_quarter_with_any_return(demo_council, as_viewer):
    page = main(as_viewer.get(reverse("dashboard")).content)

    # Cherwell's improvement plan reported 2009/10 Q3 through action updates alone.
    assert page.find("h1").text == "Performance dashboard: 2009/10 Q3"


def test_the_demo_dashboard_for_2009_10_q2_lists_its_exceptions(demo_council, as_viewer):
    page = main(as_viewer.get(reverse("dashboard"), {"period": "2009/10 Q2"}).content)

    assert page.find("h1").text == "Performance dashboard: 2009/10 Q2"
    assert [h3.text for h3 in page.find_all("h3")] == [
        "High-risk targets (3)",  # the risk matrix's: BV 012, NI 117 and NI 59
        "Red (5)",
        "No Current Information (3)",
    ]
    reds = table(page, "Red items and their corrective action")
    assert [cells(tr)[0] for tr in body_rows(reds)] == [
        "BV 012",
        "LOC-FIN04",
        "NI 117",
        "PAP-NEET.2",
        "PAP-SICK.3",
    ]
    assert row_cells(reds, "BV 012")["Corrective action"].startswith("See action plan PAP-SICK")
    missing = table(page, "Items with no current information")
    assert [cells(tr)[0] for tr in body_rows(missing)] == ["BV 017a", "LOC-PPL01", "LOC-PPL02"]
    assert {row_cells(missing, code)["Lead officer"] for code in ("BV 017a", "LOC-PPL01")} == {
        "Head of Human Resources"
    }
