"""Remember at sign-in which links the navigation shows, so pages pay no query for it."""

from typing import Any

from django.contrib.auth.signals import user_logged_in
from django.dispatch import receiver

from . import permissions

NAV_KEY = "returns_nav"


def nav_flags(user: Any) -> dict:
    """Which links of the main navigation the user's roles call for (each a permission check)."""
    return {
        "user": getattr(user, "pk", None),
        "keeps_returns": permissions.keeps_returns(user),
        "may_approve": permissions.may_approve(user),
        "sees_progress": permissions.can_see_progress(user),
        "is_team": permissions.can_manage_periods(user),
        "reads_packs": permissions.can_view_final_packs(user),
        "sets_up": permissions.may_set_up(user),
    }


@receiver(user_logged_in, dispatch_uid="returns_nav_flags")
def remember_nav_flags(sender, request, user, **kwargs) -> None:
    if request is not None and hasattr(request, "session"):
        request.session[NAV_KEY] = nav_flags(user)
