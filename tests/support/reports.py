"""Read the files back as their readers would: the PDF's text, pages and outline; the workbook's
cells, styles and the XML Excel opens."""

from __future__ import annotations

import importlib
import io
import os
import re
import shutil
import subprocess
import zipfile
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from decimal import Decimal
from functools import cached_property
from pathlib import Path

import pdfplumber
import pytest
from django.core.management import call_command
from django.test import override_settings
from openpyxl import load_workbook
from pypdf import PdfReader

from tests.support.pages import cells, headers
from tests.support.pages import table as html_table


def words(text: str) -> str:
    """Text with its whitespace collapsed: line breaks inside table cells do not matter."""
    return " ".join(text.split())


def production_storages() -> dict:
    """STORAGES exactly as `perfmgmt.settings.production` sets them (hashed, manifest names)."""
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("SECRET_KEY", "x" * 50)
        patch.setenv("ALLOWED_HOSTS", "performance.example.gov.uk")
        patch.setenv("SITE_URL", "https://performance.example.gov.uk")
        return importlib.import_module("perfmgmt.settings.production").STORAGES


@contextmanager
def production_static(root: Path, *, collect: bool = False) -> Iterator[Path]:
    """The production static storage over STATIC_ROOT `root`, filled by a real collectstatic
    when `collect` is set."""
    with override_settings(STORAGES=production_storages(), STATIC_ROOT=root):
        if collect:
            call_command("collectstatic", "--noinput", verbosity=0)
        yield root


@dataclass
class Pdf:
    data: bytes

    @cached_property
    def reader(self) -> PdfReader:
        return PdfReader(io.BytesIO(self.data))

    @cached_property
    def pages(self) -> list[str]:
        """Each page's text, whitespace collapsed."""
        return [words(page.extract_text() or "") for page in self.reader.pages]

    @property
    def text(self) -> str:
        return " ".join(self.pages)

    def words(self) -> list[str]:
        """Each page's words as pdfplumber places them, joined by spaces: words that stand
        apart on the page stay apart, where pypdf may run neighbouring cells together. The
        words' own spaces are characters, so a gap of 1.5pt already parts two cells."""
        with pdfplumber.open(io.BytesIO(self.data)) as doc:
            return [
                " ".join(w["text"] for w in page.extract_words(x_tolerance=1.5))
                for page in doc.pages
            ]

    def sizes(self) -> list[tuple[float, float]]:
        """Each page's (width, height) in points, as a viewer shows it."""
        sizes = []
        for page in self.reader.pages:
            width, height = float(page.mediabox.width), float(page.mediabox.height)
            if (page.get("/Rotate") or 0) % 180:
                width, height = height, width
            sizes.append((width, height))
        return sizes

    def is_landscape(self, index: int) -> bool:
        width, height = self.sizes()[index]
        return width > height

    def outline(self) -> list[str]:
        """Every bookmark's title, depth first."""
        titles: list[str] = []

        def walk(entries) -> None:
            for entry in entries:
                if isinstance(entry, list):
                    walk(entry)
                else:
                    titles.append(entry.title)

        walk(self.reader.outline)
        return titles

    def pages_with(self, text: str) -> list[int]:
        return [i for i, page in enumerate(self.pages) if text in page]

    def metadata(self) -> dict:
        return dict(self.reader.metadata or {})

    def language(self) -> str | None:
        lang = self.reader.trailer["/Root"].get("/Lang")
        return str(lang) if lang is not None else None

    def link_targets(self) -> list[str]:
        """The URIs of every link annotation: what a click in the PDF opens."""
        found = []
        for page in self.reader.pages:
            for annot in page.get("/Annots") or []:
                action = annot.get_object().get("/A")
                if action is not None and action.get("/URI") is not None:
                    found.append(str(action["/URI"]))
        return found


@dataclass
class Xlsx:
    data: bytes

    @cached_property
    def workbook(self):
        return load_workbook(io.BytesIO(self.data))

    def __getitem__(self, name: str):
        return self.workbook[name]

    @property
    def sheetnames(self) -> list[str]:
        return self.workbook.sheetnames

    def sheet_xml(self) -> dict[str, str]:
        """Each sheet's XML by sheet name: what Excel reads, formulas included."""
        archive = zipfile.ZipFile(io.BytesIO(self.data))
        book = archive.read("xl/workbook.xml").decode()
        rels = archive.read("xl/_rels/workbook.xml.rels").decode()
        targets = dict(re.findall(r'Id="([^"]+)"[^>]*Target="([^"]+)"', rels))
        targets |= {k: v for v, k in re.findall(r'Target="([^"]+)"[^>]*Id="([^"]+)"', rels)}
        found = {}
        for name, rid in re.findall(r'<sheet [^>]*name="([^"]+)"[^>]*r:id="([^"]+)"', book):
            target = targets[rid].lstrip("/")
            path = target if target.startswith("xl/") else f"xl/{target}"
            found[_unescape(name)] = archive.read(path).decode()
        return found


def shown(cell) -> str:
    """What a spreadsheet shows for a number under the number formats the workbook uses:
    0.00%, #,##0, #,##0.0"%", "£"#,##0, #,##0.0" kg"."""
    value, fmt = Decimal(str(cell.value)), cell.number_format
    if fmt == "General":
        return str(cell.value)
    if re.fullmatch(r"0(\.0+)?%", fmt):
        places = len(fmt) - 2 - (1 if "." in fmt else 0)
        return f"{value * 100:,.{places}f}%"
    found = re.fullmatch(r'(?:"([^"]*)")?#,##0(?:\.(0+))?(?:"([^"]*)")?', fmt)
    assert found, f"unexpected number format {fmt!r}"
    prefix, decimals, suffix = found.groups()
    return f"{prefix or ''}{value:,.{len(decimals or '')}f}{suffix or ''}"


def _unescape(name: str) -> str:
    return name.replace("&amp;", "&").replace("&apos;", "'").replace("&quot;", '"')


def table(ws) -> list[dict]:
    """A sheet's rows under its header row, as {header: cell}, up to the first blank row."""
    rows = list(ws.iter_rows())
    headers = [cell.value for cell in rows[0]]
    found = []
    for row in rows[1:]:
        if all(cell.value is None for cell in row):
            break
        found.append(dict(zip(headers, row, strict=False)))
    return found


def by_code(ws) -> dict[str, dict]:
    return {row["Code"].value: row for row in table(ws)}


def rgb(colour) -> str:
    """An openpyxl colour as RRGGBB."""
    return (colour.rgb or "")[-6:].upper()


@dataclass
class PdfRow:
    """A table row read back from the PDF by position: the text under each header."""

    cells: dict[str, str]
    group: str = ""  # the group heading above the row ("Customer (7)"), if any
    page: int = 0
    footer: tuple[str, str] | None = None  # a footer row's label and value

    def __getitem__(self, header: str) -> str:
        return self.cells[header]


def pdf_table(data: bytes, headers: list[str], *, footers: bool = False) -> list[PdfRow]:
    """Every body row of every table headed `headers`, on every page, read by position.

    A header cell is a box drawn behind the header text; a body row is the band of cell
    borders below it. Each word is put in the column whose header box spans its middle, and
    a word under no header fails the read: it was printed outside the columns. Group headings
    (one box across the table) become each following row's `group`; footer rows ("Number
    Green and Amber 48") are left out, or kept in their place with `footers`.
    """
    found: list[PdfRow] = []
    with pdfplumber.open(io.BytesIO(data)) as pdf:
        for number, page in enumerate(pdf.pages):
            placed = page.extract_words()
            for boxes in _header_rows(page.rects, placed, headers):
                found += _rows_below(page.rects, placed, boxes, headers, number)
    return [row for row in found if footers or row.footer is None]


def _inside(word: dict, x0: float, x1: float, top: float, bottom: float) -> bool:
    middle_x = (word["x0"] + word["x1"]) / 2
    middle_y = (word["top"] + word["bottom"]) / 2
    return x0 <= middle_x <= x1 and top <= middle_y <= bottom


def _bands(rects: list[dict]) -> dict[float, list[tuple[float, float, float]]]:
    """Boxes by their top edge, each (x0, x1, bottom), duplicates dropped."""
    bands: dict[float, dict[tuple[float, float], float]] = {}
    for r in rects:
        if r["x1"] - r["x0"] < 2 or r["bottom"] - r["top"] < 2:
            continue
        band = bands.setdefault(round(r["top"], 1), {})
        key = (round(r["x0"], 1), round(r["x1"], 1))
        band[key] = max(band.get(key, 0), r["bottom"])
    return {
        top: sorted((x0, x1, bottom) for (x0, x1), bottom in boxes.items())
        for top, boxes in sorted(bands.items())
    }


def _text(placed: list[dict], x0, x1, top, bottom) -> str:
    return " ".join(w["text"] for w in placed if _inside(w, x0, x1, top, bottom))


def _header_rows(rects, placed, headers):
    """The header boxes (x0, x1, top, bottom) of each table headed `headers` on the page."""
    wanted = [words(h) for h in headers]
    for top, boxes in _bands(rects).items():
        if len(boxes) != len(headers):
            continue
        texts = [words(_text(placed, x0, x1, top, bottom)) for x0, x1, bottom in boxes]
        # Narrow columns break words at hyphens ("Short- term"): compare without the breaks.
        if [t.replace("- ", "-") for t in texts] == [w.replace("- ", "-") for w in wanted]:
            yield [(x0, x1, top, bottom) for x0, x1, bottom in boxes]


def _rows_below(rects, placed, boxes, headers, number) -> list[PdfRow]:
    left, right = boxes[0][0], boxes[-1][1]
    bottom = max(box[3] for box in boxes)
    rows, group = [], ""
    for top, band in _bands(rects).items():
        if top < bottom - 1:
            continue
        if abs(top - bottom) > 1.5 or band[0][0] < left - 1 or band[-1][1] > right + 1:
            break  # the table ends where its bands of cell borders stop
        band_bottom = max(b for _, _, b in band)
        inside = [w for w in placed if _inside(w, left, right, top, band_bottom)]
        if len(band) == 1:
            group = words(" ".join(w["text"] for w in inside))
        elif _is_footer(inside):
            rows.append(_footer(inside, boxes, number))
        else:
            rows.append(_row(inside, boxes, headers, group, number))
        bottom = band_bottom
    return rows


def _is_footer(placed: list[dict]) -> bool:
    text = " ".join(w["text"] for w in placed)
    return text.startswith(("Status ", "Number Green and Amber ", "Percentage "))


def _footer(placed, boxes, number) -> PdfRow:
    """A footer row: its label spans the first two columns, its value the rest."""
    split = boxes[2][0] if len(boxes) > 2 else boxes[-1][0]
    label = [w["text"] for w in placed if (w["x0"] + w["x1"]) / 2 < split]
    value = [w["text"] for w in placed if (w["x0"] + w["x1"]) / 2 >= split]
    return PdfRow({}, page=number, footer=(" ".join(label), " ".join(value)))


def _row(placed, boxes, headers, group, number) -> PdfRow:
    cells = {h: [] for h in headers}
    for w in placed:
        middle = (w["x0"] + w["x1"]) / 2
        under = [h for h, (x0, x1, _, _) in zip(headers, boxes, strict=True) if x0 <= middle <= x1]
        assert under, f"{w['text']!r} on page {number + 1} is under no header of {headers}"
        cells[under[0]].append(w["text"])
    return PdfRow({h: " ".join(t) for h, t in cells.items()}, group, number)


# Reading a report's RAG counts back from each format: the cover's summary, and the rows.
STATUS_WORDS = ["Green", "Amber", "Red", "No Current Information", "Not rated"]
SUMMARY_HEADERS = [
    *STATUS_WORDS,
    "Number Green and Amber",
    "Percentage Green and Amber",
]
LETTERS = {
    "G": "Green",
    "A": "Amber",
    "R": "Red",
    "NCI": "No Current Information",
    "–": "Not rated",
}


def status_word(text: str) -> str | None:
    """The status a RAG cell shows ("R Red" is Red), or None for a blank or "–" cell."""
    text = words(text or "")
    for word in STATUS_WORDS:
        if text.endswith(word):
            return word
    return LETTERS.get(text) if text != "–" else None


def tally(statuses) -> dict[str, int]:
    counts = dict.fromkeys(STATUS_WORDS, 0)
    for status in statuses:
        if status is not None:
            counts[status] += 1
    return counts


def html_summary(root) -> dict[str, int]:
    """The cover's "Summary of ratings" as printed."""
    tbl = html_table(root, "Summary of ratings")
    values = cells(tbl.find("tbody").find("tr"))
    return {h: int(v) for h, v in zip(headers(tbl), values, strict=True) if h in STATUS_WORDS}


def html_rows(root) -> list[dict[str, str]]:
    """Every annex table row as {header: text}, each row's cells counted against its header."""
    found = []
    for section in root.find_all("section", class_="annex"):
        if section.find("div", class_="measure-page"):
            continue  # a measure's history, not a row of the annex
        for tbl in section.find_all("table"):
            names = headers(tbl)
            for tr in (tr for body in tbl.find_all("tbody") for tr in body.find_all("tr")):
                spans = sum(
                    int(c.get("colspan") or 1)
                    for c in tr.children
                    if getattr(c, "tag", "") in ("td", "th")
                )
                assert spans == len(names), f"a row of {spans} cells under {len(names)} headers"
                if tr.classes & {"group-heading", "footer-row"} or len(cells(tr)) != len(names):
                    continue
                found.append(dict(zip(names, cells(tr), strict=True)))
    return found


def pdf_summary(data: bytes) -> dict[str, int]:
    rows = pdf_table(data, SUMMARY_HEADERS)
    assert len(rows) == 1, f"the cover's summary was read as {len(rows)} rows"
    return {word: int(rows[0][word]) for word in STATUS_WORDS}


def xlsx_summary(book: Xlsx) -> dict[str, int]:
    ws = book["Summary"]
    return {
        row[0].value: row[1].value
        for row in ws.iter_rows()
        if row and row[0].value in STATUS_WORDS and len(row) > 1
    }


def xlsx_rows(book: Xlsx) -> list[dict[str, str]]:
    """Every annex sheet's rows as {header: text}, RAG letters as their words."""
    found = []
    for name in book.sheetnames:
        if name in ("Summary", "Measure pages"):
            continue  # the cover's counts, and the Red measures' histories
        for row in table(book[name]):
            found.append({h: _xlsx_text(c.value) for h, c in row.items() if h} | {"_sheet": name})
    return found


def _xlsx_text(value) -> str:
    if value is None:
        return ""
    return LETTERS.get(str(value), str(value))


def require_tool(command: str, package: str) -> str:
    """The path of a program the test needs: skipped without it, except in CI, which must
    install it (.ci/run does) and so fails instead."""
    found = shutil.which(command)
    if found:
        return found
    if os.environ.get("CI", "").lower() == "true":
        pytest.fail(f"{command} is missing in CI: .ci/run installs {package}")
    pytest.skip(f"{command} is not installed (apt-get install {package})")


def calc_pdfs(books: dict[str, bytes], folder: Path) -> dict[str, Pdf]:
    """Each workbook as LibreOffice Calc prints it to PDF, every sheet: {name: pdf}.

    Skipped where LibreOffice is not installed, except in CI (CI=true), which installs it.
    """
    soffice = require_tool("soffice", "libreoffice-calc-nogui")
    paths = []
    for name, data in books.items():
        path = folder / f"{name}.xlsx"
        path.write_bytes(data)
        paths.append(str(path))
    profile = (folder / "profile").as_uri()  # a profile of its own: no clash with a desktop one
    subprocess.run(
        [soffice, f"-env:UserInstallation={profile}", "--headless", "--norestore"]
        + ["--convert-to", "pdf", "--outdir", str(folder), *paths],
        check=True,
        capture_output=True,
        timeout=300,
        stdin=subprocess.DEVNULL,
    )
    return {name: Pdf((folder / f"{name}.pdf").read_bytes()) for name in books}
