"""The three-minute return in Chromium: ten routine updates on the Update-all page, counted.

A routine update is: copy last quarter's commentary forward, enter the value, submit (issue 12,
"The officer's return"): at most three actions per item. The RAG and its reason change as the
value is typed. Run at a desktop and a phone width; axe on every state; no sideways scroll.
"""

import re
from decimal import Decimal

import pytest
from playwright.sync_api import expect

from scorecard.models import Result, Role
from tests.support.browser import person, sign_in
from tests.support.factories import DirectorateFactory, ResultFactory, TargetFactory
from tests.support.periods import open_period, period
from tests.support.returns import measure_for

pytestmark = pytest.mark.django_db(transaction=True)

ITEMS = 10
PAGE_WIDER_THAN_SCREEN = "document.documentElement.scrollWidth > window.innerWidth"


@pytest.fixture
def ten_measures():
    directorate = DirectorateFactory(name="Environment & Economy")
    officer = person("olivia", Role.OFFICER, directorate, first_name="Olivia")
    q3 = open_period("2009/10 Q3")
    q2 = period("2009/10 Q2")
    q2.state = "closed"
    q2.save()
    q1 = period("2009/10 Q1")  # a second earlier period beside the inputs, with its target
    measures = []
    for n in range(1, ITEMS + 1):
        measure = measure_for(
            officer, q3, code=f"LPI {n:02}", title=f"Local measure {n}", directorate=directorate
        )
        ResultFactory(
            measure=measure,
            period=q2,
            actual=Decimal("51"),
            commentary=f"Steady on last year: measure {n} held its course.",
            status="approved",
        )
        TargetFactory(measure=measure, period=q1, value=Decimal("50"))
        ResultFactory(
            measure=measure,
            period=q1,
            actual=Decimal("48.5"),
            commentary="A longer note from the first quarter, which must wrap inside its "
            "column on a phone: contractors changed in May and the figures took a while.",
            status="approved",
        )
        measures.append(measure)
    return officer, q3, measures


class Counter:
    """Every click and every value typed by the officer: the actions the issue counts."""

    def __init__(self, page):
        self.page, self.count = page, 0

    def click(self, locator):
        self.count += 1
        locator.click()

    def fill(self, locator, text):
        self.count += 1
        locator.fill(text)


@pytest.mark.parametrize("width", [1366, 390])
def test_ten_routine_updates_take_at_most_three_actions_each(
    page, ten_measures, assert_accessible, width
):
    officer, q3, measures = ten_measures
    sign_in(page, officer)  # at full width, where "Sign out" shows without the menu
    page.set_viewport_size({"width": width, "height": 900})
    page.goto(f"/returns/period/{q3.pk}/all/")
    expect(page.get_by_role("heading", name=re.compile("Update all returns"))).to_be_visible()
    assert not page.evaluate(PAGE_WIDER_THAN_SCREEN)
    assert_accessible(page)

    # The earlier periods' values, targets and comments sit beside the inputs, latest first.
    first = page.get_by_role("row", name=re.compile("LPI 01"))
    earlier = first.locator("td.earlier li")
    expect(earlier).to_have_count(2)
    expect(earlier.nth(1)).to_contain_text("2009/10 Q1 48.5% against 50.0%")
    expect(earlier.nth(1)).to_contain_text("contractors changed in May")

    # The RAG and its reason follow the value as it is typed, before anything is saved.
    page.get_by_label("Actual, LPI 01").fill("20")
    expect(first.locator("[data-rag-output]")).to_contain_text("Red")
    expect(first.locator("[data-rag-output]")).to_contain_text("worse than the target of 50.0%")
    assert_accessible(page)
    page.get_by_label("Actual, LPI 01").fill("")
    expect(first.locator("[data-rag-output]")).to_contain_text("Not rated")

    officer_does = Counter(page)
    for measure in measures:
        officer_does.click(
            page.get_by_role("button", name=f"Copy commentary forward for {measure.code}")
        )
        officer_does.fill(page.get_by_label(f"Actual, {measure.code}"), "55")
    expect(first.locator("[data-rag-output]")).to_contain_text("Green")
    assert not page.evaluate(PAGE_WIDER_THAN_SCREEN)
    officer_does.click(page.get_by_role("button", name="Submit every completed row"))
    expect(page.get_by_role("status")).to_contain_text(f"{ITEMS} returns submitted")
    assert_accessible(page)

    assert officer_does.count <= 3 * ITEMS
    assert officer_does.count == 2 * ITEMS + 1
    results = Result.objects.filter(period=q3).order_by("measure__code")
    assert [(r.status, r.rag, r.actual) for r in results] == [
        ("submitted", "green", Decimal("55"))
    ] * ITEMS
    assert results[3].commentary == "Steady on last year: measure 4 held its course."


def test_without_javascript_copy_and_check_still_work(chromium, live_server, ten_measures):
    officer, q3, _ = ten_measures
    context = chromium.new_context(
        base_url=live_server.url, locale="en-GB", java_script_enabled=False
    )
    page = context.new_page()
    sign_in(page, officer)
    page.goto(f"/returns/period/{q3.pk}/all/")
    page.get_by_label("Actual, LPI 02").fill("20")
    page.get_by_role("button", name="Copy commentary forward for LPI 02").click()
    expect(page.get_by_label("Commentary, LPI 02")).to_have_value(
        "Steady on last year: measure 2 held its course."
    )
    expect(page.get_by_label("Actual, LPI 02")).to_have_value("20")
    page.get_by_role("button", name="Check every RAG").click()
    row = page.get_by_role("row", name=re.compile("LPI 02"))
    expect(row.locator("[data-rag-output]")).to_contain_text("Red")
    assert not Result.objects.filter(period=q3).exists()
    context.close()
