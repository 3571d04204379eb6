"""Background work: building a report pack's PDF or Excel file."""

import contextlib
import threading
from collections.abc import Iterator

from django.conf import settings
from django.core.files.base import ContentFile
from django.db import DatabaseError, connection
from django.db.models import F
from django.http import QueryDict
from django.utils import timezone
from django.utils.text import slugify
from django_tasks import task

from .downloads import page_report
from .exports import build_report
from .models import PackBuild
from .packs import pack_items
from .render import RENDERERS
from .reports import Report


def _progress(build: PackBuild, percent: int, message: str) -> None:
    PackBuild.objects.filter(pk=build.pk).update(
        progress=percent, message=message, heartbeat_at=timezone.now()
    )


def _beat(build_id: int, stopped: threading.Event) -> None:
    """Record that the worker is alive until the build ends (issue 13: a killed worker's
    build is noticed by its heartbeat stopping, even mid-way through a long render)."""
    try:
        while not stopped.wait(settings.REPORT_BUILD_HEARTBEAT_SECONDS):
            # A beat missed while the database is busy is only late: the next one counts.
            with contextlib.suppress(DatabaseError):
                PackBuild.objects.filter(pk=build_id, status=PackBuild.Status.RUNNING).update(
                    heartbeat_at=timezone.now()
                )
    finally:
        connection.close()  # this thread's own connection


@contextlib.contextmanager
def _heartbeat(build_id: int) -> Iterator[None]:
    stopped = threading.Event()
    beater = threading.Thread(target=_beat, args=(build_id, stopped), daemon=True)
    beater.start()
    try:
        yield
    finally:
        stopped.set()
        beater.join()


@task()
def build_pack(build_id: int) -> None:
    """Build one pack file, saying how far it has got so the browser can show it."""
    build = PackBuild.objects.select_related("pack__period").get(pk=build_id)
    if build.status in (PackBuild.Status.DONE, PackBuild.Status.FAILED):
        return  # finished by an earlier attempt whose worker was only slow, not dead
    now = timezone.now()
    PackBuild.objects.filter(pk=build.pk).update(
        status=PackBuild.Status.RUNNING,
        started_at=now,
        heartbeat_at=now,
        attempts=F("attempts") + 1,
    )
    with _heartbeat(build.pk):
        _build(build)


def _report(build: PackBuild) -> Report:
    """The pack's document, or the page's download as the page would have given it."""
    if build.pack_id is None:
        _progress(build, 10, "Rating the page's measures and actions")
        query = QueryDict(build.params.get("query", ""))
        report = page_report(build.page, query, build.params.get("code", ""))
        if report is None:
            raise LookupError("the page has no figures to download")
        return report
    _progress(build, 10, "Rating measures and actions")
    items = pack_items(build.pack)
    _progress(build, 40, "Assembling the narrative and annexes")
    return build_report("pack", build.pack.period, pack=build.pack, items=items)


def _build(build: PackBuild) -> None:
    try:
        report = _report(build)
        _progress(build, 60, f"Writing the {build.get_format_display()} file")
        data = RENDERERS[build.format](report)
        name = f"{slugify(report.title)[:80] or 'report'}-{build.pk}.{build.format}"
        build.file.save(name, ContentFile(data), save=False)
        PackBuild.objects.filter(pk=build.pk).update(
            file=build.file.name,
            status=PackBuild.Status.DONE,
            progress=100,
            message="Ready to download",
            finished_at=timezone.now(),
        )
    except Exception as exc:
        PackBuild.objects.filter(pk=build.pk).update(
            status=PackBuild.Status.FAILED,
            message=f"The build failed: {exc}"[:300],
            finished_at=timezone.now(),
        )
        raise
