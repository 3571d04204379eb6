"""A measure's page: its definition, and actual against target over time as a chart and a table."""

import pytest
from django.urls import reverse

from scorecard.models import Result
from scorecard.rules.periods import fy_label
from tests.support.councils import measure
from tests.support.pages import (
    HISTORY,
    cells,
    count_queries,
    headers,
    main,
    page_for,
    rag_words,
    row,
    row_cells,
    table,
)
from tests.support.periods import period

pytestmark = pytest.mark.django_db


@pytest.fixture
def recycling(council):
    made = measure(
        "NI 192",
        title="Household waste sent for reuse, recycling and composting",
        definition="Household waste reused, recycled or composted as a % of all collected.",
        decimal_places=1,
        polarity="higher",
        cumulative=True,
        targets={"2009/10 Q1": "40", "2009/10 Q2": "42", "2009/10 Q3": "43"},
        results={"2008/09 Q4": "39.9", "2009/10 Q1": "41.2", "2009/10 Q2": "37.0"},
    )
    Result.objects.filter(measure=made, period__label="2009/10 Q2").update(
        commentary="Garden waste tonnage fell in a dry summer.",
        corrective_action="Food waste collections start in November.",
    )
    return made


def test_the_page_says_what_the_measure_is(as_viewer, recycling):
    page = page_for(as_viewer, "NI 192")

    assert page.find("h1").text == "NI 192 Household waste sent for reuse, recycling and composting"
    terms, details = page.find_all("dt"), page.find_all("dd")
    facts = {dt.text: dd.text for dt, dd in zip(terms, details, strict=True)}
    assert facts["Definition"] == (
        "Household waste reused, recycled or composted as a % of all collected."
    )
    assert facts["Polarity"] == "Higher is better"
    assert facts["Frequency"] == "Quarterly, cumulative (year to date)"


def test_the_history_lists_periods_newest_first_with_target_actual_and_rag(as_viewer, recycling):
    history = table(page_for(as_viewer, "NI 192"), HISTORY)

    assert [cells(tr)[0] for tr in history.find("tbody").find_all("tr")] == [
        "2009/10 Q3",
        "2009/10 Q2",
        "2009/10 Q1",
        "2008/09 Q4",
    ]
    q2 = row_cells(history, "2009/10 Q2")
    assert (q2["Target"], q2["Actual"]) == ("42.0%", "37.0%")
    assert rag_words(row(history, "2009/10 Q2")) == ["Red"]
    assert rag_words(row(history, "2009/10 Q1")) == ["Green"]
    q3 = row_cells(history, "2009/10 Q3")
    assert (q3["Target"], q3["Actual"], q3["RAG"]) == ("43.0%", "–", "–")


def test_the_history_shows_commentary_and_corrective_action(as_viewer, recycling):
    q2 = row_cells(table(page_for(as_viewer, "NI 192"), HISTORY), "2009/10 Q2")

    assert q2["Commentary"] == "Garden waste tonnage fell in a dry summer."
    assert q2["Corrective action"] == "Food waste collections start in November."


def test_each_rating_in_the_history_explains_itself(as_viewer, recycling):
    q2 = row(table(page_for(as_viewer, "NI 192"), HISTORY), "2009/10 Q2")

    assert q2.find("summary").get("title").startswith("Red: 37.0% is")


def test_the_chart_plots_actual_against_target_with_its_data_as_a_table(as_viewer, recycling):
    page = page_for(as_viewer, "NI 192")

    figure = page.find("figure")
    svg = figure.find("svg")
    assert svg.get("role") == "img"
    assert svg.find("title").text == "NI 192: actual against target"
    assert figure.find("figcaption").text == "NI 192: actual against target"
    assert svg.find("polyline", stroke_dasharray="6 4") is not None  # the target, dashed
    data = table(figure, "NI 192: actual against target")
    assert headers(data) == ["Period", "Actual", "Target"]
    assert [cells(tr) for tr in data.find("tbody").find_all("tr")] == [
        ["2008/09 Q4", "39.9%", "–"],
        ["2009/10 Q1", "41.2%", "40.0%"],
        ["2009/10 Q2", "37.0%", "42.0%"],
        ["2009/10 Q3", "–", "43.0%"],
    ]


def test_a_measure_with_nothing_yet_says_so(as_viewer, council):
    measure("LPI 999", title="A new measure")

    page = page_for(as_viewer, "LPI 999")

    assert "No targets or results yet." in page.text
    assert page.find("svg") is None


def test_an_unknown_code_is_not_found(as_viewer, council):
    assert as_viewer.get(reverse("measure", args=["NI 999"])).status_code == 404


def test_codes_with_spaces_and_slashes_have_working_addresses(as_viewer, council):
    measure("BV 017a", title="Ethnic minority staff")
    measure("LPI 7/b", title="A code with a slash")

    assert as_viewer.get("/measures/BV%20017a/").status_code == 200
    assert page_for(as_viewer, "LPI 7/b").find("h1").text == "LPI 7/b A code with a slash"


def test_the_page_requires_sign_in(client, recycling):
    assert client.get(reverse("measure", args=["NI 192"])).status_code == 302


def test_a_draft_result_is_not_shown_to_viewers(as_viewer, recycling):
    Result.objects.create(
        measure=recycling,
        period=period("2009/10 Q3"),
        actual="12.3",
        status="draft",
        commentary="Not checked yet",
    )

    page = page_for(as_viewer, "NI 192")

    assert "12.3%" not in page.text
    assert "Not checked yet" not in page.text


def test_the_page_issues_the_same_number_of_queries_for_forty_periods_as_for_five(
    as_viewer, council, django_assert_max_num_queries
):
    labels = [fy_label(year) + f" Q{q}" for year in range(2000, 2010) for q in range(1, 5)]
    made = measure(
        "NI 192",
        targets=dict.fromkeys(labels[:5], "40"),
        results=dict.fromkeys(labels[:5], "41"),
    )
    url = reverse("measure", args=["NI 192"])
    as_viewer.get(url)
    five = count_queries(lambda: as_viewer.get(url))
    for label in labels[5:]:
        Result.objects.create(measure=made, period=period(label), actual=41, status="approved")

    with django_assert_max_num_queries(five):
        response = as_viewer.get(url)

    assert five <= 12, five
    assert len(table(main(response.content), HISTORY).find("tbody").find_all("tr")) == 40


def test_the_page_names_a_lead_officer_who_is_a_user(as_viewer, recycling, officer):
    officer.first_name, officer.last_name = "Olivia", "Officer"
    officer.save()
    recycling.lead_user, recycling.lead_officer = officer, ""
    recycling.save()

    page = page_for(as_viewer, "NI 192")

    terms, details = page.find_all("dt"), page.find_all("dd")
    facts = {dt.text: dd.text for dt, dd in zip(terms, details, strict=True)}
    assert facts["Lead officer"] == "Olivia Officer"
