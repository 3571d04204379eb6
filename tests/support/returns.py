"""Builders for returns tests: an open period, officers with profiles, items they update."""

from datetime import timedelta
from decimal import Decimal

from django.utils import timezone

from scorecard.models import OfficerProfile, ReportingPeriod
from tests.support.factories import ActionFactory, MeasureFactory, TargetFactory, period


def open_period(label: str = "2009/10 Q3", *, days_left: int = 30) -> ReportingPeriod:
    """The period, open for returns, due ``days_left`` days from today (negative: overdue)."""
    obj = period(label)
    obj.state = ReportingPeriod.State.OPEN
    obj.deadline = timezone.localdate() + timedelta(days=days_left)
    obj.save()
    return obj


def in_directorate(user, directorate):
    OfficerProfile.objects.update_or_create(user=user, defaults={"directorate": directorate})
    return user


def measure_for(user, of_period, *, target="50", **fields):
    """A measure the user updates, with a target in the period."""
    fields.setdefault("decimal_places", 1)
    measure = MeasureFactory(**fields)
    if user is not None:
        measure.updaters.add(user)
    if target is not None:
        TargetFactory(measure=measure, period=of_period, value=Decimal(target))
    return measure


def action_for(user, **fields):
    action = ActionFactory(**fields)
    if user is not None:
        action.updaters.add(user)
    return action


def edit_url(item, of_period) -> str:
    from django.urls import reverse

    kind = "measure" if hasattr(item, "frequency") else "action"
    return reverse("returns:edit", args=[kind, item.pk, of_period.pk])


def result_form(action: str = "submit", version: int = 0, **fields) -> dict:
    """What the per-item page posts: the button pressed, the version loaded, the fields."""
    data = {
        "action": action,
        "version": version,
        "actual": "",
        "commentary": "",
        "corrective_action": "",
        "risk_likelihood": "",
        "risk_impact": "",
    }
    data.update(fields)
    return data
