"""The plan workbook's sheets, in the order they are applied."""

from .actions import (
    ActionPlansSheet,
    ActionsSheet,
    ActionUpdatesSheet,
    FindingsSheet,
    RecommendationsSheet,
)
from .framework import MeasuresSheet, ObjectivesSheet, PlansSheet, ResultsSheet, TargetsSheet
from .organisation import DirectoratesSheet, OfficersSheet, PerspectivesSheet

SHEETS = (
    DirectoratesSheet,
    OfficersSheet,
    PerspectivesSheet,
    PlansSheet,
    ObjectivesSheet,
    MeasuresSheet,
    TargetsSheet,
    ResultsSheet,
    ActionPlansSheet,
    RecommendationsSheet,
    FindingsSheet,
    ActionsSheet,
    ActionUpdatesSheet,
)
