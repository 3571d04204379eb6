"""Built report files go to S3-compatible storage through django-storages when the settings say
so (`FILE_STORAGE=s3`, issue 13), tested against moto's S3 server: the worker stores the file
in the bucket, the download view reads it back, and `purge` removes it."""

from datetime import timedelta

import pytest
from django.core.management import call_command
from django.utils import timezone

from perfmgmt.settings.shared import default_storage_from_env
from reporting.models import PackBuild, ReportPack
from scorecard.models import CouncilSettings, Role
from tests.support.periods import period
from tests.support.reports import Pdf

pytestmark = pytest.mark.django_db(transaction=True)

WORKER = ("db_worker", "--batch", "--no-startup-delay", "--no-reload")


@pytest.fixture
def s3_storage(s3_bucket, settings, monkeypatch):
    env, client, bucket = s3_bucket
    for name, value in env.items():
        monkeypatch.setenv(name, value)
    settings.STORAGES = {**settings.STORAGES, "default": default_storage_from_env()}
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    return client, bucket


def keys(client, bucket) -> list[str]:
    return [item["Key"] for item in client.list_objects_v2(Bucket=bucket).get("Contents", [])]


def test_a_built_pack_is_stored_in_the_bucket_downloaded_from_it_and_purged(
    s3_storage, client, role_user
):
    s3, bucket = s3_storage
    CouncilSettings.load()
    pack = ReportPack.objects.create(
        title="Stored in S3", committee="Cabinet", period=period("2009/10 Q2")
    )
    client.force_login(role_user(Role.COMMITTEE_CLERK))
    client.post(f"/packs/{pack.pk}/build/", {"format": "pdf"})
    call_command(*WORKER, verbosity=0)
    build = PackBuild.objects.get()
    assert keys(s3, bucket) == [build.file.name]
    stored = s3.get_object(Bucket=bucket, Key=build.file.name)["Body"].read()

    response = client.get(f"/packs/{pack.pk}/builds/{build.pk}/download/")
    downloaded = b"".join(response.streaming_content)
    assert downloaded == stored
    assert Pdf(downloaded).metadata()["/Title"] == "Stored in S3"

    PackBuild.objects.filter(pk=build.pk).update(finished_at=timezone.now() - timedelta(days=31))
    call_command("purge", verbosity=0)
    assert keys(s3, bucket) == []
