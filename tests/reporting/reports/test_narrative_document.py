"""The pack reads like the Cabinet report it replaces (Oxfordshire CC, 15 December 2009): the
meeting on the cover, numbered paragraphs, real lists, sentences that summarise and cite the
annexes, and the contact officer signing off after the recommendation, before the annexes.

Checked in the HTML preview and in the PDF read back with pypdf.
"""

import re

import pytest

from reporting.exports import build_report
from reporting.render import render_pdf
from scorecard.models import Role
from tests.support.packs import cabinet_pack
from tests.support.reports import Pdf, words

pytestmark = pytest.mark.django_db

RECOMMENDATION = "The Cabinet is RECOMMENDED to note this report."
CONTACT = "Contact officer: Christa Brodie-Levinsohn, Corporate Performance, tel. 01865 815463"
CLERKS_TEXT = (
    "Two themes emerge for 2010/11:\n\n- Timeliness\nFor a number of targets there is NCI.\n"
    "- Target-setting <b>needs</b> refreshing\n\nAll directorates will review their targets."
)


@pytest.fixture
def clerk(demo_council, client, role_user):
    client.force_login(role_user(Role.COMMITTEE_CLERK, "test-clerk"))
    return client


def with_clerks_text():
    pack = cabinet_pack()
    pack.needs_to_develop = CLERKS_TEXT
    pack.save()
    return pack


def preview(client, pack) -> str:
    response = client.get(f"/packs/{pack.pk}/preview/")
    assert response.status_code == 200
    page = response.content.decode()
    return page[page.index('<div class="report-preview">') :]


def text_of(html: str) -> str:
    return words(re.sub(r"<[^>]+>", " ", html))


def test_the_edit_page_says_how_to_write_paragraphs_and_lists(clerk, q2):
    page = clerk.get(f"/packs/{cabinet_pack().pk}/").content.decode()
    assert "A blank line starts a new numbered paragraph" in page
    assert "a line starting with “- ” is an item of a list" in page
    # The hint is the box's description, read out with it.
    assert 'aria-describedby="id_going_well_helptext"' in page
    assert '<p class="hint" id="id_going_well_helptext">' in page


def test_the_drafted_narrative_summarises_rather_than_repeating_each_rule(q2):
    pack = cabinet_pack()
    narrative = "\n".join(
        (pack.going_well, pack.requires_attention, pack.being_done, pack.needs_to_develop)
    )
    assert re.search(r"Of the \d+ measures rated, \d+ are Green, \d+ Amber and \d+ Red", narrative)
    assert re.search(
        r"\d+ measures improved on the same period last year, \d+ of them still Amber or Red\.",
        narrative,
    )
    assert re.search(
        r"\d+ items are Red: \d+ measures and \d+ actions \(see Annex \d+\)", narrative
    )
    # The rating rules are the annex's business, not the narrative's.
    for rule in ("on or better than the target", "tolerance", "set by the officer's judgement"):
        assert rule not in narrative
    assert "(see Annex 1)" in pack.going_well


def test_the_preview_numbers_paragraphs_and_prints_real_lists(clerk, q2):
    pack = with_clerks_text()
    page = preview(clerk, pack)
    numbers = [int(n) for n in re.findall(r'<span class="paragraph-number">(\d+)\.</span>', page)]
    assert numbers == list(range(1, len(numbers) + 1)) and len(numbers) >= 5
    assert re.search(r"<li>Timeliness<br>For a number of targets there is NCI\.</li>", page)
    assert "<li>Target-setting &lt;b&gt;needs&lt;/b&gt; refreshing</li>" in page
    assert not re.search(r"(^|>|\n)\s*- ", page), "a dash typed by hand is printed as text"
    text = text_of(page)
    assert "Two themes emerge for 2010/11:" in text
    assert re.search(r"\d+\. All directorates will review their targets\.", text)


def test_the_cover_names_the_meeting_and_annexes_are_numbered(clerk, q2):
    text = text_of(preview(clerk, cabinet_pack()))
    assert text.startswith("Cabinet – 15 December 2009 Agenda item EX7")
    assert "Annex 1 Balanced scorecard" in text
    assert re.search(r"Annex \d+ Exceptions", text)


def test_the_cover_shows_the_meeting_date_even_without_a_committee(clerk, q2):
    pack = cabinet_pack(committee="")
    assert text_of(preview(clerk, pack)).startswith("15 December 2009 Agenda item EX7")


def test_the_contact_officer_signs_off_after_the_recommendation(clerk, q2):
    text = text_of(preview(clerk, cabinet_pack()))
    recommendation = text.index(RECOMMENDATION)
    contact = text.index(CONTACT)
    assert recommendation < contact < text.index("Annex 1 Balanced scorecard")
    assert "County Council Management Team " + CONTACT in text


@pytest.fixture(scope="module")
def pdf(in_demo) -> Pdf:
    def make():
        pack = with_clerks_text()
        return Pdf(render_pdf(build_report(f"pack:{pack.pk}", None)))

    return in_demo(make)


def narrative_pages(pdf: Pdf) -> list[str]:
    first_annex = pdf.pages_with("ANNEX 1")[0]
    return [page.extract_text() for page in pdf.reader.pages[:first_annex]]


def test_the_pdf_numbers_its_paragraphs(pdf):
    text = " ".join(pdf.pages[: pdf.pages_with("ANNEX 1")[0]])
    for number in range(1, 6):
        assert re.search(rf"(^| ){number}\. [A-Z0-9]", text), f"no paragraph {number}"
    assert re.search(r"\d+\. The Cabinet is RECOMMENDED to note this report\.", text)


def test_the_pdf_names_the_meeting_on_the_cover_and_signs_off_before_the_annexes(pdf):
    assert "CABINET – 15 DECEMBER 2009" in pdf.pages[0]
    text = pdf.text
    assert text.index(RECOMMENDATION) < text.index(CONTACT) < text.index("ANNEX 1")


def test_the_pdf_prints_lists_not_typed_dashes(pdf):
    for page in narrative_pages(pdf):
        assert not re.search(r"^\s*- ", page, re.M), page
    assert "Timeliness" in pdf.text and "Target-setting <b>needs</b> refreshing" in pdf.text
