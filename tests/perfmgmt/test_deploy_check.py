"""Production settings pass Django's deployment checklist and refuse an unsafe key."""

import os
import secrets
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def run_manage(*args: str, **env: str) -> subprocess.CompletedProcess:
    environment = {
        **{k: v for k, v in os.environ.items() if k != "DJANGO_ALLOW_ASYNC_UNSAFE"},
        "DJANGO_SETTINGS_MODULE": "perfmgmt.settings.production",
        "ALLOWED_HOSTS": "performance.council.example",
        "SITE_URL": "https://performance.council.example",
        **env,
    }
    return subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=ROOT,
        env=environment,
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_check_deploy_reports_nothing_with_production_settings():
    result = run_manage(
        "check", "--deploy", "--fail-level", "WARNING", SECRET_KEY=secrets.token_urlsafe(50)
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "System check identified no issues" in result.stdout


def test_production_refuses_to_start_without_a_secret_key():
    result = run_manage("check", SECRET_KEY="")
    assert result.returncode != 0
    assert "Set SECRET_KEY" in result.stderr


def test_production_refuses_to_start_without_the_sites_address():
    result = run_manage("check", SECRET_KEY=secrets.token_urlsafe(50), SITE_URL="")
    assert result.returncode != 0
    assert "Set SITE_URL" in result.stderr


def test_production_refuses_a_site_address_that_is_not_absolute():
    result = run_manage(
        "check", SECRET_KEY=secrets.token_urlsafe(50), SITE_URL="performance.council.example"
    )
    assert result.returncode != 0
    assert "Set SITE_URL" in result.stderr
