"""Who may call what, on every operation of the API: anonymous callers none, every signed-in
user (each role, and none) every read, and only the roles that enter returns in the browser
the writes (issue 14, "Proof": permission tests for each role and anonymous).

The operations are read from the API's own OpenAPI document, so a new endpoint is covered the
day it is added.
"""

import pytest
from drf_spectacular.generators import SchemaGenerator
from rest_framework.test import APIClient

from scorecard.models import Role

pytestmark = pytest.mark.django_db

OPERATIONS = sorted(
    (method.upper(), path)
    for path, methods in SchemaGenerator().get_schema(request=None, public=True)["paths"].items()
    for method in methods
)
# The document and its readers are not operations of the document, but sit behind the same door.
DOCUMENTS = [("GET", "/api/v1/schema/"), ("GET", "/api/v1/docs/"), ("GET", "/api/v1/redoc/")]
ENTERS_RETURNS = {Role.OFFICER, Role.APPROVER, Role.PERFORMANCE_TEAM}
ROLES = [*Role, None]  # None: a signed-in user who holds no role


def test_the_document_lists_every_endpoint_we_mean_to_check():
    paths = {path for _, path in OPERATIONS}
    assert {"/api/v1/summaries/", "/api/v1/facts/", "/api/v1/returns/"} <= paths
    assert "/api/v1/results/{id}/" in paths and len(OPERATIONS) >= 20


def _url(client: APIClient, path: str) -> str:
    """The path with ``{id}`` replaced by a real one, read from the list beside it."""
    if "{id}" not in path:
        return path
    listed = client.get(path.replace("{id}/", "")).json()["results"]
    assert listed, f"the council has nothing at {path}"
    return path.replace("{id}", str(listed[0]["id"]))


def _call(client: APIClient, method: str, url: str) -> int:
    if method == "POST":
        row = {"code": "NI 192", "period": "2009/10 Q2", "version": 0}
        return client.post(url, {"rows": [row]}, format="json").status_code
    return client.get(url).status_code


def _expected(role: Role | None, method: str) -> set[int]:
    if method == "GET":
        return {200}
    # Allowed to write: the row itself may still be refused (a locked period), never the caller.
    return {200, 400} if role in ENTERS_RETURNS else {403}


@pytest.mark.parametrize("role", ROLES, ids=lambda role: role.name if role else "NO_ROLE")
def test_each_role_calls_exactly_what_it_may(council, bearer, role):
    client = bearer(role)
    wrong = []
    for method, path in OPERATIONS + DOCUMENTS:
        status = _call(client, method, _url(client, path))
        if status not in _expected(role, method):
            wrong.append(f"{method} {path}: {status}")
    assert wrong == []


def test_anonymous_callers_get_401_from_every_operation(council, bearer):
    reader = bearer(Role.VIEWER)
    anonymous = APIClient()
    wrong = []
    for method, path in OPERATIONS + DOCUMENTS:
        status = _call(anonymous, method, _url(reader, path))
        if status != 401:
            wrong.append(f"{method} {path}: {status}")
    assert wrong == []
