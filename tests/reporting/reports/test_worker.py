"""With the production task backend (django-tasks' database backend), a requested build waits in
the queue, the browser is told so, and the worker builds it: the download is then ready.

The build is enqueued on commit, so these tests commit: they use a transactional database.
"""

from decimal import Decimal

import pytest
from django.core.management import call_command
from django_tasks_db.models import DBTaskResult

from reporting.models import PackBuild, ReportPack
from reporting.render import RENDERERS
from scorecard.models import CouncilSettings, Perspective, Result, Role, Target
from scorecard.services.rating import results_rerate
from tests.support.factories import MeasureFactory
from tests.support.periods import period
from tests.support.reports import Pdf, Xlsx

pytestmark = pytest.mark.django_db(transaction=True)

WORKER = ("db_worker", "--batch", "--no-startup-delay", "--no-reload")


@pytest.fixture
def database_backend(settings):
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}


@pytest.fixture
def pack():
    """A Cabinet pack over one Red measure in 2009/10 Q2."""
    CouncilSettings.load()
    customer, _ = Perspective.objects.get_or_create(name="Customer", defaults={"order": 1})
    q2 = period("2009/10 Q2")
    measure = MeasureFactory(
        code="NI 192", title="Household waste recycled", perspective=customer, decimal_places=1
    )
    Target.objects.create(measure=measure, period=q2, value=Decimal("40"))
    Result.objects.create(measure=measure, period=q2, actual=Decimal("20"), status="approved")
    results_rerate(measure_ids=[measure.pk])
    return ReportPack.objects.create(
        title="Q2 Performance Management", committee="Cabinet", period=q2
    )


@pytest.fixture
def clerk(client, role_user):
    client.force_login(role_user(Role.COMMITTEE_CLERK))
    return client


def status(client, build: PackBuild) -> dict:
    return client.get(f"/packs/{build.pack_id}/builds/{build.pk}/?format=json").json()


def test_a_build_waits_in_the_queue_until_the_worker_runs_it(database_backend, pack, clerk):
    response = clerk.post(f"/packs/{pack.pk}/build/", {"format": "pdf"})
    build = PackBuild.objects.get()
    assert response["Location"] == f"/packs/{pack.pk}/builds/{build.pk}/"
    assert build.status == "queued"
    assert DBTaskResult.objects.filter(status="READY").count() == 1
    assert status(clerk, build) == {
        "status": "queued",
        "status_display": "Queued",
        "progress": 0,
        "message": "",
        "ready": False,
    }
    page = clerk.get(f"/packs/{pack.pk}/builds/{build.pk}/").content.decode()
    assert '<p id="build-download" hidden>' in page
    assert clerk.get(f"/packs/{pack.pk}/builds/{build.pk}/download/").status_code == 404

    call_command(*WORKER, verbosity=0)

    build.refresh_from_db()
    assert (build.status, build.progress) == ("done", 100)
    assert status(clerk, build)["ready"] is True
    assert DBTaskResult.objects.get().status == "SUCCESSFUL"
    response = clerk.get(f"/packs/{pack.pk}/builds/{build.pk}/download/")
    pdf = Pdf(b"".join(response.streaming_content))
    assert pdf.metadata()["/Title"] == "Q2 Performance Management"
    assert "NI 192" in pdf.text


def test_the_worker_builds_every_queued_format(database_backend, pack, clerk):
    clerk.post(f"/packs/{pack.pk}/build/", {"format": "pdf"})
    clerk.post(f"/packs/{pack.pk}/build/", {"format": "xlsx"})
    assert list(PackBuild.objects.values_list("status", flat=True)) == ["queued", "queued"]
    call_command(*WORKER, verbosity=0)
    assert list(PackBuild.objects.values_list("status", flat=True)) == ["done", "done"]
    xlsx = PackBuild.objects.get(format="xlsx")
    response = clerk.get(f"/packs/{pack.pk}/builds/{xlsx.pk}/download/")
    workbook = Xlsx(b"".join(response.streaming_content))
    assert workbook["Summary"]["A1"].value == "Q2 Performance Management"


def test_a_failed_build_says_so_and_offers_no_download(database_backend, pack, clerk, monkeypatch):
    def broken(report):
        raise RuntimeError("the disk is full")

    monkeypatch.setitem(RENDERERS, "pdf", broken)  # the worker runs in this process
    clerk.post(f"/packs/{pack.pk}/build/", {"format": "pdf"})
    build = PackBuild.objects.get()
    call_command(*WORKER, verbosity=0)
    build.refresh_from_db()
    assert build.status == "failed"
    assert status(clerk, build)["ready"] is False
    assert status(clerk, build)["message"] == "The build failed: the disk is full"
    assert DBTaskResult.objects.get().status == "FAILED"
    page = clerk.get(f"/packs/{pack.pk}/builds/{build.pk}/").content.decode()
    assert "Failed: The build failed: the disk is full" in page
    assert clerk.get(f"/packs/{pack.pk}/builds/{build.pk}/download/").status_code == 404
