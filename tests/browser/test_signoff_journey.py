"""Sign-off in Chromium: a locked quarter re-rated with a reason; an approver's own return
explained in the queue. axe-core finds no WCAG 2.2 A/AA violation on any page visited."""

import re
from decimal import Decimal

import pytest
from playwright.sync_api import expect

from scorecard.models import Measure, Result, Role
from scorecard.returns import services
from scorecard.services.rating import results_rerate
from tests.support.browser import person, sign_in
from tests.support.factories import DirectorateFactory, ResultFactory, TargetFactory
from tests.support.periods import open_period
from tests.support.returns import measure_for

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def council():
    directorate = DirectorateFactory(name="Environment & Economy")
    officer = person("olivia", Role.OFFICER, directorate, first_name="Olivia")
    approver = person("adam", Role.APPROVER, directorate, first_name="Adam")
    team = person("priya", Role.PERFORMANCE_TEAM, is_staff=True, first_name="Priya")
    q2, q3 = open_period("2009/10 Q2"), open_period("2009/10 Q3")
    measure = measure_for(
        officer, q3, code="NI 192", title="Household waste recycled", directorate=directorate
    )
    measure.updaters.add(approver)
    TargetFactory(measure=measure, period=q2, value=Decimal("50"))
    ResultFactory(measure=measure, period=q2, actual=Decimal("46"))
    results_rerate(measure_ids=[measure.pk])
    q2.state = "locked"
    q2.save()
    return {"officer": officer, "approver": approver, "team": team, "q2": q2, "q3": q3}


def test_the_team_rerates_a_locked_quarter_with_a_reason(page, council, assert_accessible):
    Measure.objects.filter(code="NI 192").update(tolerance_amount=Decimal("5"))
    sign_in(page, council["team"])
    page.goto(f"/returns/periods/{council['q2'].pk}/")
    button = page.get_by_role("button", name="Re-rate 2009/10 Q2")
    button.click()
    expect(page.get_by_role("alert")).to_contain_text("Give a reason for re-rating the period.")
    assert_accessible(page)
    page.get_by_label("Reason for re-rating").fill("Cabinet applied the 5% tolerance to Q2.")
    page.get_by_role("button", name="Re-rate 2009/10 Q2").click()
    expect(page.get_by_role("status")).to_contain_text("1 result re-rated")
    expect(page.get_by_text(re.compile("Re-rated 1 result: 2009/10 Q2"))).to_be_visible()
    assert_accessible(page)
    assert Result.objects.get(period=council["q2"]).rag == "red"


def test_the_approver_is_told_why_their_own_return_has_no_approve_button(
    page, council, assert_accessible
):
    approver = council["approver"]
    services.return_save(
        user=approver,
        item=Measure.objects.get(code="NI 192"),
        period=council["q3"],
        values={"actual": Decimal("55"), "commentary": "On track."},
        version=0,
        submit=True,
    )
    sign_in(page, approver)
    page.goto("/returns/approvals/")
    row = page.get_by_role("row", name=re.compile("NI 192"))
    expect(row).to_contain_text("someone else must approve it")
    expect(row.get_by_role("button", name=re.compile("Approve"))).to_have_count(0)
    assert_accessible(page)
