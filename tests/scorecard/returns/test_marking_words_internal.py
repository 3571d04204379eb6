"""Commentary and corrective action marked internal (issue 14): set on the return form and the
Update-all page, audited like any other change, and never reset by a write that does not
mention them (the Update-all page's untouched rows, the Excel return, the API)."""

from decimal import Decimal

import pytest
from django.contrib.contenttypes.models import ContentType
from django.urls import reverse
from rest_framework.test import APIClient

from scorecard.models import AuditEntry, Result
from scorecard.services.rating import results_rerate
from scorecard.services.tokens import token_create
from tests.support.factories import ResultFactory
from tests.support.returns import (
    as_upload,
    column,
    confirm,
    download,
    edit_url,
    result_form,
    row_numbers,
)

pytestmark = pytest.mark.django_db

BOTH = ("commentary_internal", "corrective_action_internal")


def entries(result: Result):
    """The audit entries of this result (not of an action update or token that shares its pk)."""
    return AuditEntry.objects.filter(
        object_id=result.pk, content_type=ContentType.objects.get_for_model(Result)
    )


def flags(result: Result) -> tuple[bool, bool]:
    result.refresh_from_db()
    return (result.commentary_internal, result.corrective_action_internal)


@pytest.fixture
def marked(measure, q3):
    """NI 192's Q3 draft, Red, with both its commentary and corrective action marked internal."""
    result = ResultFactory(
        measure=measure,
        period=q3,
        actual=Decimal("20"),
        commentary="Contractor Smith is underperforming",
        corrective_action="Disciplinary process for the depot manager",
        commentary_internal=True,
        corrective_action_internal=True,
        status="draft",
    )
    results_rerate(measure_ids=[measure.pk])
    result.refresh_from_db()
    assert result.rag == "red"
    return result


def test_the_form_has_a_labelled_box_under_each_text_box(client, officer, measure, q3):
    client.force_login(officer)
    page = client.get(edit_url(measure, q3)).content.decode()
    for name, words in (("commentary", "commentary"), ("corrective_action", "corrective action")):
        label = f'<label for="id_{name}_internal">Internal: keep the {words} off the public pages'
        assert label in page
        # Under its own text box, so it is read (and tabbed to) right after it.
        assert page.index(f'id="id_{name}"') < page.index(f'id="id_{name}_internal"')


def test_the_officer_marks_both_internal_and_the_change_is_audited(client, officer, measure, q3):
    client.force_login(officer)
    data = result_form(
        actual="20",
        commentary="Contractor Smith is underperforming",
        corrective_action="New contract from April",
        commentary_internal="on",
        corrective_action_internal="on",
    )
    assert client.post(edit_url(measure, q3), data).status_code == 302
    result = Result.objects.get(measure=measure, period=q3)
    assert flags(result) == (True, True)
    entry = entries(result).get()
    assert entry.changes["commentary_internal"] == ["", "Yes"]
    assert entry.changes["corrective_action_internal"] == ["", "Yes"]
    page = client.get(edit_url(measure, q3)).content.decode()
    assert "Commentary kept off the public pages: blank → Yes" in page


def test_a_new_result_left_public_has_no_line_about_it_in_its_history(client, officer, measure, q3):
    client.force_login(officer)
    client.post(edit_url(measure, q3), result_form(actual="55", commentary="Up."))
    result = Result.objects.get(measure=measure, period=q3)
    assert flags(result) == (False, False)
    assert not set(BOTH) & set(entries(result).get().changes)


def test_unticking_makes_the_words_public_again_and_is_audited(
    client, officer, marked, measure, q3
):
    client.force_login(officer)
    page = client.get(edit_url(measure, q3)).content.decode()
    assert 'name="commentary_internal" id="id_commentary_internal" checked' in page
    data = result_form(
        "draft",
        version=marked.version,
        actual="20",
        commentary=marked.commentary,
        corrective_action=marked.corrective_action,
        corrective_action_internal="on",  # the commentary's box unticked
    )
    assert client.post(edit_url(measure, q3), data).status_code == 302
    assert flags(marked) == (False, True)
    entry = entries(marked).get()
    assert entry.changes == {"commentary_internal": ["Yes", "No"]}


def update_all(q3) -> str:
    return reverse("returns:update_all", args=[q3.pk])


def test_update_all_shows_each_rows_boxes_ticked_as_stored(client, officer, marked, action, q3):
    client.force_login(officer)
    page = client.get(update_all(q3)).content.decode()
    key = f"m{marked.measure_id}"
    assert f'name="{key}-commentary_internal" id="id_{key}-commentary_internal" checked' in page
    assert "Internal: keep the commentary off the public pages" in page
    assert f'<span class="visually-hidden">, {marked.measure.code}</span>' in page


def test_update_all_keeps_the_marks_of_a_row_the_officer_did_not_touch(
    client, officer, marked, action, q3
):
    """The browser posts the untouched row as it was shown: its boxes ticked, as stored."""
    client.force_login(officer)
    key = f"m{marked.measure_id}"
    data = {
        "action": "draft",
        f"{key}-version": marked.version,
        f"{key}-actual": "20",
        f"{key}-commentary": marked.commentary,
        f"{key}-corrective_action": marked.corrective_action,
        f"{key}-commentary_internal": "on",
        f"{key}-corrective_action_internal": "on",
        f"a{action.pk}-version": 0,
        f"a{action.pk}-rag": "green",
        f"a{action.pk}-commentary": "On track.",
    }
    assert client.post(update_all(q3), data).status_code == 302
    assert flags(marked) == (True, True)
    assert marked.version == 1  # not saved at all: nothing in it changed
    assert not entries(marked).exists()


def test_update_all_ticks_a_box_and_audits_it(client, officer, measure, q3):
    client.force_login(officer)
    key = f"m{measure.pk}"
    data = {
        "action": "submit",
        f"{key}-version": 0,
        f"{key}-actual": "55",
        f"{key}-commentary": "Contractor Smith did well",
        f"{key}-commentary_internal": "on",
    }
    assert client.post(update_all(q3), data).status_code == 302
    result = Result.objects.get(measure=measure, period=q3)
    assert flags(result) == (True, False)
    assert entries(result).get().changes["commentary_internal"][1] == "Yes"


def upload_actual(client, q3, actual: int) -> None:
    """Download the officer's Excel return, type NI 192's actual, upload it and confirm."""
    workbook = download(client, q3)
    results = workbook["Results"]
    results.cell(row_numbers(results)["NI 192"], column(results, "Actual"), actual)
    upload = {"period": q3.pk, "file": as_upload(workbook)}
    response = client.post(reverse("returns:upload"), upload)
    assert "Check what will change" in response.content.decode()
    assert confirm(client).status_code == 302


def test_an_excel_return_keeps_the_marks_it_has_no_column_for(client, officer, marked, q3):
    client.force_login(officer)
    upload_actual(client, q3, 19)
    marked.refresh_from_db()
    assert (marked.actual, marked.status) == (Decimal("19"), "submitted")
    assert flags(marked) == (True, True)
    assert not set(BOTH) & set(entries(marked).get().changes)


def test_an_excel_return_of_a_new_result_leaves_its_words_public(client, officer, measure, q3):
    client.force_login(officer)
    upload_actual(client, q3, 55)
    assert flags(Result.objects.get(measure=measure, period=q3)) == (False, False)


@pytest.fixture
def api(officer):
    client = APIClient()
    client.credentials(HTTP_AUTHORIZATION=f"Bearer {token_create(user=officer, name='BI').secret}")
    return client


def api_row(result: Result, **fields) -> dict:
    return {"code": "NI 192", "period": result.period.label, "version": result.version, **fields}


def test_the_api_keeps_the_marks_when_a_row_leaves_them_out(api, marked):
    response = api.post("/api/v1/returns/", {"rows": [api_row(marked, actual="21")]}, format="json")
    assert response.status_code == 200, response.json()
    marked.refresh_from_db()
    assert marked.actual == Decimal("21") and flags(marked) == (True, True)


def test_the_api_sets_a_mark_when_a_row_gives_it(api, marked):
    row = api_row(marked, commentary_internal=False)
    assert api.post("/api/v1/returns/", {"rows": [row]}, format="json").status_code == 200
    assert flags(marked) == (False, True)
    entry = entries(marked).get()
    assert entry.changes == {"commentary_internal": ["Yes", "No"]}
    assert entry.user.username == "officer"


def test_the_approver_sees_which_words_are_kept_internal(client, officer, approver, marked):
    Result.objects.filter(pk=marked.pk).update(status="submitted", entered_by=officer)
    client.force_login(approver)
    page = client.get(reverse("returns:approvals")).content.decode()
    assert "Contractor Smith is underperforming" in page
    assert "Internal: kept off the public pages." in page
    assert "Corrective action (internal, kept off the public pages):" in page
