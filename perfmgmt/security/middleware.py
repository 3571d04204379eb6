"""Middleware for what a council's IT security review asks of every response (issue 13)."""

import time
from collections.abc import Callable
from urllib.parse import quote

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import BACKEND_SESSION_KEY, logout
from django.contrib.auth.views import redirect_to_login
from django.http import (
    Http404,
    HttpRequest,
    HttpResponse,
    HttpResponseBadRequest,
    JsonResponse,
)
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.cache import patch_cache_control

from scorecard.returns import permissions

from .events import security_event

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
            if _is_api(request):
                return JsonResponse({"detail": "Not found."}, status=404)
            raise Http404("There is no page at an address holding a NUL character.")
        if any(NUL in key or NUL in value for key, value in _query_items(request)):
            if _is_api(request):  # the API documents its errors as JSON: {"detail": …}
                return JsonResponse({"detail": NUL_REFUSED}, status=400)
            return HttpResponseBadRequest(NUL_REFUSED, content_type="text/plain")
        return self.get_response(request)


NUL_REFUSED = "A NUL character is not allowed in an address."


def _is_api(request: HttpRequest) -> bool:
    return request.path.startswith("/api/")


def _query_items(request: HttpRequest):
    for key, values in request.GET.lists():
        for value in values:
            yield key, value


PUBLIC_PREFIX = "/public/"


class PublicPagesWithoutSession:
    """The public pages (issue 14) are served to everyone alike, signed in or not: the
    session cookie is set aside for them, so that no session is read from the database, no
    signed-in name can reach a page cached for residents, and a warm page needs no query.
    """

    def __init__(self, get_response: Handler) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        if request.path.startswith(PUBLIC_PREFIX):
            request.COOKIES.pop(settings.SESSION_COOKIE_NAME, None)
        return self.get_response(request)


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
        _log_outcome(request, response)
        return response


def _log_outcome(request: HttpRequest, response: HttpResponse) -> None:
    """A refused page (403) and every file downloaded (an export) are security events."""
    if response.status_code == 403:
        security_event("forbidden", request, status=403)
        return
    disposition = response.headers.get("Content-Disposition", "")
    if response.status_code == 200 and disposition.startswith("attachment"):
        name = disposition.partition("filename=")[2].strip('"')
        security_event("export", request, file=name, query=request.GET.urlencode())


LAST_SEEN = "security_last_seen"
SIGNED_IN_AT = "security_signed_in_at"
# The last-seen time is saved at most this often, so a busy person's requests do not each
# write the session.
LAST_SEEN_RESOLUTION = 60


class IdleSignOut:
    """Sign out whoever has not used the app for SESSION_IDLE_TIMEOUT seconds, and everyone
    SESSION_COOKIE_AGE seconds after they signed in, however busy (issue 13).

    Django's own expiry is not enough: every saved session pushes its cookie's expiry on, so
    it is neither an idle limit nor, once anything is saved, an absolute one.
    """

    def __init__(self, get_response: Handler) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        user = getattr(request, "user", None)
        if user is None or not user.is_authenticated:
            return self.get_response(request)
        now = time.time()
        why = _why_signed_out(request.session, now)
        if why:
            security_event("signed_out_idle" if "after" in why else "signed_out_expired", request)
            logout(request)
            messages.info(request, why)
            return redirect_to_login(request.get_full_path())
        request.session.setdefault(SIGNED_IN_AT, now)
        if now - request.session.get(LAST_SEEN, 0) >= LAST_SEEN_RESOLUTION:
            request.session[LAST_SEEN] = now
        return self.get_response(request)


def _why_signed_out(session, now: float) -> str:
    idle, absolute = settings.SESSION_IDLE_TIMEOUT, settings.SESSION_COOKIE_AGE
    if SIGNED_IN_AT in session and now - session[SIGNED_IN_AT] > absolute:
        return (
            f"You were signed out: sessions last {_duration(absolute)} at most. "
            "Sign in again to carry on."
        )
    if LAST_SEEN in session and now - session[LAST_SEEN] > idle:
        return (
            f"You were signed out after {_duration(idle)} without using the app, to keep "
            "your account safe. Sign in again to carry on."
        )
    return ""


def _duration(seconds: int) -> str:
    minutes = round(seconds / 60)
    if minutes % 60 == 0 and minutes >= 120:
        return f"{minutes // 60} hours"
    return f"{minutes} minute{'s' if minutes != 1 else ''}"


# Signed on through the council's provider: its own multi-factor policy applies instead.
SINGLE_SIGN_ON = "perfmgmt.security.sso.CouncilSignOn"


class RequireOneTimeCode:
    """After the password, whoever must use one-time codes (`needs_one_time_code`) is sent to
    type one, or to set them up, before any other page (issue 13)."""

    def __init__(self, get_response: Handler) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        user = getattr(request, "user", None)
        if (
            not settings.ONE_TIME_CODES_REQUIRED
            or user is None
            or not user.is_authenticated
            or user.is_verified()
            or request.path in _open_before_code()
            or request.session.get(BACKEND_SESSION_KEY) == SINGLE_SIGN_ON
            or not permissions.needs_one_time_code(user)
        ):
            return self.get_response(request)
        from .one_time_codes import confirmed_device

        step = "one_time_code" if confirmed_device(user) else "one_time_codes_set_up"
        return redirect(f"{reverse(step)}?next={quote(request.get_full_path())}")


def _open_before_code() -> set[str]:
    return {reverse(name) for name in ("one_time_code", "one_time_codes_set_up", "logout")}
