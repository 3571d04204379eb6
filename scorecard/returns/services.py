"""Writes for returns: save, submit, approve, send back (periods: ``period_services``).

Every function is keyword-only and atomic, checks permission and the period's state itself
(a view that forgot would still be safe), validates with the same pure rules the forms use, and
keeps an audit entry of what it changed.
"""

from __future__ import annotations

from collections.abc import Iterable
from decimal import ROUND_HALF_UP, Decimal
from typing import Any

from django.contrib.contenttypes.models import ContentType
from django.db import IntegrityError, models, transaction
from django.db.models import F
from django.utils import timezone

from scorecard.kinds import ItemKind, kind_of
from scorecard.models import CouncilSettings, Measure, ReportingPeriod, Result, ReturnStatus, Target
from scorecard.rules.aggregation import RatioError, ratio_value
from scorecard.rules.judgement import REASON_FIELD, reason_problem
from scorecard.rules.measure_types import MeasureType
from scorecard.rules.plausibility import implausible_actual
from scorecard.rules.rag import RagMethod, Rating, Status
from scorecard.rules.returns import (
    HANDED_IN,
    ReturnEntry,
    actual_problem,
    edit_refusal,
    return_problems,
)
from scorecard.rules.risk import risk_pair_problems
from scorecard.rules.signoff import approval_refusal
from scorecard.services.figures import figures_follow
from scorecard.services.rating import (
    annual_targets,
    handed_in_months,
    rate,
    results_rerate,
    rule_rating,
    runs_year_to_date,
)
from scorecard.services.targets import profiled_targets_derive

from . import notify, permissions
from .audit import audit_record, change_sentence, changes_between, entries_about, latest_entry

# The form's "Yes, this value is right" box: an implausible actual is saved once it is ticked.
CONFIRM_FIELD = "confirm_actual"


class ReturnRefused(Exception):
    """The change is not allowed (permission, or the period's state); nothing was changed."""


class ReturnInvalid(Exception):
    """The return is incomplete or wrong; ``errors`` maps field names to messages."""

    def __init__(self, errors: dict[str, str]):
        self.errors = errors
        super().__init__("; ".join(f"{k}: {v}" for k, v in errors.items()))


class ReturnConflict(Exception):
    """Someone else saved the return after it was loaded; nothing was changed."""

    def __init__(self, current: models.Model | None, message: str):
        self.current = current
        super().__init__(message)


def default_method() -> str:
    return CouncilSettings.load().default_rag_method


def result_rating(
    *,
    measure: Measure,
    period: ReportingPeriod,
    actual: Decimal | None,
    officer_rag: str,
    default: str | None = None,
    forecast: Decimal | None = None,
) -> Rating:
    """The RAG the measure's rule gives these figures, before anything is saved.

    Rated by ``scorecard.rules.rag.rag_for`` (through ``rate``), with the period's target (and
    range), the year's target for a forecast, and the same period last year, exactly as the
    stored rating will be.
    """
    target = Target.objects.filter(measure=measure, period=period).first()
    last_year_ref = period.ref.same_period_last_year()
    last_year = (
        Result.objects.filter(
            measure=measure,
            period__kind=last_year_ref.kind.value,
            period__year=last_year_ref.year,
            period__number=last_year_ref.number,
        )
        .select_related("period")
        .first()
    )
    draft = Result(
        measure=measure,
        period=period,
        actual=actual,
        forecast=forecast,
        officer_rag=officer_rag or "",
    )
    return rate(
        measure,
        draft,
        target=target,
        last_year=last_year,
        default_method=default or default_method(),
        annual=annual_targets([measure.pk], [period.year]).get((measure.pk, period.year)),
        months=handed_in_months([measure.pk], [period.year]).get(measure.pk, {})
        if runs_year_to_date(measure)
        else None,
    )


def target_of(measure: Measure, period: ReportingPeriod) -> Decimal | None:
    return (
        Target.objects.filter(measure=measure, period=period)
        .values_list("value", flat=True)
        .first()
    )


def judgement_rule_rating(
    *,
    measure: Measure,
    period: ReportingPeriod,
    actual: Decimal | None,
    default: str | None = None,
) -> Rating | None:
    """What the target and tolerance give the figure of a measure rated by judgement; None for
    a measure rated by its rule. Saves nothing (``services.rating.rule_rating``)."""
    default = default or default_method()
    if measure.effective_rag_method(default) is not RagMethod.JUDGEMENT:
        return None
    target = Target.objects.filter(measure=measure, period=period).first()
    draft = Result(measure=measure, period=period, actual=actual)
    return rule_rating(measure, draft, target=target, default_method=default)


STORED_PLACES = Decimal("0.0001")  # a result's figures keep four places (VALUE_DIGITS)
WHOLE_RATIO = "enter the numerator and the denominator for this period"


def is_ratio(item: models.Model) -> bool:
    return getattr(item, "measure_type", "") == MeasureType.RATIO.value


def ratio_actual(item: models.Model, values: dict[str, Any]) -> dict[str, str]:
    """Work a ratio measure's actual out of its numerator and denominator, into ``values``.

    The officer enters the two parts ("households re-housed" / "households on the
    register"); the value is computed (``scorecard.rules.aggregation.ratio_value``), × 100 for a
    percentage, and kept to four places. Returns the problems by field: a zero denominator.
    """
    if not is_ratio(item):
        return {}
    numerator, denominator = values.get("numerator"), values.get("denominator")
    values["actual"] = None
    if numerator is None or denominator is None:
        return {}
    try:
        value = ratio_value(numerator, denominator, unit=item.unit)
    except RatioError as error:
        return {"denominator": str(error)}
    values["actual"] = value.quantize(STORED_PLACES, rounding=ROUND_HALF_UP)
    return {}


def entry_problems(
    *,
    item: models.Model,
    values: dict[str, Any],
    rating: Status | None,
    submitting: bool,
    default: str | None = None,
    target: Decimal | None = None,
    confirmed: bool = False,
    by_rule: Status | None = None,
) -> dict[str, str]:
    """Every problem with a return's values: one check for the forms, services and uploads.

    An implausible actual (``scorecard.rules.plausibility``) is a problem until the officer
    has ``confirmed`` it is right. ``by_rule`` is what the target and tolerance give a measure
    rated by judgement (``judgement_rule_rating``): a judgement that contradicts it needs a
    reason (``scorecard.rules.judgement``).
    """
    problems = _reason_problems(values, rating=rating, by_rule=by_rule, submitting=submitting)
    if kind_of(item).rated_by_rule:
        method = item.effective_rag_method(default or default_method())
        actual = values.get("actual")
        problem = actual_problem(actual, unit=item.unit, decimal_places=item.decimal_places)
        doubt = implausible_actual(
            actual,
            unit=item.unit,
            target=target,
            allows_out_of_range=item.allows_out_of_range,
        )
        if is_ratio(item):
            problem = doubt = None  # worked out from its parts, kept to four places
        if problem:
            problems["actual"] = problem
        elif doubt and not confirmed:
            problems["actual"] = f"{doubt}: check it, and tick “Yes, this value is right” if it is"
        entry = ReturnEntry(
            method=method,
            rag=rating,
            actual=values.get("actual"),
            commentary=values.get("commentary") or "",
            corrective_action=values.get("corrective_action") or "",
        )
        judged_field = "officer_rag"
    else:
        entry = ReturnEntry(
            method=RagMethod.JUDGEMENT,
            rag=rating,
            commentary=values.get("commentary") or "",
            is_measure=False,
        )
        judged_field = "rag"
    for name, message in return_problems(entry, submitting=submitting).items():
        if name == "actual" and is_ratio(item):
            name, message = "numerator", WHOLE_RATIO
        problems.setdefault(judged_field if name == "rag" else name, message)
    if kind_of(item).rated_by_rule:
        pair = risk_pair_problems(values.get("risk_likelihood"), values.get("risk_impact"))
        for name, message in pair.items():
            problems.setdefault(name, message)
    return problems


def _reason_problems(
    values: dict[str, Any], *, rating: Status | None, by_rule: Status | None, submitting: bool
) -> dict[str, str]:
    """A judgement contradicting the target and tolerance needs a reason (rules.judgement)."""
    reason = reason_problem(
        judged=rating,
        by_rule=by_rule,
        reason=values.get(REASON_FIELD) or "",
        submitting=submitting,
    )
    return {REASON_FIELD: reason} if reason else {}


def _check_may_update(user: Any, item: models.Model) -> None:
    """Refuse a return nobody may enter (a calculated measure's) or this user may not."""
    calculated = permissions.calculated_refusal(item)
    if calculated:
        raise ReturnRefused(f"{calculated}.")
    if not permissions.can_update(user, item):
        raise ReturnRefused(f"You may not update {item.code}.")


def _status_after(*, submit: bool, correcting: bool, stored: str | None) -> str:
    if correcting and stored:
        return stored  # the performance team's correction leaves the sign-off as it was
    return ReturnStatus.SUBMITTED if submit else ReturnStatus.DRAFT


def _check_period(*, user: Any, period: ReportingPeriod, stored: str | None, reason: str) -> bool:
    """Refuse a change the period's state forbids; return whether it is a team correction."""
    is_team = permissions.is_performance_team(user)
    refusal = edit_refusal(state=period.state, stored=stored, is_team=is_team, reason=reason)
    if refusal:
        raise ReturnRefused(f"{period.label}: {refusal}.")
    return is_team and period.state != ReportingPeriod.State.OPEN


def _conflict(kind: ItemKind, current: models.Model | None) -> ReturnConflict:
    entry = latest_entry(current) if current is not None else None
    sentence = change_sentence(entry)
    return ReturnConflict(
        current,
        f"Your changes were not saved. {sentence} Your entries are kept below: check them "
        f"against the saved {kind.noun} and save again.",
    )


def _same_explanation(current: models.Model, new: dict[str, Any]) -> bool:
    """Whether the stored RAG explanation still holds (a moved target rewrites it)."""
    return new.get("rag_explanation", "") == getattr(current, "rag_explanation", "")


def _with_stored(kind: ItemKind, current: models.Model | None, values: dict) -> dict[str, Any]:
    """The form's values, where a field the form did not show keeps what is stored.

    A new return takes each field's default: commentary not marked internal stays public
    until someone marks it (issue 14), whichever way it was written.
    """
    meta = kind.return_model._meta
    values = {
        name: values[name]
        if name in values
        else (getattr(current, name) if current else meta.get_field(name).get_default())
        for name in kind.fields
    }
    for text_field in ("commentary", "corrective_action", "officer_rag", "rag"):
        if text_field in values and values[text_field] is None:
            values[text_field] = ""
    return values


def _new_return(
    *,
    kind: ItemKind,
    item: models.Model,
    period: ReportingPeriod,
    current: models.Model | None,
    values: dict[str, Any],
    after: str,
    submitting: bool,
) -> dict[str, Any]:
    """The fields to store, rated and checked; raise ``ReturnInvalid`` naming every problem."""
    confirmed = bool(values.get(CONFIRM_FIELD))
    reason = values.get(REASON_FIELD)
    values = _with_stored(kind, current, values)
    by_rule = None
    if kind.rated_by_rule:
        problems = ratio_actual(item, values)
        if problems:
            raise ReturnInvalid(problems)
        rating = result_rating(
            measure=item,
            period=period,
            actual=values["actual"],
            officer_rag=values["officer_rag"],
            forecast=values.get("forecast"),
        )
        status = rating.status if rating.status.is_rated else None
        values[REASON_FIELD] = getattr(current, REASON_FIELD, "") if reason is None else reason
        rule = judgement_rule_rating(measure=item, period=period, actual=values["actual"])
        by_rule = rule.status if rule else None
    else:
        status = Status(values["rag"]) if values["rag"] else None
    # A correction keeps a handed-in return handed in: it must stay as complete as submitted.
    problems = entry_problems(
        item=item,
        values=values,
        rating=status,
        submitting=submitting or after in HANDED_IN,
        target=target_of(item, period) if kind.rated_by_rule else None,
        confirmed=confirmed,
        by_rule=by_rule,
    )
    if problems:
        raise ReturnInvalid(problems)
    new = dict(values, status=after)
    if kind.rated_by_rule:
        new.update(rag=status.value if status else "", rag_explanation=rating.explanation)
    return new


def _changes(current: models.Model | None, new: dict[str, Any]) -> dict[str, list]:
    """What the save changes, for the audit (the explanation and submission time follow)."""
    before = {name: getattr(current, name) for name in new} if current else {}
    changes = changes_between(before, {k: v for k, v in new.items() if k != "rag_explanation"})
    changes.pop("submitted_at", None)
    return changes


def _write_return(
    *,
    kind: ItemKind,
    item: models.Model,
    period: ReportingPeriod,
    current: models.Model | None,
    new: dict[str, Any],
    user: Any,
    version: int,
    now: Any,
) -> models.Model:
    """Create or update the return if it is still at ``version``, else raise a conflict."""
    where = {kind.item_field: item, "period": period}
    if current is None:
        if version != 0:
            raise _conflict(kind, None)
        try:
            with transaction.atomic():
                return kind.return_model.objects.create(**where, **new, entered_by=user, version=1)
        except IntegrityError:
            raise _conflict(kind, kind.return_model.objects.filter(**where).first()) from None
    updated = kind.return_model.objects.filter(pk=current.pk, version=version).update(
        **new, entered_by=user, updated_at=now, version=F("version") + 1
    )
    if not updated:
        raise _conflict(kind, current)
    return kind.return_model.objects.get(pk=current.pk)


@transaction.atomic
def return_save(
    *,
    user: Any,
    item: models.Model,
    period: ReportingPeriod,
    values: dict[str, Any],
    version: int,
    submit: bool = False,
    reason: str = "",
) -> models.Model:
    """Save an officer's return for ``item`` in ``period`` as a draft, or submit it.

    ``version`` is the version the form was loaded with (0 when there was no return yet): if
    the stored return has moved on, ``ReturnConflict`` is raised and nothing is saved, so a
    second editor never silently overwrites the first.
    """
    kind = kind_of(item)
    _check_may_update(user, item)
    current = kind.return_model.objects.filter(**{kind.item_field: item, "period": period}).first()
    if current is not None and kind.derived(current):
        raise _derived_refusal(item, current)
    stored = current.status if current else None
    correcting = _check_period(user=user, period=period, stored=stored, reason=reason)
    after = _status_after(submit=submit, correcting=correcting, stored=stored)
    new = _new_return(
        kind=kind,
        item=item,
        period=period,
        current=current,
        values=values,
        after=after,
        submitting=submit,
    )
    now = timezone.now()
    if submit and not correcting:
        new.update(submitted_at=now)
    changes = _changes(current, new)
    if current is not None and not changes and _same_explanation(current, new):
        # Saving what is stored is not a change: no new version, no audit entry.
        if current.version != version:
            raise _conflict(kind, current)
        return current
    saved = _write_return(
        kind=kind,
        item=item,
        period=period,
        current=current,
        new=new,
        user=user,
        version=version,
        now=now,
    )
    if kind.rated_by_rule:
        figures_follow(measure_ids=[item.pk], written=[(item.pk, period.pk)], user=user)
        saved.refresh_from_db()
    saved.period = period  # the row just written is of this period: no query to name it
    _saved_record(
        user=user, item=item, saved=saved, how=(submit, correcting), changes=changes, reason=reason
    )
    return saved


def _saved_record(
    *, user: Any, item: Any, saved: Any, how: tuple[bool, bool], changes: dict, reason: str
) -> None:
    """Audit a saved return; a submission tells the approvers it waits for them."""
    submit, correcting = how
    verb = "Corrected" if correcting else ("Submitted" if submit else "Saved as draft")
    summary = f"{verb}: {item.code} {saved.period.label}"
    audit_record(user=user, item=saved, summary=summary, changes=changes, reason=reason)
    if submit and not correcting:
        notify.return_submitted(item=item, ret=saved, by=user)


def _derived_refusal(item: models.Model, ret: models.Model) -> ReturnRefused:
    return ReturnRefused(
        f"{item.code} {ret.period.label} is worked out, not entered ({ret.derivation}): "
        "change the figures it is made from."
    )


ReturnKey = tuple[type, int]


def return_authors(returns: Iterable[models.Model]) -> dict[ReturnKey, set[int]]:
    """Who entered or submitted each return, by (model, pk): one query however many returns.

    The last person to save it (``entered_by``) and everyone whose audit entry on it wrote one
    of its entered fields or submitted it, by the form, the Excel upload or a correction; an
    approval, a return to the officer or a re-rating writes none of them and makes no author.
    """
    returns = list(returns)
    authors = {(type(r), r.pk): {r.entered_by_id} - {None} for r in returns}
    fields = {type(r): set(kind_of(r).fields) for r in returns}
    models_by_type = {ContentType.objects.get_for_model(model).pk: model for model in fields}
    entries = entries_about(returns).filter(user__isnull=False)
    for type_id, object_id, user_id, changes in entries.values_list(
        "content_type_id", "object_id", "user_id", "changes"
    ):
        model = models_by_type[type_id]
        submitted = (changes.get("status") or [None, None])[1] == ReturnStatus.SUBMITTED.label
        if submitted or fields[model] & set(changes):
            authors[(model, object_id)].add(user_id)
    return authors


def approval_refusals(*, user: Any, returns: Iterable[models.Model]) -> dict[ReturnKey, str]:
    """Why ``user`` may not approve each of these returns they wrote, by (model, pk).

    Segregation of duties (``scorecard.rules.signoff``): on by default, a council setting. The
    approvals page reads it to say why a row has no Approve button; ``return_approve`` enforces
    it, so a forged request is refused just the same.
    """
    segregate = CouncilSettings.load().segregation_of_duties
    if not segregate:
        return {}
    refusals = {}
    for key, author_ids in return_authors(returns).items():
        refusal = approval_refusal(approver_id=user.pk, author_ids=author_ids, segregate=segregate)
        if refusal:
            refusals[key] = refusal
    return refusals


def _decide(
    *,
    user: Any,
    ret: models.Model,
    version: int | None,
    status: str,
    summary: str,
    reason: str,
) -> models.Model:
    kind = kind_of(ret)
    item = kind.item_of(ret)
    if permissions.calculated_refusal(item):
        raise ReturnRefused(permissions.calculated_refusal(item) + ".")
    if kind.derived(ret):
        raise _derived_refusal(item, ret)
    if not permissions.can_approve(user, item):
        raise ReturnRefused(f"You may not sign off {item.code}.")
    if ret.period.is_locked:
        raise ReturnRefused(f"{ret.period.label}: the period is locked after sign-off.")
    if status == ReturnStatus.APPROVED:
        refusal = approval_refusals(user=user, returns=[ret]).get((type(ret), ret.pk))
        if refusal:
            raise ReturnRefused(f"{item.code} {ret.period.label} not approved: {refusal}.")
    if ret.status != ReturnStatus.SUBMITTED:
        raise ReturnRefused(
            f"{item.code} {ret.period.label} is {ret.get_status_display().lower()}, "
            "not submitted: only a submitted return can be approved or returned."
        )
    now = timezone.now()
    fields: dict[str, Any] = {"status": status, "updated_at": now, "version": F("version") + 1}
    if status == ReturnStatus.APPROVED:
        fields.update(approved_by=user, approved_at=now)
    query = type(ret).objects.filter(pk=ret.pk, status=ReturnStatus.SUBMITTED)
    if version is not None:
        query = query.filter(version=version)
    if not query.update(**fields):
        raise _conflict(kind_of(ret), ret)
    audit_record(
        user=user,
        item=ret,
        summary=f"{summary}: {item.code} {ret.period.label}",
        changes={"status": [ret.get_status_display(), ReturnStatus(status).label]},
        reason=reason,
    )
    if kind.rated_by_rule:
        # An approved month counts in its quarter; a calculated result's sign-off is its inputs'.
        figures_follow(measure_ids=[item.pk], written=[(item.pk, ret.period_id)], user=user)
    ret.refresh_from_db()
    return ret


@transaction.atomic
def return_approve(*, user: Any, ret: models.Model, version: int | None = None):
    """Sign off a submitted return."""
    return _decide(
        user=user,
        ret=ret,
        version=version,
        status=ReturnStatus.APPROVED,
        summary="Approved",
        reason="",
    )


@transaction.atomic
def return_send_back(*, user: Any, ret: models.Model, comment: str, version: int | None = None):
    """Return a submitted return to its officer with a comment saying what to change."""
    if not comment.strip():
        raise ReturnInvalid({"comment": "say what the officer should change"})
    sent_back = _decide(
        user=user,
        ret=ret,
        version=version,
        status=ReturnStatus.RETURNED,
        summary="Returned to the officer",
        reason=comment.strip(),
    )
    notify.return_sent_back(item=kind_of(ret).item_of(ret), ret=sent_back, comment=comment.strip())
    return sent_back


RULE_FIELDS = (
    "rag_method",
    "polarity",
    "tolerance_amount",
    "tolerance_is_percent",
    "target_profile",
    "target_profile_shares",
)


@transaction.atomic
def measure_rules_record(
    *, user: Any, measure: Measure, changes: dict[str, list[str]], reason: str
) -> int:
    """Keep a change to a measure's targets, profile, tolerance, polarity or RAG method.

    The set-up pages save the measure; this re-derives the open periods' targets of a profiled
    measure from its annual target (``profiled_targets_derive``), keeps who changed its rule,
    from what to what and why, derived targets included, and brings the stored RAGs of its
    open periods in step with the new rule. Closed and locked periods keep their targets and
    the ratings they were signed off with (``scorecard.rules.signoff``). Returns how many
    results were re-rated.
    """
    if not changes:
        return 0
    if not reason.strip():
        raise ReturnInvalid({"reason": "give a reason for changing how the measure is rated"})
    derived = profiled_targets_derive(measure_ids=[measure.pk], user=user).get(measure.pk, {})
    audit_record(
        user=user,
        item=measure,
        summary=f"Changed how {measure.code} is rated",
        changes={**changes, **derived},
        reason=reason.strip(),
    )
    return results_rerate(measure_ids=[measure.pk])
