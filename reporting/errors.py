"""The pages shown when a page is forbidden or missing: why, in plain words, and where to go next.

Named in ``perfmgmt/urls.py`` as ``handler403`` and ``handler404``, so they are what people see
with DEBUG off. Only reasons we wrote ourselves are shown ("There is no period 2099/00 Q9."):
Django's own ("No Plan matches the given query.") name a model, not something a reader knows.
"""

from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render

from scorecard.returns import permissions


def _reason(exception: Exception | None) -> str:
    message = exception.args[0] if exception is not None and exception.args else None
    if not isinstance(message, str) or message.endswith("matches the given query."):
        return ""
    return message


def page_not_found(request: HttpRequest, exception: Http404 | None = None) -> HttpResponse:
    context = {"reason": _reason(exception), "path": request.path}
    return render(request, "404.html", context, status=404)


def permission_denied(
    request: HttpRequest, exception: PermissionDenied | None = None
) -> HttpResponse:
    context = {"reason": _reason(exception), "roles": sorted(permissions.roles(request.user))}
    return render(request, "403.html", context, status=403)
