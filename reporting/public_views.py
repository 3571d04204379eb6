"""The public pages and open data, open to everyone without signing in (issue 14).

Each view is deliberately marked ``login_not_required``; everything else in the app still
needs a signed-in user (``LoginRequiredMiddleware``). Pages are cached per published period
under the cache's current generation (``scorecard.services.public_cache``): a warm page is
served without a database query, and any change to what the public may see starts a new
generation at once.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from functools import wraps

from django.conf import settings
from django.contrib.auth.decorators import login_not_required
from django.core.cache import cache
from django.http import Http404, HttpRequest, HttpResponse, JsonResponse, StreamingHttpResponse
from django.shortcuts import render

from scorecard.models import CouncilSettings, ReportingPeriod
from scorecard.services.public_cache import public_generation

from . import open_data, public
from .items import ObjectiveTree
from .tables import PUBLIC_COLUMNS, table_html

View = Callable[..., HttpResponse]
# What a cached page or file is served again with.
KEPT_HEADERS = ("Content-Type", "Content-Disposition", "Link")


def cached_public(view: View) -> View:
    """Open the view to everyone and serve it from the cache of the current generation."""

    @login_not_required
    @wraps(view)
    def serve(request: HttpRequest, *args, **kwargs) -> HttpResponse:
        asked = f"{request.path}?{request.GET.get('period', '')}"
        digest = hashlib.sha256(asked.encode()).hexdigest()
        key = f"public:{public_generation()}:{digest}"
        kept = cache.get(key)
        if kept is not None:
            content, headers = kept
            return HttpResponse(content, headers=headers)
        response = view(request, *args, **kwargs)
        if response.status_code == 200 and not response.streaming:
            headers = {name: response[name] for name in KEPT_HEADERS if name in response}
            cache.set(key, (response.content, headers), settings.PUBLIC_CACHE_SECONDS)
        return response

    return serve


def _period(request: HttpRequest) -> ReportingPeriod | None:
    """The published period asked for (404 if it is not published), else the latest one."""
    label = request.GET.get("period", "").strip()
    period = public.public_period(label)
    if period is None and label:
        raise Http404(f"{label} is not published.")
    return period


def _context(period: ReportingPeriod | None, **more) -> dict:
    return {
        "council": CouncilSettings.load().council_name,
        "logo": settings.PUBLIC_LOGO,
        "logo_alt": settings.PUBLIC_LOGO_ALT,
        "period": period,
        "periods": public.published_periods(),
        "licence": open_data.licence(),
        **more,
    }


@cached_public
def scorecard(request: HttpRequest) -> HttpResponse:
    """The council's public scorecard: published measures by priority for a published period."""
    period = _period(request)
    if period is None:
        return render(request, "public/nothing_yet.html", _context(None))
    tree = ObjectiveTree()
    sections = public.priority_sections(public.public_items(period, tree=tree), tree)
    for section in sections:
        section.table = table_html(PUBLIC_COLUMNS, section.items, f"{section.title}: measures")
    return render(request, "public/scorecard.html", _context(period, sections=sections))


@cached_public
def measure(request: HttpRequest, code: str) -> HttpResponse:
    """A published measure's page: chart, table, rating and why, direction, commentary."""
    period = _period(request)
    page = public.public_measure(code, period) if period else None
    if page is None:
        raise Http404("There is no published measure with that code.")
    return render(request, "public/measure.html", _context(period, page=page))


@cached_public
def plans(request: HttpRequest) -> HttpResponse:
    """The improvement plans' public summary: each action's approved rating in the period."""
    period = _period(request)
    if period is None:
        return render(request, "public/nothing_yet.html", _context(None))
    return render(request, "public/plans.html", _context(period, plans=public.public_plans(period)))


@cached_public
def data(request: HttpRequest) -> HttpResponse:
    """The open data: downloads for each published period, and the data dictionary."""
    return render(
        request,
        "public/data.html",
        _context(None, columns=open_data.OPEN_DATA_COLUMNS),
    )


def _published(slug: str) -> ReportingPeriod:
    """The published period whose file name this is ("2009-10-q2" for 2009/10 Q2)."""
    for period in public.published_periods():
        if open_data.period_slug(period) == slug:
            return period
    raise Http404(f"No published period is called {slug}.")


def _attach(response: HttpResponse, period: ReportingPeriod, extension: str) -> HttpResponse:
    name = f"performance-{open_data.period_slug(period)}.{extension}"
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    response["Link"] = f'<{settings.OPEN_DATA_LICENCE_URL}>; rel="license"'
    return response


@login_not_required
def data_csv(request: HttpRequest, slug: str) -> StreamingHttpResponse:
    """A published period's open data as CSV, streamed a row at a time."""
    period = _published(slug)
    rows = open_data.data_csv(public.public_items(period), period)
    response = StreamingHttpResponse(rows, content_type="text/csv; charset=utf-8")
    return _attach(response, period, "csv")


@cached_public
def data_json(request: HttpRequest, slug: str) -> HttpResponse:
    """A published period's open data as JSON, with the council and its licence."""
    period = _published(slug)
    council = CouncilSettings.load().council_name
    body = open_data.data_json(public.public_items(period), period, council)
    response = JsonResponse(body, json_dumps_params={"ensure_ascii": False})
    return _attach(response, period, "json")
