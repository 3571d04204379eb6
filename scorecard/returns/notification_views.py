"""The notifications page: read them, mark them read, choose email or not."""

from __future__ import annotations

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render

from scorecard.models import Notification, OfficerProfile

from . import notify

SHOWN = 50  # the latest; older ones are still counted until read


def notifications(request: HttpRequest) -> HttpResponse:
    """The signed-in user's latest notifications, unread first in words as well as style."""
    if request.method == "POST":
        action = request.POST.get("action")
        if action == "read_all":
            count = notify.notifications_mark_read(user=request.user)
            messages.success(request, f"{count} notification{'s' if count != 1 else ''} read.")
        elif action == "read":
            ids = [int(pk) for pk in request.POST.getlist("id") if pk.isdigit()]
            notify.notifications_mark_read(user=request.user, ids=ids)
        elif action == "preferences":
            wants = request.POST.get("email") == "on"
            notify.email_preference_set(user=request.user, email=wants)
            messages.success(
                request,
                "Notifications will also come by email."
                if wants
                else "Notifications will show here only, not by email.",
            )
        return redirect("returns:notifications")
    notes = list(Notification.objects.filter(user=request.user)[:SHOWN])
    profile = OfficerProfile.objects.filter(user=request.user).first()
    return render(
        request,
        "returns/notifications.html",
        {
            "notes": notes,
            "email_on": profile is None or profile.email_notifications,
            "has_email": bool(request.user.email),
        },
    )
