"""Builds are de-duplicated and limited per person (issue 13: a viewer queued 20 builds in
under a second). The same pack, format and data builds once; a fourth build while three are
waiting is refused in words.

The build is enqueued on commit, so these tests commit: they use a transactional database.
"""

import pytest
from django.core.management import call_command
from django_tasks_db.models import DBTaskResult

from reporting.models import PackBuild, ReportPack
from scorecard.models import CouncilSettings, Role
from tests.support.periods import period

pytestmark = pytest.mark.django_db(transaction=True)

WORKER = ("db_worker", "--batch", "--no-startup-delay", "--no-reload")


@pytest.fixture(autouse=True)
def database_backend(settings):
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    settings.REPORT_BUILDS_PER_USER = 3


@pytest.fixture
def packs():
    CouncilSettings.load()
    q2 = period("2009/10 Q2")
    return [
        ReportPack.objects.create(title=f"Pack {n}", committee="Cabinet", period=q2)
        for n in range(1, 5)
    ]


@pytest.fixture
def clerk(client, role_user):
    client.force_login(role_user(Role.COMMITTEE_CLERK))
    return client


def test_asking_twice_for_the_same_file_builds_it_once(packs, clerk):
    pack = packs[0]
    first = clerk.post(f"/packs/{pack.pk}/build/", {"format": "pdf"})
    second = clerk.post(f"/packs/{pack.pk}/build/", {"format": "pdf"})
    assert first["Location"] == second["Location"]
    assert PackBuild.objects.count() == 1
    assert DBTaskResult.objects.count() == 1
    clerk.post(f"/packs/{pack.pk}/build/", {"format": "xlsx"})  # another format is another file
    assert PackBuild.objects.count() == 2


def test_a_changed_pack_is_built_again(packs, clerk):
    pack = packs[0]
    clerk.post(f"/packs/{pack.pk}/build/", {"format": "pdf"})
    pack.title = "Pack 1, retitled"
    pack.save()  # the fingerprint holds the pack's time of change
    clerk.post(f"/packs/{pack.pk}/build/", {"format": "pdf"})
    assert PackBuild.objects.count() == 2


def test_a_fourth_build_while_three_wait_is_refused_in_words(packs, clerk):
    for pack in packs[:3]:
        clerk.post(f"/packs/{pack.pk}/build/", {"format": "pdf"})
    response = clerk.post(f"/packs/{packs[3].pk}/build/", {"format": "pdf"}, follow=True)
    assert PackBuild.objects.count() == 3
    assert (
        "You already have 3 files being built. Wait for one of them to finish, then ask for "
        "this one again." in response.content.decode()
    )
    call_command(*WORKER, verbosity=0)  # the three are built
    assert clerk.post(f"/packs/{packs[3].pk}/build/", {"format": "pdf"}).status_code == 302
    assert PackBuild.objects.filter(pack=packs[3]).count() == 1


def test_the_limit_is_each_persons_own(packs, clerk, client, role_user):
    for pack in packs[:3]:
        clerk.post(f"/packs/{pack.pk}/build/", {"format": "pdf"})
    other = client.__class__()
    other.force_login(role_user(Role.COMMITTEE_CLERK, username="clerk2"))
    other.post(f"/packs/{packs[3].pk}/build/", {"format": "pdf"})
    assert PackBuild.objects.filter(pack=packs[3]).count() == 1
