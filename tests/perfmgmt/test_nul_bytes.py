"""A NUL byte in an address or its query string is a bad request, never a server error.

PostgreSQL refuses NUL in text ("A string literal cannot contain NUL"), so before this every
lookup by code or filter by name answered 500. Run on SQLite and PostgreSQL (DATABASE_URL).
"""

import pytest

from tests.support.factories import MeasureFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def signed_in(client, performance_team):
    client.force_login(performance_team)
    return client


@pytest.mark.parametrize(
    "address",
    [
        "/measures/NI%00192/",
        "/actions/CIP%0001/",
        "/plans/CIP%0001/improvement-plan/",
        "/measures/%00/",
    ],
)
def test_a_nul_byte_in_the_path_is_not_found(signed_in, address):
    MeasureFactory(code="NI 192")
    response = signed_in.get(address)
    assert response.status_code == 404


@pytest.mark.parametrize(
    "query",
    [
        {"q": "waste\x00"},
        {"period": "2009/10 Q2\x00"},
        {"directorate": "\x00"},
        {"status": "red\x00"},
    ],
)
def test_a_nul_byte_in_the_query_string_is_a_bad_request(signed_in, query):
    response = signed_in.get("/items/", query)
    assert response.status_code == 400
    assert "NUL" in response.content.decode() or "not allowed" in response.content.decode()


def test_a_nul_byte_before_signing_in_is_refused_too(client):
    assert client.get("/accounts/login/", {"next": "/\x00"}).status_code == 400


def test_the_api_refuses_a_nul_byte_in_json_as_its_document_says(signed_in):
    # The API documents every error as JSON ({"detail": …}); Schemathesis found the middleware's
    # plain-text answer breaking that promise.
    refused = signed_in.get("/api/v1/measures/", {"objective": "A\x00"})
    assert (refused.status_code, refused["Content-Type"]) == (400, "application/json")
    assert refused.json() == {"detail": "A NUL character is not allowed in an address."}
    missing = signed_in.get("/api/v1/measures/NI%00192/")
    assert (missing.status_code, missing["Content-Type"]) == (404, "application/json")
