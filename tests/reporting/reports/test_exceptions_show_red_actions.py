"""The exceptions annex shows what is being done about each Red action: its officer's latest
update and its corrective action (the plan's further action), in HTML, PDF and Excel."""

import re

import pytest

from actionplans.models import Action
from reporting.exports import build_report
from reporting.render import render_html, render_pdf, render_xlsx
from tests.support.pages import parse
from tests.support.periods import period
from tests.support.reports import Xlsx, by_code, html_rows, pdf_table

pytestmark = pytest.mark.django_db

UPDATE = "'Not known' destinations rose to 9% in September; data-sharing agreements still"
FURTHER = "Sign data-sharing agreements with the three colleges by December."


@pytest.fixture(scope="module")
def exceptions(in_demo):
    """The Q2 exceptions report, where PAP-NEET.2 is Red, once its further action is set."""

    def make():
        Action.objects.filter(code="PAP-NEET.2").update(further_action=FURTHER)
        return build_report("exceptions", period("2009/10 Q2"))

    return in_demo(make)


def test_the_html_shows_a_red_actions_latest_update_and_corrective_action(exceptions):
    row = next(r for r in html_rows(parse(render_html(exceptions))) if r["Code"] == "PAP-NEET.2")
    assert row["RAG"] == "R Red"
    assert row["Latest update"].startswith(UPDATE)
    assert row["Corrective action"] == FURTHER


def test_the_pdf_shows_them_under_their_headers(exceptions):
    headers = [col.header for col in exceptions.table_sections[0].columns]
    rows = pdf_table(render_pdf(exceptions), headers)
    row = next(r for r in rows if r["Code"] == "PAP-NEET.2")
    # A line may break after a hyphen ("data- sharing"): that is layout, not the words.
    assert re.sub(r"(?<=\w)-\s+", "-", row["Latest update"]).startswith(UPDATE)
    assert row["Corrective action"] == FURTHER


def test_the_excel_file_has_them_in_their_columns(exceptions):
    row = by_code(Xlsx(render_xlsx(exceptions))["Exceptions"])["PAP-NEET.2"]
    assert row["Latest update"].value.startswith(UPDATE)
    assert row["Corrective action"].value == FURTHER
