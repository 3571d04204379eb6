"""Pages of the sign-in's security measures."""

from urllib.parse import quote

from django import forms
from django.conf import settings
from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render, resolve_url
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme

from . import one_time_codes


def locked_out(request: HttpRequest, original_response=None, credentials=None) -> HttpResponse:
    """What someone sees when sign-in is locked (django-axes' AXES_LOCKOUT_CALLABLE): why, for how
    long, and who can unlock it. 429, as axes answers by default."""
    context = {
        "failure_limit": settings.AXES_FAILURE_LIMIT,
        "minutes": int(settings.AXES_COOLOFF_TIME.total_seconds() // 60),
        "username": (credentials or {}).get("username", ""),
    }
    return render(request, "registration/locked_out.html", context, status=429)


class CodeForm(forms.Form):
    code = forms.CharField(
        label="Code from your authenticator app",
        max_length=10,
        widget=forms.TextInput(
            attrs={"autocomplete": "one-time-code", "inputmode": "numeric", "autofocus": True}
        ),
    )


def _next_page(request: HttpRequest) -> str:
    """Where to go once the code is accepted: a page of this site, else the home page."""
    wanted = request.POST.get("next") or request.GET.get("next") or ""
    safe = url_has_allowed_host_and_scheme(
        wanted, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    )
    return wanted if safe else resolve_url(settings.LOGIN_REDIRECT_URL)


def one_time_codes_set_up(request: HttpRequest) -> HttpResponse:
    """Enrolment: scan the QR code (or type the key) into an app, then type its first code."""
    if one_time_codes.confirmed_device(request.user):
        return redirect(f"{reverse('one_time_code')}?next={quote(_next_page(request))}")
    device = one_time_codes.totp_enrolment_start(user=request.user)
    form = CodeForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        accepted, why = one_time_codes.code_accepted(request, device, form.cleaned_data["code"])
        if accepted:
            messages.success(request, "One-time codes are set up: each sign-in now asks for one.")
            return redirect(_next_page(request))
        form.add_error("code", why)
    context = {
        "form": form,
        "qr_svg": one_time_codes.qr_svg(device),
        "key": one_time_codes.key_for_typing(device),
        "next": _next_page(request),
    }
    return render(request, "registration/one_time_codes_set_up.html", context)


def one_time_code(request: HttpRequest) -> HttpResponse:
    """The second step of sign-in: the code the app shows now."""
    device = one_time_codes.confirmed_device(request.user)
    if device is None:
        return redirect(f"{reverse('one_time_codes_set_up')}?next={quote(_next_page(request))}")
    form = CodeForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        accepted, why = one_time_codes.code_accepted(request, device, form.cleaned_data["code"])
        if accepted:
            return redirect(_next_page(request))
        form.add_error("code", why)
    context = {"form": form, "next": _next_page(request)}
    return render(request, "registration/one_time_code.html", context)
