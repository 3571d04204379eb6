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
from functools import cached_property
from pathlib import Path

import pdfplumber
import pytest
from django.core.management import call_command
from django.test import override_settings
from openpyxl import load_workbook
from pypdf import PdfReader


def words(text: str) -> str:
    """Text with its whitespace collapsed: line breaks inside table cells do not matter."""
    return " ".join(text.split())


def production_storages() -> dict:
    """STORAGES exactly as `perfmgmt.settings.production` sets them (hashed, manifest names)."""
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("SECRET_KEY", "x" * 50)
        patch.setenv("ALLOWED_HOSTS", "performance.example.gov.uk")
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
