"""Help pages: what each role does each quarter, what each RAG rule means, how the Excel return
works (issue 12, "Help"). Every signed-in user may read every page; the index puts the user's
own roles first."""

from __future__ import annotations

from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.http import require_POST

from scorecard.returns import permissions

from .examples import rag_help

# slug: (title, who it is for, template)
PAGES = {
    "officer": ("Officers: your quarterly return", "officer", "help/officer.html"),
    "approver": ("Approvers: signing off returns", "approver", "help/approver.html"),
    "performance-team": (
        "The performance team: each quarter and set-up",
        "team",
        "help/performance_team.html",
    ),
    "reading": ("Reading the dashboard and reports", "reader", "help/reading.html"),
    "rag": ("What each RAG rating means", "everyone", "help/rag.html"),
    "excel-return": ("The Excel return", "officer", "help/excel_return.html"),
}


def _audiences(user) -> set[str]:
    audiences = {"everyone"}
    if permissions.keeps_returns(user):
        audiences.add("officer")
    if permissions.may_approve(user):
        audiences.add("approver")
    if permissions.may_set_up(user):
        audiences.add("team")
    if permissions.only_reads(user) or permissions.can_view_final_packs(user):
        audiences.add("reader")
    return audiences


def help_index(request: HttpRequest) -> HttpResponse:
    """Every help page, those for the user's roles first."""
    mine = _audiences(request.user)
    pages = [(slug, title, who in mine) for slug, (title, who, _t) in PAGES.items()]
    pages.sort(key=lambda page: not page[2])
    return render(request, "help/index.html", {"pages": pages})


def help_page(request: HttpRequest, slug: str) -> HttpResponse:
    if slug not in PAGES:
        raise Http404("There is no help page by that name.")
    title, _who, template = PAGES[slug]
    context = {"title": title, "methods": rag_help() if slug == "rag" else []}
    return render(request, template, context)


@require_POST
def hide_hint(request: HttpRequest) -> HttpResponse:
    """Hide the first-visit hint on My returns in this browser, for a year."""
    from scorecard.templatetags.help_tags import HINT_COOKIE

    target = request.POST.get("next") or reverse("returns:mine")
    if not url_has_allowed_host_and_scheme(target, {request.get_host()}, request.is_secure()):
        target = reverse("returns:mine")
    response = redirect(target)
    response.set_cookie(
        HINT_COOKIE,
        "hidden",
        max_age=365 * 24 * 3600,
        samesite="Lax",
        httponly=True,
        secure=request.is_secure(),
    )
    return response
