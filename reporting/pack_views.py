"""Report packs in the browser: create, edit, preview, build in the background, download."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import FileResponse, Http404, HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_POST

from scorecard.returns.permissions import can_edit_packs, can_view_final_packs

from . import services
from .exports import build_report
from .forms import PackForm
from .models import PackBuild, ReportPack
from .render.html import section_entries


def _pack_for(request: HttpRequest, pk: int, *, edit: bool) -> ReportPack:
    pack = get_object_or_404(ReportPack.objects.select_related("period"), pk=pk)
    if can_edit_packs(request.user):
        return pack
    # Viewers (CMT, members) read final packs only.
    if not edit and pack.state == ReportPack.State.FINAL and can_view_final_packs(request.user):
        return pack
    raise PermissionDenied


def pack_list(request: HttpRequest) -> HttpResponse:
    packs = ReportPack.objects.select_related("period")
    editor = can_edit_packs(request.user)
    if not editor:
        if not can_view_final_packs(request.user):
            raise PermissionDenied
        packs = packs.filter(state=ReportPack.State.FINAL)
    return render(request, "reporting/packs/list.html", {"packs": packs, "editor": editor})


def pack_create(request: HttpRequest) -> HttpResponse:
    if not can_edit_packs(request.user):
        raise PermissionDenied
    form = PackForm(request.POST or None, creating=True)
    if request.method == "POST" and form.is_valid():
        pack = services.pack_create(user=request.user, values=form.values())
        messages.success(request, "Pack created. The narrative is drafted from the facts: edit it.")
        return redirect("pack_edit", pk=pack.pk)
    return render(request, "reporting/packs/form.html", {"form": form, "pack": None})


def pack_edit(request: HttpRequest, pk: int) -> HttpResponse:
    pack = _pack_for(request, pk, edit=True)
    form = PackForm(request.POST or None, instance=pack)
    if request.method == "POST" and pack.state == ReportPack.State.FINAL:
        messages.error(request, str(services.PackIsFinal()))
        return redirect("pack_edit", pk=pack.pk)
    if request.method == "POST" and form.is_valid():
        if form.has_changed():
            try:
                written = services.pack_update(user=request.user, pack=pack, values=form.values())
            except services.PackIsFinal as final:  # made final since the page was read
                messages.error(request, str(final))
                return redirect("pack_edit", pk=pack.pk)
            messages.success(request, "Pack saved.")
            for heading in written:
                messages.warning(request, f"The figures changed: check {heading} against them.")
        else:
            # Not saved, so the built files stay current (their fingerprint has the pack's time).
            messages.info(request, "Nothing to save: the pack is as it was.")
        return redirect("pack_edit", pk=pack.pk)
    builds = pack.builds.all()[:6]
    return render(
        request, "reporting/packs/form.html", {"form": form, "pack": pack, "builds": builds}
    )


@require_POST
def pack_state(request: HttpRequest, pk: int) -> HttpResponse:
    pack = _pack_for(request, pk, edit=True)
    state = request.POST.get("state")
    if state not in ReportPack.State.values:
        raise Http404
    services.pack_set_state(user=request.user, pack=pack, state=state)
    messages.success(request, f"The pack is now {pack.get_state_display().lower()}.")
    return redirect("pack_edit", pk=pack.pk)


def pack_preview(request: HttpRequest, pk: int) -> HttpResponse:
    pack = _pack_for(request, pk, edit=False)
    report = build_report("pack", pack.period, pack=pack)
    sections = section_entries(report)
    return render(
        request,
        "reporting/packs/preview.html",
        {"pack": pack, "report": report, "sections": sections},
    )


@require_POST
def pack_build(request: HttpRequest, pk: int) -> HttpResponse:
    pack = _pack_for(request, pk, edit=False)
    format = request.POST.get("format")
    if format not in ("pdf", "xlsx"):
        raise Http404
    try:
        build = services.pack_build_request(pack=pack, format=format, user=request.user)
    except services.TooManyBuilds as busy:
        messages.error(request, str(busy))
        return redirect("pack_edit" if can_edit_packs(request.user) else "pack_preview", pk=pk)
    return redirect("pack_build_status", pk=pack.pk, build=build.pk)


def _build_for(request: HttpRequest, pk: int, build: int) -> PackBuild:
    pack = _pack_for(request, pk, edit=False)
    return get_object_or_404(PackBuild, pk=build, pack=pack)


def pack_build_status(request: HttpRequest, pk: int, build: int) -> HttpResponse:
    # The page the browser polls is where a build whose worker died is noticed and retried.
    services.builds_recover_stale()
    build = _build_for(request, pk, build)
    if request.GET.get("format") == "json":
        return JsonResponse(build_status(build))
    return render(request, "reporting/packs/build.html", {"build": build, "pack": build.pack})


def build_status(build: PackBuild) -> dict:
    """What the build page polls for (static/js/build-progress.js)."""
    return {
        "status": build.status,
        "status_display": build.get_status_display(),
        "progress": build.progress,
        "message": build.message,
        "ready": build.status == PackBuild.Status.DONE,
    }


def pack_download(request: HttpRequest, pk: int, build: int) -> FileResponse:
    return stored_file(_build_for(request, pk, build))


def stored_file(build: PackBuild) -> FileResponse:
    """A finished build's file, from whichever storage holds it."""
    if build.status != PackBuild.Status.DONE or not build.file:
        raise Http404("This file is not ready yet.")
    return FileResponse(
        build.file.open("rb"), as_attachment=True, filename=build.file.name.rsplit("/", 1)[-1]
    )
