"""The performance team uploads comparator data in the browser (issue 11)."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from scorecard.models import AuditEntry, ComparatorGroup, ComparatorValue

pytestmark = pytest.mark.django_db
URL = reverse("returns:comparators")
GOOD = (
    b"Area code,Area name,Indicator,Period,Value\n"
    b"E07000001,Ashdown,NI 192,2023/24,41.2\n"
    b"E07000002,Brackley,NI 192,2023/24,38.5\n"
)


def upload(client, data: bytes, name: str = "lginform.csv", **fields):
    return client.post(URL, {"file": SimpleUploadedFile(name, data), **fields}, follow=True)


def test_the_performance_team_imports_a_file_and_forms_a_group(client, performance_team):
    client.force_login(performance_team)
    page = upload(client, GOOD, group="Nearest neighbours", source="LG Inform").content.decode()
    assert "Imported 2 comparator values for 2 areas" in page
    assert ComparatorValue.objects.filter(source="LG Inform").count() == 2
    assert ComparatorGroup.objects.get().members.count() == 2
    assert "lginform.csv" in page  # listed among recent imports
    assert AuditEntry.objects.filter(user=performance_team).exists()


def test_a_bad_file_lists_every_problem_and_keeps_what_was_typed(client, performance_team):
    client.force_login(performance_team)
    bad = b"Area code,Area name,Indicator,Period,Value\nE1,A,NI 192,2023/24,many\n"
    response = upload(client, bad, group="Club")
    page = response.content.decode()
    assert "nothing was changed" in page
    assert "&#x27;many&#x27; is not a number" in page
    assert 'value="Club"' in page
    assert not ComparatorValue.objects.exists()


def test_a_file_of_another_kind_is_refused_by_the_form(client, performance_team):
    client.force_login(performance_team)
    page = upload(client, b"x", name="notes.txt").content.decode()
    assert "Upload a .csv file or an Excel workbook" in page


@pytest.mark.parametrize("role", ["officer", "viewer"])
def test_others_may_not_upload(client, request, role):
    client.force_login(request.getfixturevalue(role))
    assert client.get(URL).status_code == 403
    assert upload(client, GOOD).status_code == 403
    assert not ComparatorValue.objects.exists()


def test_the_summary_links_the_team_to_the_upload(client, performance_team, viewer):
    client.force_login(performance_team)
    assert URL in client.get(reverse("benchmarking")).content.decode()
    client.force_login(viewer)
    assert URL not in client.get(reverse("benchmarking")).content.decode()
