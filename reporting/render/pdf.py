"""PDF through WeasyPrint, which may fetch nothing but the app's own static files."""

import mimetypes

from django.conf import settings
from django.contrib.staticfiles import finders
from django.contrib.staticfiles.storage import staticfiles_storage
from django.core.exceptions import SuspiciousFileOperation
from weasyprint import HTML
from weasyprint.urls import URLFetcher, URLFetcherResponse

from reporting.reports import Report

from .html import render_html

# An address that resolves nowhere: relative links in the report resolve against it, and only
# its /static/ part is served, from the files on disk.
BASE_URL = "https://report.invalid/"
# Tagged as PDF/UA-1: headings, paragraphs and table header cells reach screen readers, the
# viewer shows the title and knows the language. Documents published with an agenda fall
# under the public-sector accessibility regulations.
PDF_VARIANT = "pdf/ua-1"


class StaticFilesOnly(URLFetcher):
    """Serve the app's own static files to WeasyPrint and refuse everything else.

    No file:// (a report must never read the server's files, e.g. from an <img> typed into a
    comment), no network, no redirects: WeasyPrint's redirect bypass (CVE-2025-68616, fixed in
    68) cannot apply to a fetcher that opens nothing.
    """

    def __init__(self) -> None:
        super().__init__(allowed_protocols=(), allow_redirects=False, fail_on_errors=False)
        self.refused: list[str] = []

    def fetch(self, url: str, headers=None) -> URLFetcherResponse:
        prefix = BASE_URL + settings.STATIC_URL.lstrip("/")
        if url.startswith(prefix) and "?" not in url and ".." not in url:
            body = static_file(url.removeprefix(prefix))
            if body is not None:
                mime = mimetypes.guess_type(url)[0] or "application/octet-stream"
                return URLFetcherResponse(url, body, {"Content-Type": mime})
        self.refused.append(url)
        raise ValueError(f"the report may not fetch {url}")


def static_file(name: str) -> bytes | None:
    """The bytes of one of the app's static files, by the name in its URL; None if not ours.

    In production `{% static %}` names a file by its content hash (css/report.7082578c02db.css),
    which only the manifest that collectstatic wrote knows: such a name is read from the
    staticfiles storage, and only if the manifest lists it, so nothing else that lies in
    STATIC_ROOT (the manifest itself, compressed copies) is ever served. Every other name is
    looked up by the finders in the app's static folders, the files collectstatic copies.
    """
    manifest: dict[str, str] = getattr(staticfiles_storage, "hashed_files", None) or {}
    originals = {hashed: original for original, hashed in manifest.items()}
    if name in originals or name in manifest:
        try:
            with staticfiles_storage.open(name) as handle:
                return handle.read()
        except FileNotFoundError:  # collected files pruned: read the original it was made from
            name = originals.get(name, name)
    try:
        path = finders.find(name)
    except SuspiciousFileOperation:
        return None
    if not path:
        return None
    with open(path, "rb") as handle:
        return handle.read()


def render_pdf(report: Report, *, fetcher: StaticFilesOnly | None = None) -> bytes:
    html = render_html(report, for_pdf=True).decode("utf-8")
    document = HTML(string=html, base_url=BASE_URL, url_fetcher=fetcher or StaticFilesOnly())
    return document.write_pdf(pdf_variant=PDF_VARIANT)
