"""The performance team's list of judgement RAGs that contradict their measures' rule."""

from __future__ import annotations

from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render

from scorecard.models import ReportingPeriod

from . import permissions, selectors


def contradictions(request: HttpRequest, period_id: int) -> HttpResponse:
    """Each result of the period whose officer's RAG differs from what its target and
    tolerance give, with the officer's reason (issue 12, "The approver")."""
    if not permissions.is_performance_team(request.user):
        raise PermissionDenied
    period = get_object_or_404(ReportingPeriod, pk=period_id)
    rows = selectors.judgement_contradictions(period)
    return render(request, "returns/contradictions.html", {"period": period, "rows": rows})
