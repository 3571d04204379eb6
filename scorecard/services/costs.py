"""Writes for service costs: the performance team enters a service's cost for a year.

Keyword-only and atomic, as every service; refused for anyone outside the performance team,
for a period that is not a financial year, and for a stale form (optimistic locking: a second
editor never silently overwrites the first); every change audited with its old and new values.
"""

from decimal import Decimal
from typing import Any

from django.db import transaction
from django.db.models import F

from scorecard.models import ReportingPeriod, Service, ServiceCost
from scorecard.returns import permissions
from scorecard.returns.audit import audit_record

FIELDS = ("net_cost", "cost_per_head", "unit_cost", "unit")


class CostRefused(Exception):
    """The user may not enter costs, or the period is not a financial year."""


class CostConflict(Exception):
    """The cost was changed since the form was loaded; nothing was saved."""


def _changes(current: ServiceCost | None, values: dict[str, Any]) -> dict[str, list[str]]:
    before = {f: getattr(current, f) if current else None for f in FIELDS}
    return {
        f: [str(before[f] if before[f] is not None else ""), str(values[f] or "")]
        for f in FIELDS
        if before[f] != values[f] and not (before[f] in (None, "") and values[f] in (None, ""))
    }


@transaction.atomic
def service_cost_save(
    *,
    user: Any,
    service: Service,
    period: ReportingPeriod,
    net_cost: Decimal,
    cost_per_head: Decimal | None = None,
    unit_cost: Decimal | None = None,
    unit: str = "",
    version: int,
) -> ServiceCost:
    """Set `service`'s cost for the year `period`; `version` is the form's (0: none yet)."""
    if not permissions.is_performance_team(user):
        raise CostRefused("Only the performance team enters service costs.")
    if period.kind != "year":
        raise CostRefused(f"A cost is for a financial year such as 2009/10, not {period.label}.")
    values = {
        "net_cost": net_cost,
        "cost_per_head": cost_per_head,
        "unit_cost": unit_cost,
        "unit": unit or "",
    }
    current = ServiceCost.objects.select_for_update().filter(service=service, period=period).first()
    if (current.version if current else 0) != version:
        raise CostConflict(
            f"{service.name}'s cost for {period.label} was changed by someone else since you "
            "opened this form: check the figures below and save again."
        )
    changes = _changes(current, values)
    if current is None:
        saved = ServiceCost.objects.create(
            service=service, period=period, updated_by=user, **values
        )
    else:
        ServiceCost.objects.filter(pk=current.pk, version=version).update(
            **values, updated_by=user, version=F("version") + 1
        )
        saved = ServiceCost.objects.get(pk=current.pk)
    if changes:
        summary = f"Service cost: {service.name} {period.label}"
        audit_record(user=user, item=saved, summary=summary, changes=changes)
    return saved
