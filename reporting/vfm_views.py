"""The value-for-money page (issue 11): a thin view over `reporting.value_for_money`."""

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from . import pages
from .exports import build_report
from .value_for_money import quadrant_chart, value_for_money
from .views import NoResultsYet, _download, _period


def value_for_money_page(request: HttpRequest) -> HttpResponse:
    try:
        period = _period(request, measures_only=True)
    except NoResultsYet:
        return render(request, "reporting/nothing_yet.html", {"title": "Value for money"})
    if request.GET.get("download"):
        response = _download(request, build_report("value-for-money", period))
        if response is not None:
            return response
    page = value_for_money(period)
    return render(
        request,
        "reporting/value_for_money.html",
        {"page": page, "chart": quadrant_chart(page), "periods": pages.period_choices()},
    )
