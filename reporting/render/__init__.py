"""Renderers: a `Report` to HTML, PDF or Excel."""

from .html import render_html
from .pdf import render_pdf
from .xlsx import render_xlsx

RENDERERS = {"html": render_html, "pdf": render_pdf, "xlsx": render_xlsx}
CONTENT_TYPES = {
    "html": "text/html; charset=utf-8",
    "pdf": "application/pdf",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
}

__all__ = ["CONTENT_TYPES", "RENDERERS", "render_html", "render_pdf", "render_xlsx"]
