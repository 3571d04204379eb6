"""The performance team's list of judgements that differ from the rule, as an Excel file.

The page itself is the scorecard's (``scorecard/returns/judgement_views.py``); its download is
here because reports and their renderers are reporting's, and the scorecard never imports them.
"""

from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404
from django.utils.text import slugify

from scorecard.models import ReportingPeriod
from scorecard.returns import permissions

from .render import CONTENT_TYPES, RENDERERS
from .reports.judgements import contradictions_report


def contradictions_download(request: HttpRequest, period_id: int) -> HttpResponse:
    """The period's contradictions as .xlsx: a few dozen rows at most, so rendered at once."""
    if not permissions.is_performance_team(request.user):
        raise PermissionDenied
    period = get_object_or_404(ReportingPeriod, pk=period_id)
    report = contradictions_report(period)
    response = HttpResponse(RENDERERS["xlsx"](report), content_type=CONTENT_TYPES["xlsx"])
    response["Content-Disposition"] = f'attachment; filename="{slugify(report.title)}.xlsx"'
    return response
