"""Forbidden and missing pages say why in plain words and link onward, with DEBUG off.

The test settings run with DEBUG off, as production does; the last test serves a missing page
with the production settings themselves (HTTPS, hashed static files).
"""

import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.conf import settings
from django.urls import reverse

from tests.support.pages import main, parse

pytestmark = pytest.mark.django_db

ROOT = Path(__file__).resolve().parents[3]  # the project, from tests/reporting/pages


def test_debug_is_off_so_these_are_the_pages_people_see():
    assert settings.DEBUG is False


def test_a_missing_page_says_so_and_links_onward(client, viewer):
    client.force_login(viewer)

    response = client.get("/no-such-page/")

    assert response.status_code == 404
    page = main(response.content)
    assert page.find("h1").text == "Page not found"
    assert "/no-such-page/" in page.text
    links = {a.get("href") for a in page.find_all("a")}
    assert reverse("home") in links and reverse("plans") in links
    # The page keeps the site's header and navigation.
    assert parse(response.content).find("nav", aria_label="Main")


def test_a_missing_item_says_which(client, viewer):
    client.force_login(viewer)

    response = client.get(reverse("dashboard"), {"period": "2099/00 Q9"})

    assert response.status_code == 404
    assert "There is no period 2099/00 Q9." in main(response.content).text


def test_a_missing_page_is_styled_for_someone_not_signed_in(client):
    response = client.get("/no-such-page/")

    assert response.status_code == 404
    assert "Page not found" in main(response.content).text
    assert reverse("login") in {a.get("href") for a in main(response.content).find_all("a")}


def test_a_forbidden_page_says_why_and_links_onward(client, viewer):
    client.force_login(viewer)

    response = client.get(reverse("returns:periods"))

    assert response.status_code == 403
    page = main(response.content)
    text = page.text
    assert page.find("h1").text == "You cannot use this page"
    assert "Your role (Viewer) does not include this page" in text
    links = {a.get("href") for a in page.find_all("a")}
    assert reverse("home") in links


PRODUCTION_404 = """
import os, sys
os.environ["DJANGO_SETTINGS_MODULE"] = "perfmgmt.settings.production"
import django
from django.conf import settings
settings.STATIC_ROOT = sys.argv[1]
django.setup()
from django.core.management import call_command
from django.test import Client
call_command("migrate", verbosity=0)
call_command("collectstatic", interactive=False, verbosity=0)
response = Client().get("/no-such-page/", secure=True, HTTP_HOST="performance.council.example")
print(response.status_code)
print(response.content.decode())
"""


def test_production_settings_serve_the_styled_missing_page(tmp_path):
    environment = {
        **{k: v for k, v in os.environ.items() if k != "DJANGO_ALLOW_ASYNC_UNSAFE"},
        "SECRET_KEY": "a-long-random-test-key-" + "x" * 40,
        "ALLOWED_HOSTS": "performance.council.example",
        "SITE_URL": "https://performance.council.example",
        "DATABASE_URL": f"sqlite:///{tmp_path / 'db.sqlite3'}",
    }
    result = subprocess.run(
        [sys.executable, "-c", PRODUCTION_404, str(tmp_path / "static")],
        cwd=ROOT,
        env=environment,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert result.returncode == 0, result.stderr
    status, _, page = result.stdout.partition("\n")
    assert status == "404"
    assert "Page not found" in page
    assert "/static/css/app." in page  # the hashed stylesheet: the page is styled
