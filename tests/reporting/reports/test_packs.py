"""Report packs in the browser: who may make and read them, the narrative drafted from the facts,
editing, the preview, builds in the background, and a locked quarter's pack served from storage.

Builds run with django-tasks' ImmediateBackend (perfmgmt/settings/test.py); the build is
enqueued on commit, so each request that builds runs its on-commit callbacks.
"""

import re
from decimal import Decimal

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from reporting.models import PackBuild, ReportPack
from scorecard.models import Directorate, Measure, ReportingPeriod, Result, Role
from scorecard.returns.period_services import period_rerate
from scorecard.services.rating import results_rerate
from tests.support.packs import CABINET_TITLE, cabinet_pack, cover, edit_data
from tests.support.reports import Pdf, Xlsx, words

pytestmark = pytest.mark.django_db


@pytest.fixture
def as_role(demo_council, client, role_user):
    """A client signed in with one role."""

    def sign_in(role: Role | None):
        user = role_user(role, username=f"test-{role.name.lower() if role else 'nobody'}")
        client.force_login(user)
        return client

    return sign_in


@pytest.fixture
def clerk(as_role):
    return as_role(Role.COMMITTEE_CLERK)


@pytest.fixture
def small_pack(q2):
    """A Resources-only pack with the scorecard and exceptions: quick to build."""
    pack = cabinet_pack(include_improvement_plan=False)
    pack.directorates.add(Directorate.objects.get(name="Resources"))
    return pack


def build(client, pack: ReportPack, fmt: str, capture):
    with capture(execute=True):
        response = client.post(f"/packs/{pack.pk}/build/", {"format": fmt})
    assert response.status_code == 302
    match = re.fullmatch(rf"/packs/{pack.pk}/builds/(\d+)/", response["Location"])
    assert match, response["Location"]
    return PackBuild.objects.get(pk=int(match.group(1)))


def download(client, build: PackBuild) -> bytes:
    response = client.get(f"/packs/{build.pack_id}/builds/{build.pk}/download/")
    assert response.status_code == 200
    assert response["Content-Disposition"].startswith("attachment;")
    return b"".join(response.streaming_content)


# Who may do what


@pytest.mark.parametrize("role", [Role.COMMITTEE_CLERK, Role.PERFORMANCE_TEAM])
def test_clerks_and_the_performance_team_create_edit_and_build_packs(
    as_role, role, q2, django_capture_on_commit_callbacks
):
    client = as_role(role)
    assert client.get("/packs/new/").status_code == 200
    response = client.post("/packs/new/", cover(q2, include_improvement_plan=""))
    pack = ReportPack.objects.get(title=CABINET_TITLE)
    assert response["Location"] == f"/packs/{pack.pk}/"
    assert client.get(f"/packs/{pack.pk}/").status_code == 200
    response = client.post(f"/packs/{pack.pk}/", edit_data(pack, committee="Executive"))
    assert response.status_code == 302
    pack.refresh_from_db()
    assert pack.committee == "Executive"
    made = build(client, pack, "xlsx", django_capture_on_commit_callbacks)
    assert made.status == PackBuild.Status.DONE


def test_a_viewer_sees_only_final_packs(as_role, q2):
    draft = cabinet_pack(title="Draft for Q2", include_scorecard=False)
    final = cabinet_pack(title="Final for Q2", include_scorecard=False, state="final")
    client = as_role(Role.VIEWER)
    page = client.get("/packs/").content.decode()
    assert "Final for Q2" in page
    assert "Draft for Q2" not in page
    assert f'href="/packs/{final.pk}/preview/"' in page
    assert "Create a report pack" not in page
    assert client.get(f"/packs/{final.pk}/preview/").status_code == 200
    assert client.get(f"/packs/{draft.pk}/preview/").status_code == 403


def test_a_viewer_cannot_create_or_edit_a_pack(as_role, q2):
    final = cabinet_pack(include_scorecard=False, state="final")
    client = as_role(Role.VIEWER)
    assert client.get("/packs/new/").status_code == 403
    assert client.post("/packs/new/", cover(q2)).status_code == 403
    assert client.get(f"/packs/{final.pk}/").status_code == 403
    response = client.post(f"/packs/{final.pk}/", edit_data(final, title="Changed"))
    assert response.status_code == 403
    assert client.post(f"/packs/{final.pk}/state/", {"state": "draft"}).status_code == 403
    final.refresh_from_db()
    assert (final.title, final.state) == (CABINET_TITLE, "final")


@pytest.mark.parametrize("role", [Role.OFFICER, Role.APPROVER, None])
def test_officers_approvers_and_people_without_a_role_are_refused(as_role, role, q2):
    final = cabinet_pack(include_scorecard=False, state="final")
    client = as_role(role)
    for path in ("/packs/", "/packs/new/", f"/packs/{final.pk}/", f"/packs/{final.pk}/preview/"):
        assert client.get(path).status_code == 403, path
    assert client.post(f"/packs/{final.pk}/build/", {"format": "pdf"}).status_code == 403
    assert not PackBuild.objects.exists()


def test_packs_need_a_signed_in_user(demo_council, client):
    response = client.get("/packs/")
    assert response.status_code == 302
    assert response["Location"].startswith("/accounts/login/")


# The narrative


def test_a_new_pack_drafts_the_narrative_from_the_quarters_facts(clerk, q2):
    clerk.post("/packs/new/", cover(q2))
    pack = ReportPack.objects.get()
    # What requires attention: the Red items, with why.
    for code in ("BV 012", "LOC-FIN04", "NI 117"):
        assert code in pack.requires_attention
    assert re.match(r"\d+ items are Red: ", pack.requires_attention)
    # What is going well: Green and better than last year.
    assert "NI 192" in pack.going_well
    assert "improved on the same period last year" in pack.going_well
    # What is being done: the Red items' corrective actions.
    assert "Managing Attendance policy" in pack.being_done
    # What needs to develop: No Current Information.
    assert "No Current Information" in pack.needs_to_develop
    assert pack.recommendation == "The Cabinet is RECOMMENDED to note this report."


def test_the_edit_page_offers_the_drafted_narrative_for_editing(clerk, q2):
    response = clerk.post("/packs/new/", cover(q2), follow=True)
    page = response.content.decode()
    assert "Pack created. The narrative is drafted from the facts: edit it." in page
    for label in (
        "What is going well?",
        "What requires attention?",
        "What is being done about it?",
        "What needs to develop?",
        "Recommendation",
    ):
        assert f">{label}</label>" in page
    assert re.search(r'<textarea name="requires_attention"[^>]*>[^<]*BV 012', page)


def test_the_clerks_words_are_saved(clerk, q2):
    pack = cabinet_pack()
    typed = "Level 3 of the Equality Standard for Local Government was achieved."
    response = clerk.post(f"/packs/{pack.pk}/", edit_data(pack, going_well=typed))
    assert response.status_code == 302
    pack.refresh_from_db()
    assert pack.going_well == typed
    assert "Pack saved." in clerk.get(f"/packs/{pack.pk}/").content.decode()


def test_a_form_error_is_summarised_and_keeps_what_was_typed(clerk, q2):
    pack = cabinet_pack()
    typed = "Our own words about the quarter."
    response = clerk.post(
        f"/packs/{pack.pk}/", edit_data(pack, title="", meeting_date="31/02/2009", going_well=typed)
    )
    assert response.status_code == 200
    page = response.content.decode()
    summary = re.search(r'<div class="error-summary" role="alert".*?</div>', page, re.S)
    assert summary, "no error summary"
    assert "There is a problem" in summary.group()
    assert 'href="#id_title"' in summary.group()
    assert 'href="#id_meeting_date"' in summary.group()
    assert typed in page
    pack.refresh_from_db()
    assert pack.title == CABINET_TITLE
    assert pack.going_well != typed


def test_creating_without_the_required_cover_is_refused_with_a_summary(clerk, q2):
    response = clerk.post("/packs/new/", cover(q2, title="", committee=""))
    assert response.status_code == 200
    page = response.content.decode()
    assert "There is a problem" in page
    assert 'href="#id_title"' in page and 'href="#id_committee"' in page
    assert 'value="County Council Management Team"' in page
    assert not ReportPack.objects.exists()


def test_a_pack_goes_from_draft_to_final(clerk, as_role, q2):
    pack = cabinet_pack(include_scorecard=False)
    assert pack.state == "draft"
    clerk.post(f"/packs/{pack.pk}/state/", {"state": "final"})
    pack.refresh_from_db()
    assert pack.state == "final"
    assert "Final pack for Cabinet" in clerk.get(f"/packs/{pack.pk}/").content.decode()


# The preview


def test_the_preview_shows_the_narrative_and_the_annexes(clerk, q2):
    pack = cabinet_pack()
    pack.going_well = "Level 3 of the Equality Standard achieved."
    pack.save()
    response = clerk.get(f"/packs/{pack.pk}/preview/")
    assert response.status_code == 200
    page = words(re.sub(r"<[^>]+>", " ", response.content.decode()))
    for heading in (
        "What is going well?",
        "What requires attention?",
        "Recommendation",
        "Balanced scorecard",
        "Corporate Improvement Plan 2009/10",
        "Exceptions",
    ):
        assert heading in page
    assert "Level 3 of the Equality Standard achieved." in page
    assert "CABINET – 15 December 2009".lower() in page.lower()
    assert re.search(r"BV 012 Working days lost due to sickness absence per FTE", page)
    assert "R Red" in page
    assert "Download as PDF" in page and "Download as Excel" in page


# Builds


def test_building_the_pdf_gives_a_file_to_download(
    clerk, small_pack, django_capture_on_commit_callbacks
):
    made = build(clerk, small_pack, "pdf", django_capture_on_commit_callbacks)
    assert (made.status, made.progress, made.message) == ("done", 100, "Ready to download")
    assert made.finished_at is not None
    pdf = Pdf(download(clerk, made))
    assert pdf.metadata()["/Title"] == CABINET_TITLE
    assert "BV 012" in pdf.text
    assert "NI 191" not in pdf.text  # outside the Resources scope


def test_building_the_excel_file_gives_a_workbook_to_download(
    clerk, small_pack, django_capture_on_commit_callbacks
):
    made = build(clerk, small_pack, "xlsx", django_capture_on_commit_callbacks)
    assert made.status == "done"
    workbook = Xlsx(download(clerk, made))
    assert workbook.sheetnames == ["Summary", "Scorecard", "Exceptions"]
    assert workbook["Summary"]["A1"].value == CABINET_TITLE


def test_the_build_page_shows_progress_and_offers_the_download_when_ready(
    clerk, small_pack, django_capture_on_commit_callbacks
):
    made = build(clerk, small_pack, "xlsx", django_capture_on_commit_callbacks)
    page = clerk.get(f"/packs/{small_pack.pk}/builds/{made.pk}/").content.decode()
    assert re.search(r'<progress id="build-progress" max="100" value="100">', page)
    assert re.search(
        r'<p id="build-download">\s*<a [^>]*href="/packs/\d+/builds/\d+/download/"', page
    )
    assert "Ready: Ready to download" in page


def test_a_queued_build_shows_progress_and_hides_the_download(clerk, small_pack):
    queued = PackBuild.objects.create(pack=small_pack, format="pdf")
    page = clerk.get(f"/packs/{small_pack.pk}/builds/{queued.pk}/").content.decode()
    assert '<progress id="build-progress" max="100" value="0">' in page
    assert '<p id="build-download" hidden>' in page
    assert 'role="status"' in page and "Queued" in page
    response = clerk.get(f"/packs/{small_pack.pk}/builds/{queued.pk}/download/")
    assert response.status_code == 404


def test_the_build_status_is_offered_as_json_for_the_progress_display(
    clerk, small_pack, django_capture_on_commit_callbacks
):
    queued = PackBuild.objects.create(pack=small_pack, format="pdf")
    status = clerk.get(f"/packs/{small_pack.pk}/builds/{queued.pk}/?format=json").json()
    assert status == {
        "status": "queued",
        "status_display": "Queued",
        "progress": 0,
        "message": "",
        "ready": False,
    }
    made = build(clerk, small_pack, "xlsx", django_capture_on_commit_callbacks)
    status = clerk.get(f"/packs/{small_pack.pk}/builds/{made.pk}/?format=json").json()
    assert status == {
        "status": "done",
        "status_display": "Ready",
        "progress": 100,
        "message": "Ready to download",
        "ready": True,
    }


def test_a_build_of_another_packs_file_is_not_found(
    clerk, small_pack, django_capture_on_commit_callbacks
):
    other = cabinet_pack(title="Another pack", include_scorecard=False)
    made = build(clerk, small_pack, "xlsx", django_capture_on_commit_callbacks)
    assert clerk.get(f"/packs/{other.pk}/builds/{made.pk}/").status_code == 404
    assert clerk.get(f"/packs/{other.pk}/builds/{made.pk}/download/").status_code == 404


def test_only_pdf_and_excel_are_built(clerk, small_pack):
    assert clerk.post(f"/packs/{small_pack.pk}/build/", {"format": "docx"}).status_code == 404
    assert not PackBuild.objects.exists()


def test_a_viewer_downloads_a_final_pack(as_role, small_pack, django_capture_on_commit_callbacks):
    small_pack.state = "final"
    small_pack.save()
    viewer = as_role(Role.VIEWER)
    made = build(viewer, small_pack, "xlsx", django_capture_on_commit_callbacks)
    assert Xlsx(download(viewer, made))["Summary"]["A1"].value == CABINET_TITLE


# A locked quarter's pack is built once


def lock(period: ReportingPeriod) -> None:
    period.state = ReportingPeriod.State.LOCKED
    period.save()


def test_a_locked_quarters_unchanged_pack_is_served_from_storage(
    clerk, small_pack, django_capture_on_commit_callbacks
):
    lock(small_pack.period)
    first = build(clerk, small_pack, "xlsx", django_capture_on_commit_callbacks)
    again = build(clerk, small_pack, "xlsx", django_capture_on_commit_callbacks)
    assert again.pk == first.pk
    assert PackBuild.objects.count() == 1
    # A PDF is a different file: it is built.
    pdf = build(clerk, small_pack, "pdf", django_capture_on_commit_callbacks)
    assert pdf.pk != first.pk


def test_an_open_quarters_pack_is_built_every_time(
    clerk, small_pack, django_capture_on_commit_callbacks
):
    first = build(clerk, small_pack, "xlsx", django_capture_on_commit_callbacks)
    again = build(clerk, small_pack, "xlsx", django_capture_on_commit_callbacks)
    assert again.pk != first.pk


def test_a_changed_result_in_a_locked_quarter_makes_a_new_build(
    clerk, small_pack, django_capture_on_commit_callbacks
):
    lock(small_pack.period)
    first = build(clerk, small_pack, "xlsx", django_capture_on_commit_callbacks)
    result = Result.objects.get(measure__code="BV 012", period=small_pack.period)
    result.actual = Decimal("7.4")
    result.save()
    results_rerate(measure_ids=[result.measure_id])
    again = build(clerk, small_pack, "xlsx", django_capture_on_commit_callbacks)
    assert again.pk != first.pk
    rows = {r[1]: r for r in Xlsx(download(clerk, again))["Scorecard"].iter_rows(values_only=True)}
    assert rows["BV 012"][5] == pytest.approx(7.4)


def test_an_edited_pack_in_a_locked_quarter_makes_a_new_build(
    clerk, small_pack, django_capture_on_commit_callbacks
):
    lock(small_pack.period)
    first = build(clerk, small_pack, "xlsx", django_capture_on_commit_callbacks)
    clerk.post(f"/packs/{small_pack.pk}/", edit_data(small_pack, title="Q2 Performance (revised)"))
    again = build(clerk, small_pack, "xlsx", django_capture_on_commit_callbacks)
    assert again.pk != first.pk
    assert Xlsx(download(clerk, again))["Summary"]["A1"].value == "Q2 Performance (revised)"


def test_a_locked_quarter_rerated_by_a_new_tolerance_makes_a_new_build(
    clerk, q2, performance_team, django_capture_on_commit_callbacks
):
    pack = cabinet_pack(include_improvement_plan=False)
    pack.directorates.add(Directorate.objects.get(name="Environment & Economy"))
    lock(q2)
    first = build(clerk, pack, "xlsx", django_capture_on_commit_callbacks)
    first_rows = {
        r[1]: r for r in Xlsx(download(clerk, first))["Scorecard"].iter_rows(values_only=True)
    }
    assert first_rows["NI 191"][6] == "A"  # 305.8 kg against 299.0 kg, within 5%
    measure = Measure.objects.get(code="NI 191")
    measure.tolerance_amount = Decimal("1")
    measure.save()
    # A locked quarter keeps its signed-off RAG until the performance team re-rates it.
    period_rerate(period=q2, user=performance_team, reason="The 1% tolerance applies to Q2.")
    assert Result.objects.get(measure=measure, period=q2).rag == "red"
    again = build(clerk, pack, "xlsx", django_capture_on_commit_callbacks)
    assert again.pk != first.pk
    rows = {r[1]: r for r in Xlsx(download(clerk, again))["Scorecard"].iter_rows(values_only=True)}
    assert rows["NI 191"][6] == "R"


# Queries


def queries(client, path: str) -> int:
    """The queries of a page, once the session the sign-in started has been saved."""
    client.get(path)
    with CaptureQueriesContext(connection) as captured:
        assert client.get(path).status_code == 200
    return len(captured.captured_queries)


def test_the_list_costs_the_same_queries_for_two_packs_or_twelve(clerk, q2):
    for n in range(2):
        cabinet_pack(title=f"Pack {n}", include_scorecard=False)
    few = queries(clerk, "/packs/")
    for n in range(2, 12):
        cabinet_pack(title=f"Pack {n}", include_scorecard=False)
    assert queries(clerk, "/packs/") == few


def test_the_edit_page_costs_the_same_queries_for_one_build_or_six(clerk, small_pack):
    PackBuild.objects.create(pack=small_pack, format="pdf")
    path = f"/packs/{small_pack.pk}/"
    one = queries(clerk, path)
    for _ in range(5):
        PackBuild.objects.create(pack=small_pack, format="xlsx", status="done", progress=100)
    small_pack.directorates.add(*Directorate.objects.all())
    assert queries(clerk, path) == one
    assert one < 25
