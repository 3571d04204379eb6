"""Notifications in Chromium: a return sent back shows in the officer's header count, is read on
the notifications page, and the email choice is kept; axe on each page, no sideways scroll."""

import re
from decimal import Decimal

import pytest
from playwright.sync_api import expect

from scorecard.models import OfficerProfile, Result
from scorecard.returns import services
from tests.support.browser import sign_in

pytestmark = pytest.mark.django_db(transaction=True)

PAGE_WIDER_THAN_SCREEN = "document.documentElement.scrollWidth > window.innerWidth"


@pytest.mark.parametrize("width", [1366, 390])
def test_a_return_sent_back_reaches_its_officer(page, council, assert_accessible, width):
    officer, approver = council["officer"], council["approver"]
    services.return_save(
        user=officer,
        item=council["measure"],
        period=council["q3"],
        values={"actual": Decimal("55")},
        version=0,
        submit=True,
    )
    ret = Result.objects.get(period=council["q3"])
    services.return_send_back(user=approver, ret=ret, comment="Give the tonnage behind 55%.")

    sign_in(page, officer)
    page.set_viewport_size({"width": width, "height": 900})
    page.goto("/returns/")
    if width < 600:
        page.get_by_role("button", name="Menu").click()
    link = page.get_by_role("link", name=re.compile("Notifications 1 unread"))
    expect(link).to_be_visible()
    link.click()
    expect(page.get_by_text("Give the tonnage behind 55%.")).to_be_visible()
    assert not page.evaluate(PAGE_WIDER_THAN_SCREEN)
    assert_accessible(page)

    page.get_by_role("button", name="Mark all as read").click()
    expect(page.get_by_role("status")).to_contain_text("1 notification read")
    page.get_by_label("Also send me these notifications by email").uncheck()
    page.get_by_role("button", name="Save my choice").click()
    expect(page.get_by_role("status")).to_contain_text("not by email")
    assert_accessible(page)
    assert OfficerProfile.objects.get(user=officer).email_notifications is False
