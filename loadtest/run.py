"""`make loadtest`: the generated council served by `make serve` on PostgreSQL, under locust.

Makes its own database (LOADTEST_DATABASE, default perfmgmt_loadtest, on the server of
LOADTEST_POSTGRES, default postgres://postgres@127.0.0.1:5432), loads the generated council
(LOADTEST_MEASURES, default 1,000; LOADTEST_YEARS, 10), makes the viewers and officers
(prepare.py), starts `make serve` on a free loopback port, runs locust headless for
LOADTEST_TIME (default 2m) with LOADTEST_VIEWERS viewers (25) and LOADTEST_OFFICERS officers
(200), stops the server, prints p50/p95/p99 and errors per scenario, and checks the database
(check.py). Exits 1 on any error or discrepancy. Only 127.0.0.1 is ever sent a request.
"""

import contextlib
import json
import os
import secrets
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DEFAULTS = {
    "LOADTEST_TIME": "2m",
    "LOADTEST_VIEWERS": "25",
    "LOADTEST_OFFICERS": "200",
    "LOADTEST_MEASURES": "1000",
    "LOADTEST_YEARS": "10",
    "LOADTEST_SPAWN_RATE": "10",
    "LOADTEST_DATABASE": "perfmgmt_loadtest",
    "LOADTEST_POSTGRES": "postgres://postgres@127.0.0.1:5432",
}


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _psql(server: str, sql: str) -> None:
    quiet = {**os.environ, "PGOPTIONS": "-c client_min_messages=warning"}
    subprocess.run(["psql", f"{server}/postgres", "-q", "-c", sql], check=True, env=quiet)


@contextlib.contextmanager
def _database(server: str, name: str, keep: bool):
    """A fresh database for the run, dropped afterwards unless LOADTEST_KEEP=1."""
    _psql(server, f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
    _psql(server, f'CREATE DATABASE "{name}"')
    try:
        yield f"{server}/{name}"
    finally:
        if not keep:
            _psql(server, f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def _step(env: dict, what: str, *args: str) -> str:
    print(f"loadtest: {what}", flush=True)
    done = subprocess.run(
        [sys.executable, *args], cwd=ROOT, env=env, capture_output=True, text=True
    )
    if done.returncode:
        raise SystemExit(f"loadtest: {what} failed:\n{done.stdout}{done.stderr}")
    return done.stdout


def _answers(base: str) -> bool:
    try:
        with urllib.request.urlopen(base + "/accessibility/", timeout=2) as response:
            return response.status == 200
    except OSError:
        return False


@contextlib.contextmanager
def _served(env: dict, log: Path):
    """`make serve` on a free loopback port until the block ends."""
    port = _free_port()
    command = ["make", "-o", "install", "serve", f"PY={sys.executable}", f"PORT={port}"]
    if env.get("LOADTEST_COLLECTSTATIC") == "0":
        command[1:1] = ["-o", "static"]  # collected already (a minute of CPU saved)
    server = subprocess.Popen(
        command,
        cwd=ROOT,
        env=env,
        stdout=log.open("wb"),
        stderr=subprocess.STDOUT,
        start_new_session=True,
    )
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 600
        while not _answers(base):
            if server.poll() is not None or time.monotonic() > deadline:
                raise SystemExit(f"loadtest: make serve did not start; see {log}")
            time.sleep(0.5)
        yield base
    finally:
        with contextlib.suppress(ProcessLookupError):
            os.killpg(server.pid, signal.SIGTERM)
        server.wait(timeout=60)


def _locust(config: dict, env: dict, base: str, folder: Path) -> dict:
    users = int(config["LOADTEST_VIEWERS"]) + int(config["LOADTEST_OFFICERS"])
    print(f"loadtest: locust, {users} users for {config['LOADTEST_TIME']} against {base}")
    command = [sys.executable, "-m", "locust", "-f", str(ROOT / "loadtest" / "locustfile.py")]
    command += ["--headless", "--only-summary", "--host", base, "-u", str(users)]
    # The window of LOADTEST_TIME starts once everyone has signed in (locustfile.py); -t is
    # only the bound on the whole run, signing in included.
    command += ["-r", config["LOADTEST_SPAWN_RATE"], "-t", "20m"]
    # A submission under way when time is up is finished, so that none is cut off half-done.
    command += ["--stop-timeout", "60", "--loglevel", "WARNING"]
    with (folder / "locust.log").open("wb") as log:
        subprocess.run(command, cwd=ROOT, env=env, stdout=log, stderr=subprocess.STDOUT)
    return json.loads((folder / "summary.json").read_text())


def _report(config: dict, summary: dict) -> int:
    """Print the figures; return the number of failed requests."""
    names = {
        "viewer": f"{config['LOADTEST_VIEWERS']} viewers",
        "officer": f"{config['LOADTEST_OFFICERS']} officers",
        "sign in": "signing in",
    }
    print(
        f"\n{'scenario':<14}{'requests':>9}{'errors':>8}{'req/s':>7}{'p50':>7}{'p95':>7}{'p99':>7}"
    )
    for key, label in names.items():
        s = summary[key]
        print(
            f"{label:<14}{s['requests']:>9}{s['errors']:>8}{s['per_second']:>7}"
            f"{s['p50']:>7.0f}{s['p95']:>7.0f}{s['p99']:>7.0f}"
        )
    print("(response times in milliseconds; signing in is everyone's first sign-in, the")
    print(f" others the {config['LOADTEST_TIME']} after everyone had signed in)")
    if not summary["window_started"]:
        print("  error: not everyone signed in within the run's bound of 20 minutes")
    for failure in summary["failures"]:
        print(f"  error: {failure}")
    return sum(summary[key]["errors"] for key in names) + (not summary["window_started"])


def run(config: dict) -> int:
    """The whole load test; 0 when every request succeeded and the database checks out."""
    folder = Path(tempfile.mkdtemp(prefix="loadtest-"))
    keep = os.environ.get("LOADTEST_KEEP") == "1"
    with _database(config["LOADTEST_POSTGRES"], config["LOADTEST_DATABASE"], keep) as url:
        env = {k: v for k, v in os.environ.items() if not k.startswith(("DJANGO_", "PYTEST"))}
        env.update(
            DJANGO_SETTINGS_MODULE="perfmgmt.settings.production",
            DATABASE_URL=url,
            SECRET_KEY=secrets.token_urlsafe(50),
            SITE_URL="http://127.0.0.1",
            SECURE_SSL_REDIRECT="0",
            ALLOWED_HOSTS="127.0.0.1,localhost",
            LOADTEST_PLAN=str(folder / "plan.json"),
            LOADTEST_SUMMARY=str(folder / "summary.json"),
            LOADTEST_SUBMITTED=str(folder / "submitted.jsonl"),
            **{k: v for k, v in config.items() if k.startswith("LOADTEST_")},
        )
        _step(env, "migrate", "manage.py", "migrate", "--noinput")
        size = ["--measures", config["LOADTEST_MEASURES"], "--years", config["LOADTEST_YEARS"]]
        _step(env, "generate the council", "manage.py", "generate_data", *size)
        people = [config["LOADTEST_VIEWERS"], config["LOADTEST_OFFICERS"]]
        _step(env, "make the accounts", "-m", "loadtest.prepare", env["LOADTEST_PLAN"], *people)
        Path(env["LOADTEST_SUBMITTED"]).touch()
        with _served(env, folder / "serve.log") as base:
            summary = _locust(config, env, base, folder)
        errors = _report(config, summary)
        checked = subprocess.run(
            [
                sys.executable,
                "-m",
                "loadtest.check",
                env["LOADTEST_PLAN"],
                env["LOADTEST_SUBMITTED"],
            ],
            cwd=ROOT,
            env=env,
        )
    print(f"loadtest: logs in {folder}")
    ok = errors == 0 and checked.returncode == 0
    print(
        "loadtest: passed: no error, nothing lost or duplicated, one audit entry per change"
        if ok
        else "loadtest: FAILED"
    )
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(run({k: os.environ.get(k) or v for k, v in DEFAULTS.items()}))
