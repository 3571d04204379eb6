"""Run manage.py with the production settings in a child process, as a server would start."""

import os
import secrets
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def run_production(*args: str, **env: str) -> subprocess.CompletedProcess:
    """manage.py with production settings and a valid key, site address and hosts, unless the
    keyword arguments set other environment variables."""
    environment = {
        **{k: v for k, v in os.environ.items() if k != "DJANGO_ALLOW_ASYNC_UNSAFE"},
        "DJANGO_SETTINGS_MODULE": "perfmgmt.settings.production",
        "ALLOWED_HOSTS": "performance.council.example",
        "SITE_URL": "https://performance.council.example",
        "SECRET_KEY": secrets.token_urlsafe(50),
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


def production_setting(*names: str, **env: str) -> list[str]:
    """The production value of each named setting, as text."""
    code = "from django.conf import settings; " + "; ".join(
        f"print('SETTING', repr(settings.{name}))" for name in names
    )
    result = run_production("shell", "-c", code, **env)
    assert result.returncode == 0, result.stderr
    return [
        line.removeprefix("SETTING ") for line in result.stdout.splitlines() if "SETTING " in line
    ]
