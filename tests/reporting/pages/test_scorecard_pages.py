"""A long balanced scorecard comes a page at a time (issue 13: ten thousand measures made a
7 MB page); its downloads still hold every measure, and the dashboard lists the first Reds."""

import io
import re
from html import unescape

import pytest
from django.urls import reverse
from openpyxl import load_workbook

from reporting import views
from scorecard.models import Measure
from tests.support.councils import many_measures, small_council
from tests.support.pages import body_rows, cells, main, table

pytestmark = pytest.mark.django_db

Q2 = "2009/10 Q2"


@pytest.fixture
def twenty(council):
    """The small council's five measures and fifteen more, over the four perspectives."""
    small_council()
    many_measures(15)
    return Measure.objects.count()


def page_of(client, **params):
    response = client.get(reverse("scorecard"), {"period": Q2, "per_page": 10, **params})
    assert response.status_code == 200
    return main(response.content)


def codes_on(page) -> list[str]:
    return [cells(tr)[0] for tbl in page.find_all("table") for tr in body_rows(tbl)]


def measure_codes(page) -> list[str]:
    return [code for code in codes_on(page) if Measure.objects.filter(code=code).exists()]


def pages_nav(page):
    return page.find("nav", aria_label="Pages of the balanced scorecard")


def test_the_scorecard_shows_a_page_of_measures_and_says_which(as_viewer, twenty):
    page = page_of(as_viewer)

    assert len(measure_codes(page)) == 10
    assert "this page shows measures 1 to 10" in page.text
    assert "Page 1 of 2" in pages_nav(page).text


def test_the_pages_together_show_every_measure_once(as_viewer, twenty):
    first, second = page_of(as_viewer), page_of(as_viewer, page=2)

    shown = measure_codes(first) + measure_codes(second)

    assert sorted(shown) == sorted(Measure.objects.values_list("code", flat=True))
    assert len(shown) == twenty == 20


def test_the_next_page_link_keeps_the_period_and_page_size(as_viewer, twenty):
    link = pages_nav(page_of(as_viewer)).find("a", rel="next")

    href = unescape(link.get("href"))

    assert link.text.startswith("Next page")
    assert "period=2009%2F10+Q2" in href and "per_page=10" in href and "page=2" in href
    assert measure_codes(page_of(as_viewer, page=2))


def test_a_perspective_split_across_pages_says_which_of_its_measures_are_shown(as_viewer, twenty):
    page = page_of(as_viewer, per_page=11)  # Customer 6, Projects 4, then Finance's first
    captions = [c.text for c in page.find_all("caption")]

    split = [c for c in captions if re.search(r"measures 1 to \d+ of \d+", c)]

    assert split, captions
    assert any("All " in p.text and "measures of" in p.text for p in page.find_all("p"))


def test_the_contents_link_to_the_page_a_perspective_starts_on(as_viewer, twenty):
    contents = page_of(as_viewer).find("nav", aria_label="Perspectives")

    hrefs = [unescape(a.get("href")) for a in contents.find_all("a")]

    assert any(h.startswith("#perspective-") for h in hrefs)  # on this page
    assert any("page=2" in h and "#perspective-" in h for h in hrefs), hrefs


def test_a_page_past_the_last_shows_the_last(as_viewer, twenty):
    page = page_of(as_viewer, page=99)

    assert "Page 2 of 2" in pages_nav(page).text


def test_the_excel_download_of_any_page_holds_every_measure(as_viewer, twenty):
    response = as_viewer.get(
        reverse("scorecard"), {"period": Q2, "per_page": 10, "page": 2, "download": "xlsx"}
    )
    book = load_workbook(
        io.BytesIO(b"".join(response.streaming_content) if response.streaming else response.content)
    )
    codes = {
        str(value)
        for sheet in book.worksheets
        for values in sheet.iter_rows(values_only=True)
        for value in values
        if value is not None
    }

    assert set(Measure.objects.values_list("code", flat=True)) <= codes


def test_the_dashboard_lists_the_first_reds_and_links_to_them_all(as_viewer, twenty, monkeypatch):
    monkeypatch.setattr(views, "EXCEPTIONS_SHOWN", 2)
    page = main(as_viewer.get(reverse("dashboard"), {"period": Q2}).content)
    reds = table(page, "Red items")
    count = int(re.search(r"Red \((\d+)\)", page.text).group(1))
    link = next(a for a in page.find_all("a") if a.text.startswith("List all") and "Red" in a.text)

    listed = main(as_viewer.get(unescape(link.get("href"))).content)

    assert count > 2
    assert len(body_rows(reds)) == 2
    assert f"the first 2 of {count}" in reds.find("caption").text
    assert f"{count} items match" in listed.text
