from django.template.loader import render_to_string

from reporting.narrative import numbered_count, paragraphs
from reporting.reports import ActionPlanSection, MeasurePagesSection, NarrativeSection, Report
from reporting.tables import cell_text, provisional_note
from scorecard.rules.rag import Status


def section_kind(section) -> str:
    if isinstance(section, NarrativeSection):
        return "narrative"
    if isinstance(section, ActionPlanSection):
        return "action_plan"
    if isinstance(section, MeasurePagesSection):
        return "measure_pages"
    return "table"


def _print_cell(col, row) -> tuple[str, str]:
    """A cell for paper: its class and plain text. A RAG is filled and lettered ("R Red") so
    greyscale printing keeps it; everything else is text, which keeps the PDF quick to lay
    out (a thousand-row annex has ten thousand cells).

    The cell is `rag-cell`, never `rag`: that is the inline badge, and a table cell laid out
    inline leaves its column, so two quarters' RAGs would stack under the first quarter."""
    value = getattr(row, col.name, None)
    if col.kind == "rag" and value:
        status = Status(value)
        text = f"{status.letter} {status.word}" + provisional_note(col, row)
        return f"rag-cell rag--{status.value}", text
    return ("code" if col.kind == "code" else ""), cell_text(col, row)


def table_rows_html(section) -> list[tuple[str, list[list[tuple[str, str]]]]]:
    """Each group's rows as (class, text) cells, computed once for the template."""
    return [
        (heading, [[_print_cell(col, row) for col in section.columns] for row in rows])
        for heading, rows in section.groups
    ]


def section_entries(report: Report) -> list[dict]:
    """Each section as the document template shows it.

    Narrative paragraphs are numbered through the whole narrative; where a report has a
    narrative, the sections after it are its annexes, numbered in order ("see Annex 1"), and
    the contact officer signs off after the last narrative section, before the annexes.
    """
    entries, number, annex = [], 1, 0
    has_narrative = any(isinstance(s, NarrativeSection) for s in report.sections)
    for section in report.sections:
        kind = section_kind(section)
        entry = {"section": section, "kind": kind, "rows": [], "paragraphs": [], "annex": None}
        if kind == "narrative":
            entry["paragraphs"] = paragraphs(section.text, start=number)
            number += numbered_count(entry["paragraphs"])
        else:
            if kind == "table":
                entry["rows"] = table_rows_html(section)
            if has_narrative:
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
    return html.encode("utf-8")
