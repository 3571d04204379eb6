"""Middleware for what a council's IT security review asks of every response (issue 13)."""

from collections.abc import Callable

from django.conf import settings
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseBadRequest
from django.utils.cache import patch_cache_control

Handler = Callable[[HttpRequest], HttpResponse]

NUL = "\x00"


class RefuseNulBytes:
    """A NUL byte in the address is a missing page; in the query string, a bad request.

    PostgreSQL cannot store or compare text holding NUL, so without this a lookup by code
    ("/measures/NI%00192/") or a filter ("?q=%00") ends in a 500 from the database driver.
    Nothing the app offers ever has NUL in it, so refusing it up front loses nothing.
    """

    def __init__(self, get_response: Handler) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        if NUL in request.path:
            raise Http404("There is no page at an address holding a NUL character.")
        if any(NUL in key or NUL in value for key, value in _query_items(request)):
            return HttpResponseBadRequest(
                "A NUL character is not allowed in an address.", content_type="text/plain"
            )
        return self.get_response(request)


def _query_items(request: HttpRequest):
    for key, values in request.GET.lists():
        for value in values:
            yield key, value


class SecurityHeaders:
    """Permissions-Policy on every response; Cache-Control: no-store when someone is signed in.

    A signed-in page shows unpublished figures and names: kept in a shared computer's browser
    cache or a proxy's, it would outlive the session that was allowed to see it.
    """

    def __init__(self, get_response: Handler) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        response.headers.setdefault("Permissions-Policy", settings.PERMISSIONS_POLICY)
        user = getattr(request, "user", None)
        if user is not None and user.is_authenticated:
            patch_cache_control(response, no_store=True, private=True)
        return response
