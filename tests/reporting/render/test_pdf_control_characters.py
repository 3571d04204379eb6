"""Control characters typed into a pack (a form feed pasted from a Word document, an escape
from a terminal) print as spaces, so the PDF keeps a text layer a member's viewer, a screen
reader and a search can read (issue 13 review). Read back with pdfplumber."""

import pytest

from reporting.exports import build_report
from reporting.render import render_html, render_pdf
from reporting.render.html import printable
from tests.support.packs import cabinet_pack
from tests.support.reports import Pdf

pytestmark = pytest.mark.django_db

CONTROLS = "\x00\x01\x07\x08\x0b\x0c\x1b\x1f\x7f"


@pytest.fixture(scope="module")
def pack(in_demo):
    """A pack whose committee and title carry control characters: (pdf, html)."""

    def make():
        made = cabinet_pack(
            committee="Overview\fand\x0bScrutiny\x1bCommittee",
            title="Q2\x07Performance\x08Report\x1f2009",
            include_scorecard=False,
            include_improvement_plan=False,
        )
        report = build_report(f"pack:{made.pk}", None)
        return Pdf(render_pdf(report)), render_html(report).decode()

    return in_demo(make)


def test_the_committee_name_reads_with_its_words_apart(pack):
    pdf, _ = pack
    cover = pdf.words()[0]
    assert "Overview and Scrutiny Committee" in cover
    assert "Overview and Scrutiny Committee – 15 December 2009" in pdf.words()[-1]


def test_the_title_is_readable_on_the_cover_and_in_the_metadata(pack):
    pdf, _ = pack
    assert "Q2 Performance Report 2009" in pdf.words()[0]
    assert pdf.reader.metadata.title == "Q2 Performance Report 2009"


def test_no_control_character_reaches_the_document(pack):
    pdf, html = pack
    assert not set(CONTROLS) & set(html)
    assert not set(CONTROLS) & set("".join(pdf.words()))


@pytest.mark.parametrize("control", list(CONTROLS))
def test_every_control_character_but_tab_and_newline_becomes_a_space(control):
    assert printable(f"a{control}b") == "a b"


def test_tabs_and_line_breaks_are_kept():
    assert printable("a\tb\nc\r\nd\re") == "a\tb\nc\nd\ne"
