"""What people type is printed, never obeyed: markup in a comment or the narrative appears as text
in the PDF, and WeasyPrint may fetch the app's own static files and nothing else.
"""

import urllib.request

import pytest
from django.contrib.staticfiles.storage import staticfiles_storage
from weasyprint import HTML

from reporting.exports import build_report
from reporting.render import render_html, render_pdf
from reporting.render.pdf import BASE_URL, StaticFilesOnly
from reporting.tables import EXCEPTION_COLUMNS
from scorecard.models import Result
from tests.support.packs import cabinet_pack
from tests.support.reports import Pdf, pdf_table, production_static, words

pytestmark = pytest.mark.django_db

IMG = '<img src="file:///etc/passwd">'
SCRIPT = "<script>alert('pwned')</script>"
STYLESHEET = BASE_URL + "static/css/report.css"


class SpyFetcher(StaticFilesOnly):
    """The app's fetcher, noting every address WeasyPrint asks for and every one it is given."""

    def __init__(self) -> None:
        super().__init__()
        self.asked: list[str] = []
        self.served: list[str] = []

    def fetch(self, url, headers=None):
        self.asked.append(url)
        response = super().fetch(url, headers)
        self.served.append(url)
        return response


@pytest.fixture
def no_network(monkeypatch):
    """Record any attempt to open a URL or a socket; fail it."""
    attempts: list[str] = []

    def refuse(*args, **kwargs):
        attempts.append(repr(args[1:] or kwargs))
        raise OSError("no network in this test")

    monkeypatch.setattr(urllib.request.OpenerDirector, "open", refuse)
    monkeypatch.setattr("socket.create_connection", refuse)
    return attempts


@pytest.fixture(scope="module")
def hostile(in_demo):
    """A pack whose narrative, commentary and corrective action carry markup, rendered with a
    spy fetcher: (pdf, fetcher, html)."""

    def make():
        result = Result.objects.get(measure__code="BV 012", period__label="2009/10 Q2")
        result.commentary = f"Sickness rose. {IMG} {SCRIPT}"
        result.corrective_action = f"Managing attendance relaunched. {IMG}"
        result.save()
        pack = cabinet_pack(
            committee=f"Cabinet </style>{IMG}",
            include_scorecard=False,
            include_improvement_plan=False,
            include_measure_pages=True,
        )
        pack.going_well = f"Level 3 of the Equality Standard. {IMG} {SCRIPT}"
        pack.save()
        report = build_report(f"pack:{pack.pk}", None)
        fetcher = SpyFetcher()
        return Pdf(render_pdf(report, fetcher=fetcher)), fetcher, render_html(report).decode()

    return in_demo(make)


def test_markup_in_the_narrative_is_printed_as_text(hostile):
    pdf, _, _ = hostile
    page = pdf.pages[pdf.pages_with("What is going well?")[0]]
    assert f"Level 3 of the Equality Standard. {IMG} {SCRIPT}" in page


def test_markup_in_commentary_and_corrective_actions_is_printed_as_text(hostile):
    pdf, _, _ = hostile
    # Read by position: the cell's words under its own header, however the column wraps them.
    exceptions = pdf_table(pdf.data, [col.header for col in EXCEPTION_COLUMNS])
    sickness = next(row for row in exceptions if row["Code"] == "BV 012")
    # A narrow column breaks the long address over two lines: compare without the spaces.
    printed = sickness["Corrective action"].replace(" ", "")
    assert printed == f"Managing attendance relaunched. {IMG}".replace(" ", "")
    measure_page = pdf.pages[pdf.pages_with("BV 012: actual against target")[0]]
    assert words(f"Sickness rose. {IMG} {SCRIPT}") in measure_page


def test_the_pdf_asked_for_its_stylesheet_and_nothing_else(hostile):
    _, fetcher, _ = hostile
    assert fetcher.asked == [STYLESHEET]
    assert fetcher.served == [STYLESHEET]
    assert fetcher.refused == []


def test_no_file_of_the_server_reaches_the_pdf(hostile):
    pdf, _, _ = hostile
    assert "root:" not in pdf.text


def test_the_html_export_escapes_what_people_typed(hostile):
    _, _, html = hostile
    assert "&lt;img src=&quot;file:///etc/passwd&quot;&gt;" in html
    assert "<img" not in html
    assert "<script" not in html
    assert html.count("</style>") == 2  # the report's stylesheet and its @page rule


def test_a_committee_name_cannot_close_the_stylesheet_of_the_running_header(hostile):
    pdf, fetcher, _ = hostile
    assert "Cabinet" in pdf.pages[0]
    assert fetcher.asked == [STYLESHEET]


def test_markup_that_escaped_the_templates_would_still_fetch_nothing(settings, no_network):
    """Defence in depth: were some text ever rendered unescaped, the fetcher refuses it."""
    fetcher = SpyFetcher()
    html = (
        '<html><head><link rel="stylesheet" href="/static/css/report.css">'
        '<link rel="stylesheet" href="http://example.org/x.css"></head><body>'
        '<p>Text</p><img src="file:///etc/passwd"><img src="https://example.org/track.png">'
        '<img src="https://report.invalid/static/../../etc/passwd">'
        '<img src="/static/css/report.css?v=1"></body></html>'
    )
    pdf = Pdf(HTML(string=html, base_url=BASE_URL, url_fetcher=fetcher).write_pdf())
    assert "Text" in pdf.text
    assert fetcher.served == [STYLESHEET]
    assert "file:///etc/passwd" in fetcher.refused
    assert "http://example.org/x.css" in fetcher.refused
    assert "https://example.org/track.png" in fetcher.refused
    assert set(fetcher.asked) - set(fetcher.served) == set(fetcher.refused)
    assert no_network == []


def test_the_fetcher_serves_a_stylesheet_from_static():
    fetcher = StaticFilesOnly()
    response = fetcher.fetch(STYLESHEET)
    assert response.content_type == "text/css"
    assert b"@page" in response.read()
    assert fetcher.refused == []


@pytest.mark.parametrize(
    "url",
    [
        "file:///etc/passwd",
        "http://example.org/x.css",
        "https://example.org/static/css/report.css",
        "https://report.invalid/static/../../etc/passwd",
        "https://report.invalid/static/%2e%2e/%2e%2e/etc/passwd",
        "https://report.invalid/static/css/report.css?redirect=http://example.org/",
        "https://report.invalid/media/packs/report.pdf",
        "data:text/css,body{}",
    ],
)
def test_the_fetcher_refuses_anything_but_static_files(url, no_network):
    fetcher = StaticFilesOnly()
    with pytest.raises(ValueError, match="may not fetch"):
        fetcher.fetch(url)
    assert fetcher.refused == [url]
    assert no_network == []


def test_the_fetcher_refuses_an_absolute_path_under_static(no_network):
    fetcher = StaticFilesOnly()
    with pytest.raises(Exception):  # noqa: B017 - refused, whatever the exception
        fetcher.fetch("https://report.invalid/static//etc/passwd")
    assert no_network == []


def test_every_refused_address_is_recorded():
    fetcher = StaticFilesOnly()
    with pytest.raises(Exception):  # noqa: B017
        fetcher.fetch("https://report.invalid/static//etc/passwd")
    assert fetcher.refused == ["https://report.invalid/static//etc/passwd"]


# Production: collectstatic names files by their hash and lists them in a manifest.


@pytest.fixture(scope="module")
def collected_root(collected_static):
    """A STATIC_ROOT filled by a real collectstatic with the production storage, plus a file
    that lies there without being one of ours."""
    (collected_static / "planted.css").write_text("body { color: red }")
    return collected_static


@pytest.fixture
def production(collected_root):
    with production_static(collected_root) as root:
        yield root


def test_production_serves_the_stylesheet_by_its_hashed_name(production):
    hashed = staticfiles_storage.stored_name("css/report.css")
    assert hashed != "css/report.css"
    fetcher = StaticFilesOnly()
    response = fetcher.fetch(BASE_URL + "static/" + hashed)
    assert response.content_type == "text/css"
    assert b"@page landscape" in response.read()
    assert fetcher.refused == []


@pytest.mark.parametrize(
    "name",
    [
        "staticfiles.json",  # the manifest itself
        "css/report.css.gz",  # a compressed copy: in STATIC_ROOT, not in the manifest
        "planted.css",  # in STATIC_ROOT, put there by someone else
        "css/report.0123456789ab.css",  # a hash the manifest does not know
        "/etc/passwd",
        "%2e%2e/%2e%2e/etc/passwd",
    ],
)
def test_production_refuses_what_the_manifest_does_not_list(production, name, no_network):
    assert (production / "css" / "report.css.gz").exists()
    url = BASE_URL + "static/" + name
    fetcher = StaticFilesOnly()
    with pytest.raises(ValueError, match="may not fetch"):
        fetcher.fetch(url)
    assert fetcher.refused == [url]
    assert no_network == []
