"""The PDF for the agenda: A4, the narrative upright and the wide annexes on their side, a running
header naming the meeting, "Page X of Y", RAG as letter and word, charts, bookmarks and metadata.

Every assertion reads the PDF back with pypdf, as a clerk's or a member's viewer would.
"""

import re

import pytest

from reporting.exports import build_report
from reporting.packs import pack_items
from reporting.render import render_pdf
from reporting.reports import measure_pages_section
from tests.support.packs import CABINET_TITLE, cabinet_pack
from tests.support.periods import period
from tests.support.reports import Pdf

pytestmark = pytest.mark.django_db

NARRATIVE_HEADINGS = [
    "What is going well?",
    "What requires attention?",
    "What is being done about it?",
    "What needs to develop?",
    "Recommendation",
]
A4_SHORT, A4_LONG = 595.28, 841.89
# The header row as extracted: narrow columns wrap "Short-term trend" over lines.
SCORECARD_HEADER = "Code Title Baseline Target Actual RAG Why Short- term trend Long- term trend"


@pytest.fixture(scope="module")
def scorecard(in_demo) -> Pdf:
    return Pdf(in_demo(lambda: render_pdf(build_report("scorecard", period("2009/10 Q2")))))


@pytest.fixture(scope="module")
def pack(in_demo):
    """The Cabinet pack with every annex, and its PDF."""

    def make():
        made = cabinet_pack(include_action_plans=True, include_measure_pages=True)
        return made, Pdf(render_pdf(build_report(f"pack:{made.pk}", None)))

    return in_demo(make)


@pytest.fixture
def pack_pdf(pack) -> Pdf:
    return pack[1]


def test_the_scorecard_shows_each_measure_with_its_values_in_their_units(scorecard):
    text = scorecard.text
    for code in ("NI 191", "NI 192", "BV 012", "LOC-FIN02", "NI 117"):
        assert code in text
    # NI 191 (lower is better, kg): baseline 596.0, target 299.0, actual 305.8.
    assert re.search(
        r"NI 191 Residual household waste per household 596\.0 kg 299\.0 kg "
        r"305\.8 kg",
        text,
    )
    assert re.search(r"NI 192 .*? 39\.9% 42\.0% 44\.6%", text)
    assert "8.6 days" in text
    assert "£5,980,000" in text


@pytest.mark.parametrize(
    ("code", "letter_and_word"),
    [
        ("BV 012", "R Red"),
        ("NI 191", "A Amber"),
        ("NI 192", "G Green"),
        ("LOC-PPL01", "NCI No Current Information"),
    ],
)
def test_each_rag_is_printed_as_its_letter_and_its_word(scorecard, code, letter_and_word):
    """Colour alone would be lost on a greyscale printer: the letter and word are on the row."""
    row = re.search(re.escape(code) + r" (.*?)(?= (?:BV|NI|LOC|OXF)[- ]\S+ |$)", scorecard.text)
    assert row, f"{code} is not in the scorecard"
    assert letter_and_word in row.group(1)


def test_trends_are_printed_in_words(scorecard):
    # After the RAG, its short reason in lower-case words, then the two trends.
    row = re.search(r"BV 012 .*? R Red [^A-Z]*? (Improved|Same|Worse) (\w+)", scorecard.text)
    assert row.groups() == ("Worse", "Worse")
    assert "Improved" in scorecard.text


def test_every_page_says_page_x_of_y(scorecard, pack_pdf):
    for pdf in (scorecard, pack_pdf):
        total = len(pdf.pages)
        assert total > 2
        assert f"Page 1 of {total}" in pdf.pages[0]
        assert f"Page {total} of {total}" in pdf.pages[-1]
        for number, text in enumerate(pdf.pages, start=1):
            assert f"Page {number} of {total}" in text


def test_pages_are_a4_the_cover_upright_and_the_scorecard_on_its_side(scorecard):
    sizes = scorecard.sizes()
    for width, height in sizes:
        assert sorted((round(width, 2), round(height, 2))) == [A4_SHORT, A4_LONG]
    assert not scorecard.is_landscape(0)
    annex = scorecard.pages_with(SCORECARD_HEADER)
    assert annex
    assert all(scorecard.is_landscape(i) for i in annex)


def test_the_narrative_is_upright_and_the_wide_annexes_landscape(pack_pdf):
    for heading in NARRATIVE_HEADINGS:
        pages = pack_pdf.pages_with(heading)
        assert pages, f"{heading!r} is not in the pack"
        assert not pack_pdf.is_landscape(pages[0]), f"{heading!r} is printed landscape"
    for wide in ("Baseline Target Actual RAG", "Corrective action Lead officer"):
        pages = pack_pdf.pages_with(wide)
        assert pages, f"no annex headed {wide!r}"
        assert all(pack_pdf.is_landscape(i) for i in pages)


def test_a_long_table_repeats_its_header_on_every_page_and_never_splits_a_row(scorecard):
    annex = [i for i, page in enumerate(scorecard.pages) if "Risk (likelihood" in page]
    assert len(annex) >= 2, "the scorecard should run over several pages"
    for index in annex:
        assert SCORECARD_HEADER in scorecard.pages[index]
    # A row split over two pages would leave its code on one page and the rest on the next.
    for code, title in [
        ("NI 191", "Residual household waste per household"),
        (
            "NI 130",
            "Social care clients receiving self-directed support (direct payments and "
            "individual budgets) per 100,000 population aged 18 or over",
        ),
        ("LOC-PPL02", "Staff who have had an appraisal in the last 12 months"),
    ]:
        # A line may break after a hyphen ("self- directed"): layout, not a split row.
        pages = [
            i
            for i, page in enumerate(scorecard.pages)
            if f"{code} {title}" in re.sub(r"(?<=\w)-\s+", "-", page)
        ]
        assert len(pages) == 1, f"{code} is not printed whole on one page"


def test_the_running_header_names_the_council_the_committee_and_the_meeting(pack_pdf):
    header = "Demo County Council – Cabinet – 15 December 2009"
    assert all(header in page for page in pack_pdf.pages)


def test_the_running_header_prints_ampersands_and_apostrophes_as_typed(in_demo):
    def make():
        made = cabinet_pack(
            committee="Children's Services & Education Scrutiny",
            include_scorecard=False,
            include_improvement_plan=False,
        )
        return Pdf(render_pdf(build_report(f"pack:{made.pk}", None)))

    pdf = in_demo(make)
    assert "Children's Services & Education Scrutiny – 15 December 2009" in pdf.pages[0]


def test_the_metadata_names_the_report_its_author_and_its_language(scorecard, pack_pdf):
    assert scorecard.metadata()["/Title"] == "Balanced scorecard: 2009/10 Q2"
    assert scorecard.metadata()["/Author"] == "Demo County Council"
    meta = pack_pdf.metadata()
    assert meta["/Title"] == CABINET_TITLE
    assert meta["/Author"] == "County Council Management Team"
    assert pack_pdf.language() == "en-GB"


def test_the_outline_has_a_bookmark_per_section(pack_pdf):
    outline = pack_pdf.outline()
    assert outline[0] == CABINET_TITLE
    expected = [
        *NARRATIVE_HEADINGS,
        "Balanced scorecard",
        "Corporate Improvement Plan 2009/10",
        "Exceptions",
        "Action plan: CPA Improvement Plan 2002 (Oxfordshire County Council)",
        "Measures needing attention",
    ]
    for title in expected:
        assert title in outline
    positions = [outline.index(title) for title in expected]
    assert positions == sorted(positions), "bookmarks are not in the order of the sections"


def test_the_cover_has_the_meeting_the_author_the_contact_and_the_counts(pack_pdf):
    cover = pack_pdf.pages[0]
    assert "CABINET – 15 DECEMBER 2009" in cover
    assert "Agenda item EX7" in cover
    assert CABINET_TITLE in cover
    assert "Report by County Council Management Team" in cover
    assert re.search(r"Green Amber Red No Current Information Not rated", cover)
    assert (
        "Contact officer: Christa Brodie-Levinsohn, Corporate Performance, tel. 01865 815463"
        in pack_pdf.text
    )


def test_the_narrative_prints_the_red_items_it_was_drafted_from(pack_pdf):
    page = pack_pdf.pages[pack_pdf.pages_with("What requires attention?")[0]]
    for code in ("BV 012", "LOC-FIN04", "NI 117"):
        assert code in page
    assert "The Cabinet is RECOMMENDED to note this report." in pack_pdf.text


def test_the_improvement_plan_annex_ends_with_the_cherwell_footer(pack_pdf):
    page = pack_pdf.pages[pack_pdf.pages_with("CIP08.3.3")[-1]]
    assert re.search(r"Number Green and Amber \d+ Percentage \d+\.\d\d%", page)


def test_measure_pages_draw_each_red_measures_chart(pack, in_demo):
    made, pdf = pack
    section = in_demo(
        lambda: measure_pages_section(
            pack_items(made), until=made.period, include_provisional=False
        )
    )
    assert [m.code for m, _, _ in section.pages] == ["BV 012", "LOC-FIN04", "NI 117"]
    for measure, _, chart in section.pages:
        caption = f"{measure.code}: actual against target"
        pages = pdf.pages_with(caption)
        assert pages, f"no chart for {measure.code}"
        # The y-axis labels exist only in the SVG: the chart itself was drawn.
        axis = re.findall(r'text-anchor="end" font-size="16">([^<]+)</text>', chart.svg)
        assert len(axis) >= 3
        assert all(label in pdf.pages[pages[0]] for label in axis), axis
        assert "Actual" in pdf.pages[pages[0]] and "Target" in pdf.pages[pages[0]]
        # An axis that does not start at zero says so on paper too (issue 12).
        assert chart.note in pdf.pages[pages[0]]
    assert [chart.note for _, _, chart in section.pages if chart.note], "no cropped axis drawn"


def test_the_pdf_has_no_links_to_the_placeholder_host(scorecard, pack_pdf):
    """Relative links resolve against https://report.invalid/: a member who clicked one in the
    agenda would be sent to a host that does not exist."""
    for pdf in (scorecard, pack_pdf):
        assert not [uri for uri in pdf.link_targets() if "report.invalid" in uri]


@pytest.mark.parametrize("breaker", ["\r", "\f", "\r\n", "\n"])
def test_a_line_break_typed_in_the_committee_name_keeps_the_running_header(
    in_demo, breaker, caplog
):
    """CR, LF and FF end a CSS string: unescaped, the @page rule is dropped and the header lost."""

    def make():
        made = cabinet_pack(
            committee=f"Overview{breaker}and Scrutiny",
            include_scorecard=False,
            include_improvement_plan=False,
        )
        return Pdf(render_pdf(build_report(f"pack:{made.pk}", None)))

    pdf = in_demo(make)
    assert not [r for r in caplog.records if r.name == "weasyprint" and "Ignored" in r.message]
    assert "Overview and Scrutiny – 15 December 2009" in pdf.pages[-1]
