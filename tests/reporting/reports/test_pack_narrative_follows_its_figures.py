"""A pack's drafted narrative follows its figures: when the clerk changes the period, the scope
or whether provisional figures count, the paragraphs still as drafted are drafted again, and
paragraphs the clerk wrote are kept with a warning to check them against the new figures.

Seen in review: a Q3 pack saved with provisional figures included still said "Of the 3
measures rated" while its summary counted four.
"""

import pytest

from reporting.models import ReportPack
from reporting.packs import pack_narrative_draft
from scorecard.models import ReportingPeriod, Role
from tests.support.packs import cover, edit_data

pytestmark = pytest.mark.django_db


@pytest.fixture
def clerk(demo_council, client, role_user):
    client.force_login(role_user(Role.COMMITTEE_CLERK, username="test-clerk"))
    return client


def q3() -> ReportingPeriod:
    return ReportingPeriod.objects.get(label="2009/10 Q3")


def test_an_untouched_narrative_is_redrafted_for_the_new_period(clerk, q2):
    clerk.post("/packs/new/", cover(q2))
    pack = ReportPack.objects.get()
    drafted_for_q2 = pack.going_well

    clerk.post(f"/packs/{pack.pk}/", edit_data(pack, period=q3().pk))

    pack.refresh_from_db()
    assert pack.going_well != drafted_for_q2
    assert pack.going_well == pack_narrative_draft(pack)["going_well"]
    assert pack.requires_attention == pack_narrative_draft(pack)["requires_attention"]


def test_the_clerks_own_words_are_kept_with_a_warning(clerk, q2):
    clerk.post("/packs/new/", cover(q2))
    pack = ReportPack.objects.get()
    typed = "Sickness absence remains the council's main concern."

    response = clerk.post(
        f"/packs/{pack.pk}/",
        edit_data(pack, period=q3().pk, requires_attention=typed),
        follow=True,
    )

    pack.refresh_from_db()
    assert pack.requires_attention == typed
    assert pack.going_well == pack_narrative_draft(pack)["going_well"]
    page = response.content.decode()
    assert "The figures changed: check What requires attention? against them." in page


def test_a_change_of_cover_only_leaves_the_narrative_alone(clerk, q2):
    clerk.post("/packs/new/", cover(q2))
    pack = ReportPack.objects.get()
    typed = "Sickness absence remains the council's main concern."
    clerk.post(f"/packs/{pack.pk}/", edit_data(pack, requires_attention=typed))

    response = clerk.post(
        f"/packs/{pack.pk}/",
        edit_data(pack, committee="Executive", requires_attention=typed),
        follow=True,
    )

    pack.refresh_from_db()
    assert pack.requires_attention == typed
    assert "The figures changed" not in response.content.decode()
