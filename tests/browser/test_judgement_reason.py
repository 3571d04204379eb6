"""A judgement that contradicts the target and tolerance, in Chromium: the officer is asked why
and keeps what was typed; the performance team's list shows it; axe and no sideways scroll."""

import re

import pytest
from playwright.sync_api import expect

from scorecard.models import Role
from tests.support.browser import person, sign_in, sign_out
from tests.support.factories import DirectorateFactory
from tests.support.periods import open_period
from tests.support.returns import measure_for

pytestmark = pytest.mark.django_db(transaction=True)

PAGE_WIDER_THAN_SCREEN = "document.documentElement.scrollWidth > window.innerWidth"


@pytest.mark.parametrize("width", [1366, 390])
def test_a_green_judgement_far_below_target_is_explained_and_listed(page, assert_accessible, width):
    directorate = DirectorateFactory(name="Environment & Economy")
    officer = person("olivia", Role.OFFICER, directorate)
    team = person("priya", Role.PERFORMANCE_TEAM, is_staff=True)
    q3 = open_period("2009/10 Q3")
    judged = measure_for(officer, q3, code="LOC 01", title="Waste strategy", rag_method="judgement")

    sign_in(page, officer)
    page.set_viewport_size({"width": width, "height": 900})
    page.goto(f"/returns/measure/{judged.pk}/{q3.pk}/")
    page.get_by_label("Actual").fill("35")
    page.get_by_label("RAG", exact=True).select_option("green")
    page.get_by_role("button", name="Submit for approval").click()
    expect(page.get_by_role("alert")).to_contain_text("target and tolerance give Red")
    expect(page.get_by_label("Actual")).to_have_value("35")
    assert not page.evaluate(PAGE_WIDER_THAN_SCREEN)
    assert_accessible(page)
    page.get_by_label("Why your RAG differs from the target and tolerance").fill(
        "New contract from January; the year-end figure will be met."
    )
    page.get_by_role("button", name="Submit for approval").click()
    expect(page.get_by_role("status")).to_contain_text("submitted")
    page.set_viewport_size({"width": 1366, "height": 900})
    sign_out(page)

    sign_in(page, team)
    page.set_viewport_size({"width": width, "height": 900})
    page.goto("/returns/progress/")
    page.get_by_role("link", name=re.compile("Judgements that differ from the rule")).click()
    row = page.get_by_role("row", name=re.compile("LOC 01"))
    expect(row).to_contain_text("New contract from January")
    expect(row).to_contain_text("Red: 35.0% is")
    assert not page.evaluate(PAGE_WIDER_THAN_SCREEN)
    assert_accessible(page)
