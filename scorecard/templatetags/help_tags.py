from django import template

from scorecard.models import AuditEntry

register = template.Library()

HINT_COOKIE = "hint_my_returns"


@register.inclusion_tag("help/first_visit_hint.html", takes_context=True)
def first_visit_hint(context) -> dict:
    """A hint for someone who has not yet saved a return, until they hide it (issue 12, Help).

    "First visit" is read from what they have done (no audit entry of theirs yet) rather than
    from a stored flag, and a cookie keeps it hidden once they say so.
    """
    request = context.get("request")
    user = getattr(request, "user", None)
    shown = bool(
        user is not None
        and user.is_authenticated
        and request.COOKIES.get(HINT_COOKIE) != "hidden"
        and not AuditEntry.objects.filter(user=user).exists()
    )
    next_url = request.get_full_path() if request is not None else "/"
    return {"shown": shown, "next": next_url, "csrf_token": context.get("csrf_token")}
