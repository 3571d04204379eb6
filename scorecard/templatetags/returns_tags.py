from django import template

from scorecard.rules.units import format_value

register = template.Library()


@register.simple_tag
def measure_value(number, measure) -> str:
    """A figure as the measure prints it, with its unit and decimal places ("67.5%")."""
    return format_value(number, measure.unit, measure.decimal_places)


@register.inclusion_tag("includes/site_nav.html", takes_context=True)
def site_nav(context) -> dict:
    """The links of the main navigation, by what the signed-in user may use.

    Which links to show is worked out at sign-in and kept in the session
    (``scorecard.returns.signals``), so the navigation adds no query to every page; the views
    check permission themselves on every request.
    """
    from scorecard.returns.signals import NAV_KEY, nav_flags

    request = context.get("request")
    user = getattr(request, "user", None)
    current = getattr(getattr(request, "resolver_match", None), "view_name", "") or ""
    session = getattr(request, "session", None)
    shown = session.get(NAV_KEY) if session is not None else None
    # A session begun before a link was added lacks its flag: work them out again.
    stale = shown is None or shown.keys() != nav_flags(None).keys()
    if stale or shown.get("user") != getattr(user, "pk", None):
        shown = nav_flags(user)
        if session is not None:
            session[NAV_KEY] = shown
    # The flags name the user by pk; the template needs the user themself.
    return {
        **shown,
        "current": current,
        "user": user,
        "csrf_token": context.get("csrf_token"),
        "notified": _notified(shown),
        "unread": _unread(user) if _notified(shown) else 0,
    }


def _notified(shown: dict) -> bool:
    """Whether the user is ever notified: those who keep returns or approve them. Viewers and
    clerks are not, so their pages pay no query for a count."""
    return bool(shown.get("keeps_returns") or shown.get("may_approve"))


def _unread(user) -> int:
    """How many of the user's notifications are unread: one query per page."""
    from scorecard.returns.notify import unread_count

    if not getattr(user, "is_authenticated", False):
        return 0
    return unread_count(user)
