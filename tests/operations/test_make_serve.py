"""`make serve` runs the production recipe on this machine (issue 13): gunicorn with the
production settings and collected static files, and the task worker beside it. A clerk signs
in, opens the dashboard, and a PDF pack is built in the background and downloaded; stopping
the server, or losing the worker, stops everything.
"""

import os
import re
import signal
import sys
from pathlib import Path

import pytest

from tests.support.reports import Pdf
from tests.support.served import (
    Browser,
    answers,
    free_port,
    manage,
    production_env,
    python,
    served_database,
    start,
    stop,
    wait_until,
)

pytestmark = pytest.mark.django_db

MAKE_PACK = """
from django.contrib.auth import get_user_model
from reporting import services
from scorecard.models import ReportingPeriod
clerk = get_user_model().objects.get(username="clerk")
period = ReportingPeriod.objects.get(label="2009/10 Q2")
values = {"title": "Smoke test pack", "committee": "Cabinet", "period": period}
print(services.pack_create(user=clerk, values=values).pk)
"""


def group(pgid: int) -> list[int]:
    """The processes still alive in a process group (zombies count as gone)."""
    alive = []
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        if int(fields[2]) == pgid and fields[0] != "Z":
            alive.append(int(stat.parent.name))
    return alive


@pytest.fixture
def site(tmp_path):
    """`make serve` on a free port against a database holding the demo council."""
    with served_database(tmp_path) as url:
        port = free_port()
        env = production_env(url)
        manage(env, "migrate", "--noinput")
        manage(env, "load_demo", "--force")
        pack = int(python(env, MAKE_PACK))
        # `-o install`: the virtualenv is this one (PY); never reinstall it from a test.
        command = ["make", "-o", "install", "serve", f"PY={sys.executable}", f"PORT={port}"]
        command += ["WEB_WORKERS=2"]
        server = start(command, env, tmp_path / "serve.log")
        base = f"http://127.0.0.1:{port}"
        try:
            wait_until(
                lambda: answers(base) or server.poll() is not None, timeout=240, what="serve"
            )
            assert server.poll() is None, (tmp_path / "serve.log").read_text()
            yield server, base, pack
        finally:
            stop(server)


def test_a_clerk_signs_in_sees_the_dashboard_and_downloads_a_pdf_built_by_the_worker(site):
    server, base, pack = site
    browser = Browser(base)
    assert browser.sign_in("clerk", "clerk-demo-2009").status == 302
    dashboard = browser.get("/dashboard/")
    assert dashboard.status == 200
    assert "<h1>Performance dashboard: " in dashboard.text
    # The style sheet is the collected, hashed copy that WhiteNoise serves.
    css = re.search(r'href="(/static/css/app\.[0-9a-f]{12}\.css)"', dashboard.text).group(1)
    assert browser.get(css).status == 200

    queued = browser.post(f"/packs/{pack}/build/", {"format": "pdf"})
    assert queued.status == 302
    status = queued.headers["Location"]
    wait_until(
        lambda: browser.get(status + "?format=json").body.count(b'"ready": true'),
        timeout=180,
        what="the worker to build the PDF",
    )
    download = browser.get(status + "download/")
    assert download.status == 200
    assert Pdf(download.body).metadata()["/Title"] == "Smoke test pack"


def test_stopping_the_server_stops_the_web_server_and_the_worker(site):
    server, base, _ = site
    assert len(group(server.pid)) >= 4  # make's serve, gunicorn and its workers, db_worker
    os.killpg(server.pid, signal.SIGTERM)
    server.wait(timeout=60)
    wait_until(lambda: not group(server.pid), timeout=30, what="every process to stop")
    assert not answers(base)


def test_a_worker_that_dies_takes_the_web_server_down_with_it(site):
    """A supervisor (systemd, the container runtime) then restarts the whole service."""
    server, base, _ = site
    workers = [
        pid
        for pid in group(server.pid)
        if b"db_worker" in Path(f"/proc/{pid}/cmdline").read_bytes()
    ]
    assert len(workers) == 1
    os.kill(workers[0], signal.SIGKILL)
    assert server.wait(timeout=60) != 0
    wait_until(lambda: not group(server.pid), timeout=30, what="gunicorn to stop")
    assert not answers(base)
