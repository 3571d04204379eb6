"""Writes for the set-up pages: plans, objectives, measures with their targets.

Every function is keyword-only and atomic, checks that the user may set up
(``permissions.may_set_up``), validates with the model's own rules and the rules the plan
workbook uses (``scorecard.rules.formula``, ``scorecard.rules.profiles``), refuses a save over
someone else's (optimistic locking by the fingerprint of the row as it was loaded) and keeps an
audit entry of what changed, from what to what and why (issue 12, "Set-up by the performance
team, in the product").
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from django.core.exceptions import ValidationError
from django.db import models, transaction

from scorecard.admin_mixins import REASON_FIELD, field_changes
from scorecard.models import Measure, Objective, ReportingPeriod, Target
from scorecard.returns import permissions
from scorecard.returns.audit import as_text, audit_record, changes_between
from scorecard.returns.services import RULE_FIELDS, measure_rules_record
from scorecard.rules.formula import formula_problems
from scorecard.rules.measure_types import MeasureType, TargetProfile
from scorecard.rules.profiles import check_shares
from scorecard.rules.rag import Polarity
from scorecard.rules.targets import range_problems, range_target
from scorecard.rules.tree import loop_problem
from scorecard.services.calculated import calculated_refresh
from scorecard.services.measures import formulas_follow_rename
from scorecard.services.targets import profiled_targets_derive


class SetupRefused(Exception):
    """The user may not make this change; nothing was changed."""


class SetupInvalid(Exception):
    """The change breaks a rule; ``errors`` maps field names to messages. Nothing was changed."""

    def __init__(self, errors: dict[str, list[str] | str]):
        self.errors = {k: v if isinstance(v, list) else [v] for k, v in errors.items()}
        super().__init__("; ".join(f"{k}: {' '.join(v)}" for k, v in self.errors.items()))


class SetupConflict(Exception):
    """Someone else saved the row after it was loaded; nothing was changed."""


def _check(user: Any) -> None:
    if not permissions.may_set_up(user):
        raise SetupRefused("Only the performance team sets up plans, measures and users.")


def fingerprint(item: models.Model | None) -> str:
    """A short digest of the row as stored, posted back with a form to detect a later save."""
    if item is None or item.pk is None:
        return ""
    stored = type(item)._base_manager.get(pk=item.pk)
    parts = []
    for field in type(item)._meta.get_fields():
        if field.many_to_many and not field.auto_created:
            ids = sorted(getattr(stored, field.name).values_list("pk", flat=True))
            parts.append(f"{field.name}={ids}")
        elif field.concrete:
            parts.append(f"{field.name}={as_text(getattr(stored, field.attname))}")
    return hashlib.sha256("|".join(parts).encode()).hexdigest()[:16]


def _check_loaded(item: models.Model, loaded: str | None) -> None:
    # A form always posts the fingerprint it was opened with; a caller without one (a script)
    # saves without the check.
    if item.pk is not None and loaded and fingerprint(item) != loaded:
        stored = _stored(item)
        raise SetupConflict(
            f"Someone else saved {stored} after you opened it. Your changes were not saved: "
            "open it again to see theirs, then make yours."
        )


def _stored(item: models.Model) -> models.Model | None:
    if item.pk is None:
        return None
    return type(item)._base_manager.filter(pk=item.pk).first()


def _m2m_shown(item: models.Model, names: Iterable[str]) -> dict[str, str]:
    if item.pk is None:
        return {}
    return {n: ", ".join(sorted(str(o) for o in getattr(item, n).all())) for n in names}


def _write(item: models.Model, values: dict[str, Any], related: dict[str, Iterable]) -> dict:
    """Validate and save the row with its many-to-many links; return what changed."""
    before = _stored(item)
    m2m_before = _m2m_shown(item, related)
    for name, value in values.items():
        setattr(item, name, value)
    try:
        item.full_clean()
    except ValidationError as error:
        raise SetupInvalid(error.message_dict) from error
    item.save()
    for name, objs in related.items():
        getattr(item, name).set(objs)
    changes = field_changes(before, item, [*values, *related])
    if before is not None:
        m2m_after = _m2m_shown(item, related)
        for name in related:
            label = str(item._meta.get_field(name).verbose_name).capitalize()
            changes.pop(label, None)
            if m2m_before[name] != m2m_after[name]:
                changes[label] = [m2m_before[name], m2m_after[name]]
    return changes


@transaction.atomic
def item_save(
    *,
    user: Any,
    item: models.Model,
    values: dict[str, Any],
    related: dict[str, Iterable] | None = None,
    reason: str = "",
    loaded: str | None = None,
) -> models.Model:
    """Add or change a plan, objective or action (any framework row without rules of its own).

    ``values`` are the plain fields, ``related`` the many-to-many ones; ``loaded`` the
    ``fingerprint`` of the row when the form was opened.
    """
    _check(user)
    _check_loaded(item, loaded)
    adding = item.pk is None
    changes = _write(item, values, related or {})
    if changes:
        audit_record(
            user=user,
            item=item,
            summary=f"{'Added' if adding else 'Changed'} in set-up: {item}",
            changes=changes,
            reason=reason.strip(),
        )
    return item


@transaction.atomic
def objective_save(
    *,
    user: Any,
    item: Objective,
    values: dict[str, Any],
    related: dict[str, Iterable] | None = None,
    reason: str = "",
    loaded: str | None = None,
) -> Objective:
    """Add or change an objective, refusing a parent that would put it under itself, as the
    plan workbook refuses it (``scorecard.rules.tree``)."""
    parent = values.get("parent")
    code = values.get("code") or item.code
    if parent is not None:
        parents = dict(Objective.objects.exclude(pk=item.pk).values_list("code", "parent__code"))
        problem = loop_problem(code, parent.code if parent.pk != item.pk else code, parents)
        if problem:
            raise SetupInvalid({"parent": problem[:1].upper() + problem[1:] + "."})
    return item_save(
        user=user, item=item, values=values, related=related, reason=reason, loaded=loaded
    )


@dataclass(frozen=True)
class TargetRow:
    """One period's target as the set-up form gives it; ``delete`` removes a stored one."""

    period: ReportingPeriod
    value: Decimal | None
    lower: Decimal | None = None
    upper: Decimal | None = None
    delete: bool = False


def formula_refusals(*, code: str, formula: str) -> list[str]:
    """What is wrong with a calculated measure's formula, checked as the plan workbook does."""
    text = (formula or "").strip().removeprefix("=").strip()
    if not text:
        return []
    others = Measure.objects.filter(measure_type=MeasureType.CALCULATED).exclude(code=code)
    problems = formula_problems(
        text,
        code=code,
        known_codes=Measure.objects.values_list("code", flat=True),
        formulas=dict(others.values_list("code", "formula")),
    )
    return [p[:1].upper() + p[1:] + "." for p in problems]


def _measure_problems(values: dict[str, Any], code: str) -> dict[str, list[str]]:
    problems: dict[str, list[str]] = {}
    formula = formula_refusals(code=code, formula=values.get("formula", ""))
    if formula:
        problems["formula"] = formula
    if values.get("target_profile") == TargetProfile.SEASONAL:
        try:
            check_shares(values.get("target_profile_shares") or [])
        except ValueError as error:
            problems["target_profile_shares"] = [f"{error}, as a list: [10, 20, 30, 40]"]
    return problems


def _target_changes(measure: Measure, rows: list[TargetRow]) -> dict[str, list[str]]:
    """``{"Target 2009/10 Q3": [old, new]}`` for each target added, changed or deleted."""
    stored = {t.period_id: t for t in measure.targets.all()} if measure.pk else {}
    changes = {}
    for row in rows:
        old = stored.get(row.period.pk)
        for name, label in (("value", "Target"), ("lower", "Lower"), ("upper", "Upper")):
            before = as_text(getattr(old, name, None))
            after = "" if row.delete else as_text(getattr(row, name))
            if before != after:
                changes[f"{label} {row.period.label}"] = [before, after]
    return changes


def _target_problems(code: str, ranged: bool, rows: list[TargetRow]) -> list[str]:
    """Each target checked as the plan workbook's Targets sheet checks it."""
    problems = []
    for row in rows:
        if row.delete:
            continue
        found = range_problems(
            code=code, ranged=ranged, lower=row.lower, upper=row.upper, target=row.value
        )
        if row.value is None and not ranged:
            found.append(("Target", "give the target"))
        problems += [f"{row.period.label}, {field}: {problem}" for field, problem in found]
    return problems


def _targets_write(measure: Measure, rows: list[TargetRow]) -> None:
    for row in rows:
        if row.delete:
            Target.objects.filter(measure=measure, period=row.period).delete()
            continue
        Target.objects.update_or_create(
            measure=measure,
            period=row.period,
            defaults={
                "value": range_target(row.lower, row.upper, row.value),
                "lower": row.lower,
                "upper": row.upper,
                "derivation": "",  # typed, not derived from an annual target
            },
        )


def _typed_by_formula(values: dict[str, Any], measure: Measure) -> dict[str, Any]:
    """A formula makes the measure calculated; clearing it makes it entered again."""
    formula = (values.get("formula") or "").strip().removeprefix("=").strip()
    values = {**values, "formula": formula}
    if formula:
        values["measure_type"] = MeasureType.CALCULATED
    elif values.get("measure_type", measure.measure_type) == MeasureType.CALCULATED:
        values["measure_type"] = MeasureType.SIMPLE
    return values


def _rule_changes(before: Measure | None, values: dict[str, Any]) -> dict[str, list[str]]:
    if before is None:
        return {}
    return changes_between(
        {n: getattr(before, n) for n in RULE_FIELDS if n in values},
        {n: values[n] for n in RULE_FIELDS if n in values},
    )


@transaction.atomic
def measure_save(
    *,
    user: Any,
    measure: Measure,
    values: dict[str, Any],
    related: dict[str, Iterable] | None = None,
    targets: list[TargetRow] = (),
    reason: str = "",
    loaded: str | None = None,
) -> int:
    """Add or change a measure and its targets; return how many results were re-rated.

    A change to how an existing measure is rated (RULE_FIELDS) or to its targets needs a
    reason, and is kept, re-derived and re-rated by ``measure_rules_record`` as the Django
    admin did; closed and locked periods keep the ratings they were signed off with. A formula
    makes the measure calculated and clearing it makes it entered again (docs/plan-workbook.md).
    """
    _check(user)
    _check_loaded(measure, loaded)
    before = _stored(measure)
    values = dict(values)
    code = values.get("code") or measure.code
    problems = _measure_problems(values, code)
    ranged = values.get("polarity", measure.polarity) == Polarity.RANGE
    targets_wrong = _target_problems(code, ranged, list(targets))
    if targets_wrong:
        problems["targets"] = targets_wrong
    if problems:
        raise SetupInvalid(problems)
    values = _typed_by_formula(values, measure)
    formula = values["formula"]
    rules = {**_rule_changes(before, values), **_target_changes(measure, list(targets))}
    if before is not None and rules and not reason.strip():
        raise SetupInvalid({REASON_FIELD: "Give a reason for changing how this measure is rated."})
    plain = {k: v for k, v in values.items() if k not in RULE_FIELDS or before is None}
    rule_values = {k: v for k, v in values.items() if k in RULE_FIELDS and before is not None}
    for name, value in rule_values.items():
        setattr(measure, name, value)
    changes = _write(measure, plain, related or {})
    _targets_write(measure, list(targets))
    if before is not None:  # calculated measures follow a renamed input (issue 10), audited
        formulas_follow_rename(user=user, old_code=before.code, new_code=measure.code)
    if before is None or before.formula != formula:
        calculated_refresh(measure_ids=[measure.pk])
    if before is None:
        changes.update(_target_changes_added(measure))
        profiled_targets_derive(measure_ids=[measure.pk])
        audit_record(
            user=user, item=measure, summary=f"Added in set-up: {measure}", changes=changes
        )
        return 0
    if changes:
        audit_record(
            user=user,
            item=measure,
            summary=f"Changed in set-up: {measure}",
            changes=changes,
            reason=reason.strip(),
        )
    return measure_rules_record(user=user, measure=measure, changes=rules, reason=reason)


def _target_changes_added(measure: Measure) -> dict[str, list[str]]:
    return {
        f"Target {t.period.label}": ["", as_text(t.value)]
        for t in measure.targets.select_related("period")
    }
