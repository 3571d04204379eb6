"""The PDF keeps its stylesheet in production, where collectstatic gives every static file a
hashed name (css/report.3f2a1b9c.css) through the manifest storage of the production settings.

Each test renders after a real `collectstatic` into a temporary STATIC_ROOT, with the STORAGES
of `perfmgmt.settings.production`, and reads the PDF back as a member's viewer would.
"""

import io
import re

import pdfplumber
import pytest
from django.templatetags.static import static

from reporting.exports import build_report
from reporting.render import render_pdf
from reporting.render.pdf import BASE_URL, StaticFilesOnly
from tests.support.packs import cabinet_pack
from tests.support.periods import period
from tests.support.reports import Pdf, production_static

pytestmark = pytest.mark.django_db

# thead th { background: #dee0e2 } in static/css/report.css, as PDF colour components.
HEADER_FILL = (0xDE / 255, 0xE0 / 255, 0xE2 / 255)
SCORECARD_HEADER = "Baseline Target Actual RAG"


@pytest.fixture(scope="module")
def collected(collected_static):
    """Production static storage over a STATIC_ROOT filled by collectstatic."""
    with production_static(collected_static) as root:
        yield root


class SpyFetcher(StaticFilesOnly):
    def __init__(self) -> None:
        super().__init__()
        self.served: list[str] = []

    def fetch(self, url, headers=None):
        response = super().fetch(url, headers)
        self.served.append(url)
        return response


@pytest.fixture(scope="module")
def scorecard(collected, in_demo):
    """The Q2 scorecard as PDF under production storage: (pdf bytes, fetcher, stylesheet URL)."""

    def make():
        fetcher = SpyFetcher()
        data = render_pdf(build_report("scorecard", period("2009/10 Q2")), fetcher=fetcher)
        return data, fetcher, BASE_URL + static("css/report.css").lstrip("/")

    return in_demo(make)


@pytest.fixture(scope="module")
def pack(collected, in_demo) -> bytes:
    """The Cabinet pack with every annex, as PDF under production storage."""

    def make():
        made = cabinet_pack(include_action_plans=True, include_measure_pages=True)
        return render_pdf(build_report(f"pack:{made.pk}", None))

    return in_demo(make)


def test_production_names_the_stylesheet_by_its_hash(scorecard):
    _, _, stylesheet = scorecard
    assert re.search(r"/static/css/report\.[0-9a-f]{12}\.css$", stylesheet)


def test_the_pdf_fetched_the_hashed_stylesheet(scorecard):
    _, fetcher, stylesheet = scorecard
    assert fetcher.served == [stylesheet]
    assert fetcher.refused == []


def test_the_scorecard_annex_is_landscape_under_production_settings(scorecard):
    pdf = Pdf(scorecard[0])
    annex = pdf.pages_with(SCORECARD_HEADER)
    assert annex
    assert not pdf.is_landscape(0)
    assert all(pdf.is_landscape(i) for i in annex)


def test_the_header_row_is_filled_and_set_in_the_report_font(scorecard):
    with pdfplumber.open(_stream(scorecard[0])) as doc:
        page = doc.pages[Pdf(scorecard[0]).pages_with(SCORECARD_HEADER)[0]]
        fills = {_rgb(rect.get("non_stroking_color")) for rect in page.rects}
        fonts = {char["fontname"] for char in page.chars}
    assert any(fill and _close(fill, HEADER_FILL) for fill in fills)
    assert fonts and all("DejaVu-Sans" in font for font in fonts)


def test_the_right_hand_column_is_printed_inside_the_page(scorecard):
    """The risk column is the scorecard's last: clipped off the page, it is lost to members."""
    with pdfplumber.open(_stream(scorecard[0])) as doc:
        for index in Pdf(scorecard[0]).pages_with(SCORECARD_HEADER):
            page = doc.pages[index]
            words = page.extract_words()
            risk = [w for w in words if w["text"] == "Risk"]
            assert risk, f"page {index + 1} has no risk column header"
            assert all(w["x1"] <= float(page.width) for w in words)
            assert any("impact)" in w["text"] for w in words)


def test_no_word_of_the_pack_lies_beyond_the_edge_of_its_page(pack):
    """The exceptions annex ends with the lead officer, the improvement plan with the
    comment: every annex's last column is printed inside the page."""
    pdf = Pdf(pack)
    assert pdf.pages_with("Corrective action Lead officer")
    with pdfplumber.open(_stream(pack)) as doc:
        for page in doc.pages:
            words = page.extract_words()
            assert words
            beyond = [w["text"] for w in words if w["x1"] > float(page.width) - 10]
            assert not beyond, f"page {page.page_number}: {beyond}"


def _stream(data: bytes) -> io.BytesIO:
    return io.BytesIO(data)


def _rgb(colour) -> tuple[float, float, float] | None:
    if isinstance(colour, list | tuple) and len(colour) == 3:
        return tuple(float(c) for c in colour)
    return None


def _close(a, b) -> bool:
    return all(abs(x - y) < 0.01 for x, y in zip(a, b, strict=True))
