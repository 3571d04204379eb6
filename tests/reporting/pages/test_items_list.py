"""The list behind every dashboard count: filters in the URL, sorting, pagination, errors."""

import pytest
from django.urls import reverse

from reporting.dashboard import build_dashboard
from tests.support.councils import many_measures, measure, small_council
from tests.support.pages import (
    count_cold_queries,
    first_number,
    listed_codes,
    main,
    matched_count,
    query,
    rag_words,
)
from tests.support.periods import period

pytestmark = pytest.mark.django_db

Q2 = "2009/10 Q2"


@pytest.fixture
def council_q2(council):
    return small_council()


def items(client, **params):
    response = client.get(reverse("items"), {"period": Q2, **params})
    assert response.status_code == 200
    return response


def codes(client, **params) -> set[str]:
    return set(listed_codes(items(client, **params).content))


def expected_codes(board, params: dict[str, list[str]]) -> set[str]:
    """Which of the dashboard's items a count's link promises, worked out from the items."""
    chosen = board.items
    if "status" in params:
        chosen = [i for i in chosen if i.status.value in params["status"]]
    if "objective" in params:
        chosen = [i for i in chosen if int(params["objective"][0]) in i.objective_ids]
    if "directorate" in params:
        chosen = [i for i in chosen if i.directorate_id == int(params["directorate"][0])]
    if "perspective" in params:
        chosen = [i for i in chosen if i.perspective_id == int(params["perspective"][0])]
    for name in ("short_term", "long_term"):
        if name in params:
            chosen = [
                i for i in chosen if getattr(i, name) and getattr(i, name).value == params[name][0]
            ]
    return {i.code for i in chosen}


def test_every_count_on_the_dashboard_links_to_exactly_the_items_it_counts(as_viewer, council_q2):
    dashboard = main(as_viewer.get(reverse("dashboard")).content)
    board = build_dashboard(period(Q2))
    links = [a for a in dashboard.find_all("a") if a.get("href", "").startswith("/items/")]
    assert len(links) > 30  # overall, three breakdowns, travel and "list all"

    for link in links:
        href = link.get("href")
        listed = as_viewer.get(href)
        assert listed.status_code == 200, href
        shown = listed_codes(listed.content)
        assert matched_count(listed.content) == first_number(link.text) == len(shown), href
        assert set(shown) == expected_codes(board, query(href)), href


def test_the_red_count_lists_the_red_items(as_viewer, council_q2):
    dashboard = main(as_viewer.get(reverse("dashboard")).content)
    red = next(a for a in dashboard.find_all("a") if a.text == "1 Red")

    listed = as_viewer.get(red.get("href"))

    assert listed_codes(listed.content) == ["BV 012"]
    assert rag_words(main(listed.content).find("tbody")) == ["Red"]


def test_several_rags_can_be_chosen_at_once(as_viewer, council_q2):
    assert codes(as_viewer, status=["red", "nci"]) == {"BV 012", "LPI 017"}


def test_filtering_by_directorate_lists_its_measures_and_actions(as_viewer, council_q2):
    resources = council_q2.resources.pk

    assert codes(as_viewer, directorate=resources) == {"BV 012", "LPI 017", "CIP01.1.4"}
    assert codes(as_viewer, directorate=resources, status="red") == {"BV 012"}


def test_filtering_by_objective_includes_the_objectives_below_it(as_viewer, council_q2):
    assert codes(as_viewer, objective=council_q2.excellent.pk) == {
        "NI 192",  # linked to OBJ-A1, under OBJ-A
        "NI 191",
        "CIP01.1.4",  # an action under OBJ-A1
    }


def test_filtering_by_perspective_lists_measures_only(as_viewer, council_q2):
    assert codes(as_viewer, perspective=council_q2.people.pk) == {"BV 012", "LPI 017"}
    assert codes(as_viewer, perspective=council_q2.customer.pk) == {"NI 192", "NI 191"}


def test_filtering_by_family(as_viewer, council_q2):
    assert codes(as_viewer, family="bvpi") == {"BV 012"}
    assert codes(as_viewer, family="national") == {"NI 192", "NI 191"}


def test_filtering_by_lead_officer_finds_posts_and_people(as_viewer, council_q2, officer):
    officer.first_name, officer.last_name = "Olivia", "Officer"
    officer.save()
    residual = council_q2.measures["NI 191"]
    residual.lead_user, residual.lead_officer = officer, ""
    residual.save()

    assert codes(as_viewer, lead_officer="human resources") == {"BV 012", "LPI 017"}
    assert codes(as_viewer, lead_officer="olivia") == {"NI 191"}
    assert codes(as_viewer, lead_officer="Policy") == {"CIP01.1.4"}


def test_filtering_by_the_lead_officers_full_name_as_shown_finds_their_items(
    as_viewer, council_q2, officer
):
    officer.first_name, officer.last_name = "Olivia", "Officer"
    officer.save()
    residual = council_q2.measures["NI 191"]
    residual.lead_user, residual.lead_officer = officer, ""
    residual.save()
    assert "Olivia Officer" in main(items(as_viewer, q="NI 191").content).text

    assert codes(as_viewer, lead_officer="Olivia Officer") == {"NI 191"}


def test_searching_matches_code_or_title(as_viewer, council_q2):
    assert codes(as_viewer, q="waste") == {"NI 192", "NI 191"}
    assert codes(as_viewer, q="cip01") == {"CIP01.1.4"}


def test_filtering_by_direction_of_travel(as_viewer, council_q2):
    assert codes(as_viewer, short_term="worse") == {"NI 191", "BV 012"}
    assert codes(as_viewer, short_term="improved") == {"NI 192"}
    assert codes(as_viewer, long_term="same") == {"NI 192"}


def test_filtering_by_type(as_viewer, council_q2):
    assert codes(as_viewer, kind="action") == {"CIP01.1.4"}
    assert "CIP01.1.4" not in codes(as_viewer, kind="measure")


def test_choosing_a_period_rates_the_items_for_it(as_viewer, council_q2):
    response = as_viewer.get(reverse("items"), {"period": "2009/10 Q1", "status": "green"})

    assert listed_codes(response.content) == ["NI 192"]
    assert main(response.content).find("h1").text == "Measures and actions: 2009/10 Q1"


def test_with_no_period_chosen_the_list_shows_the_latest_with_results(as_viewer, council_q2):
    response = as_viewer.get(reverse("items"))

    assert main(response.content).find("h1").text == "Measures and actions: 2009/10 Q2"
    assert matched_count(response.content) == 6


def test_the_filters_are_kept_in_the_url_and_shown_as_chosen(as_viewer, council_q2):
    resources = str(council_q2.resources.pk)
    page = main(items(as_viewer, status="red", directorate=resources, q="days").content)

    assert page.find("input", name="status", value="red").get("checked") is not None
    assert page.find("input", name="status", value="green").get("checked") is None
    assert (
        page.find("select", name="directorate").find("option", value=resources).get("selected")
        is not None
    )
    assert page.find("input", name="q").get("value") == "days"
    sort_links = [a.get("href") for a in page.find("thead").find_all("a")]
    assert sort_links
    for href in sort_links:
        assert query(href)["status"] == ["red"]
        assert query(href)["directorate"] == [resources]
        assert query(href)["period"] == [Q2]


def test_a_long_list_is_paginated_fifty_to_a_page_keeping_the_filters(as_viewer, council):
    for n in range(60):
        measure(f"PI {n:03d}", targets={Q2: "40"}, results={Q2: "45"})

    first = items(as_viewer, status="green")
    second_href = next(
        a.get("href")
        for a in main(first.content).find_all("a")
        if query(a.get("href", "")).get("page") == ["2"]
    )
    second = as_viewer.get(reverse("items") + second_href)

    assert matched_count(first.content) == 60
    assert len(listed_codes(first.content)) == 50
    assert query(second_href)["status"] == ["green"]
    assert len(listed_codes(second.content)) == 10
    assert set(listed_codes(first.content)) | set(listed_codes(second.content)) == {
        f"PI {n:03d}" for n in range(60)
    }


def test_sorting_by_code_both_ways(as_viewer, council_q2):
    ascending = listed_codes(items(as_viewer, sort="code").content)
    descending = listed_codes(items(as_viewer, sort="-code").content)

    assert ascending == sorted(ascending)
    assert descending == ascending[::-1]


def test_following_the_rag_headers_sort_link_puts_red_first(as_viewer, council_q2):
    page = main(items(as_viewer).content)
    rag_header = next(a for a in page.find("thead").find_all("a") if a.text == "RAG")

    sorted_page = main(as_viewer.get(reverse("items") + rag_header.get("href")).content)

    assert rag_words(sorted_page.find("tbody"))[:2] == ["Red", "No Current Information"]


def test_an_invalid_filter_is_explained_rather_than_crashing(as_viewer, council_q2):
    response = as_viewer.get(reverse("items"), {"status": "purple", "directorate": "abc"})

    assert response.status_code == 200
    page = main(response.content)
    summary = page.find("div", class_="error-summary")
    assert "There is a problem" in summary.text
    assert "RAG" in summary.text and "Directorate" in summary.text
    assert matched_count(response.content) == 0


def test_an_unknown_period_is_explained_rather_than_crashing(as_viewer, council_q2):
    response = as_viewer.get(reverse("items"), {"period": "2099/00 Q1"})

    assert response.status_code == 200
    assert "There is a problem" in main(response.content).text


def test_a_nonsense_page_size_in_the_url_does_not_crash_the_list(as_viewer, council_q2):
    response = as_viewer.get(reverse("items"), {"per_page": "-1"})

    assert response.status_code == 200


def test_a_page_number_past_the_end_shows_the_last_page(as_viewer, council_q2):
    response = as_viewer.get(reverse("items"), {"page": "99"})

    assert response.status_code == 200
    assert len(listed_codes(response.content)) == 6


def test_the_period_filter_is_labelled_period(as_viewer, council_q2):
    page = main(items(as_viewer).content)

    assert page.find("label", for_="id_period").text == "Period"


def test_the_list_requires_sign_in(client, council_q2):
    response = client.get(reverse("items"))

    assert response.status_code == 302
    assert response["Location"].startswith(reverse("login"))


def test_values_are_shown_in_the_measures_unit(as_viewer, council_q2):
    page = main(items(as_viewer, q="BV 012").content)

    row = page.find("tbody").find("tr")
    assert "7.5 days" in row.text and "8.6 days" in row.text
    assert "↓ Worse" in row.text


def test_the_list_issues_the_same_number_of_queries_for_forty_measures_as_for_five(
    as_viewer, council_q2, django_assert_max_num_queries
):
    many_measures(5)
    as_viewer.get(reverse("items"))
    five = count_cold_queries(lambda: as_viewer.get(reverse("items"), {"status": "red"}))
    many_measures(35, start=5)

    with django_assert_max_num_queries(five):
        response = as_viewer.get(reverse("items"), {"status": "red"})

    assert five <= 30, five
    assert matched_count(response.content) > 5  # the forty measures are really listed
