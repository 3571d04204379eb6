"""`manage.py serve`: the production web server and the task worker, supervised together.

Issue 13 ("A production server that scales out"): gunicorn serves the app with the production
settings while `db_worker` builds report files beside it. If either stops, the other is
stopped too, so a council never runs a site whose builds wait for ever, or a worker with no
site. `make serve` migrates and collects static files first, then runs this.

Every REPORT_BUILD_CHECK_SECONDS the supervisor also looks for builds whose worker died
(`builds_recover_stale`), so a killed build is retried or failed within minutes even if nobody
opens its status page (issue 13).
"""

import logging
import signal
import subprocess
import sys
import time

from django.conf import settings
from django.core.management.base import BaseCommand
from django.db import DatabaseError, connection

from reporting.services import builds_recover_stale

logger = logging.getLogger(__name__)


def _children(*, bind: str, web_workers: int, task_workers: int) -> list[list[str]]:
    """The commands to run: one gunicorn master (with its web workers) and the task workers."""
    gunicorn = [
        sys.executable,
        "-m",
        "gunicorn",
        "perfmgmt.wsgi:application",
        "--bind",
        bind,
        "--workers",
        str(web_workers),
        # A PDF of a thousand measures takes tens of seconds: big ones are built by the
        # worker, but a slow page must not be killed at gunicorn's default 30 s.
        "--timeout",
        "120",
        "--access-logfile",
        "-",
    ]
    manage = str(settings.BASE_DIR / "manage.py")
    worker = [sys.executable, manage, "db_worker", "--no-reload", "--no-startup-delay"]
    return [gunicorn] + [worker] * task_workers


class Command(BaseCommand):
    help = (
        "Serve the site with gunicorn and run the background task worker beside it; "
        "stopping one (Ctrl+C, SIGTERM, or a crash) stops both."
    )

    def add_arguments(self, parser) -> None:
        parser.add_argument("--bind", default="127.0.0.1:8000", help="address:port to serve")
        parser.add_argument("--workers", type=int, default=4, help="gunicorn web workers")
        parser.add_argument("--task-workers", type=int, default=1, help="task worker processes")

    def handle(self, *args, bind: str, workers: int, task_workers: int, **options) -> None:
        # The children inherit this environment: the same settings module and database.
        commands = _children(bind=bind, web_workers=workers, task_workers=task_workers)
        processes = [subprocess.Popen(c, cwd=settings.BASE_DIR) for c in commands]
        self.stdout.write(f"Serving on http://{bind}/ with {task_workers} task worker(s)")
        stopping = []

        def stop(signum, frame) -> None:
            stopping.append(signum)

        for signum in (signal.SIGTERM, signal.SIGINT):
            signal.signal(signum, stop)
        checked = time.monotonic()
        while not stopping and all(p.poll() is None for p in processes):
            time.sleep(0.5)
            if time.monotonic() - checked >= settings.REPORT_BUILD_CHECK_SECONDS:
                recover_dead_builds()
                checked = time.monotonic()
        self._stop_all(processes)
        died = [p for p in processes if p.returncode not in (0, -signal.SIGTERM)]
        if not stopping and died:
            # A child that died on its own: say which, and fail, so a supervisor restarts us.
            self.stderr.write(f"{' '.join(died[0].args[:4])} stopped; stopped the others too.")
            sys.exit(1)

    def _stop_all(self, processes: list[subprocess.Popen]) -> None:
        """Ask each child to stop, give it time to finish its request or task, then kill it."""
        for process in processes:
            if process.poll() is None:
                process.send_signal(signal.SIGTERM)
        deadline = time.monotonic() + 30
        for process in processes:
            try:
                process.wait(timeout=max(0.1, deadline - time.monotonic()))
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait()


def recover_dead_builds() -> int:
    """Retry or fail the builds whose worker died; a busy or restarting database only delays
    the check to the next round, it never stops the site. Returns how many were found."""
    try:
        found = builds_recover_stale()
    except DatabaseError:
        logger.exception("Could not check for builds whose worker died; will try again.")
        found = 0
    finally:
        connection.close()  # hold no idle connection between checks
    if found:
        logger.warning("Found %d build(s) whose worker died: retried or failed.", found)
    return found
