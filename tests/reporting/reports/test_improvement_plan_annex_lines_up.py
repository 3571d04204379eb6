"""The improvement-plan annex of a pack, read back from the PDF by position: each quarter's RAG
sits under that quarter's header, and the comment under "Comment" (Cherwell DC's table)."""

import re

import pytest

from reporting.exports import build_report
from reporting.render import render_pdf
from tests.support.packs import cabinet_pack
from tests.support.pages import main
from tests.support.periods import period
from tests.support.reports import html_rows, pdf_table

pytestmark = pytest.mark.django_db

HEADERS = [
    "Code",
    "Item",
    "2009/10 Q2",
    "Why (2009/10 Q2)",
    "2009/10 Q3",
    "Why (2009/10 Q3)",
    "Comment",
]
ONE_RAG = re.compile(r"^(G Green|A Amber|R Red|NCI No Current Information|– Not rated|–)$")


@pytest.fixture(scope="module")
def plan_rows(in_demo):
    """The Q3 pack with only its improvement-plan annex, its rows read back from the PDF."""

    def make():
        pack = cabinet_pack(
            period=period("2009/10 Q3"), include_scorecard=False, include_exceptions=False
        )
        return pdf_table(render_pdf(build_report(f"pack:{pack.pk}", None)), HEADERS)

    return in_demo(make)


def test_the_pdf_annex_has_its_plan_rows(plan_rows):
    assert {"CIP01.1.3", "CIP01.1.4"} <= {row["Code"] for row in plan_rows}


def test_each_quarter_shows_one_rag_under_its_own_header(plan_rows):
    for row in plan_rows:
        assert ONE_RAG.match(row["2009/10 Q2"]), (row["Code"], row["2009/10 Q2"])
        assert ONE_RAG.match(row["2009/10 Q3"]), (row["Code"], row["2009/10 Q3"])


def test_a_row_reads_across_as_the_plan_says(plan_rows):
    """CIP01.1.4 was Amber at Q2 and Red at Q3, with the Q3 comment on satisfaction."""
    row = next(r for r in plan_rows if r["Code"] == "CIP01.1.4")
    assert row["2009/10 Q2"] == "A Amber"
    assert row["2009/10 Q3"] == "R Red"
    # Each quarter's short reason beside its RAG, as on every list (issue 12).
    assert row["Why (2009/10 Q2)"] == row["Why (2009/10 Q3)"] == "officer's judgement"
    assert row["Comment"].startswith("Satisfaction measured annually.")


def test_the_preview_has_a_cell_per_column_in_every_row(q3, client, performance_team):
    """The clerk's preview: every annex row, group heading and footer spans the header."""
    pack = cabinet_pack(period=q3, include_action_plans=True)
    client.force_login(performance_team)
    page = client.get(f"/packs/{pack.pk}/preview/")

    rows = html_rows(main(page.content))  # counts each row's cells against its header
    codes = {row.get("Code") for row in rows}
    assert {"CIP01.1.3", "CIP01.1.4"} <= codes
    plan_row = next(row for row in rows if row.get("Code") == "CIP01.1.4")
    assert (plan_row["2009/10 Q2"], plan_row["2009/10 Q3"]) == ("A Amber", "R Red")
