"""The PDF on the agenda is tagged for accessibility (PDF/UA-1): a screen reader finds its
title, its language, its headings and each table's header cells.

`pdfinfo` (poppler, as CI installs it) reads the real built files, as an accessibility checker
would; the structure tree is read back with pypdf.
"""

import subprocess

import pytest

from reporting.exports import build_report
from reporting.render import render_pdf
from tests.support.packs import CABINET_TITLE, cabinet_pack
from tests.support.periods import period
from tests.support.reports import Pdf, require_tool

pytestmark = pytest.mark.django_db


@pytest.fixture(scope="module")
def built(in_demo, tmp_path_factory) -> dict[str, tuple[Pdf, str]]:
    """The Q2 scorecard and the Cabinet pack as files on disk: {name: (pdf, path)}."""

    def make():
        pack = cabinet_pack(include_action_plans=True)
        reports = {
            "scorecard": build_report("scorecard", period("2009/10 Q2")),
            "pack": build_report(f"pack:{pack.pk}", None),
        }
        folder = tmp_path_factory.mktemp("pdfs")
        files = {}
        for name, report in reports.items():
            path = folder / f"{name}.pdf"
            path.write_bytes(render_pdf(report))
            files[name] = (Pdf(path.read_bytes()), str(path))
        return files

    return in_demo(make)


def pdfinfo(*args: str) -> str:
    command = require_tool("pdfinfo", "poppler-utils")
    return subprocess.run(
        [command, *args], check=True, capture_output=True, text=True, timeout=120
    ).stdout


@pytest.mark.parametrize("name", ["scorecard", "pack"])
def test_pdfinfo_reports_the_pdf_as_tagged_with_its_title(built, name):
    info = pdfinfo(built[name][1])
    assert _field(info, "Tagged") == "yes"
    title = "Balanced scorecard: 2009/10 Q2" if name == "scorecard" else CABINET_TITLE
    assert _field(info, "Title") == title


@pytest.mark.parametrize("name", ["scorecard", "pack"])
def test_the_pdf_says_it_is_pdf_ua_and_written_in_british_english(built, name):
    pdf, path = built[name]
    assert pdf.language() == "en-GB"
    assert "pdfuaid" in (pdfinfo("-meta", path) or "")
    catalog = pdf.reader.trailer["/Root"]
    assert bool(catalog["/MarkInfo"]["/Marked"])
    assert bool(catalog["/ViewerPreferences"]["/DisplayDocTitle"])


def test_the_scorecard_tables_keep_their_header_cells(built):
    pdf, path = built["scorecard"]
    roles = _roles(pdf)
    assert roles.count("Table") >= 1
    assert "TH" in roles and "TD" in roles and "TR" in roles
    tree = pdfinfo("-struct-text", path)
    header = _struct_block(tree, "TH")
    for column in ("Code", "Baseline", "Target", "Actual", "RAG"):
        assert any(column in cell for cell in header), f"{column} is not a header cell"


def test_the_pack_headings_are_tagged_as_headings(built):
    pdf, _ = built["pack"]
    roles = _roles(pdf)
    assert "H1" in roles
    assert "H2" in roles
    assert "TH" in roles


def _field(info: str, name: str) -> str:
    for line in info.splitlines():
        if line.startswith(f"{name}:"):
            return line.split(":", 1)[1].strip()
    return ""


def _roles(pdf: Pdf) -> list[str]:
    """Every structure element's type, depth first, as a screen reader walks them."""
    root = pdf.reader.trailer["/Root"].get("/StructTreeRoot")
    assert root is not None, "the PDF has no structure tree"
    found: list[str] = []

    def walk(node) -> None:
        node = node.get_object() if hasattr(node, "get_object") else node
        if isinstance(node, list):
            for child in node:
                walk(child)
            return
        if not hasattr(node, "get"):
            return
        if node.get("/S") is not None:
            found.append(str(node["/S"]).lstrip("/"))
        kids = node.get("/K")
        if kids is not None:
            walk(kids)

    walk(root)
    return found


def _struct_block(tree: str, role: str) -> list[str]:
    """The text under each element of `role` in `pdfinfo -struct-text` output."""
    lines = tree.splitlines()
    blocks = []
    for index, line in enumerate(lines):
        if line.strip().startswith(role + " ") or line.strip() == role:
            depth = len(line) - len(line.lstrip())
            text = []
            for below in lines[index + 1 :]:
                if len(below) - len(below.lstrip()) <= depth:
                    break
                text.append(below.strip())
            blocks.append(" ".join(text))
    return blocks
