"""A person signs in with the keyboard and sees the home page; every page passes axe-core."""

import re
from decimal import Decimal

import pytest
from playwright.sync_api import expect

from scorecard.services.rating import results_rerate
from tests.support.factories import (
    PASSWORD,
    MeasureFactory,
    ObjectiveFactory,
    ResultFactory,
    TargetFactory,
)

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def framework():
    objective = ObjectiveFactory(code="CIP01", title="Be Recognised as an Excellent Authority")
    measure = MeasureFactory(code="NI 192", title="Household waste recycled")
    measure.objectives.add(objective)
    TargetFactory(measure=measure, value=Decimal("40"))
    ResultFactory(measure=measure, actual=Decimal("20"))
    results_rerate(measure_ids=[measure.pk])
    return measure


def test_officer_signs_in_to_my_returns_and_finds_objectives_with_rag_words(
    page, officer, framework, assert_accessible
):
    page.goto("/")
    expect(page).to_have_url(re.compile(r"/accounts/login/"))
    expect(page.get_by_role("heading", name="Sign in")).to_be_visible()
    assert_accessible(page)

    page.get_by_label("Username").fill(officer.username)
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_label("Password").press("Enter")

    expect(page.get_by_role("heading", name="My returns")).to_be_visible()
    assert_accessible(page)
    page.get_by_role("navigation", name="Main").get_by_role("link", name="Plans").click()
    expect(
        page.get_by_role("heading", name="Plans, objectives and their latest ratings")
    ).to_be_visible()
    row = page.get_by_role("row", name=re.compile("NI 192"))
    expect(row).to_contain_text("Red")
    assert_accessible(page)


def test_a_failed_sign_in_is_announced_and_keeps_the_username(page, viewer, assert_accessible):
    page.goto("/accounts/login/")
    page.get_by_label("Username").fill(viewer.username)
    page.get_by_label("Password").fill("wrong")
    page.get_by_role("button", name="Sign in").click()
    expect(page.get_by_role("alert")).to_contain_text("There is a problem")
    expect(page.get_by_label("Username")).to_have_value(viewer.username)
    assert_accessible(page)


def test_skip_link_is_the_first_thing_the_keyboard_reaches(page, assert_accessible):
    page.goto("/accessibility/")
    page.keyboard.press("Tab")
    expect(page.get_by_role("link", name="Skip to main content")).to_be_focused()
    assert_accessible(page)
