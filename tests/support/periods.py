"""Reporting periods for tests, made by the same service the importers use."""

from datetime import timedelta

from django.utils import timezone

from scorecard.models import ReportingPeriod
from scorecard.rules.periods import parse_period
from scorecard.services.periods import periods_ensure

# Days from a period's end to its deadline when a test makes the period.
DEADLINE_DAYS = 30


def period(label: str) -> ReportingPeriod:
    """The period with this label ("2009/10 Q2"), created if need be."""
    ref = parse_period(label)
    return periods_ensure([ref], deadline_days=DEADLINE_DAYS)[ref.label]


def open_period(label: str = "2009/10 Q3", *, days_left: int = 30) -> ReportingPeriod:
    """The period, open for returns, due ``days_left`` days from today (negative: overdue)."""
    obj = period(label)
    obj.state = ReportingPeriod.State.OPEN
    obj.deadline = timezone.localdate() + timedelta(days=days_left)
    obj.save()
    return obj
