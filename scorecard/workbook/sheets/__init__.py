"""The plan workbook's sheets, in the order they are applied.

``SHEETS`` starts with the scorecard's own sheets; another app appends its sheets with
``register_sheets`` from its ``AppConfig.ready`` (action plans add Action plans,
Recommendations, Findings, Actions and Action updates, in the order of docs/plan-workbook.md),
so the workbook reads and writes them without importing that app.
"""

from ..base import SheetHandler
from .costs import ServiceCostsSheet
from .framework import MeasuresSheet, ObjectivesSheet, PlansSheet, ResultsSheet, TargetsSheet
from .organisation import DirectoratesSheet, OfficersSheet, PerspectivesSheet

SHEETS: list[type[SheetHandler]] = [
    DirectoratesSheet,
    OfficersSheet,
    PerspectivesSheet,
    PlansSheet,
    ObjectivesSheet,
    MeasuresSheet,
    TargetsSheet,
    ResultsSheet,
    ServiceCostsSheet,
]


def register_sheets(*handlers: type[SheetHandler]) -> None:
    """Add sheets after those already registered; registering one twice changes nothing."""
    for handler in handlers:
        if handler not in SHEETS:
            SHEETS.append(handler)
