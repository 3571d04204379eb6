"""The scorecard's data: organisation, framework (plans, objectives, measures), periods, results."""

from .audit import AuditEntry
from .benchmarking import ComparatorArea, ComparatorGroup, ComparatorImport, ComparatorValue
from .costs import ServiceCost
from .framework import Measure, Objective, Perspective, Plan, Target
from .notifications import Notification
from .organisation import CouncilSettings, Directorate, OfficerProfile, Role, Service
from .periods import ReportingPeriod
from .results import Result, ReturnStatus
from .tokens import ApiToken

__all__ = [
    "ApiToken",
    "AuditEntry",
    "ComparatorArea",
    "ComparatorGroup",
    "ComparatorImport",
    "ComparatorValue",
    "CouncilSettings",
    "Directorate",
    "Measure",
    "Notification",
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
