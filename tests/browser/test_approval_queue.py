"""The approver's queue in Chromium: decide from the page, approve several at once; axe and no
sideways scroll at desktop and phone widths."""

import re
from decimal import Decimal

import pytest
from playwright.sync_api import expect

from scorecard.models import Result, Role
from scorecard.services.rating import results_rerate
from tests.support.browser import person, sign_in
from tests.support.factories import DirectorateFactory, ResultFactory
from tests.support.periods import open_period
from tests.support.returns import measure_for

pytestmark = pytest.mark.django_db(transaction=True)

PAGE_WIDER_THAN_SCREEN = "document.documentElement.scrollWidth > window.innerWidth"


@pytest.mark.parametrize("width", [1366, 390])
def test_approve_two_of_three_at_once(page, assert_accessible, width):
    directorate = DirectorateFactory(name="Environment & Economy")
    officer = person("olivia", Role.OFFICER, directorate)
    approver = person("adam", Role.APPROVER, directorate)
    q3 = open_period("2009/10 Q3")
    for n, actual in enumerate(("55", "46", "20")):
        measure = measure_for(officer, q3, code=f"LPI {n}", directorate=directorate)
        ResultFactory(
            measure=measure,
            period=q3,
            actual=Decimal(actual),
            status="submitted",
            entered_by=officer,
            commentary=f"Commentary {n}.",
            corrective_action="Extra rounds." if actual == "20" else "",
        )
    results_rerate(measure_ids=list(Result.objects.values_list("measure_id", flat=True)))

    sign_in(page, approver)
    page.set_viewport_size({"width": width, "height": 900})
    page.goto("/returns/approvals/")
    red = page.get_by_role("row", name=re.compile("LPI 2"))
    expect(red).to_contain_text("50.0%")
    expect(red).to_contain_text("Red: 20.0% is")
    expect(red).to_contain_text("Extra rounds.")
    assert not page.evaluate(PAGE_WIDER_THAN_SCREEN)
    assert_accessible(page)

    page.get_by_label("Select LPI 0 2009/10 Q3").check()
    page.get_by_label("Select LPI 1 2009/10 Q3").check()
    page.get_by_role("button", name="Approve selected").click()
    expect(page.get_by_role("status")).to_contain_text("2 returns approved: LPI 0, LPI 1")
    expect(page.get_by_role("row", name=re.compile("LPI 2"))).to_be_visible()
    assert_accessible(page)
    statuses = dict(Result.objects.values_list("measure__code", "status"))
    assert statuses == {"LPI 0": "approved", "LPI 1": "approved", "LPI 2": "submitted"}
