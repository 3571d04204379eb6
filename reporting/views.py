"""Pages for CMT and members: thin views over the selectors in this app."""

from urllib.parse import urlencode

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_not_required
from django.http import (
    FileResponse,
    Http404,
    HttpRequest,
    HttpResponse,
    JsonResponse,
    QueryDict,
)
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.text import slugify
from django_tables2 import RequestConfig

from actionplans.models import Action
from scorecard.models import Measure, Plan, ReportingPeriod
from scorecard.returns import permissions
from scorecard.rules.returns import HANDED_IN

from . import downloads, pages, services
from .benchmarking import chosen_group, with_quartiles
from .charts import line_chart, rag_mix_chart
from .dashboard import build_dashboard
from .items import items_for
from .models import PackBuild
from .pack_views import build_status, stored_file
from .page_cache import PageCache
from .paging import scorecard_page
from .render import CONTENT_TYPES, RENDERERS
from .reports import Report
from .selectors import (
    action_plan_anchors,
    action_plan_recommendations,
    framework_overview,
    priority_action_plans,
)
from .tables import (
    EXCEPTION_COLUMNS,
    MISSING_COLUMNS,
    QUARTILE_COLUMNS,
    SCORECARD_COLUMNS,
    ItemTable,
    QuartileItemTable,
    table_html,
)


def _download(request: HttpRequest, page: str, code: str = "") -> HttpResponse | None:
    """The page's figures as a file when asked for one (?download=pdf or xlsx): at once for up
    to a page of rows, else built in the background with progress (issue 13)."""
    format = request.GET.get("download")
    if format not in ("pdf", "xlsx"):
        return None
    report = downloads.page_report(page, request.GET, code)
    if report is None:
        return None
    if downloads.row_count(report) > settings.EXPORT_DIRECT_MAX_ROWS:
        return _download_later(request, page, code, report)
    response = HttpResponse(RENDERERS[format](report), content_type=CONTENT_TYPES[format])
    name = slugify(report.title) or "report"
    response["Content-Disposition"] = f'attachment; filename="{name}.{format}"'
    return response


def _download_later(request: HttpRequest, page: str, code: str, report: Report) -> HttpResponse:
    try:
        build = services.export_build_request(
            page=page,
            code=code,
            query=request.GET.urlencode(),
            format=request.GET["download"],
            title=report.title,
            user=request.user,
        )
    except services.TooManyBuilds as busy:
        messages.error(request, str(busy))
        query = request.GET.copy()
        del query["download"]
        return redirect(f"{request.path}?{query.urlencode()}")
    return redirect("export_build_status", build=build.pk)


PER_PAGE = 50


# The balanced scorecard's measures a page: about 75 KB of HTML (issue 13: under 300 KB).
SCORECARD_PER_PAGE = 100


def _per_page(request: HttpRequest, default: int = PER_PAGE) -> int:
    """Rows a page: `default`, or what the link asks for between 10 and 500."""
    try:
        return min(max(10, int(request.GET.get("per_page", default))), 500)
    except ValueError:
        return default


def _page_number(request: HttpRequest, count: int, per_page: int) -> int:
    """The page asked for, kept within the pages there are: a bad link shows a page, not 500."""
    last = max(1, -(-count // per_page))
    try:
        return min(max(1, int(request.GET.get("page", 1))), last)
    except ValueError:
        return 1


def home(request: HttpRequest) -> HttpResponse:
    """Each role lands on its work (issue 12): the performance team on the quarter's progress,
    approvers on their queue, officers on My returns, viewers and clerks on the dashboard."""
    return redirect(_landing(request.user))


def _landing(user) -> str:
    if permissions.can_see_progress(user):
        return "returns:progress"
    if permissions.may_approve(user):
        return "returns:approvals"
    if permissions.enters_returns(user):
        return "returns:mine"
    return "dashboard"


def plans(request: HttpRequest) -> HttpResponse:
    """Every plan's objectives with their latest ratings, and the priority action plans."""
    return render(
        request,
        "reporting/plans.html",
        {"sections": framework_overview(), "action_plans": priority_action_plans()},
    )


def _period(request: HttpRequest, *, measures_only: bool = False) -> ReportingPeriod:
    period = downloads.period_from(request.GET, measures_only=measures_only)
    if period is None:
        raise NoResultsYet
    return period


class NoResultsYet(Exception):
    """Nothing has been reported, so a page has no period to open on."""


def dashboard(request: HttpRequest) -> HttpResponse:
    try:
        period = _period(request)
    except NoResultsYet:
        return render(request, "reporting/nothing_yet.html", {"title": "Performance dashboard"})
    if request.GET.get("download"):
        # The download is the page's own figures: provisional ones included, and marked.
        return _download(request, "dashboard") or redirect("dashboard")
    kept = PageCache(request.user)
    board = kept.kept(
        "dashboard",
        period,
        lambda: build_dashboard(period, items=_period_items(kept, period)).kept(EXCEPTIONS_SHOWN),
    )
    return render(
        request,
        "reporting/dashboard.html",
        {
            "board": board,
            "periods": pages.period_choices(),
            "mix_chart": rag_mix_chart(board.overall, f"RAG mix, {period.label}"),
            # Built from the column definitions in Python: a council may have hundreds of Reds.
            "shown": EXCEPTIONS_SHOWN,
            "reds_table": table_html(
                EXCEPTION_COLUMNS,
                board.reds,
                _first_of("Red items and their corrective action", board.counts["reds"]),
            ),
            "missing_table": table_html(
                MISSING_COLUMNS,
                board.missing,
                _first_of(
                    "Items with no current information and who is responsible",
                    board.counts["missing"],
                ),
            ),
            "trend_chart": line_chart(
                [point.label for point in board.trend],
                [pages.trend_series(board.trend)],
                "Share of rated items that were Green, last eight "
                + ("years" if period.kind == "year" else "quarters"),
                unit="%",
                places=1,
            ),
        },
    )


# The dashboard lists this many Red and NCI items, and links to the list of all of them: a
# council of ten thousand measures has thousands of each (issue 13, a page under 300 KB).
EXCEPTIONS_SHOWN = 50


def _first_of(caption: str, count: int) -> str:
    """A table's caption, saying when it lists only the first of its rows."""
    if count <= EXCEPTIONS_SHOWN:
        return caption
    return f"{caption}: the first {EXCEPTIONS_SHOWN} of {count:,}"


def _period_items(kept: PageCache, period: ReportingPeriod) -> list:
    """Every item rated for the period, kept while the data holds (``reporting.page_cache``)."""
    return kept.kept("items", period, lambda: items_for(period))


def _scorecard_sections(kept: PageCache, period: ReportingPeriod) -> list:
    """The whole scorecard's perspectives, kept while the data holds."""

    def build() -> list:
        measures = [item for item in _period_items(kept, period) if item.kind == "measure"]
        return pages.scorecard_sections(measures)

    return kept.kept("scorecard", period, build)


def _listed(request: HttpRequest, kept: PageCache) -> tuple[list, ReportingPeriod | None]:
    """The items the list's filters keep and their period, kept for each set of filters (the
    page, order and page size aside: they only show the same items otherwise)."""
    asked = request.GET.copy()
    for name in ("page", "sort", "per_page"):
        asked.pop(name, None)
    asked = QueryDict(urlencode(sorted(asked.lists()), doseq=True))

    def build() -> tuple[list, ReportingPeriod | None]:
        # The period's items if the dashboard or scorecard rated them already; else only the
        # items the filters choose are rated (a directorate's, not the whole council's).
        _, items, period = downloads.filtered_items(
            asked, rated=lambda period: kept.peek("items", period)
        )
        return items, period

    return kept.kept(f"list:{asked.urlencode()}", None, build)


def item_list(request: HttpRequest) -> HttpResponse:
    if request.GET.get("download"):
        response = _download(request, "items")
        if response is not None:
            return response
    filters = downloads.item_filter(request.GET)
    if filters.is_bound and not filters.is_valid():
        items, period = [], None
    else:
        items, period = _listed(request, PageCache(request.user))
    quartiles = downloads.shows_quartiles(request.GET)
    group = chosen_group(None) if quartiles else None
    if quartiles and period is not None:
        # Paged after: one batch of queries for every row, not one per measure.
        items = with_quartiles(items, group=group, until=period)
    table = (QuartileItemTable if quartiles else ItemTable)(items)
    RequestConfig(request, paginate=False).configure(table)
    per_page = _per_page(request)
    table.paginate(page=_page_number(request, len(items), per_page), per_page=per_page)
    return render(
        request,
        "reporting/items.html",
        {
            "filter": filters,
            "table": table,
            "period": period,
            "count": len(items),
            "quartiles": quartiles,
            "group": group,
        },
    )


def balanced_scorecard(request: HttpRequest) -> HttpResponse:
    try:
        period = _period(request, measures_only=True)
    except NoResultsYet:
        return render(request, "reporting/nothing_yet.html", {"title": "Balanced scorecard"})
    if request.GET.get("download"):
        return _download(request, "scorecard") or redirect("scorecard")
    kept = PageCache(request.user)
    per_page = _per_page(request, SCORECARD_PER_PAGE)
    number = _page_number(request, 10**9, per_page)  # kept within the pages there are below
    page = kept.kept(
        f"scorecard:{number}:{per_page}",
        period,
        lambda: scorecard_page(_scorecard_sections(kept, period), number, per_page),
    )
    quartiles = downloads.shows_quartiles(request.GET)
    group = chosen_group(None) if quartiles else None
    columns = SCORECARD_COLUMNS + QUARTILE_COLUMNS if quartiles else SCORECARD_COLUMNS
    for part in page.sections:
        caption = part.perspective
        if not part.whole:
            caption += f", measures {part.first:,} to {part.last:,} of {part.count:,}"
        items = part.items
        if quartiles:
            # This page's rows only: a handful of queries per perspective shown, whatever
            # the number of measures.
            items = with_quartiles(items, group=group, until=period)
        part.table = table_html(columns, items, caption)
    return render(
        request,
        "reporting/scorecard.html",
        {
            "period": period,
            "page": page,
            "periods": pages.period_choices(),
            "quartiles": quartiles,
            "group": group,
        },
    )


def improvement_plan(request: HttpRequest, code: str) -> HttpResponse:
    plan = get_object_or_404(Plan, code=code)
    labels = request.GET.getlist("period")
    if request.GET.get("download"):
        # A page shows returns awaiting approval, marked Provisional, as the dashboard does.
        return _download(request, "plan", code) or redirect("improvement_plan", code=code)
    table = pages.improvement_plan_table(plan, labels)
    return render(
        request,
        "reporting/improvement_plan.html",
        {"plan": plan, "table": table, "choices": pages.plan_quarters(plan)},
    )


def action_plan(request: HttpRequest, code: str) -> HttpResponse:
    plan = get_object_or_404(Plan, code=code)
    recommendations = action_plan_recommendations(plan)
    anchors = action_plan_anchors(plan, recommendations)
    return render(
        request,
        "reporting/action_plan.html",
        {"plan": plan, "recommendations": recommendations, "anchors": anchors},
    )


def measure_detail(request: HttpRequest, code: str) -> HttpResponse:
    measure = get_object_or_404(
        Measure.objects.select_related("directorate", "perspective", "lead_user"), code=code
    )
    history = pages.with_inputs(measure, pages.measure_history(measure))
    chart = pages.measure_chart(measure, history)
    return render(
        request,
        "reporting/measure.html",
        {
            "measure": measure,
            "history": history,
            "chart": chart,
            "formula": pages.formula_parts(measure) if measure.formula else [],
        },
    )


def action_detail(request: HttpRequest, code: str) -> HttpResponse:
    action = get_object_or_404(
        Action.objects.select_related("objective", "recommendation", "action_plan"), code=code
    )
    # Drafts are private to the people who work on them: only what was submitted is shown.
    updates = (
        action.updates.filter(status__in=HANDED_IN)
        .select_related("period")
        .order_by("-period__start")
    )
    return render(request, "reporting/action.html", {"action": action, "updates": updates})


@login_not_required
def accessibility(request: HttpRequest) -> HttpResponse:
    """The accessibility statement UK public-sector sites must publish."""
    return render(request, "accessibility.html")


def _export_build(request: HttpRequest, build: int) -> PackBuild:
    """A page's download built in the background, shown only to the person who asked for it
    (and superusers); to anyone else it does not exist (404, not 403: no hint it is there)."""
    found = get_object_or_404(PackBuild, pk=build, pack=None)
    if not permissions.may_fetch_download(request.user, found.requested_by_id):
        raise Http404("There is no such download.")
    return found


def export_build_status(request: HttpRequest, build: int) -> HttpResponse:
    services.builds_recover_stale()
    build = _export_build(request, build)
    if request.GET.get("format") == "json":
        return JsonResponse(build_status(build))
    return render(request, "reporting/exports/build.html", {"build": build})


def export_download(request: HttpRequest, build: int) -> FileResponse:
    return stored_file(_export_build(request, build))
