"""A page's PDF or Excel download of more than a page of rows is built by the task worker with
progress, like a pack, and a small one is still sent at once (issue 13: four concurrent PDFs
of the thousand-measure list held the web workers for 27 s each).

The build is enqueued on commit, so these tests commit: they use a transactional database
and load the demo council into it.
"""

from urllib.parse import urlencode

import pytest
from django.core.management import call_command

from reporting.models import PackBuild
from scorecard.models import Directorate, Role
from tests.support.pages import listed_codes
from tests.support.reports import Pdf, Xlsx

pytestmark = pytest.mark.django_db(transaction=True)

WORKER = ("db_worker", "--batch", "--no-startup-delay", "--no-reload")
Q2 = {"period": "2009/10 Q2"}


@pytest.fixture(autouse=True)
def production_thresholds(settings):
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    settings.EXPORT_DIRECT_MAX_ROWS = 50  # the production default: a page of the list


@pytest.fixture
def member(client, role_user):
    call_command("load_demo", "--force", verbosity=0)
    client.force_login(role_user(Role.VIEWER, username="member"))
    return client


def url(path: str, **params) -> str:
    return f"{path}?{urlencode(params, doseq=True)}"


def built(client, response) -> bytes:
    """Follow a background download to its file: the worker runs, the page says ready."""
    status = response["Location"]
    assert client.get(status + "?format=json").json()["ready"] is False
    call_command(*WORKER, verbosity=0)
    assert client.get(status + "?format=json").json() == {
        "status": "done",
        "status_display": "Ready",
        "progress": 100,
        "message": "Ready to download",
        "ready": True,
    }
    return b"".join(client.get(status + "download/").streaming_content)


def test_the_whole_list_as_pdf_is_built_in_the_background_with_every_code(member):
    shown = listed_codes(member.get(url("/items/", **Q2, per_page=500)).content)
    assert len(shown) > 50
    response = member.get(url("/items/", **Q2, download="pdf"))
    assert response.status_code == 302
    build = PackBuild.objects.get()
    assert response["Location"] == f"/downloads/{build.pk}/"
    page = member.get(response["Location"]).content.decode()
    assert "it is being built in the background" in page
    assert '<progress id="build-progress" max="100" value="0">' in page
    text = Pdf(built(member, response)).text
    assert all(code in text for code in shown)


def test_the_background_excel_file_is_the_one_sent_at_once(member, settings):
    big = member.get(url("/items/", **Q2, download="xlsx"))
    background = Xlsx(built(member, big))
    settings.EXPORT_DIRECT_MAX_ROWS = 1000
    direct = Xlsx(member.get(url("/items/", **Q2, download="xlsx")).content)
    assert background.sheetnames == direct.sheetnames
    for name in direct.sheetnames:
        rows = list(direct[name].iter_rows(values_only=True))
        assert list(background[name].iter_rows(values_only=True)) == rows
    assert len(list(direct[direct.sheetnames[1]].iter_rows())) > 50


def test_a_download_of_less_than_a_page_is_sent_at_once(member):
    resources = Directorate.objects.get(name="Resources")
    response = member.get(
        url("/items/", **Q2, directorate=resources.pk, kind="measure", download="pdf")
    )
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert "BV 012" in Pdf(response.content).text
    assert not PackBuild.objects.exists()


def test_asking_twice_for_the_same_download_builds_it_once(member):
    first = member.get(url("/items/", **Q2, download="pdf"))
    second = member.get(url("/items/", **Q2, download="pdf"))
    assert first["Location"] == second["Location"]
    assert PackBuild.objects.count() == 1
    member.get(url("/items/", **Q2, download="xlsx"))  # another format is another file
    assert PackBuild.objects.count() == 2


def signed_in(client, user):
    other = client.__class__()
    other.force_login(user)
    return other


def test_another_person_asking_for_the_same_download_gets_a_build_of_their_own(
    member, client, role_user
):
    first = member.get(url("/items/", **Q2, download="pdf"))
    other = signed_in(client, role_user(Role.VIEWER, username="another"))
    theirs = other.get(url("/items/", **Q2, download="pdf"))
    assert theirs.status_code == 302
    assert theirs["Location"] != first["Location"]
    assert other.get(theirs["Location"]).status_code == 200
    assert PackBuild.objects.count() == 2


def test_a_download_is_shown_only_to_the_person_who_asked_for_it(member, client, role_user):
    status = member.get(url("/items/", **Q2, download="pdf"))["Location"]
    call_command(*WORKER, verbosity=0)
    assert member.get(status).status_code == 200
    assert member.get(status + "download/").status_code == 200
    other = signed_in(client, role_user(Role.PERFORMANCE_TEAM, username="team"))
    for path in (status, status + "?format=json", status + "download/"):
        assert other.get(path).status_code == 404, path
    superuser = role_user(Role.VIEWER, username="root", is_staff=True, is_superuser=True)
    download = signed_in(client, superuser).get(status + "download/")
    assert download.status_code == 200
    assert "BV 012" in Pdf(b"".join(download.streaming_content)).text


def test_a_download_past_the_persons_limit_is_refused_in_words(member, settings):
    settings.REPORT_BUILDS_PER_USER = 1
    member.get(url("/items/", **Q2, download="pdf"))
    refused = member.get(url("/items/", **Q2, download="xlsx"))
    assert refused["Location"] == "/items/?period=2009%2F10+Q2"
    page = member.get(refused["Location"]).content.decode()
    assert (
        "You already have 1 file being built. Wait for one of them to finish, then ask for "
        "this one again." in page
    )
    assert PackBuild.objects.count() == 1
