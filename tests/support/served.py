"""The app as a council runs it, for tests: real processes (gunicorn, `db_worker`) on free
ports against a database of their own, and a small HTTP client that signs in like a browser.

The processes cannot see the test run's own database (on SQLite it lives in memory and each
test's writes are rolled back), so each served site gets a database made for it: a SQLite file
in the test's temporary folder, or, when the suite runs on PostgreSQL, a new database beside
the test database, dropped afterwards.
"""

import contextlib
import http.cookies
import os
import re
import secrets
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from django.conf import settings
from django.db import connection

ROOT = Path(__file__).resolve().parents[2]


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def on_postgresql() -> bool:
    return connection.vendor == "postgresql"


@contextlib.contextmanager
def served_database(tmp_path: Path) -> Iterator[str]:
    """A DATABASE_URL for processes started by a test: empty, and removed afterwards."""
    if not on_postgresql():
        yield f"sqlite:///{tmp_path / 'served.sqlite3'}"
        return
    import psycopg

    base = settings.DATABASES["default"]
    name = f"{base['NAME']}_served_{secrets.token_hex(4)}"
    dsn = f"host={base['HOST'] or '127.0.0.1'} port={base['PORT'] or 5432} user={base['USER']}"
    with psycopg.connect(f"{dsn} dbname=postgres", autocommit=True) as admin:
        admin.execute(f'CREATE DATABASE "{name}"')
    try:
        user = base["USER"]
        yield f"postgres://{user}@{base['HOST'] or '127.0.0.1'}:{base['PORT'] or 5432}/{name}"
    finally:
        with psycopg.connect(f"{dsn} dbname=postgres", autocommit=True) as admin:
            admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def production_env(database_url: str, **extra: str) -> dict[str, str]:
    """The environment `make serve` gives its processes, against `database_url`."""
    env = {k: v for k, v in os.environ.items() if not k.startswith(("DJANGO_", "PYTEST"))}
    env.update(
        DJANGO_SETTINGS_MODULE="perfmgmt.settings.production",
        DATABASE_URL=database_url,
        SECRET_KEY=secrets.token_urlsafe(50),
        SITE_URL="http://127.0.0.1",
        SECURE_SSL_REDIRECT="0",
        ALLOWED_HOSTS="127.0.0.1,localhost",
        **extra,
    )
    return env


def manage(env: dict[str, str], *args: str, timeout: int = 300) -> str:
    """Run a management command as the served site would; fail loudly with its output."""
    result = subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=timeout,
    )
    assert result.returncode == 0, f"manage.py {' '.join(args)}:\n{result.stdout}{result.stderr}"
    return result.stdout


def python(env: dict[str, str], code: str) -> str:
    """Run Python with Django set up against the served site's database (`manage.py shell`)."""
    return manage(env, "shell", "--no-imports", "-c", code).strip()


def start(command: list[str], env: dict[str, str], log: Path) -> subprocess.Popen:
    """Start a process in its own process group, so that it and its children can be stopped."""
    return subprocess.Popen(
        command,
        cwd=ROOT,
        env=env,
        stdout=log.open("wb"),
        stderr=subprocess.STDOUT,
        start_new_session=True,
    )


def stop(process: subprocess.Popen, sig: int = signal.SIGTERM, timeout: float = 40) -> int:
    """Stop a process started by `start` (and its children); return its exit code."""
    if process.poll() is None:
        with contextlib.suppress(ProcessLookupError):
            os.killpg(process.pid, sig)
    try:
        return process.wait(timeout=timeout)
    except subprocess.TimeoutExpired:
        os.killpg(process.pid, signal.SIGKILL)
        return process.wait()


def worker_command() -> list[str]:
    return [sys.executable, "manage.py", "db_worker", "--no-reload", "--no-startup-delay"]


def gunicorn_command(port: int) -> list[str]:
    return [
        sys.executable,
        "-m",
        "gunicorn",
        "perfmgmt.wsgi:application",
        "--bind",
        f"127.0.0.1:{port}",
        "--workers",
        "2",
    ]


def wait_until(check, *, timeout: float, what: str, every: float = 0.3):
    """Poll `check` until it returns something truthy; fail naming `what` if it never does."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        value = check()
        if value:
            return value
        time.sleep(every)
    raise AssertionError(f"Gave up after {timeout:.0f} s waiting for {what}")


class _NoRedirects(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


@dataclass
class Response:
    status: int
    headers: dict
    body: bytes

    @property
    def text(self) -> str:
        return self.body.decode("utf-8", "replace")


@dataclass
class Browser:
    """Just enough of a browser: keeps cookies, sends the CSRF token, never follows redirects.

    It keeps Secure cookies over plain HTTP, as browsers do for localhost.
    """

    base: str
    cookies: dict[str, str] = field(default_factory=dict)

    def request(self, method: str, path: str, data: dict | None = None) -> Response:
        body = urllib.parse.urlencode(data, doseq=True).encode() if data is not None else None
        request = urllib.request.Request(self.base + path, data=body, method=method)
        if self.cookies:
            request.add_header("Cookie", "; ".join(f"{k}={v}" for k, v in self.cookies.items()))
        if method == "POST":
            request.add_header("X-CSRFToken", self.cookies.get("csrftoken", ""))
            request.add_header("Referer", self.base + path)
        opener = urllib.request.build_opener(_NoRedirects)
        try:
            raw = opener.open(request, timeout=120)
        except urllib.error.HTTPError as error:
            raw = error
        for header in raw.headers.get_all("Set-Cookie") or []:
            for name, morsel in http.cookies.SimpleCookie(header).items():
                self.cookies[name] = morsel.value
        return Response(raw.status, dict(raw.headers.items()), raw.read())

    def get(self, path: str) -> Response:
        return self.request("GET", path)

    def post(self, path: str, data: dict) -> Response:
        return self.request("POST", path, data)

    def sign_in(self, username: str, password: str) -> Response:
        page = self.get("/accounts/login/")
        token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page.text).group(1)
        return self.post(
            "/accounts/login/",
            {"username": username, "password": password, "csrfmiddlewaretoken": token},
        )


def answers(base: str) -> bool:
    try:
        with urllib.request.urlopen(base + "/accessibility/", timeout=2) as response:
            return response.status == 200
    except (OSError, urllib.error.URLError):
        return False


def query(database_url: str, sql: str, *params) -> list[tuple]:
    """Read the served site's database directly, without starting Django (fast to poll)."""
    if database_url.startswith("sqlite:///"):
        import sqlite3

        with contextlib.closing(sqlite3.connect(database_url.removeprefix("sqlite:///"))) as db:
            return db.execute(sql.replace("%s", "?"), params).fetchall()
    import psycopg

    with psycopg.connect(database_url.replace("postgres://", "postgresql://")) as db:
        return db.execute(sql, params).fetchall()


def build_row(database_url: str, build: int) -> tuple:
    """A report build's (status, attempts, message), read straight from the database."""
    sql = "SELECT status, attempts, message FROM reporting_packbuild WHERE id = %s"
    return query(database_url, sql, build)[0]
