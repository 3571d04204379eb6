"""Reports as documents: sections of narrative and tables, built from the dashboards' data.

A `Report` (`document.py`) is what every format renders: the HTML preview, the PDF
(WeasyPrint) and the Excel workbook (openpyxl). Its sections are built in `sections.py`
(measures: scorecard, exceptions, results, measure pages) and `plans.py` (actions:
improvement plans, priority action plans, inspections' action plans), for a `Scope`
(`scope.py`); `catalogue.py` puts them together as the reports registered by name in
`reporting/exports.py`. Each table section names its columns from `reporting.tables`, so a
table is defined once whatever it is printed on.
"""

from .document import (
    ActionPlanSection,
    MeasurePagesSection,
    NarrativeSection,
    Report,
    Section,
    TableSection,
)
from .plans import (
    action_plan_section,
    improvement_plan_section,
    improvement_plan_sections,
    priority_action_plans_section,
)
from .scope import EVERYTHING, Scope
from .sections import (
    RESULT_COLUMNS,
    ResultRow,
    exceptions_section,
    measure_pages_section,
    scorecard_section,
)

__all__ = [
    "EVERYTHING",
    "RESULT_COLUMNS",
    "ActionPlanSection",
    "MeasurePagesSection",
    "NarrativeSection",
    "Report",
    "ResultRow",
    "Scope",
    "Section",
    "TableSection",
    "action_plan_section",
    "exceptions_section",
    "improvement_plan_section",
    "improvement_plan_sections",
    "measure_pages_section",
    "priority_action_plans_section",
    "scorecard_section",
]
