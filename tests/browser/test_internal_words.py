"""In Chromium on a phone: the officer marks a Red result's commentary and corrective action
internal with the keyboard (issue 14); the Update-all page shows both boxes ticked. axe finds
nothing and neither page scrolls sideways at 390 px."""

import pytest
from playwright.sync_api import expect

from scorecard.models import Result
from tests.support.browser import sign_in

pytestmark = pytest.mark.django_db(transaction=True)

COMMENTARY_BOX = "Internal: keep the commentary off the public pages"
ACTION_BOX = "Internal: keep the corrective action off the public pages"
SIDEWAYS = "document.scrollingElement.scrollWidth"


def test_the_officer_marks_words_internal_with_the_keyboard_on_a_phone(
    page, council, assert_accessible
):
    sign_in(page, council["officer"])
    page.set_viewport_size({"width": 390, "height": 800})  # after signing in: Sign out folds
    page.goto(f"/returns/measure/{council['measure'].pk}/{council['q3'].pk}/")
    page.get_by_label("Actual").fill("20")
    page.get_by_label("Commentary", exact=True).fill("Contractor Smith is underperforming.")
    page.keyboard.press("Tab")  # the box under the commentary comes next
    expect(page.get_by_label(COMMENTARY_BOX)).to_be_focused()
    page.keyboard.press("Space")
    page.get_by_label("Corrective action", exact=True).fill("Disciplinary process.")
    page.keyboard.press("Tab")
    expect(page.get_by_label(ACTION_BOX)).to_be_focused()
    page.keyboard.press("Space")
    expect(page.get_by_label(COMMENTARY_BOX)).to_be_checked()
    expect(page.get_by_label(ACTION_BOX)).to_be_checked()
    assert page.evaluate(SIDEWAYS) <= 390
    assert_accessible(page)
    page.get_by_role("button", name="Submit for approval").click()
    expect(page.get_by_role("status")).to_contain_text("NI 192 2009/10 Q3 submitted")
    result = Result.objects.get(measure=council["measure"], period=council["q3"])
    assert (result.commentary_internal, result.corrective_action_internal) == (True, True)

    page.goto(f"/returns/period/{council['q3'].pk}/all/")
    expect(page.get_by_label(f"{COMMENTARY_BOX}, NI 192")).to_be_checked()
    expect(page.get_by_label(f"{ACTION_BOX}, NI 192")).to_be_checked()
    assert page.evaluate(SIDEWAYS) <= 390, "the Update-all page scrolls sideways"
    assert_accessible(page)
