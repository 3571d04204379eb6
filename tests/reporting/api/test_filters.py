"""Every read endpoint filters by the period, objective, directorate and status it has, by the
codes and labels people use (issue 14, "Read": filters by period, objective, directorate,
status)."""

import pytest

from scorecard.models import Role
from tests.support.factories import DirectorateFactory, MeasureFactory, TargetFactory

pytestmark = pytest.mark.django_db


def _codes(client, url: str, key: str, **query) -> set[str]:
    response = client.get(url, query)
    assert response.status_code == 200, response.json()
    return {row[key] for row in response.json()["results"]}


@pytest.fixture
def elsewhere(council):
    """A measure in another directorate and no objective, with a Q2 target."""
    other = MeasureFactory(code="LPI 001", directorate=DirectorateFactory(name="Place"))
    TargetFactory(measure=other, period=council["q2"])
    return other


def test_targets_filter_by_objective_and_directorate(council, elsewhere, bearer):
    client = bearer(Role.VIEWER)
    everything = _codes(client, "/api/v1/targets/", "measure", period="2009/10 Q2")
    assert everything == {"BV 012", "NI 192", "LPI 001"}
    assert _codes(client, "/api/v1/targets/", "measure", objective="OBJ1") == {"BV 012", "NI 192"}
    assert _codes(client, "/api/v1/targets/", "measure", directorate="Place") == {"LPI 001"}


def test_facts_filter_by_rag_status(council, bearer):
    client = bearer(Role.VIEWER)
    red = _codes(client, "/api/v1/facts/", "measure_code", period="2009/10 Q2", status="red")
    assert red == {"BV 012"}
    green = _codes(client, "/api/v1/facts/", "measure_code", period="2009/10 Q2", status="green")
    assert green == {"NI 192"}


def test_an_unknown_status_for_the_facts_is_a_clear_400(council, bearer):
    response = bearer(Role.VIEWER).get("/api/v1/facts/", {"status": "purple"})
    assert response.status_code == 400
    assert "purple" in response.json()["status"][0]


def test_facts_filter_by_objective_and_directorate(council, elsewhere, bearer):
    client = bearer(Role.VIEWER)
    by_objective = _codes(client, "/api/v1/facts/", "measure_code", objective="OBJ1")
    assert "LPI 001" not in by_objective and "BV 012" in by_objective
    assert _codes(client, "/api/v1/facts/", "measure_code", directorate="Place") <= {"LPI 001"}


def test_updates_filter_by_period_objective_directorate_and_status(council, bearer):
    client = bearer(Role.VIEWER)
    url = "/api/v1/updates/"
    assert len(_codes(client, url, "action", period="2009/10 Q2", objective="OBJ1")) == 1
    assert _codes(client, url, "action", period="2009/10 Q3") == set()
    assert _codes(client, url, "action", status="submitted") == set()
    assert _codes(client, url, "action", directorate="Nowhere") == set()
