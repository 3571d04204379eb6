"""A build whose worker died (`kill -9`) is noticed by its stopped heartbeat and built again,
or failed in words once it has been tried enough (issue 13: it stayed "running, 60%" for
good). A real `db_worker` process is killed with SIGKILL mid-build.
"""

import signal

import pytest

from tests.support.served import (
    build_row,
    manage,
    production_env,
    python,
    served_database,
    start,
    stop,
    wait_until,
    worker_command,
)

pytestmark = pytest.mark.django_db

# A pack of the whole demo council with every annex, so that the build takes long enough to
# be caught running.
REQUEST_BUILD = """
from django.contrib.auth import get_user_model
from reporting import services
from scorecard.models import ReportingPeriod
clerk = get_user_model().objects.get(username="clerk")
values = {
    "title": "Everything", "committee": "Cabinet",
    "period": ReportingPeriod.objects.get(label="2009/10 Q2"),
    "include_action_plans": True, "include_measure_pages": True,
}
pack = services.pack_create(user=clerk, values=values)
print(services.pack_build_request(pack=pack, format="pdf", user=clerk).pk)
"""

RECOVER = "from reporting import services; print(services.builds_recover_stale())"


@pytest.fixture
def queued(tmp_path, request):
    """A PDF build queued on the demo council; stale after 30 s without a heartbeat (long
    enough that starting a Python process on a busy machine cannot outlast it)."""
    attempts = request.param
    with served_database(tmp_path) as url:
        env = production_env(
            url,
            REPORT_BUILD_HEARTBEAT_SECONDS="1",
            REPORT_BUILD_STALE_SECONDS="30",
            REPORT_BUILD_ATTEMPTS=str(attempts),
        )
        manage(env, "migrate", "--noinput")
        manage(env, "load_demo", "--force")
        yield env, url, int(python(env, REQUEST_BUILD))


def kill_mid_build(env, url, build, tmp_path) -> None:
    worker = start(worker_command(), env, tmp_path / "worker.log")
    try:
        wait_until(
            lambda: build_row(url, build)[0] == "running", timeout=60, what="the build to start"
        )
    finally:
        stop(worker, signal.SIGKILL)
    assert build_row(url, build)[0] == "running"


@pytest.mark.parametrize("queued", [2], indirect=True)
def test_a_build_whose_worker_was_killed_is_built_again_by_another(queued, tmp_path):
    env, url, build = queued
    kill_mid_build(env, url, build, tmp_path)
    assert python(env, RECOVER) == "0"  # its heartbeat is still fresh
    wait_until(lambda: python(env, RECOVER) == "1", timeout=120, what="the build to go stale")
    status, attempts, message = build_row(url, build)
    assert (status, attempts) == ("queued", 1)
    assert message == (
        "The worker building this stopped, so it is being built again (attempt 2 of 2)."
    )
    worker = start(worker_command(), env, tmp_path / "worker2.log")
    try:
        wait_until(
            lambda: build_row(url, build)[0] in ("done", "failed"),
            timeout=180,
            what="the second worker to build it",
        )
    finally:
        stop(worker)
    assert build_row(url, build) == ("done", 2, "Ready to download")


@pytest.mark.parametrize("queued", [1], indirect=True)
def test_a_build_tried_enough_times_fails_with_a_message(queued, tmp_path):
    env, url, build = queued
    kill_mid_build(env, url, build, tmp_path)
    wait_until(lambda: python(env, RECOVER) == "1", timeout=120, what="the build to go stale")
    assert build_row(url, build) == (
        "failed",
        1,
        "The worker building this file stopped once, so the build was given up. Ask for the "
        "file again; if this happens again, tell the performance team.",
    )
