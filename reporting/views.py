"""Pages for CMT and members: thin views over the selectors in this app."""

from django.contrib.auth.decorators import login_not_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.text import slugify
from django_tables2 import RequestConfig

from actionplans.models import Action
from scorecard.models import Measure, Plan, ReportingPeriod
from scorecard.returns import permissions
from scorecard.rules.returns import HANDED_IN

from . import pages
from .charts import line_chart, rag_mix_chart
from .dashboard import build_dashboard, latest_period_with_results
from .exports import build_report
from .filters import ItemFilter
from .items import items_for
from .render import CONTENT_TYPES, RENDERERS
from .reports import Report
from .selectors import (
    action_plan_anchors,
    action_plan_recommendations,
    framework_overview,
    priority_action_plans,
)
from .tables import EXCEPTION_COLUMNS, MISSING_COLUMNS, SCORECARD_COLUMNS, ItemTable, table_html


def _download(request: HttpRequest, report: Report) -> HttpResponse | None:
    """The report as a file when the page was asked for one (?download=pdf or xlsx)."""
    format = request.GET.get("download")
    if format not in ("pdf", "xlsx"):
        return None
    response = HttpResponse(RENDERERS[format](report), content_type=CONTENT_TYPES[format])
    name = slugify(report.title) or "report"
    response["Content-Disposition"] = f'attachment; filename="{name}.{format}"'
    return response


PER_PAGE = 50


def _per_page(request: HttpRequest) -> int:
    """Rows a page: 50, or what the link asks for between 10 and 500."""
    try:
        return min(max(10, int(request.GET.get("per_page", PER_PAGE))), 500)
    except ValueError:
        return PER_PAGE


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
    label = request.GET.get("period")
    if label:
        period = ReportingPeriod.objects.filter(label=label).first()
        if period is None:
            raise Http404(f"There is no period {label}.")
        return period
    period = latest_period_with_results(measures_only=measures_only)
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
        report = build_report("exceptions", period, include_provisional=True)
        return _download(request, report) or redirect("dashboard")
    board = build_dashboard(period)
    return render(
        request,
        "reporting/dashboard.html",
        {
            "board": board,
            "periods": pages.period_choices(),
            "mix_chart": rag_mix_chart(board.overall, f"RAG mix, {period.label}"),
            # Built from the column definitions in Python: a council may have hundreds of Reds.
            "reds_table": table_html(
                EXCEPTION_COLUMNS, board.reds, "Red items and their corrective action"
            ),
            "missing_table": table_html(
                MISSING_COLUMNS,
                board.missing,
                "Items with no current information and who is responsible",
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


def item_list(request: HttpRequest) -> HttpResponse:
    filters = ItemFilter(request.GET or None, queryset=Measure.objects.all())
    if filters.is_bound and not filters.is_valid():
        items, period = [], None
    else:
        period = filters.form.cleaned_data.get("period") if filters.is_bound else None
        period = period or latest_period_with_results()
        action_filter = ItemFilter(request.GET or None, queryset=Action.objects.all())
        items = [
            item
            for item in (
                items_for(period, measures=filters.qs, actions=action_filter.qs) if period else []
            )
            if not filters.is_bound or filters.keep(item)
        ]
    if period is not None and request.GET.get("download"):
        report = build_report("items", period, items=items, include_provisional=True)
        response = _download(request, report)
        if response is not None:
            return response
    table = ItemTable(items)
    RequestConfig(request, paginate=False).configure(table)
    per_page = _per_page(request)
    table.paginate(page=_page_number(request, len(items), per_page), per_page=per_page)
    return render(
        request,
        "reporting/items.html",
        {"filter": filters, "table": table, "period": period, "count": len(items)},
    )


def balanced_scorecard(request: HttpRequest) -> HttpResponse:
    try:
        period = _period(request, measures_only=True)
    except NoResultsYet:
        return render(request, "reporting/nothing_yet.html", {"title": "Balanced scorecard"})
    if request.GET.get("download"):
        report = build_report("scorecard", period, include_provisional=True)
        return _download(request, report) or redirect("scorecard")
    items = items_for(period, actions=Action.objects.none())
    sections = pages.scorecard_sections(items)
    for section in sections:
        section.table = table_html(SCORECARD_COLUMNS, section.items, section.perspective)
    return render(
        request,
        "reporting/scorecard.html",
        {"period": period, "sections": sections, "periods": pages.period_choices()},
    )


def improvement_plan(request: HttpRequest, code: str) -> HttpResponse:
    plan = get_object_or_404(Plan, code=code)
    labels = request.GET.getlist("period")
    if request.GET.get("download"):
        # A page shows returns awaiting approval, marked Provisional, as the dashboard does.
        try:
            report = build_report("plan", None, plan=plan, labels=labels, include_provisional=True)
        except LookupError as nothing:
            raise Http404(str(nothing)) from None
        return _download(request, report) or redirect("improvement_plan", code=code)
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
