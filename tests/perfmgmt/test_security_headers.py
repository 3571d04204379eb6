"""Every page says what it may load (Content-Security-Policy) and which browser features it
may use (Permissions-Policy); a signed-in page is never kept by the browser or a proxy."""

import pytest

from tests.support.factories import ResultFactory

pytestmark = pytest.mark.django_db


def directives(response) -> dict[str, str]:
    policy = response.headers["Content-Security-Policy"]
    return {part.split()[0]: part for part in (p.strip() for p in policy.split(";")) if part}


def test_pages_may_load_only_the_apps_own_scripts_and_styles(client):
    policy = directives(client.get("/accounts/login/"))
    assert policy["default-src"] == "default-src 'self'"
    assert policy["script-src"] == "script-src 'self'"
    assert policy["style-src"] == "style-src 'self'"
    assert policy["object-src"] == "object-src 'none'"
    assert policy["frame-ancestors"] == "frame-ancestors 'none'"
    assert policy["form-action"] == "form-action 'self'"
    assert "unsafe-inline" not in client.get("/accounts/login/").headers["Content-Security-Policy"]


def test_pages_may_not_use_camera_microphone_or_location(client):
    features = client.get("/accounts/login/").headers["Permissions-Policy"]
    for feature in ("camera=()", "microphone=()", "geolocation=()", "payment=()", "usb=()"):
        assert feature in features


def test_a_signed_in_page_is_never_stored(client, viewer):
    client.force_login(viewer)
    response = client.get("/dashboard/")
    assert response.status_code == 200
    assert "no-store" in response.headers["Cache-Control"]


def test_a_signed_in_download_is_never_stored(client, performance_team):
    ResultFactory()  # a period with a result: the scorecard has something to download
    client.force_login(performance_team)
    response = client.get("/scorecard/", {"download": "xlsx"})
    assert response.headers["Content-Disposition"].startswith("attachment")
    assert "no-store" in response.headers["Cache-Control"]


def test_the_public_accessibility_statement_may_be_cached(client):
    response = client.get("/accessibility/")
    assert response.status_code == 200
    assert "no-store" not in response.headers.get("Cache-Control", "")
