"""The scorecard's data: organisation, framework (plans, objectives, measures), periods, results."""

from .audit import AuditEntry
from .costs import ServiceCost
from .framework import Measure, Objective, Perspective, Plan, Target
from .organisation import CouncilSettings, Directorate, OfficerProfile, Role, Service
from .periods import ReportingPeriod
from .results import Result, ReturnStatus

__all__ = [
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
    "ServiceCost",
    "Target",
]
