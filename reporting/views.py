"""Pages for CMT and members: thin views over the selectors in this app."""

from django.contrib.auth.decorators import login_not_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django_tables2 import RequestConfig

from actionplans.models import Action, Recommendation
from scorecard.models import Measure, Plan, ReportingPeriod, Role

from . import pages
from .charts import line_chart, rag_mix_chart
from .dashboard import build_dashboard, latest_period_with_results
from .filters import ItemFilter
from .items import items_for
from .selectors import framework_overview
from .tables import SCORECARD_COLUMNS, ItemTable, table_html

VIEWER_ROLES = {Role.VIEWER.value, Role.COMMITTEE_CLERK.value}


def home(request: HttpRequest) -> HttpResponse:
    """Viewers land on the dashboard; everyone else on the framework with its latest ratings."""
    roles = {group.name for group in request.user.groups.all()}
    if roles and roles <= VIEWER_ROLES:
        return redirect("dashboard")
    return render(request, "reporting/home.html", {"sections": framework_overview()})


def _period(request: HttpRequest) -> ReportingPeriod:
    label = request.GET.get("period")
    if label:
        period = ReportingPeriod.objects.filter(label=label).first()
        if period is None:
            raise Http404(f"There is no period {label}.")
        return period
    period = latest_period_with_results()
    if period is None:
        raise Http404("No results have been reported yet.")
    return period


def dashboard(request: HttpRequest) -> HttpResponse:
    if "period" not in request.GET and latest_period_with_results() is None:
        return render(request, "reporting/nothing_yet.html", {"title": "Performance dashboard"})
    period = _period(request)
    board = build_dashboard(period)
    return render(
        request,
        "reporting/dashboard.html",
        {
            "board": board,
            "periods": pages.period_choices(),
            "mix_chart": rag_mix_chart(board.overall, f"RAG mix, {period.label}"),
            "trend_chart": line_chart(
                [point.label for point in board.trend],
                [pages.trend_series(board.trend)],
                "Share of rated items that were Green, last eight quarters",
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
    table = ItemTable(items)
    RequestConfig(request, paginate={"per_page": 50}).configure(table)
    return render(
        request,
        "reporting/items.html",
        {"filter": filters, "table": table, "period": period, "count": len(items)},
    )


def balanced_scorecard(request: HttpRequest) -> HttpResponse:
    if "period" not in request.GET and latest_period_with_results() is None:
        return render(request, "reporting/nothing_yet.html", {"title": "Balanced scorecard"})
    period = _period(request)
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
    table = pages.improvement_plan_table(plan, request.GET.getlist("period"))
    return render(
        request,
        "reporting/improvement_plan.html",
        {"plan": plan, "table": table, "choices": pages.plan_quarters(plan)},
    )


def action_plan(request: HttpRequest, code: str) -> HttpResponse:
    plan = get_object_or_404(Plan, code=code)
    recommendations = (
        Recommendation.objects.filter(plan=plan)
        .select_related("objective")
        .prefetch_related("findings", "further_actions__recommendations")
        .prefetch_related("further_actions__findings")
    )
    return render(
        request,
        "reporting/action_plan.html",
        {"plan": plan, "recommendations": recommendations},
    )


def measure_detail(request: HttpRequest, code: str) -> HttpResponse:
    measure = get_object_or_404(
        Measure.objects.select_related("directorate", "perspective", "lead_user"), code=code
    )
    history = pages.measure_history(measure)
    chart = line_chart(
        [row.period.label for row in history],
        pages.actual_and_target_series(history),
        f"{measure.code}: actual against target",
        unit=measure.unit,
        places=measure.decimal_places,
    )
    return render(
        request,
        "reporting/measure.html",
        {"measure": measure, "history": history, "chart": chart},
    )


def action_detail(request: HttpRequest, code: str) -> HttpResponse:
    action = get_object_or_404(
        Action.objects.select_related("objective", "recommendation", "action_plan"), code=code
    )
    updates = action.updates.select_related("period").order_by("-period__start")
    return render(request, "reporting/action.html", {"action": action, "updates": updates})


@login_not_required
def accessibility(request: HttpRequest) -> HttpResponse:
    """The accessibility statement UK public-sector sites must publish."""
    return render(request, "accessibility.html")
