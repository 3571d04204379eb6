"""Search measures, actions, objectives and plans by code or words from the header (issue 12)."""

import pytest
from django.urls import reverse

from tests.support.factories import ActionFactory, MeasureFactory, ObjectiveFactory, PlanFactory

pytestmark = pytest.mark.django_db


def groups(response) -> dict[str, list[str]]:
    return {name: [row.code for row in found] for name, found, _n in response.context["groups"]}


def test_every_page_has_the_search_box_in_its_header(client, viewer):
    client.force_login(viewer)
    page = client.get(reverse("dashboard")).content.decode()
    assert f'action="{reverse("search")}"' in page and 'role="search"' in page


def test_finds_by_code_and_by_words_grouped_by_kind(client, viewer):
    MeasureFactory(code="NI 192", title="Household waste recycled")
    MeasureFactory(code="NI 191", title="Residual household waste per household")
    ActionFactory(code="CIP01.1.3", title="Publish the waste strategy")
    ObjectiveFactory(code="CIP01", title="A cleaner district")
    PlanFactory(code="CIP", title="Corporate Improvement Plan")
    client.force_login(viewer)
    found = groups(client.get(reverse("search"), {"q": "ni 192"}))
    assert found == {"Measures": ["NI 192"], "Actions": [], "Objectives": [], "Plans": []}
    found = groups(client.get(reverse("search"), {"q": "waste household"}))
    assert found["Measures"] == ["NI 191", "NI 192"]
    found = groups(client.get(reverse("search"), {"q": "CIP01"}))
    assert found == {
        "Measures": [],
        "Actions": ["CIP01.1.3"],
        "Objectives": ["CIP01"],
        "Plans": [],
    }


def test_an_exact_code_comes_first(client, viewer):
    MeasureFactory(code="BV 0120", title="Other")
    MeasureFactory(code="BV 012", title="Sick days")
    client.force_login(viewer)
    assert groups(client.get(reverse("search"), {"q": "bv 012"}))["Measures"][0] == "BV 012"


def test_only_the_team_is_offered_set_up_links(client, viewer, team_member):
    measure = MeasureFactory(code="NI 192")
    setup = reverse("setup:measure", args=[measure.pk])
    client.force_login(viewer)
    assert setup not in client.get(reverse("search"), {"q": "NI 192"}).content.decode()
    client.force_login(team_member)
    assert setup in client.get(reverse("search"), {"q": "NI 192"}).content.decode()


def test_many_matches_are_capped_and_counted_with_bounded_queries(
    client, viewer, django_assert_max_num_queries
):
    for n in range(40):
        MeasureFactory(code=f"LPI {n:03d}", title="Waste collected")
    client.force_login(viewer)
    with django_assert_max_num_queries(16):
        response = client.get(reverse("search"), {"q": "waste"})
    name, found, total = response.context["groups"][0]
    assert (name, len(found), total) == ("Measures", 25, 40)
    assert "The first 25 of 40 are shown" in response.content.decode()


def test_search_needs_sign_in(client):
    response = client.get(reverse("search"), {"q": "NI"})
    assert response.status_code == 302
