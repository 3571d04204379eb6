"""The pack services refuse people who may not edit packs, keep an audit entry when a pack is
made, finalised or reopened, and leave a final pack as it went to committee."""

from datetime import date

import pytest
from django.core.exceptions import PermissionDenied

from reporting.models import ReportPack
from reporting.packs import NARRATIVE, pack_fingerprint
from reporting.services import PackIsFinal, pack_create, pack_set_state, pack_update
from scorecard.models import Role
from scorecard.returns.audit import entries_about
from tests.support.packs import CABINET_TITLE, cabinet_pack

pytestmark = pytest.mark.django_db


def cover(period) -> dict:
    return {
        "title": CABINET_TITLE,
        "committee": "Cabinet",
        "meeting_date": date(2009, 12, 15),
        "period": period,
        "include_scorecard": True,
    }


@pytest.fixture
def clerk(role_user):
    return role_user(Role.COMMITTEE_CLERK, username="service-clerk")


@pytest.fixture
def officer(role_user):
    return role_user(Role.OFFICER, username="service-officer")


def test_a_clerk_creates_a_pack_with_its_narrative_drafted_and_audited(clerk, q2):
    pack = pack_create(user=clerk, values=cover(q2))

    assert pack.created_by == clerk
    assert all(getattr(pack, field) for field, _ in NARRATIVE[:1])
    [entry] = entries_about([pack])
    assert entry.user == clerk
    assert "Pack created" in entry.summary


def test_an_officer_cannot_create_a_pack(officer, q2):
    with pytest.raises(PermissionDenied):
        pack_create(user=officer, values=cover(q2))
    assert not ReportPack.objects.exists()


def test_finalising_a_pack_is_audited_with_its_state_before_and_after(clerk, q2):
    pack = cabinet_pack()

    pack_set_state(user=clerk, pack=pack, state=ReportPack.State.FINAL)

    pack.refresh_from_db()
    assert pack.state == ReportPack.State.FINAL
    [entry] = entries_about([pack])
    assert entry.user == clerk
    assert entry.changes == {"state": ["Draft", "Final"]}


def test_an_officer_cannot_finalise_or_reopen_a_pack(officer, q2):
    pack = cabinet_pack(state=ReportPack.State.FINAL)

    with pytest.raises(PermissionDenied):
        pack_set_state(user=officer, pack=pack, state=ReportPack.State.DRAFT)

    pack.refresh_from_db()
    assert pack.state == ReportPack.State.FINAL
    assert not entries_about([pack]).exists()


def test_a_pack_is_draft_or_final_and_nothing_else(clerk, q2):
    pack = cabinet_pack()
    with pytest.raises(ValueError, match="draft or final"):
        pack_set_state(user=clerk, pack=pack, state="published")
    pack.refresh_from_db()
    assert pack.state == ReportPack.State.DRAFT


def test_a_final_pack_cannot_be_edited(clerk, q2):
    pack = cabinet_pack(state=ReportPack.State.FINAL)

    with pytest.raises(PackIsFinal, match="reopen it as a draft"):
        pack_update(user=clerk, pack=pack, values={"committee": "Council"})

    pack.refresh_from_db()
    assert pack.committee == "Cabinet"


def test_a_reopened_pack_can_be_edited(clerk, q2):
    pack = cabinet_pack(state=ReportPack.State.FINAL)
    pack_set_state(user=clerk, pack=pack, state=ReportPack.State.DRAFT)

    pack_update(user=clerk, pack=pack, values={"committee": "Council"})

    pack.refresh_from_db()
    assert pack.committee == "Council"


def test_an_officer_cannot_edit_a_pack(officer, q2):
    pack = cabinet_pack()
    with pytest.raises(PermissionDenied):
        pack_update(user=officer, pack=pack, values={"committee": "Council"})
    pack.refresh_from_db()
    assert pack.committee == "Cabinet"


def test_another_pack_made_or_finalised_leaves_a_packs_stored_files_current(clerk, q2):
    # The fingerprint counts audit entries because measures' changes are audited; a pack's
    # own audit entries say nothing about another pack's figures.
    pack = cabinet_pack()
    before = pack_fingerprint(pack)

    other = pack_create(user=clerk, values={**cover(q2), "committee": "Scrutiny"})
    pack_set_state(user=clerk, pack=other, state=ReportPack.State.FINAL)

    assert pack_fingerprint(pack) == before
