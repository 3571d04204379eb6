import re

from django.template.loader import render_to_string

from reporting.narrative import numbered_count, paragraphs
from reporting.reports import Report

# C0 controls but tab and line feed, and DEL: never text. Carriage returns become line feeds.
CONTROLS = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


def printable(text: str) -> str:
    """Text with every control character but tab and newline replaced by a space.

    The one text filter of the document every format prints from: a form feed or an escape
    pasted into a committee name or a commentary would otherwise reach WeasyPrint, which draws
    nothing for it and, for a form feed on the cover, leaves the PDF with no text layer at all
    (issue 13 review); a space keeps the words on either side apart. HTML treats CR and CRLF as
    a line feed (WHATWG "preprocessing the input stream"), so those become one here too.
    """
    return CONTROLS.sub(" ", text.replace("\r\n", "\n").replace("\r", "\n"))


def table_rows_html(section) -> list[tuple[str, list[list[tuple[str, str]]]]]:
    """Each group's rows as (class, text) cells for paper, computed once for the template:
    each column's kind says how it prints (`reporting/columns.py`)."""
    return [
        (heading, [[col.shows.paper(col, row) for col in section.columns] for row in rows])
        for heading, rows in section.groups
    ]


def section_entries(report: Report) -> list[dict]:
    """Each section as the document template shows it.

    Narrative paragraphs are numbered through the whole narrative; where a report has a
    narrative, the sections after it are its annexes, numbered in order ("see Annex 1"), and
    the contact officer signs off after the last narrative section, before the annexes.
    A section that `continues` the one before is part of its annex: no number of its own,
    and it follows on the same page (`new_page` is False) rather than starting one.
    """
    entries, number, annex = [], 1, 0
    has_narrative = any(s.kind == "narrative" for s in report.sections)
    for section in report.sections:
        kind = section.kind
        continues = getattr(section, "continues", False)
        entry = {
            "section": section,
            "kind": kind,
            "rows": [],
            "paragraphs": [],
            "annex": None,
            "new_page": kind != "narrative" and not continues,
        }
        if kind == "narrative":
            entry["paragraphs"] = paragraphs(section.text, start=number)
            number += numbered_count(entry["paragraphs"])
        else:
            if kind == "table":
                entry["rows"] = table_rows_html(section)
            if has_narrative and not continues:
                annex += 1
                entry["annex"] = annex
        entries.append(entry)
    narrative = [e for e in entries if e["kind"] == "narrative"]
    if narrative:
        narrative[-1]["sign_off"] = True
    return entries


def render_html(report: Report, *, for_pdf: bool = False) -> bytes:
    """The report as one standalone HTML document: what the PDF prints and `--format html`."""
    sections = section_entries(report)
    html = render_to_string(
        "reporting/report/document.html",
        {"report": report, "sections": sections, "for_pdf": for_pdf},
    )
    return printable(html).encode("utf-8")
