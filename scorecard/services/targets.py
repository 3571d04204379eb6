"""Derive a profiled measure's period targets from its annual target.

An annual target set on the year (a Target on the year's period) is spread across the year's
quarters or months by the measure's profile (``scorecard.rules.profiles``). Only periods still
open take the derived targets: a closed or locked period keeps the target its rating was signed
off with (DOMAIN.md, "What a published figure is"). The caller that wrote the annual target or
the profile (the set-up pages through ``measure_rules_record``, or the plan workbook) calls
this in the same transaction, and keeps the changes it returns in its audit trail.
"""

from __future__ import annotations

from collections.abc import Iterable
from decimal import Decimal
from typing import Any

from scorecard.models import CouncilSettings, Measure, ReportingPeriod, Target
from scorecard.returns.audit import WorkedOut, as_text, audit_worked_out, changes_between
from scorecard.rules.measure_types import TargetProfile
from scorecard.rules.periods import PeriodKind
from scorecard.rules.profiles import (
    DerivedTarget,
    Profile,
    accumulation_of,
    derive_monthly_targets,
    derive_targets,
)
from scorecard.services.periods import periods_ensure
from scorecard.services.rollup import aggregation_of

_KINDS = {
    Measure.Frequency.QUARTERLY: PeriodKind.QUARTER,
    Measure.Frequency.MONTHLY: PeriodKind.MONTH,
}

Changes = dict[str, list[str]]


def profile_of(measure: Measure) -> Profile:
    """The measure's profile and what its periods add up to."""
    return Profile(
        TargetProfile(measure.target_profile),
        tuple(measure.target_profile_shares or ()),
        accumulation_of(cumulative=measure.cumulative, aggregation=aggregation_of(measure)),
    )


def profiled_targets_derive(*, measure_ids: Iterable[int], user: Any = None) -> dict[int, Changes]:
    """Derive the open periods' targets of these measures from their annual targets.

    Each target derived anew or changed is audited on its own row with how it was derived, as
    made by ``user`` (the set-up pages, the plan workbook). Returns, per measure that changed,
    ``{"Target 2009/10 Q1": [old, new]}`` for the caller's audit of the measure's rule.
    """
    measures = Measure.objects.filter(pk__in=list(measure_ids), frequency__in=list(_KINDS)).exclude(
        target_profile=TargetProfile.MANUAL.value
    )
    annuals = Target.objects.filter(
        measure__in=measures, period__kind=PeriodKind.YEAR.value
    ).select_related("measure", "period")
    wanted: list[tuple[Measure, Target, list[DerivedTarget], dict]] = []
    for annual in annuals:
        measure = annual.measure
        derived = _derive(measure, annual, annual.value)
        bounds = {
            name: {d.period: d.value for d in _derive(measure, annual, getattr(annual, name))}
            for name in ("lower", "upper")
        }
        wanted.append((measure, annual, derived, bounds))
    refs = {d.period for _, _, derived, _ in wanted for d in derived}
    deadline_days = CouncilSettings.load().deadline_days
    periods = periods_ensure(refs, deadline_days=deadline_days) if refs else {}
    changes: dict[int, Changes] = {}
    made: list[WorkedOut] = []
    for measure, _annual, derived, bounds in wanted:
        found = _write(measure, derived, bounds, periods, made)
        if found:
            changes.setdefault(measure.pk, {}).update(found)
    audit_worked_out(user=user, made=made)
    return changes


def _derive(measure: Measure, annual: Target, value: Decimal | None) -> list[DerivedTarget]:
    """The periods' targets; a monthly measure's quarters too, which its months roll up to."""
    if value is None:
        return []
    made = {
        "annual": value,
        "year": annual.period.year,
        "profile": profile_of(measure),
        "unit": measure.unit,
        "decimal_places": measure.decimal_places,
    }
    if measure.frequency == Measure.Frequency.MONTHLY:
        return derive_monthly_targets(**made)
    return derive_targets(kind=_KINDS[measure.frequency], **made)


def _write(
    measure: Measure,
    derived: list[DerivedTarget],
    bounds: dict[str, dict],
    periods: dict[str, ReportingPeriod],
    made: list[WorkedOut],
) -> Changes:
    """Store the derived targets of open periods; return what changed, and add to ``made``."""
    stored = {
        t.period_id: t
        for t in Target.objects.filter(
            measure=measure, period__in=[periods[d.period.label] for d in derived]
        )
    }
    changes: Changes = {}
    for d in derived:
        period = periods[d.period.label]
        if period.state != ReportingPeriod.State.OPEN:
            continue  # a closed or locked period keeps the target it was signed off with
        target = stored.get(period.pk) or Target(measure=measure, period=period)
        old = as_text(target.value) if target.pk else ""
        lower, upper = bounds["lower"].get(d.period), bounds["upper"].get(d.period)
        wanted = (d.value, d.derivation, lower, upper)
        if target.pk and (target.value, target.derivation, target.lower, target.upper) == wanted:
            continue  # derived as it is: nothing to write
        before = {"target": target.value, "lower": target.lower, "upper": target.upper}
        target.value, target.derivation, target.lower, target.upper = wanted
        target.save()
        after = {"target": d.value, "lower": lower, "upper": upper}
        summary = f"Derived {measure.code} target {period.label} from the annual target"
        made.append(WorkedOut(target, summary, changes_between(before, after), d.derivation))
        if old != as_text(d.value):
            changes[f"Target {period.label}"] = [old, as_text(d.value)]
    return changes
