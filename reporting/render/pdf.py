"""PDF through WeasyPrint, which may fetch nothing but the app's own static files."""

from django.conf import settings
from django.contrib.staticfiles import finders
from django.core.exceptions import SuspiciousFileOperation
from weasyprint import HTML
from weasyprint.urls import URLFetcher, URLFetcherResponse

from reporting.reports import Report

from .html import render_html

# An address that resolves nowhere: relative links in the report resolve against it, and only
# its /static/ part is served, from the files on disk.
BASE_URL = "https://report.invalid/"


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
            try:
                path = finders.find(url.removeprefix(prefix))
            except SuspiciousFileOperation:
                path = None
            if path:
                with open(path, "rb") as handle:
                    body = handle.read()
                mime = "text/css" if url.endswith(".css") else "application/octet-stream"
                return URLFetcherResponse(url, body, {"Content-Type": mime})
        self.refused.append(url)
        raise ValueError(f"the report may not fetch {url}")


def render_pdf(report: Report, *, fetcher: StaticFilesOnly | None = None) -> bytes:
    html = render_html(report, for_pdf=True).decode("utf-8")
    document = HTML(string=html, base_url=BASE_URL, url_fetcher=fetcher or StaticFilesOnly())
    return document.write_pdf()
