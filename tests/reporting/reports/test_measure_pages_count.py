"""Measure pages: a page per Red measure, and where there are more than a pack prints, the
pack says how many it shows of how many; the Excel file carries the pages' figures too."""

import pytest

from reporting.packs import pack_items
from reporting.render import render_html, render_xlsx
from reporting.reports import Report, measure_pages_section
from scorecard.rules.summaries import summarise
from tests.support.packs import cabinet_pack
from tests.support.pages import parse
from tests.support.periods import period
from tests.support.reports import Xlsx, table

pytestmark = pytest.mark.django_db

# Q2 2009/10 in the demo: three measures are Red.
REDS = ["BV 012", "LOC-FIN04", "NI 117"]


def report_of(section, period) -> Report:
    return Report("Measures", "Demo", period, summarise([]), sections=[section])


def test_pages_beyond_the_limit_are_said_to_be_left_out(q2):
    items = pack_items(cabinet_pack())
    section = measure_pages_section(items, limit=2, include_provisional=False)
    root = parse(render_html(report_of(section, q2)))

    pages = [div.find("h3").text for div in root.find_all("div", class_="measure-page")]
    assert [page[: len(code)] for page, code in zip(pages, REDS, strict=False)] == REDS[:2]
    assert "The first 2 of the 3 Red measures" in root.text


def test_every_red_measure_has_a_page_when_within_the_limit(q2):
    section = measure_pages_section(pack_items(cabinet_pack()), include_provisional=False)
    assert [measure.code for measure, _, _ in section.pages] == REDS
    assert "Red measures, by code" not in parse(render_html(report_of(section, q2))).text


def test_the_excel_file_has_each_pages_history(q2):
    section = measure_pages_section(pack_items(cabinet_pack()), include_provisional=False)
    book = Xlsx(render_xlsx(report_of(section, period("2009/10 Q2"))))
    rows = table(book["Measure pages"])
    assert sorted({row["Code"].value for row in rows}) == REDS
    periods = [row["Period"].value for row in rows if row["Code"].value == "BV 012"]
    assert "2009/10 Q2" in periods
