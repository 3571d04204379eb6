"""The pack preview in Chromium: every annex row has a cell per column, and each cell sits
under its own header (the improvement plan's two quarters' RAGs once stacked under the first)."""

import pytest
from django.core.management import call_command
from playwright.sync_api import expect

from reporting.models import ReportPack
from scorecard.management.commands.load_demo import demo_password
from scorecard.models import ReportingPeriod

pytestmark = pytest.mark.django_db(transaction=True)

# Each annex table's header boxes and its rows' cell boxes, as the browser laid them out.
LAYOUT = """() => [...document.querySelectorAll('.report-preview table')].map(table => ({
  headers: [...table.querySelectorAll('thead th')].map(th => {
    const box = th.getBoundingClientRect();
    return {text: th.innerText.trim(), left: box.left, right: box.right};
  }),
  rows: [...table.querySelectorAll('tbody tr')].map(tr => [...tr.children].map(cell => {
    const box = cell.getBoundingClientRect();
    return {text: cell.innerText.trim(), left: box.left, right: box.right, span: cell.colSpan};
  })),
}))"""


def test_each_cell_of_the_improvement_plan_preview_sits_under_its_header(page):
    call_command("load_demo", "--force", verbosity=0)
    pack = ReportPack.objects.create(
        title="Q3 improvement plan",
        committee="Cabinet",
        period=ReportingPeriod.objects.get(label="2009/10 Q3"),
        include_scorecard=False,
        include_exceptions=False,
    )
    page.goto("/accounts/login/")
    page.get_by_label("Username").fill("clerk")
    page.get_by_label("Password").fill(demo_password("clerk"))
    page.get_by_label("Password").press("Enter")
    expect(page.get_by_role("link", name="Report packs")).to_be_visible()
    page.goto(f"/packs/{pack.pk}/preview/")
    expect(page.get_by_role("heading", name="Corporate Improvement Plan 2009/10")).to_be_visible()

    tables = [t for t in page.evaluate(LAYOUT) if "Comment" in [h["text"] for h in t["headers"]]]
    assert tables, "the preview has no improvement-plan table"
    checked = 0
    for table in tables:
        headers = table["headers"]
        for cells in table["rows"]:
            assert sum(cell["span"] for cell in cells) == len(headers), [c["text"] for c in cells]
            if len(cells) != len(headers):
                continue  # a group heading or a footer row, spanning columns
            for header, cell in zip(headers, cells, strict=True):
                middle = (cell["left"] + cell["right"]) / 2
                assert header["left"] <= middle <= header["right"], (header["text"], cell["text"])
                checked += 1
    assert checked
