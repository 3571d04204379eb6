"""Charts and tables people can read on a desk and on a phone (issue 12).

The measure page, the dashboard and My returns at 1366 and 390 px: no page wider than the
screen, axe finds nothing, every chart is at least 220 px tall with its words at body size,
and no cell of My returns cuts off its figure (a target of £123,456,789.5 included).
Screenshots go to test-artefacts/screens/ (ignored by git) for a person to look at.
"""

from pathlib import Path

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command

from scorecard.management.commands.load_demo import demo_password
from scorecard.models import ReportingPeriod
from tests.browser.test_role_landing import assert_fits, sign_in
from tests.support.returns import measure_for

pytestmark = pytest.mark.django_db(transaction=True)

SCREENS = Path(__file__).resolve().parents[2] / "test-artefacts" / "screens"
PAGES = {
    "measure": "/measures/BV 012/",
    "dashboard": "/dashboard/",
    "my-returns": "/returns/",
    "improvement-plan": "/plans/CIP-2009/improvement-plan/",
    "scorecard": "/scorecard/",
    "items": "/items/",
}
CHARTS = """() => [...document.querySelectorAll('main svg.chart')].map(svg => ({
  height: svg.getBoundingClientRect().height,
  scrolls: svg.parentElement.scrollWidth > svg.parentElement.clientWidth,
  fonts: [...new Set([...svg.querySelectorAll('text')]
    .map(t => parseFloat(getComputedStyle(t).fontSize)))],
}))"""
BODY_FONT = "() => parseFloat(getComputedStyle(document.querySelector('main p, main dd')).fontSize)"
# A cell whose content is wider than the cell is cut off (or spills under its neighbour).
# (Headings hidden for screen readers alone, 1 px wide, are not cut off for anyone.)
CLIPPED = """() => [...document.querySelectorAll('main td, main th')]
  .filter(c => !(c.closest('thead') && c.closest('thead').getBoundingClientRect().width <= 1))
  .filter(c => c.scrollWidth > c.clientWidth + 1).map(c => c.innerText)"""
# My returns' figures are seen without scrolling: no cell runs past the screen's edge.
OFF_SCREEN = """width => [...document.querySelectorAll('.returns-table td')]
  .filter(c => c.getBoundingClientRect().right > width).map(c => c.innerText)"""
# The fixed first column of a wide table leaves room to scroll the rest on a phone (My
# returns is not such a table there: it is a list of cards).
FIRST_COLUMN = """() => Math.max(0, ...[...document.querySelectorAll(
  '.table-scroll > .table:not(.returns-table) > tbody > tr > :first-child')]
  .filter(c => c.colSpan === 1).map(c => c.getBoundingClientRect().width))"""


def test_charts_and_returns_fit_and_read_at_desktop_and_phone_widths(
    chromium, live_server, assert_accessible
):
    call_command("load_demo", "--force", verbosity=0)
    officer = get_user_model().objects.get(username="officer")
    due = ReportingPeriod.objects.filter(state="open").order_by("start").last()
    measure_for(
        officer,
        due,
        target="123456789.5",
        code="CT 01",
        title="Council tax collected",
        unit="£",
        decimal_places=1,
    )
    SCREENS.mkdir(parents=True, exist_ok=True)
    for width in (1366, 390):
        context = chromium.new_context(
            base_url=live_server.url, locale="en-GB", viewport={"width": width, "height": 900}
        )
        page = context.new_page()
        sign_in(page, "officer", demo_password("officer"))
        for name, path in PAGES.items():
            page.goto(path)
            assert_fits(page, width)
            assert_accessible(page)
            page.screenshot(path=SCREENS / f"charts-{name}-{width}.png", full_page=True)
            charts = page.evaluate(CHARTS)
            if name in {"measure", "dashboard"}:
                assert charts, f"no chart on {path}"
            body = page.evaluate(BODY_FONT)
            for chart in charts:
                assert chart["height"] >= 220, f"{path} at {width}: a chart is {chart}"
                assert min(chart["fonts"]) >= body, f"{path} at {width}: small words {chart}"
                # On a desk a chart is seen whole; on a phone it may scroll in its own box.
                assert width == 390 or not chart["scrolls"], f"{path}: a chart is cut off"
            assert not page.evaluate(CLIPPED), f"{path} at {width}: cut off"
            if name == "my-returns":
                assert not page.evaluate(OFF_SCREEN, width), f"figures off screen at {width}"
            if width == 390:
                assert page.evaluate(FIRST_COLUMN) <= width * 0.45, f"{path}: first column"
        context.close()
