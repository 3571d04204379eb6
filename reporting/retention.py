"""Retention (issue 13): what is kept, and for how long, once it has done its job.

Finished task rows, the files of old report builds and expired sessions are removed by
`manage.py purge`, run daily by the council's scheduler (cron or a systemd timer). How long
each is kept is a setting (`RETAIN_*_DAYS`, see `perfmgmt/settings/base.py`).
"""

from dataclasses import dataclass
from datetime import timedelta
from importlib import import_module

from django.conf import settings
from django.db import transaction
from django.db.models import Q
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from .models import PackBuild

FINISHED_TASKS = ("SUCCESSFUL", "FAILED")


@dataclass(frozen=True)
class Purged:
    task_rows: int
    builds: int
    files: int
    sessions: int


def _days_ago(days: int):
    return timezone.now() - timedelta(days=days)


@transaction.atomic
def task_rows_purge(*, days: int) -> int:
    """Remove task rows finished more than `days` ago, and those a dead worker left running
    that long (its build has long since been retried or failed; see builds_recover_stale)."""
    cutoff = _days_ago(days)
    old = DBTaskResult.objects.filter(
        Q(status__in=FINISHED_TASKS, finished_at__lt=cutoff)
        | Q(status="RUNNING", started_at__lt=cutoff)
    )
    return old.delete()[0]


def builds_purge(*, days: int) -> tuple[int, int]:
    """Remove builds finished more than `days` ago, with their files; return (builds, files).

    A pack asked for again after that is simply built again from its data.
    """
    old = PackBuild.objects.filter(
        status__in=(PackBuild.Status.DONE, PackBuild.Status.FAILED), finished_at__lt=_days_ago(days)
    )
    builds = files = 0
    for build in old.iterator():
        if build.file:
            build.file.delete(save=False)  # the storage's file, local disk or S3 alike
            files += 1
        build.delete()
        builds += 1
    return builds, files


def sessions_purge() -> int:
    """Remove expired sessions (their expiry is SESSION_COOKIE_AGE after the last request)."""
    engine = import_module(settings.SESSION_ENGINE)
    model = getattr(engine.SessionStore, "get_model_class", None)
    before = model().objects.count() if model else 0
    engine.SessionStore.clear_expired()
    return before - model().objects.count() if model else 0


def purge() -> Purged:
    builds, files = builds_purge(days=settings.RETAIN_BUILD_FILES_DAYS)
    return Purged(
        task_rows=task_rows_purge(days=settings.RETAIN_TASK_ROWS_DAYS),
        builds=builds,
        files=files,
        sessions=sessions_purge(),
    )
