"""Benchmarking pages: a measure among its comparators, and a summary across measures.

Issue 11, "Pages and annexes". Thin views over ``reporting/benchmarking.py``.
"""

from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render

from scorecard.models import ComparatorValue, Measure, ReportingPeriod
from scorecard.returns.permissions import can_manage_comparators

from .benchmark_chart import benchmark_chart
from .benchmarking import benchmark_history, benchmark_summary, chosen_group, groups, latest


def _until(request: HttpRequest) -> ReportingPeriod | None:
    """The period asked for (?period=), else the latest period any comparator value is for."""
    label = request.GET.get("period")
    if label:
        found = ReportingPeriod.objects.filter(label=label).first()
        if found is not None:
            return found
    latest_value = ComparatorValue.objects.select_related("period").order_by("-period__end")
    first = latest_value.first()
    return first.period if first else None


def _choices(request: HttpRequest) -> dict:
    # A link to a group since deleted shows the first group rather than none.
    group = chosen_group(request.GET.get("group")) or chosen_group(None)
    return {"group": group, "groups": groups(), "until": _until(request)}


def measure_benchmarking(request: HttpRequest, code: str) -> HttpResponse:
    measure = get_object_or_404(Measure, code=code)
    context = {"measure": measure, **_choices(request)}
    history = []
    if context["group"] is not None and context["until"] is not None:
        found = benchmark_history([measure], group=context["group"], until=context["until"])
        history = found.get(measure.pk, [])
    current = latest(history)
    context.update(
        history=list(reversed(history)),
        current=current,
        chart=benchmark_chart(current) if current else None,
    )
    return render(request, "reporting/benchmarking_measure.html", context)


def benchmarking_summary(request: HttpRequest) -> HttpResponse:
    context = _choices(request)
    summary = None
    if context["group"] is not None and context["until"] is not None:
        measures = Measure.objects.exclude(external_indicator="").order_by("code")
        summary = benchmark_summary(measures, group=context["group"], until=context["until"])
    context["summary"] = summary
    context["can_import"] = can_manage_comparators(request.user)
    return render(request, "reporting/benchmarking_summary.html", context)
