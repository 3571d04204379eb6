"""What the management commands take from their arguments: a period and a user, said clearly
when they do not exist, so every command refuses a typo the same way."""

from django.contrib.auth import get_user_model
from django.core.management.base import CommandError

from scorecard.models import ReportingPeriod
from scorecard.rules.periods import parse_period


def period_named(label: str, *, missing: str = "") -> ReportingPeriod:
    """The period written as councils write it ("2009/10 Q2"), or a CommandError."""
    try:
        ref = parse_period(label)
    except ValueError as exc:
        raise CommandError(str(exc)) from None
    found = ReportingPeriod.objects.filter(
        kind=ref.kind.value, year=ref.year, number=ref.number
    ).first()
    if found is None:
        raise CommandError(f"There is no period {ref.label}{missing}.")
    return found


def active_user(username: str):
    """The active user with this username, or a CommandError."""
    person = get_user_model().objects.filter(username=username, is_active=True).first()
    if person is None:
        raise CommandError(f"There is no active user {username!r}.")
    return person
