"""Remember at sign-in which returns links the navigation shows, so pages pay no query for it."""

from typing import Any

from django.contrib.auth.signals import user_logged_in
from django.dispatch import receiver

from . import permissions

NAV_KEY = "returns_nav"


def nav_flags(user: Any) -> dict:
    """Which of the returns links (Approvals, Periods) the user's roles call for."""
    team = permissions.is_performance_team(user)
    return {
        "user": getattr(user, "pk", None),
        "may_approve": bool(team or permissions.approver_directorate_id(user)),
        "is_team": team,
    }


@receiver(user_logged_in, dispatch_uid="returns_nav_flags")
def remember_nav_flags(sender, request, user, **kwargs) -> None:
    if request is not None and hasattr(request, "session"):
        request.session[NAV_KEY] = nav_flags(user)
