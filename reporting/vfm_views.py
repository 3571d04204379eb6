"""The value-for-money page and the service cost form (issue 11): thin views over
`reporting.value_for_money` and `scorecard.services.costs`."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse

from scorecard.models import ServiceCost
from scorecard.returns import permissions
from scorecard.services.costs import CostConflict, CostRefused, service_cost_save

from . import pages
from .value_for_money import quadrant_chart, value_for_money
from .vfm_forms import ServiceCostForm
from .views import NoResultsYet, _download, _period


def value_for_money_page(request: HttpRequest) -> HttpResponse:
    try:
        period = _period(request, measures_only=True)
    except NoResultsYet:
        return render(request, "reporting/nothing_yet.html", {"title": "Value for money"})
    if request.GET.get("download"):
        response = _download(request, "value-for-money")
        if response is not None:
            return response
    page = value_for_money(period)
    return render(
        request,
        "reporting/value_for_money.html",
        {
            "page": page,
            "chart": quadrant_chart(page),
            "periods": pages.period_choices(),
            "enters_costs": permissions.is_performance_team(request.user),
        },
    )


def _initial(request: HttpRequest) -> dict:
    """The stored figures of the service and year the link names, with their version."""
    found = ServiceCost.objects.filter(
        service_id=request.GET.get("service") or None, period__label=request.GET.get("year", "")
    ).first()
    if found is None:
        return {"version": 0}
    fields = ("net_cost", "cost_per_head", "unit_cost", "unit", "version")
    return {"service": found.service_id, "year": found.period.label} | {
        f: getattr(found, f) for f in fields
    }


def service_cost_edit(request: HttpRequest) -> HttpResponse:
    """The performance team enters a service's cost for a year, through the audited service."""
    if not permissions.is_performance_team(request.user):
        raise PermissionDenied
    form = ServiceCostForm(request.POST or None, initial=_initial(request))
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            saved = service_cost_save(
                user=request.user,
                service=data["service"],
                period=data["year"],
                net_cost=data["net_cost"],
                cost_per_head=data["cost_per_head"],
                unit_cost=data["unit_cost"],
                unit=data["unit"],
                version=data["version"],
            )
        except (CostConflict, CostRefused) as problem:
            form.add_error(None, str(problem))
        else:
            messages.success(request, f"Saved {saved.service.name}'s cost for {saved.period}.")
            return redirect(f"{reverse('value_for_money')}?period={saved.period.label}")
    return render(request, "reporting/service_cost_form.html", {"form": form})
