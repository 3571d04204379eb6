"""Pages for returns: thin views that load, check permission, act and redirect."""

from __future__ import annotations

import base64
import secrets
import tempfile
from dataclasses import replace
from itertools import groupby
from pathlib import Path
from typing import Any

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_POST

from scorecard.kinds import ItemKind, kind_named, kind_of
from scorecard.models import ReportingPeriod, ReturnStatus
from scorecard.rules.returns import edit_refusal
from scorecard.workbook.errors import WorkbookRefused

from . import excel, permissions, selectors, services
from .audit import history, without_drafts
from .forms import (
    CHECK,
    COPY,
    DRAFT,
    SUBMIT,
    DecisionForm,
    SendBackForm,
    UploadForm,
)


def my_returns(request: HttpRequest) -> HttpResponse:
    """Everything the signed-in officer must update in the open periods."""
    refusal = permissions.my_returns_refusal(request.user)
    if refusal:
        raise PermissionDenied(refusal)
    open_periods = selectors.open_periods()
    rows = selectors.my_returns(request.user, open_periods)
    periods = [(period, list(group)) for period, group in groupby(rows, key=lambda row: row.period)]
    return render(
        request,
        "returns/my_returns.html",
        {
            "periods": periods,
            "overdue": sum(row.is_overdue for row in rows),
            "open_periods": open_periods,
        },
    )


def _kind(name: str) -> ItemKind:
    """The kind a URL names; an unknown one is refused, as a forged URL would be."""
    try:
        return kind_named(name)
    except LookupError:
        raise PermissionDenied from None


def _item(kind: str, item_id: int) -> Any:
    model = _kind(kind).model
    return get_object_or_404(model.objects.select_related("directorate"), pk=item_id)


def _initial(row: selectors.ReturnRow, form_class) -> dict[str, Any]:
    current = row.current
    initial: dict[str, Any] = {"version": row.version}
    if current is not None:
        for name in form_class.base_fields:
            if name not in ("version", "reason") and hasattr(current, name):
                initial[name] = getattr(current, name)
    return initial


def _form(
    row,
    *,
    data=None,
    submitting=False,
    correcting=False,
    compact=False,
    prefix=None,
    default=None,
    copied=False,
):
    form_class = row.item_kind.form
    return form_class(
        data,
        initial=_initial(row, form_class),
        item=row.item,
        period=row.period,
        submitting=submitting,
        correcting=correcting,
        compact=compact,
        prefix=prefix,
        default=default,
        copied=copied,
        row=row,
    )


def _save(request: HttpRequest, row, form, *, submit: bool) -> Any:
    """Hand a valid form to the service; put what it refuses back on the form."""
    try:
        return services.return_save(
            user=request.user,
            item=row.item,
            period=row.period,
            values=form.values(),
            version=form.cleaned_data["version"],
            submit=submit,
            reason=form.cleaned_data.get("reason") or "",
        )
    except services.ReturnInvalid as invalid:
        form.add_problems(invalid.errors)
    except services.ReturnRefused as refused:
        form.add_error(None, str(refused))
    except services.ReturnConflict as conflict:
        form.show_conflict(conflict)
    return None


def _edit_form(request: HttpRequest, row, earlier, *, correcting: bool):
    """The return's form as the action asked: copied forward, checked, saved or submitted.

    Returns the form to show, or a redirect once it was saved.
    """
    item, period = row.item, row.period
    action = request.POST.get("action") if request.method == "POST" else None
    if action == COPY:
        data = request.POST.copy()
        data["commentary"] = earlier[0].commentary if earlier else ""
        return _form(row, data=data, correcting=correcting, copied=True), None
    if not action:
        return _form(row, correcting=correcting), None
    form = _form(row, data=request.POST, submitting=action == SUBMIT, correcting=correcting)
    if form.is_valid() and action in (DRAFT, SUBMIT):
        saved = _save(request, row, form, submit=action == SUBMIT)
        if saved is not None:
            done = "submitted for approval" if action == SUBMIT else "saved as a draft"
            messages.success(request, f"{item.code} {period.label} {done}.")
            return form, redirect("returns:mine")
    return form, None


def return_edit(request: HttpRequest, kind: str, item_id: int, period_id: int) -> HttpResponse:
    """One item's return for one period: enter, check the RAG, save a draft or submit.

    Everyone signed in may read it; only its updaters, lead officer and the performance team
    may change it.
    """
    item = _item(kind, item_id)
    period = get_object_or_404(ReportingPeriod, pk=period_id)
    # A figure worked out from months or a formula is shown with how, never entered.
    worked_out = kind_of(item).derived_return(item, period)
    may_edit = permissions.can_update(request.user, item) and worked_out is None
    if request.method == "POST" and not may_edit:
        raise PermissionDenied
    row = selectors.item_row(item, period)
    earlier = selectors.earlier_returns(item, period)
    is_team = permissions.is_performance_team(request.user)
    stored = row.current.status if row.current else None
    correcting = is_team and period.state != ReportingPeriod.State.OPEN
    refusal = edit_refusal(state=period.state, stored=stored, is_team=is_team, reason="x")

    form = None
    if may_edit and not refusal:
        form, done = _edit_form(request, row, earlier, correcting=correcting)
        if done is not None:
            return done
    elif request.method == "POST":
        messages.error(request, f"{item.code} {period.label}: {refusal}.")
        return redirect(request.path)

    entries = history([item, row.current] if row.current else [item])
    if not permissions.can_see_drafts(request.user, item):
        row, earlier, entries = _handed_in_only(row, earlier, entries)
    return render(
        request,
        "returns/edit.html",
        {
            "row": row,
            "item": item,
            "period": period,
            "form": form,
            "form_errors": [form] if form is not None and form.is_bound and form.errors else [],
            "earlier": earlier,
            "history": entries,
            "returned_comment": _returned_comment(row, entries),
            "refusal": refusal if may_edit else "",
            "may_edit": may_edit,
            "calculated": permissions.calculated_refusal(item),
            "worked_out": worked_out,
        },
    )


def _handed_in_only(row, earlier, entries):
    """What someone who may not read drafts sees: the return once handed in, never a draft."""
    if row.current is not None and row.current.status == ReturnStatus.DRAFT:
        row = replace(row, current=None)
    earlier = [r for r in earlier if r.status != ReturnStatus.DRAFT]
    return row, earlier, without_drafts(entries)


PREVIEWED = ("actual", "numerator", "denominator", "officer_rag", "forecast")


def rag_preview(request: HttpRequest, kind: str, item_id: int, period_id: int) -> HttpResponse:
    """The RAG the measure's rule gives the figures typed so far, and why: saves nothing.

    Asked by static/js/returns.js as the officer types (issue 12, "The officer's return"); the
    form rates the figures through ``services.result_rating``, the one RAG engine.
    """
    if not _kind(kind).rated_by_rule:
        raise Http404("Only a measure is rated by a rule.")
    item = _item(kind, item_id)
    period = get_object_or_404(ReportingPeriod, pk=period_id)
    if not permissions.can_update(request.user, item):
        raise PermissionDenied
    row = selectors.item_row(item, period)
    data = {name: request.GET.get(name, "") for name in PREVIEWED}
    form = _form(row, data={**data, "version": row.version}, compact=True)
    form.is_valid()
    problems = [
        error
        for name in ("actual", "numerator", "denominator", "officer_rag")
        for error in form.errors.get(name, [])
    ]
    return render(
        request,
        "returns/rag_preview.html",
        {"rating": None if problems else form.rating, "problems": problems},
    )


def _returned_comment(row, entries) -> str:
    """The approver's comment, while the return is sent back to its officer."""
    if row.current is None or row.current.status != ReturnStatus.RETURNED:
        return ""
    for entry in entries:
        if entry.changes.get("status", [None, None])[1] == "Returned" and entry.reason:
            return f"{entry.who}: {entry.reason}"
    return ""


def approvals(request: HttpRequest) -> HttpResponse:
    """Submitted returns the approver signs off: approve, or return with a comment."""
    if not (
        permissions.is_performance_team(request.user)
        or permissions.approver_directorate_id(request.user)
    ):
        raise PermissionDenied
    queue = selectors.approval_queue(request.user)
    refusals = services.approval_refusals(user=request.user, returns=queue)
    rows = selectors.approval_rows(queue, refusals)
    return render(request, "returns/approvals.html", {"queue": rows})


@require_POST
def approve_selected(request: HttpRequest) -> HttpResponse:
    """Approve every ticked return, each through ``services.return_approve``, and say how each
    went: one that cannot be approved (changed since the page was loaded, the approver's own)
    is named with why, and does not hold back the others (per-item, not all-or-nothing)."""
    if not (
        permissions.is_performance_team(request.user)
        or permissions.approver_directorate_id(request.user)
    ):
        raise PermissionDenied
    keys = request.POST.getlist("selected")
    if not keys:
        messages.error(request, "Select the returns to approve, then press Approve selected.")
        return redirect("returns:approvals")
    chosen, unknown = selectors.selected_returns(keys)
    approved, refused = [], []
    for ret, version in chosen:
        item = kind_of(ret).item_of(ret)
        try:
            services.return_approve(user=request.user, ret=ret, version=version)
            approved.append(item.code)
        except (services.ReturnRefused, services.ReturnConflict) as problem:
            refused.append(f"{item.code} was not approved: {problem}")
    if approved:
        count = len(approved)
        messages.success(
            request,
            f"{count} return{'s' if count != 1 else ''} approved: {', '.join(approved)}.",
        )
    for sentence in refused:
        messages.error(request, sentence)
    if unknown:
        messages.error(request, f"{unknown} selected return(s) are no longer waiting: reload.")
    return redirect("returns:approvals")


def _submitted(kind: str, pk: int) -> Any:
    spec = _kind(kind)
    related = f"{spec.item_field}__directorate"
    return get_object_or_404(spec.return_model.objects.select_related("period", related), pk=pk)


@require_POST
def approve(request: HttpRequest, kind: str, pk: int) -> HttpResponse:
    ret = _submitted(kind, pk)
    item = _kind(kind).item_of(ret)
    if not permissions.can_approve(request.user, item):
        raise PermissionDenied
    form = DecisionForm(request.POST)
    version = form.cleaned_data["version"] if form.is_valid() else None
    try:
        services.return_approve(user=request.user, ret=ret, version=version)
        messages.success(request, f"{item.code} {ret.period.label} approved.")
    except (services.ReturnRefused, services.ReturnConflict) as problem:
        messages.error(request, str(problem))
    return redirect("returns:approvals")


def send_back(request: HttpRequest, kind: str, pk: int) -> HttpResponse:
    """Return a submitted return to its officer, saying what to change."""
    ret = _submitted(kind, pk)
    item = _kind(kind).item_of(ret)
    if not permissions.can_approve(request.user, item):
        raise PermissionDenied
    form = SendBackForm(request.POST or None, initial={"version": ret.version})
    if request.method == "POST" and form.is_valid():
        try:
            services.return_send_back(
                user=request.user,
                ret=ret,
                comment=form.cleaned_data["comment"],
                version=form.cleaned_data["version"],
            )
            messages.success(request, f"{item.code} {ret.period.label} returned to the officer.")
            return redirect("returns:approvals")
        except (services.ReturnRefused, services.ReturnConflict) as problem:
            form.add_error(None, str(problem))
    return render(
        request,
        "returns/send_back.html",
        {"form": form, "ret": ret, "item": item, "item_kind": _kind(kind)},
    )


def update_all(request: HttpRequest, period_id: int) -> HttpResponse:
    """Every return the officer owes in a period, in one table form.

    All or nothing: if any row is wrong, nothing is saved and every error is listed at the top
    and beside its field, with everything typed kept.
    """
    period = get_object_or_404(ReportingPeriod, pk=period_id)
    is_team = permissions.is_performance_team(request.user)
    editable, closed = _editable(selectors.my_returns(request.user, [period]), period, is_team)
    selectors.with_earlier(editable, period)  # the periods before, beside the inputs
    correcting = is_team and period.state != ReportingPeriod.State.OPEN
    action = request.POST.get("action") if request.method == "POST" else None
    submitting = action == SUBMIT
    data, copied = _copy_forward(request.POST, editable, action)
    forms = []
    default = services.default_method()  # read once, not once per row
    for row in editable:
        form = _form(
            row,
            data=data if action else None,
            submitting=False,
            correcting=correcting,
            compact=True,
            prefix=row.key,
            default=default,
            copied=row.key == copied,
        )
        forms.append(form)
    if action == CHECK:
        for form in forms:
            form.is_valid()  # rates each row with what was typed: the no-JavaScript preview

    if action in (DRAFT, SUBMIT):
        to_save = []
        for form in forms:
            if submitting:
                form.submit_when_filled()
            if form.is_valid() and (form.has_changed() or form.submitting):
                if form.submitting and form.row.state.is_done and not form.has_changed():
                    continue
                to_save.append(form)
        if all(form.is_valid() for form in forms):
            saved = _save_all(request, to_save, submit=submitting)
            if saved is not None:
                verb = "submitted" if submitting else "saved"
                messages.success(request, f"{saved} return{'s' if saved != 1 else ''} {verb}.")
                return redirect("returns:mine")

    return render(
        request,
        "returns/update_all.html",
        {
            "period": period,
            "forms": forms,
            "closed": closed,
            "form_errors": [f for f in forms if f.is_bound and f.errors],
            "correcting": correcting,
        },
    )


def _editable(rows, period: ReportingPeriod, is_team: bool) -> tuple[list, list]:
    """The rows the user may still change in the period, and those they no longer may."""
    editable, closed = [], []
    for row in rows:
        stored = row.current.status if row.current else None
        refusal = edit_refusal(state=period.state, stored=stored, is_team=is_team, reason="x")
        (closed if refusal else editable).append(row)
    return editable, closed


def _copy_forward(posted, rows, action: str | None):
    """The posted rows, with one row's commentary replaced by last period's ("copy:m12").

    The no-JavaScript path of the per-row copy button; static/js/returns.js copies in place.
    Returns the data and the key of the row copied into (or None).
    """
    if not action or not action.startswith(COPY + ":"):
        return posted, None
    key = action.removeprefix(COPY + ":")
    row = next((r for r in rows if r.key == key), None)
    if row is None or row.previous is None:
        return posted, None
    data = posted.copy()
    data[f"{key}-commentary"] = row.previous.commentary
    return data, key


def _save_all(request: HttpRequest, forms: list, *, submit: bool) -> int | None:
    """Save every changed row in one transaction; on any refusal, none of them."""
    from django.db import transaction

    try:
        with transaction.atomic():
            for form in forms:
                if _save(request, form.row, form, submit=form.submitting) is None:
                    raise _RowFailed
    except _RowFailed:
        return None
    return len(forms)


class _RowFailed(Exception):
    pass


def download(request: HttpRequest, period_id: int) -> HttpResponse:
    """The signed-in officer's pre-filled Excel return for the period."""
    period = get_object_or_404(ReportingPeriod, pk=period_id)
    return excel.download_response(request.user, period)


UPLOAD_SESSION_KEY = "returns_upload"


def _upload_periods(user):
    open_, closed = ReportingPeriod.State.OPEN, ReportingPeriod.State.CLOSED
    states = [open_, closed] if permissions.is_performance_team(user) else [open_]
    return ReportingPeriod.objects.filter(state__in=states).order_by("-start")


def _run_import(user, period, content: bytes, **options):
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "return.xlsx"
        path.write_bytes(content)
        return excel.returns_import(path=path, user=user, period=period, **options)


def upload(request: HttpRequest) -> HttpResponse:
    """Upload a completed return: every row is checked, then a preview of what will change."""
    length = int(request.META.get("CONTENT_LENGTH") or 0)
    if request.method == "POST" and length > excel.MAX_UPLOAD_BYTES + 64 * 1024:
        messages.error(request, "The file is too large for a return.")
        return redirect("returns:upload")
    form = UploadForm(
        request.POST or None,
        request.FILES or None,
        periods=_upload_periods(request.user),
        max_bytes=excel.MAX_UPLOAD_BYTES,
    )
    context: dict[str, Any] = {"form": form}
    if request.method == "POST" and form.is_valid():
        period = form.cleaned_data["period"]
        content = form.cleaned_data["file"].read()
        seen: dict[str, int] = {}
        try:
            changes = _run_import(request.user, period, content, dry_run=True, versions_seen=seen)
        except WorkbookRefused as refused:
            context["refused"] = refused
        else:
            # A preview is confirmed once: its token is spent by the first confirm, and the
            # versions it saw are claimed by the import itself (ReturnsPolicy.before_apply).
            token = secrets.token_urlsafe(16)
            request.session[UPLOAD_SESSION_KEY] = {
                "token": token,
                "period": period.pk,
                "content": base64.b64encode(content).decode(),
                "versions": seen,
            }
            return render(
                request,
                "returns/upload_preview.html",
                {"period": period, "changes": changes, "token": token},
            )
    return render(request, "returns/upload.html", context)


@require_POST
def upload_confirm(request: HttpRequest) -> HttpResponse:
    """Apply the previewed upload, if nothing has changed since the preview."""
    pending = request.session.pop(UPLOAD_SESSION_KEY, None)
    if pending is None or pending.get("token") != request.POST.get("token"):
        messages.error(
            request,
            "There is no upload waiting (it was confirmed already, or replaced by a newer "
            "upload): check My returns, or upload the file again.",
        )
        return redirect("returns:upload")
    period = get_object_or_404(_upload_periods(request.user), pk=pending["period"])
    try:
        changes = _run_import(
            request.user,
            period,
            base64.b64decode(pending["content"]),
            expected_versions=pending["versions"],
        )
    except WorkbookRefused as refused:
        form = UploadForm(periods=_upload_periods(request.user), max_bytes=excel.MAX_UPLOAD_BYTES)
        return render(request, "returns/upload.html", {"form": form, "refused": refused})
    count = len(changes)
    messages.success(
        request, f"{count} return{'s' if count != 1 else ''} for {period.label} submitted."
    )
    return redirect("returns:mine")
