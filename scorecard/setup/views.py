"""The performance team's set-up pages: plans, objectives, measures with targets, users.

Thin views: check ``permissions.may_set_up``, read the form, hand the change to the services
(which validate, lock-check and audit), put their errors back on the fields they name.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from django import forms
from django.contrib import messages
from django.contrib.auth import get_user_model
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.db.models import Count, Model, Q
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render

from scorecard.models import (
    ComparatorArea,
    ComparatorGroup,
    CouncilSettings,
    Directorate,
    Measure,
    Objective,
    Perspective,
    Plan,
    Service,
)
from scorecard.returns import permissions
from scorecard.returns.audit import history

from . import audit_log, services, users
from .forms import (
    MEASURE_GROUPS,
    ComparatorAreaForm,
    ComparatorGroupForm,
    CouncilSettingsForm,
    DirectorateForm,
    MeasureForm,
    ObjectiveForm,
    PerspectiveForm,
    PlanForm,
    ServiceForm,
    TargetFormSet,
    UserForm,
    target_initial,
)

User = get_user_model()
PER_PAGE = 50


def team_only(request: HttpRequest) -> None:
    if not permissions.may_set_up(request.user):
        raise PermissionDenied("Only the performance team sets up plans, measures and users.")


def put_errors(form: forms.Form, error: services.SetupInvalid) -> None:
    """The service's errors on the fields they name, or above the form."""
    for name, texts in error.errors.items():
        for text in texts:
            form.add_error(name if name in form.fields else None, text)


def index(request: HttpRequest) -> HttpResponse:
    """What the performance team sets up, with a link to each list."""
    team_only(request)
    return render(request, "setup/index.html", {})


def _search(queryset, request: HttpRequest, *fields: str):
    words = (request.GET.get("q") or "").strip()
    if words:
        condition = Q()
        for field in fields:
            condition |= Q(**{f"{field}__icontains": words})
        queryset = queryset.filter(condition)
    return queryset, words


@dataclass(frozen=True)
class SetupKind:
    """A framework row the set-up pages list, add and change: its form and its page names.

    Action plans register their own (``actionplans.setup_views``): scorecard never imports
    them.
    """

    model: type[Model]
    form: type[forms.ModelForm]
    noun: str
    plural: str
    search: tuple[str, ...] = ("code", "title")
    related: tuple[str, ...] = ()
    list_url: str = ""
    add_url: str = ""
    edit_url: str = ""
    extra_column: str = ""  # a related row shown in the list, e.g. an objective's plan
    name_fields: tuple[str, str] = ("code", "title")  # the list's first two columns
    save: Callable[..., Model] = services.item_save  # the audited service that writes it
    counts: tuple[str, ...] = ()  # many-to-many fields the list counts, e.g. a group's members


KINDS = {
    "plans": SetupKind(Plan, PlanForm, "plan", "plans"),
    "directorates": SetupKind(
        Directorate,
        DirectorateForm,
        "directorate",
        "directorates",
        search=("name", "code"),
        name_fields=("name", "code"),
    ),
    "services": SetupKind(
        Service,
        ServiceForm,
        "service",
        "services",
        search=("name",),
        related=("directorate",),
        name_fields=("name", "directorate"),
    ),
    "perspectives": SetupKind(
        Perspective,
        PerspectiveForm,
        "perspective",
        "perspectives",
        search=("name",),
        name_fields=("name", "order"),
    ),
    "comparator-areas": SetupKind(
        ComparatorArea,
        ComparatorAreaForm,
        "comparator area",
        "comparator areas",
        search=("name", "code"),
        name_fields=("name", "code"),
    ),
    "comparator-groups": SetupKind(
        ComparatorGroup,
        ComparatorGroupForm,
        "comparator group",
        "comparator groups",
        search=("name",),
        counts=("members",),
        name_fields=("name", "members__count"),
    ),
    "objectives": SetupKind(
        Objective,
        ObjectiveForm,
        "objective",
        "objectives",
        related=("plan",),
        extra_column="plan",
        save=services.objective_save,
    ),
}


def _kind(kind: str) -> SetupKind:
    if kind not in KINDS:
        raise Http404(f"There is no set-up page for {kind}.")
    return KINDS[kind]


def _urls(spec: SetupKind, slug: str) -> dict:
    return {
        "list_url": spec.list_url or "setup:list",
        "add_url": spec.add_url or "setup:add",
        "edit_url": spec.edit_url or "setup:edit",
        "slug": "" if spec.list_url else slug,
    }


def item_list(request: HttpRequest, kind: str, spec: SetupKind | None = None) -> HttpResponse:
    """Plans, objectives or actions, searchable by code or words, a page at a time."""
    team_only(request)
    spec = spec or _kind(kind)
    rows = spec.model.objects.select_related(*spec.related)
    if spec.counts:  # a grouped query drops the model's ordering: keep it for the pages
        counted = {f"{name}__count": Count(name) for name in spec.counts}
        rows = rows.annotate(**counted).order_by(*spec.model._meta.ordering)
    found, words = _search(rows, request, *spec.search)
    page = Paginator(found, PER_PAGE).get_page(request.GET.get("page"))
    first, second = spec.name_fields
    rows = [(item, getattr(item, first), getattr(item, second, "")) for item in page]
    context = {"spec": spec, "page": page, "rows": rows, "q": words, **_urls(spec, kind)}
    return render(request, "setup/item_list.html", context)


def item_edit(
    request: HttpRequest, kind: str, pk: int | None = None, spec: SetupKind | None = None
) -> HttpResponse:
    """Add or change a plan, an objective or an action."""
    team_only(request)
    spec = spec or _kind(kind)
    item = get_object_or_404(spec.model, pk=pk) if pk else spec.model()
    loaded = services.fingerprint(item)
    form = spec.form(request.POST or None, instance=item, initial={"loaded": loaded})
    if request.method == "POST" and form.is_valid():
        names = [n for n in form._meta.fields if n in form.cleaned_data]
        many = {f.name for f in spec.model._meta.many_to_many}
        try:
            spec.save(
                user=request.user,
                item=item,
                values={n: form.cleaned_data[n] for n in names if n not in many},
                related={n: form.cleaned_data[n] for n in names if n in many},
                loaded=form.cleaned_data["loaded"],
            )
        except services.SetupInvalid as error:
            put_errors(form, error)
        except services.SetupConflict as error:
            form.add_error(None, str(error))
        else:
            messages.success(request, f"Saved {spec.noun} {item}.")
            urls = _urls(spec, kind)
            return redirect(urls["list_url"], *([kind] if urls["slug"] else []))
    context = {"form": form, "item": item, "spec": spec, "history": _history(item)}
    return render(request, "setup/item_edit.html", {**context, **_urls(spec, kind)})


def _history(item: Model) -> list:
    return history([item], limit=20) if item.pk else []


def measure_list(request: HttpRequest) -> HttpResponse:
    """Measures, searchable by code or words, a page at a time."""
    team_only(request)
    found, words = _search(Measure.objects.select_related("directorate"), request, "code", "title")
    page = Paginator(found, PER_PAGE).get_page(request.GET.get("page"))
    return render(request, "setup/measure_list.html", {"page": page, "q": words})


def measure_edit(request: HttpRequest, pk: int | None = None) -> HttpResponse:
    """Add or change a measure with its targets per period."""
    team_only(request)
    measure = get_object_or_404(Measure, pk=pk) if pk else Measure()
    data = request.POST or None
    form = MeasureForm(data, instance=measure, initial={"loaded": services.fingerprint(measure)})
    targets = TargetFormSet(data, initial=target_initial(measure), prefix="targets")
    if request.method == "POST" and form.is_valid() and targets.is_valid():
        stored = set(measure.targets.values_list("period_id", flat=True)) if pk else set()
        try:
            rerated = services.measure_save(
                user=request.user,
                measure=measure,
                values=form.values(),
                related=form.related(),
                targets=targets.rows(stored),
                reason=form.reason,
                loaded=form.cleaned_data["loaded"],
            )
        except services.SetupInvalid as error:
            put_errors(form, error)
        except services.SetupConflict as error:
            form.add_error(None, str(error))
        else:
            note = f" {rerated} result(s) in open periods re-rated." if rerated else ""
            messages.success(request, f"Saved measure {measure}.{note}")
            return redirect("setup:measures")
    groups = [(legend, [form[n] for n in names]) for legend, names in MEASURE_GROUPS]
    context = {
        "form": form,
        "groups": groups,
        "targets": targets,
        "measure": measure,
        "history": _history(measure),
    }
    return render(request, "setup/measure_edit.html", context)


def user_list(request: HttpRequest) -> HttpResponse:
    """Everyone with an account, with their roles and directorate."""
    team_only(request)
    found, words = _search(
        User.objects.select_related("profile__directorate").prefetch_related("groups"),
        request,
        "username",
        "first_name",
        "last_name",
        "email",
    )
    page = Paginator(found.order_by("last_name", "username"), PER_PAGE).get_page(
        request.GET.get("page")
    )
    return render(request, "setup/user_list.html", {"page": page, "q": words})


def _user_initial(account) -> dict:
    profile = getattr(account, "profile", None)
    return {
        "email": account.email,
        "first_name": account.first_name,
        "last_name": account.last_name,
        "job_title": profile.job_title if profile else "",
        "directorate": profile.directorate if profile else None,
        "roles": list(account.groups.values_list("name", flat=True)),
        "loaded": services.fingerprint(account),
    }


def user_invite(request: HttpRequest) -> HttpResponse:
    """Invite someone by email: they get a link to set their password."""
    team_only(request)
    form = UserForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            account = users.user_invite(
                user=request.user,
                email=data["email"],
                first_name=data["first_name"],
                last_name=data["last_name"],
                roles=data["roles"],
                directorate=data["directorate"],
                job_title=data["job_title"],
            )
        except services.SetupInvalid as error:
            put_errors(form, error)
        else:
            messages.success(request, f"Invited {account.email}: they have been emailed a link.")
            return redirect("setup:users")
    return render(request, "setup/user_edit.html", {"form": form, "account": None})


def user_edit(request: HttpRequest, pk: int) -> HttpResponse:
    """Change someone's roles, directorate or name; deactivate or reactivate them."""
    team_only(request)
    account = get_object_or_404(User, pk=pk)
    op = request.POST.get("op") if request.method == "POST" else None
    if op in {"deactivate", "reactivate"}:
        return _user_set_active(request, account, active=op == "reactivate")
    form = UserForm(request.POST or None, initial=_user_initial(account))
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            users.user_update(
                user=request.user,
                account=account,
                **{k: data[k] for k in ("email", "first_name", "last_name", "roles")},
                directorate=data["directorate"],
                job_title=data["job_title"],
                reason=data["reason"],
                loaded=data["loaded"],
            )
        except services.SetupInvalid as error:
            put_errors(form, error)
        except (services.SetupConflict, services.SetupRefused) as error:
            form.add_error(None, str(error))
        else:
            messages.success(request, f"Saved {account.get_username()}.")
            return redirect("setup:users")
    context = {"form": form, "account": account, "history": _history(account)}
    return render(request, "setup/user_edit.html", context)


def _user_set_active(request: HttpRequest, account, *, active: bool) -> HttpResponse:
    try:
        users.user_set_active(user=request.user, account=account, active=active)
    except services.SetupRefused as error:
        messages.error(request, str(error))
        return redirect("setup:user", account.pk)
    word = "reactivated" if active else "deactivated: they can no longer sign in"
    messages.success(request, f"{account.get_username()} {word}.")
    return redirect("setup:users")


def audit(request: HttpRequest) -> HttpResponse:
    """Every change in the council, newest first, filtered and a page at a time."""
    team_only(request)
    found = audit_log.audit_entries(filters=request.GET or None)
    page = Paginator(found.qs, PER_PAGE).get_page(request.GET.get("page"))
    for entry in page:
        entry.rows = audit_log.change_rows(entry)
    query = request.GET.copy()
    query.pop("page", None)
    context = {"filter": found, "form": found.form, "page": page, "query": query.urlencode()}
    return render(request, "setup/audit.html", context)


def audit_download(request: HttpRequest) -> HttpResponse:
    """The filtered audit log as an Excel workbook."""
    team_only(request)
    found = audit_log.audit_entries(filters=request.GET or None)
    response = HttpResponse(
        audit_log.audit_workbook(found.qs),
        content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    )
    response["Content-Disposition"] = 'attachment; filename="audit-log.xlsx"'
    return response


def council_settings(request: HttpRequest) -> HttpResponse:
    """The council's name, default RAG method, deadlines, overall status and sign-off rules."""
    team_only(request)
    settings = CouncilSettings.load()
    loaded = services.fingerprint(settings)
    form = CouncilSettingsForm(request.POST or None, instance=settings, initial={"loaded": loaded})
    if request.method == "POST" and form.is_valid():
        names = [n for n in form._meta.fields if n in form.cleaned_data]
        try:
            services.item_save(
                user=request.user,
                item=settings,
                values={n: form.cleaned_data[n] for n in names},
                loaded=form.cleaned_data["loaded"],
            )
        except services.SetupInvalid as error:
            put_errors(form, error)
        except services.SetupConflict as error:
            form.add_error(None, str(error))
        else:
            messages.success(request, "Saved the council's settings.")
            return redirect("setup:index")
    context = {"form": form, "history": _history(settings)}
    return render(request, "setup/council.html", context)
