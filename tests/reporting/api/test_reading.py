"""Reading through the API: every role reads what it reads in the browser, nobody else reads."""

import csv
import io

import pytest
from django.urls import reverse
from rest_framework.test import APIClient

from scorecard.models import Role
from tests.support.factories import (
    PASSWORD,
    ActionUpdateFactory,
    MeasureFactory,
    ResultFactory,
    TargetFactory,
)
from tests.support.periods import period

pytestmark = pytest.mark.django_db

LISTS = [
    "/api/v1/periods/",
    "/api/v1/plans/",
    "/api/v1/objectives/",
    "/api/v1/measures/",
    "/api/v1/targets/",
    "/api/v1/results/",
    "/api/v1/actions/",
    "/api/v1/updates/",
    "/api/v1/facts/",
    "/api/v1/facts.csv",
]


@pytest.mark.parametrize("url", LISTS)
def test_anonymous_callers_are_refused_with_401_not_sent_to_the_login_page(council, url):
    response = APIClient().get(url)
    assert response.status_code == 401
    assert response["WWW-Authenticate"] == "Bearer"


@pytest.mark.parametrize("role", list(Role))
@pytest.mark.parametrize("url", LISTS)
def test_every_role_reads_every_list(council, bearer, role, url):
    assert bearer(role).get(url).status_code == 200


def test_a_user_with_no_role_reads_as_a_signed_in_user_does_in_the_browser(council, bearer):
    assert bearer(None).get("/api/v1/measures/").status_code == 200


def test_results_hold_handed_in_figures_only_and_say_which_are_provisional(council, bearer):
    body = bearer(Role.VIEWER).get("/api/v1/results/").json()
    by_code = {row["measure"]: row for row in body["results"]}
    assert set(by_code) == {"BV 012", "NI 192"}  # the draft stays with its officer
    assert by_code["BV 012"]["provisional"] is False
    assert by_code["BV 012"]["rag"] == "red"
    assert by_code["BV 012"]["rag_explanation"].startswith("7.84 days")
    assert by_code["NI 192"]["provisional"] is True


def test_results_filter_by_period_objective_directorate_and_status(council, bearer):
    client = bearer(Role.VIEWER)
    assert client.get("/api/v1/results/", {"period": "2009/10 Q3"}).json()["count"] == 0
    assert client.get("/api/v1/results/", {"objective": "OBJ1"}).json()["count"] == 2
    assert client.get("/api/v1/results/", {"directorate": "Nowhere"}).json()["count"] == 0
    approved = client.get("/api/v1/results/", {"status": "approved"}).json()
    assert [row["measure"] for row in approved["results"]] == ["BV 012"]


def test_facts_give_the_dashboard_figures_with_their_dimensions(council, bearer):
    body = bearer(Role.VIEWER).get("/api/v1/facts/", {"period": "2009/10 Q2"}).json()
    facts = {row["measure_code"]: row for row in body["results"]}
    sick = facts["BV 012"]
    assert sick["value"] == "7.84"  # the precision it was reported with
    assert sick["target"] == "4.00"
    assert sick["rag"] == "Red"
    assert sick["objective_codes"] == "OBJ1" and sick["directorate"] == "People"
    assert sick["period_start"] == "2009-07-01" and sick["period_end"] == "2009-09-30"
    assert facts["NI 192"]["provisional"] is True
    # A draft is never a figure: its measure is reported without a value.
    assert facts["LPI 900"]["value"] is None


def test_facts_never_show_a_later_period_than_the_one_asked_for(council, bearer):
    period("2009/10 Q1"), period("2009/10 Q3")
    rows = bearer(Role.VIEWER).get("/api/v1/facts/").json()["results"]
    valued = {(row["measure_code"], row["period_label"]) for row in rows if row["value"]}
    assert valued == {("BV 012", "2009/10 Q2"), ("NI 192", "2009/10 Q2")}


def test_facts_as_csv_are_formula_safe_and_keep_numbers_as_numbers(council, bearer):
    client = bearer(Role.VIEWER)
    for url in (
        "/api/v1/facts.csv?period=2009/10 Q2",
        "/api/v1/facts/?format=csv&period=2009/10 Q2",
    ):
        response = client.get(url)
        assert response["Content-Type"].startswith("text/csv")
        rows = list(csv.DictReader(io.StringIO(b"".join(response.streaming_content).decode())))
        by_code = {row["measure_code"]: row for row in rows}
        assert by_code["NI 192"]["measure_title"] == '\'=HYPERLINK("x")'
        assert by_code["BV 012"]["value"] == "7.84"
        assert by_code["NI 192"]["provisional"] == "Yes"


def test_an_unknown_period_is_a_clear_404(council, bearer):
    response = bearer(Role.VIEWER).get("/api/v1/facts/", {"period": "1999/00 Q9"})
    assert response.status_code == 404
    assert "1999/00 Q9" in response.json()["detail"]


def test_the_browsable_api_and_docs_work_with_the_browser_session(client, council, viewer):
    client.login(username=viewer.username, password=PASSWORD)
    assert client.get("/api/v1/measures/", HTTP_ACCEPT="text/html").status_code == 200
    docs = client.get(reverse("api-docs")).content.decode()
    assert "/static/drf_spectacular_sidecar/" in docs and "//cdn" not in docs
    assert client.get(reverse("api-schema")).status_code == 200


@pytest.mark.parametrize(
    "url",
    [
        "/api/v1/objectives/",
        "/api/v1/measures/",
        "/api/v1/targets/",
        "/api/v1/results/",
        "/api/v1/actions/",
        "/api/v1/updates/",
        "/api/v1/facts/",
    ],
)
def test_lists_read_in_a_bounded_number_of_queries(
    council, bearer, url, django_assert_max_num_queries
):
    client = bearer(Role.VIEWER)
    for n in range(30):
        measure = MeasureFactory(code=f"BULK {n:03d}")
        measure.objectives.add(council["sick"].objectives.first())
        ResultFactory(measure=measure, period=council["q2"])
        TargetFactory(measure=measure, period=council["q2"])
        ActionUpdateFactory(period=council["q2"])
    with django_assert_max_num_queries(20):
        assert client.get(url, {"period": "2009/10 Q2"}).status_code == 200
