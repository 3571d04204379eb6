"""A pack publishes approved figures. A result or update submitted but not yet approved is left
out by default and counted as awaiting approval; when the clerk includes such figures, every
format marks each one "Provisional"."""

import re

import pytest

from actionplans.models import ActionUpdate
from reporting.exports import build_report
from reporting.render import render_html, render_pdf, render_xlsx
from scorecard.models import Result
from tests.support.packs import cabinet_pack
from tests.support.pages import body_rows, cells, headers, parse
from tests.support.pages import table as html_table
from tests.support.reports import Pdf, Xlsx, by_code, table, words

pytestmark = pytest.mark.django_db

Q2 = "2009/10 Q2"
AWAITING = "Awaiting approval"


@pytest.fixture
def submitted(q2):
    """BV 012's Red Q2 result and one Cherwell Q2 update, submitted but not yet approved."""
    Result.objects.filter(measure__code="BV 012", period=q2).update(status="submitted")
    update = ActionUpdate.objects.filter(period=q2, action__code="CIP01.1.3").get()
    update.status = "submitted"
    update.save()
    return update


def pack(**fields):
    return build_report(f"pack:{cabinet_pack(**fields).pk}", None)


def text_of(report) -> str:
    return words(re.sub(r"<[^>]+>", " ", render_html(report).decode()))


def test_a_pack_leaves_out_a_submitted_result_and_counts_it_awaiting_approval(submitted):
    approved_only = pack()
    text = text_of(approved_only)
    row = re.search(r"BV 012 Working days lost.*?(?=BV 016a)", text).group()
    assert AWAITING in row and "8.6" not in row
    assert "(Provisional)" not in text  # a commentary may say "Provisional results"
    cover = html_table(parse(render_html(approved_only)), "Summary of ratings")
    counts = dict(zip(headers(cover), cells(body_rows(cover)[0]), strict=True))
    assert counts[AWAITING] == "2"  # the result and the update


def test_the_cover_counts_the_rows_it_shows(submitted):
    report = pack()
    shown = [
        row.status
        for section in report.table_sections
        if section.title == "Balanced scorecard"
        for row in section.rows
    ]
    included = pack(include_provisional=True)
    assert report.summary.red == included.summary.red - 1
    assert report.summary.total == included.summary.total
    assert len(shown) == sum(
        1 for s in included.table_sections if s.title == "Balanced scorecard" for _ in s.rows
    )


def test_the_clerk_may_include_provisional_figures_marked_in_html(submitted):
    text = text_of(pack(include_provisional=True))
    row = re.search(r"BV 012 Working days lost.*?(?=BV 016a)", text).group()
    assert "8.6 days" in row and "Provisional" in row
    assert AWAITING not in text


def test_the_clerk_may_include_provisional_figures_marked_in_the_pdf(submitted):
    pdf = Pdf(render_pdf(pack(include_provisional=True)))
    assert re.search(r"BV 012 .*?8\.6 days R Red \(?Provisional", pdf.text)
    assert re.search(r"CIP01\.1\.3 .*?Provisional", pdf.text)


def test_the_clerk_may_include_provisional_figures_marked_in_excel(submitted):
    workbook = Xlsx(render_xlsx(pack(include_provisional=True)))
    rows = by_code(workbook["Scorecard"])
    assert "Provisional" in str(rows["BV 012"]["RAG"].value)
    assert "Provisional" not in str(rows["BV 016a"]["RAG"].value)
    plan = {row["Code"].value: row for row in table(workbook["Plan CIP-2009"])}
    assert "Provisional" in str(plan["CIP01.1.3"][Q2].value)


def test_excel_without_provisional_figures_says_awaiting_approval(submitted):
    workbook = Xlsx(render_xlsx(pack()))
    rows = by_code(workbook["Scorecard"])
    assert rows["BV 012"]["Actual"].value is None
    assert AWAITING in str(rows["BV 012"]["RAG"].value)
    summary = {row[0].value: row[1].value for row in workbook["Summary"].iter_rows() if row}
    assert summary[AWAITING] == 2


def test_the_pack_form_offers_to_include_provisional_figures(demo_council, client, role_user):
    from scorecard.models import Role

    client.force_login(role_user(Role.COMMITTEE_CLERK))
    page = client.get("/packs/new/").content.decode()
    assert 'name="include_provisional"' in page
