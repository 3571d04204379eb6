from django.template.loader import render_to_string

from reporting.reports import ActionPlanSection, MeasurePagesSection, NarrativeSection, Report
from reporting.tables import cell_html


def section_kind(section) -> str:
    if isinstance(section, NarrativeSection):
        return "narrative"
    if isinstance(section, ActionPlanSection):
        return "action_plan"
    if isinstance(section, MeasurePagesSection):
        return "measure_pages"
    return "table"


def table_rows_html(section) -> list[tuple[str, list[list[str]]]]:
    """Each group's rows as lists of cell HTML, computed once for the template."""
    return [
        (
            heading,
            [[cell_html(col, row, explain=False) for col in section.columns] for row in rows],
        )
        for heading, rows in section.groups
    ]


def render_html(report: Report, *, for_pdf: bool = False) -> bytes:
    """The report as one standalone HTML document: what the PDF prints and `--format html`."""
    sections = [
        {
            "section": section,
            "kind": section_kind(section),
            "rows": table_rows_html(section) if section_kind(section) == "table" else [],
        }
        for section in report.sections
    ]
    html = render_to_string(
        "reporting/report/document.html",
        {"report": report, "sections": sections, "for_pdf": for_pdf},
    )
    return html.encode("utf-8")
