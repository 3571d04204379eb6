"""The performance team's pages for periods: open, close, lock, unlock, deadlines."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render

from scorecard.models import ReportingPeriod

from . import period_services, permissions, selectors
from .audit import history
from .forms import (
    DeadlineForm,
    PeriodForm,
    PublishForm,
    RerateForm,
    UnlockForm,
    UnpublishForm,
)
from .services import ReturnInvalid, ReturnRefused


def _team_only(request: HttpRequest) -> None:
    if not permissions.can_manage_periods(request.user):
        raise PermissionDenied


def periods(request: HttpRequest) -> HttpResponse:
    """The performance team's periods: add one, and see each one's state and deadline."""
    _team_only(request)
    form = PeriodForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        period = period_services.period_add(
            user=request.user, ref=form.ref, deadline=form.cleaned_data["deadline"]
        )
        messages.success(request, f"{period.label} is open for returns.")
        return redirect("returns:period", period.pk)
    listed = ReportingPeriod.objects.order_by("-start", "end")
    return render(request, "returns/periods.html", {"form": form, "periods": listed})


PERIOD_ACTIONS = {"open", "close", "lock", "unlock", "deadline", "rerate", "publish", "unpublish"}


def period_detail(request: HttpRequest, pk: int) -> HttpResponse:
    """Open, close, lock or unlock one period, move its deadline, re-rate its results, or
    publish it on the public pages."""
    _team_only(request)
    period = get_object_or_404(ReportingPeriod, pk=pk)
    op = request.POST.get("op") if request.method == "POST" else None
    deadline_form = DeadlineForm(
        request.POST if op == "deadline" else None, initial={"deadline": period.deadline}
    )
    unlock_form = UnlockForm(request.POST if op == "unlock" else None)
    rerate_form = RerateForm(request.POST if op == "rerate" else None, prefix="rerate")
    publication = _publication_form(period, request.POST if op in PUBLICATION else None)
    if op is not None and op not in PERIOD_ACTIONS:
        raise PermissionDenied
    answered = _reasoned_op(request, period, op, rerate_form, publication)
    if answered is not None:
        return answered
    if op in REASONED:
        op = None  # the form shows its error below
    try:
        done = None
        if op == "open":
            done = period_services.period_open(user=request.user, period=period)
        elif op == "close":
            done = period_services.period_close(user=request.user, period=period)
        elif op == "lock":
            done = period_services.period_lock(user=request.user, period=period)
        elif op == "unlock" and unlock_form.is_valid():
            done = period_services.period_unlock(
                user=request.user, period=period, reason=unlock_form.cleaned_data["reason"]
            )
        elif op == "deadline" and deadline_form.is_valid():
            done = period_services.period_set_deadline(
                user=request.user, period=period, deadline=deadline_form.cleaned_data["deadline"]
            )
        if done is not None:
            messages.success(
                request,
                f"{period.label} is {period.get_state_display().lower()}, "
                f"due by {period.deadline:%-d %B %Y}.",
            )
            return redirect("returns:period", period.pk)
    except ReturnRefused as refused:
        messages.error(request, str(refused))
        return redirect("returns:period", period.pk)
    forms = (deadline_form, unlock_form, rerate_form, publication)
    return render(
        request,
        "returns/period.html",
        {
            "period": period,
            "deadline_form": deadline_form,
            "unlock_form": unlock_form,
            "rerate_form": rerate_form,
            "publication_form": publication,
            "form_errors": [f for f in forms if f.is_bound and f.errors],
            "history": history([period]),
            "counts": selectors.period_counts(period),
        },
    )


PUBLICATION = {"publish", "unpublish"}
REASONED = PUBLICATION | {"rerate"}


def _reasoned_op(
    request: HttpRequest, period: ReportingPeriod, op: str | None, rerate_form, publication
) -> HttpResponse | None:
    """Re-rate, publish or unpublish when the form is valid; None to show the page."""
    if op == "rerate" and rerate_form.is_valid():
        return _rerate(request, period, rerate_form)
    if op in PUBLICATION and publication.is_valid():
        return _publish(request, period, op, publication)
    return None


def _publication_form(period: ReportingPeriod, data) -> PublishForm | UnpublishForm:
    """The form the period's publication needs next: publish it, or take it off."""
    form = UnpublishForm if period.is_published else PublishForm
    return form(data, prefix="publication")


def _publish(
    request: HttpRequest, period: ReportingPeriod, op: str, form: PublishForm | UnpublishForm
) -> HttpResponse | None:
    """Publish the period's approved results, or take them off the public pages at once;
    None when the form has an error to show."""
    act = period_services.period_publish if op == "publish" else period_services.period_unpublish
    try:
        act(user=request.user, period=period, reason=form.cleaned_data["reason"])
    except ReturnInvalid as invalid:
        for field, error in invalid.errors.items():
            sentence = f"{error[0].upper()}{error[1:]}."
            form.add_error(field if field in form.fields else None, sentence)
        return None
    except ReturnRefused as refused:
        messages.error(request, str(refused))
        return redirect("returns:period", period.pk)
    if period.is_published:
        messages.success(request, f"{period.label} is published on the public pages.")
    else:
        messages.success(request, f"{period.label} is no longer on the public pages.")
    return redirect("returns:period", period.pk)


def _rerate(request: HttpRequest, period: ReportingPeriod, form: RerateForm) -> HttpResponse:
    """Re-rate the period's results by today's rules and say what moved."""
    try:
        changed = period_services.period_rerate(
            user=request.user, period=period, reason=form.cleaned_data["reason"]
        )
    except (ReturnRefused, ReturnInvalid) as refused:
        messages.error(request, str(refused))
        return redirect("returns:period", period.pk)
    count = len(changed)
    messages.success(
        request,
        f"{period.label}: {count} result{'s' if count != 1 else ''} re-rated by the current rules.",
    )
    unexplained = [c for c in changed if c.result.rag == "red" and not c.result.corrective_action]
    if unexplained:
        messages.warning(
            request,
            f"{len(unexplained)} of them {'is' if len(unexplained) == 1 else 'are'} now Red "
            "without a corrective action: ask their officers for one.",
        )
    return redirect("returns:period", period.pk)


def progress(request: HttpRequest) -> HttpResponse:
    """The performance team's landing page: each open period's returns, by directorate."""
    if not permissions.can_see_progress(request.user):
        raise PermissionDenied
    open_periods = selectors.open_periods()
    return render(
        request,
        "returns/progress.html",
        {"progress": selectors.period_progress(open_periods)},
    )
