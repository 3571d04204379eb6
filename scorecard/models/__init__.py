"""The scorecard's data: organisation, framework (plans, objectives, measures), periods, results."""

from .audit import AuditEntry
from .framework import Measure, Objective, Perspective, Plan, Target
from .organisation import CouncilSettings, Directorate, OfficerProfile, Role, Service
from .periods import ReportingPeriod
from .results import Result, ReturnStatus
from .tokens import ApiToken

__all__ = [
    "ApiToken",
    "AuditEntry",
    "CouncilSettings",
    "Directorate",
    "Measure",
    "Objective",
    "OfficerProfile",
    "Perspective",
    "Plan",
    "ReportingPeriod",
    "Result",
    "ReturnStatus",
    "Role",
    "Service",
    "Target",
]
