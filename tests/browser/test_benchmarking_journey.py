"""A CMT member opens a measure's benchmarking chart from its page, changes the comparator
group, and reads the summary; axe finds nothing on any page, and nothing scrolls sideways on a
phone (issue 11)."""

import re

import pytest
from playwright.sync_api import expect

from scorecard.models import Role
from tests.support.benchmarking import import_csv, neighbours
from tests.support.browser import person, sign_in
from tests.support.councils import measure
from tests.support.factories import PASSWORD

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def benchmarked():
    measure(
        "NI 192",
        title="Household waste recycled",
        unit="%",
        decimal_places=1,
        external_indicator="LGI 192",
        results={"2023/24": "27.9"},
    )
    values = ["30", "35.5", "20", "41", "33.3", "28.8", "25", "39.9"]
    import_csv(*neighbours("LGI 192", "2023/24", *values), group="CIPFA nearest neighbours")
    import_csv(
        *neighbours("LGI 192", "2023/24", "10", "12", first=40, unit="%"),
        group="Benchmarking club",
        source="Club",
    )
    return person("victor", Role.VIEWER, first_name="Victor")


def test_a_member_reads_a_measures_position_among_its_comparators(
    page, benchmarked, assert_accessible
):
    sign_in(page, benchmarked)
    page.goto("/measures/NI 192/")
    page.get_by_role("link", name="How we compare with other councils").click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("benchmarking")
    # The first group by name is shown first: Benchmarking club, where we are top.
    expect(page.locator("p.lead")).to_contain_text("1st of 3 in Benchmarking club; top quartile")
    expect(page.get_by_role("img", name=re.compile("NI 192: Benchmarking club"))).to_be_visible()
    assert_accessible(page)

    page.get_by_label("Compare with").select_option(label="CIPFA nearest neighbours")
    page.get_by_role("button", name="Show").click()
    expect(page.locator("p.lead")).to_contain_text("7th of 9 in CIPFA nearest neighbours")
    table = page.get_by_role("table", name=re.compile("Values in CIPFA nearest neighbours"))
    expect(table.get_by_role("row")).to_have_count(10)  # a header and nine councils
    expect(table.get_by_role("rowheader", name=re.compile(r"\(us\)"))).to_be_visible()
    assert_accessible(page)

    page.get_by_role("link", name="Benchmarking summary").click()
    expect(page.get_by_role("table", name="Measures by quartile")).to_be_visible()
    assert_accessible(page)


def test_benchmarking_pages_reflow_on_a_phone(chromium, live_server, benchmarked):
    context = chromium.new_context(
        base_url=live_server.url, locale="en-GB", viewport={"width": 390, "height": 800}
    )
    page = context.new_page()
    page.goto("/accounts/login/")
    page.get_by_label("Username").fill("victor")
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_label("Password").press("Enter")
    expect(page.get_by_role("navigation", name="Main")).to_be_visible()
    for path in ("/measures/NI 192/benchmarking/", "/benchmarking/"):
        page.goto(path)
        width = page.evaluate("document.scrollingElement.scrollWidth")
        assert width <= 390, f"{path} scrolls sideways ({width} px)"
    context.close()


def test_the_team_uploads_comparator_data_and_sees_problems_by_row(
    page, tmp_path, assert_accessible
):
    team = person("priya", Role.PERFORMANCE_TEAM, is_staff=True, first_name="Priya")
    bad = tmp_path / "bad.csv"
    bad.write_text("Area code,Area name,Indicator,Period,Value\nE1,Ashdown,NI 192,2023/24,lots\n")
    good = tmp_path / "good.csv"
    good.write_text("Area code,Area name,Indicator,Period,Value\nE1,Ashdown,NI 192,2023/24,41.2\n")
    sign_in(page, team)
    page.goto("/returns/comparators/")
    assert_accessible(page)
    page.get_by_label("Comparator file (.csv or .xlsx)").set_input_files(str(bad))
    page.get_by_label("Comparator group (optional)").fill("Neighbours")
    page.get_by_role("button", name="Import").click()
    expect(page.get_by_role("alert")).to_contain_text("'lots' is not a number")
    expect(page.get_by_label("Comparator group (optional)")).to_have_value("Neighbours")
    assert_accessible(page)
    page.get_by_label("Comparator file (.csv or .xlsx)").set_input_files(str(good))
    page.get_by_role("button", name="Import").click()
    expect(page.get_by_text("Imported 1 comparator value for 1 area")).to_be_visible()
    assert_accessible(page)
