"""In Chromium: a recycling rate of 150% asks the officer to confirm it, then is saved."""

import re
from decimal import Decimal

import pytest
from playwright.sync_api import expect

from scorecard.models import Result
from tests.support.browser import sign_in  # noqa: F401 (fixture)

pytestmark = pytest.mark.django_db(transaction=True)


def test_an_implausible_actual_is_saved_once_the_officer_confirms_it(
    page,
    council,  # noqa: F811
    assert_accessible,
):
    sign_in(page, council["officer"])
    page.goto(f"/returns/measure/{council['measure'].pk}/{council['q3'].pk}/")
    page.get_by_label("Actual").fill("150")
    page.get_by_label("Commentary", exact=True).fill("New garden waste service.")
    page.get_by_role("button", name="Submit for approval").click()

    expect(page.get_by_role("alert")).to_contain_text("Actual: 150% is outside 0 to 100%")
    expect(page.get_by_label("Actual")).to_have_value("150")
    expect(page.get_by_label("Commentary", exact=True)).to_have_value("New garden waste service.")
    assert_accessible(page)
    assert not Result.objects.filter(period=council["q3"]).exists()

    page.get_by_label("Yes, this value is right").check()
    page.get_by_role("button", name="Submit for approval").click()
    expect(page.get_by_role("status")).to_contain_text(re.compile("NI 192 2009/10 Q3 submitted"))
    result = Result.objects.get(period=council["q3"])
    assert (result.actual, result.status) == (Decimal("150"), "submitted")
