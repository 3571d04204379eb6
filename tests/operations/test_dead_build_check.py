"""`manage.py serve` finds builds whose worker died by itself, every REPORT_BUILD_CHECK_SECONDS,
and retries or fails them: nobody has to open a build's status page for it to happen (issue
13: a build whose worker died was noticed only when someone looked at it). The dead worker is
stood in for by builds left "running" with a heartbeat an hour old; tests/operations/
test_dead_worker.py kills a real one.
"""

import sys

import pytest

from tests.support.served import (
    build_row,
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

# Two builds left running by a worker that died an hour ago: one tried once (so it is built
# again), one tried as often as allowed (so it is given up).
DEAD_BUILDS = """
from datetime import timedelta
from django.contrib.auth import get_user_model
from django.utils import timezone
from reporting import services
from reporting.models import PackBuild
from scorecard.models import ReportingPeriod
clerk = get_user_model().objects.get(username="clerk")
values = {"title": "Left running", "committee": "Cabinet",
          "period": ReportingPeriod.objects.get(label="2009/10 Q2")}
pack = services.pack_create(user=clerk, values=values)
hour_ago = timezone.now() - timedelta(hours=1)
dead = {"pack": pack, "status": "running", "progress": 60, "requested_by": clerk,
        "started_at": hour_ago, "heartbeat_at": hour_ago}
again = PackBuild.objects.create(format="xlsx", attempts=1, **dead)
given_up = PackBuild.objects.create(format="pdf", attempts=2, **dead)
print(again.pk, given_up.pk)
"""


def test_serve_retries_or_fails_builds_whose_worker_died_without_anyone_looking(tmp_path):
    with served_database(tmp_path) as url:
        env = production_env(url, REPORT_BUILD_CHECK_SECONDS="1", REPORT_BUILD_ATTEMPTS="2")
        manage(env, "migrate", "--noinput")
        manage(env, "load_demo", "--force")
        again, given_up = map(int, python(env, DEAD_BUILDS).split())
        command = [sys.executable, "manage.py", "serve", "--bind", f"127.0.0.1:{free_port()}"]
        server = start([*command, "--workers", "1"], env, tmp_path / "serve.log")
        try:
            wait_until(
                lambda: build_row(url, again)[0] == "done" or server.poll() is not None,
                timeout=180,
                what="the dead build to be built again",
            )
            assert server.poll() is None, (tmp_path / "serve.log").read_text()
        finally:
            stop(server)
        assert build_row(url, again) == ("done", 2, "Ready to download")
        assert build_row(url, given_up) == (
            "failed",
            2,
            "The worker building this file stopped twice, so the build was given up. Ask for "
            "the file again; if this happens again, tell the performance team.",
        )
