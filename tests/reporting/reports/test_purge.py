"""`manage.py purge` keeps finished task rows, built files and sessions only as long as the
retention settings say (issue 13), and never touches what is still within them."""

from datetime import timedelta
from io import StringIO

import pytest
from django.contrib.sessions.models import Session
from django.core.files.storage import default_storage
from django.core.management import call_command
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from reporting.models import PackBuild, ReportPack
from scorecard.models import CouncilSettings, Role
from tests.support.periods import period

pytestmark = pytest.mark.django_db(transaction=True)

WORKER = ("db_worker", "--batch", "--no-startup-delay", "--no-reload")


@pytest.fixture(autouse=True)
def retention(settings):
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    settings.RETAIN_TASK_ROWS_DAYS = 7
    settings.RETAIN_BUILD_FILES_DAYS = 30


@pytest.fixture
def two_builds(client, role_user):
    """Two packs built by the worker: an old build (finished 31 days ago) and a recent one."""
    CouncilSettings.load()
    client.force_login(role_user(Role.COMMITTEE_CLERK))
    for title in ("Old", "Recent"):
        pack = ReportPack.objects.create(
            title=title, committee="Cabinet", period=period("2009/10 Q2")
        )
        client.post(f"/packs/{pack.pk}/build/", {"format": "xlsx"})
    call_command(*WORKER, verbosity=0)
    old = PackBuild.objects.get(pack__title="Old")
    # Arrange the ages (the test's own set-up, as a month passing would).
    PackBuild.objects.filter(pk=old.pk).update(finished_at=timezone.now() - timedelta(days=31))
    DBTaskResult.objects.filter(args_kwargs__args=[old.pk]).update(
        finished_at=timezone.now() - timedelta(days=8)
    )
    return old, PackBuild.objects.get(pack__title="Recent")


def purge() -> str:
    out = StringIO()
    call_command("purge", stdout=out)
    return out.getvalue().strip()


def test_old_builds_lose_their_files_and_recent_ones_keep_them(two_builds):
    old, recent = two_builds
    assert default_storage.exists(old.file.name) and default_storage.exists(recent.file.name)
    purge()
    assert not default_storage.exists(old.file.name)
    assert not PackBuild.objects.filter(pk=old.pk).exists()
    assert default_storage.exists(recent.file.name)
    assert PackBuild.objects.get(pk=recent.pk).status == "done"


def test_finished_task_rows_older_than_a_week_are_removed(two_builds):
    old, recent = two_builds
    assert DBTaskResult.objects.count() == 2
    purge()
    assert [row.args_kwargs["args"] for row in DBTaskResult.objects.all()] == [[recent.pk]]


def test_expired_sessions_are_removed_and_live_ones_kept(client, role_user, two_builds):
    live = client.session.session_key
    other = client.__class__()
    other.force_login(role_user(Role.VIEWER))
    expired = other.session.session_key
    Session.objects.filter(pk=expired).update(expire_date=timezone.now() - timedelta(minutes=1))
    message = purge()
    assert list(Session.objects.values_list("pk", flat=True)) == [live]
    assert message == (
        "Removed 1 finished task rows, 1 report builds (1 files) and 1 expired sessions."
    )


def test_purging_twice_removes_nothing_more(two_builds):
    purge()
    assert purge() == (
        "Removed 0 finished task rows, 0 report builds (0 files) and 0 expired sessions."
    )
