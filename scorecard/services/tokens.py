"""Personal API tokens: create (the secret shown once), revoke, and find the token a caller
presented. Issue 14, "Authentication"."""

from __future__ import annotations

import hashlib
import secrets
from dataclasses import dataclass
from datetime import timedelta
from typing import Any

from django.conf import settings
from django.db import transaction
from django.utils import timezone

from scorecard.models import ApiToken
from scorecard.models.tokens import PREFIX_LENGTH
from scorecard.returns.audit import audit_record

# Longest life a token may be given: a forgotten token stops working within a year.
MAX_DAYS = 366
# last_used is written at most this often, so a busy integration does not write on every call.
TOUCH_EVERY = timedelta(minutes=5)


class TokenRefused(Exception):
    """The token cannot be made or revoked as asked; nothing was changed."""


@dataclass(frozen=True)
class NewToken:
    token: ApiToken
    secret: str  # shown once, never stored


def hash_secret(secret: str) -> str:
    return hashlib.sha256(secret.encode()).hexdigest()


def token_create(*, user: Any, name: str, days: int | None = None) -> NewToken:
    """Make a token for ``user``; only its hash and prefix are kept, the secret is returned."""
    name = name.strip()
    days = settings.API_TOKEN_DAYS if days is None else days
    if not getattr(user, "is_authenticated", False) or not user.is_active:
        raise TokenRefused("Only a signed-in, active user may create an API token")
    if not name:
        raise TokenRefused("Name the token, e.g. Power BI")
    if not 1 <= days <= MAX_DAYS:
        raise TokenRefused(f"A token lasts between 1 and {MAX_DAYS} days, not {days}")
    secret = secrets.token_urlsafe(32)
    now = timezone.now()
    with transaction.atomic():
        token = ApiToken.objects.create(
            user=user,
            name=name[:100],
            prefix=secret[:PREFIX_LENGTH],
            key_hash=hash_secret(secret),
            created=now,
            expires=now + timedelta(days=days),
        )
        audit_record(
            user=user,
            item=token,
            summary=f"API token created: {token.name} ({token.prefix}…)",
            changes={"expires": ["", token.expires.date().isoformat()]},
        )
    return NewToken(token=token, secret=secret)


def token_revoke(*, user: Any, token: ApiToken) -> ApiToken:
    """Revoke one of the user's own tokens at once; revoking twice changes nothing more."""
    if token.user_id != getattr(user, "pk", None):
        raise TokenRefused("You may revoke only your own API tokens")
    with transaction.atomic():
        locked = ApiToken.objects.select_for_update().get(pk=token.pk)
        if locked.revoked is not None:
            return locked
        locked.revoked = timezone.now()
        locked.save(update_fields=["revoked"])
        audit_record(
            user=user,
            item=locked,
            summary=f"API token revoked: {locked.name} ({locked.prefix}…)",
        )
    return locked


class TokenUnusable(Exception):
    """The token presented signs nobody in: ``reason`` is unknown, revoked, expired or inactive.

    ``token`` is the stored token when there is one, so the refusal can be logged against its
    owner (a revoked token still in use is a leak worth following up); never the secret.
    """

    def __init__(self, reason: str, token: ApiToken | None = None) -> None:
        super().__init__(f"The token is {reason}")
        self.reason = reason
        self.token = token


def token_authenticate(secret: str) -> ApiToken:
    """The usable token whose secret this is (its user loaded); notes when it was used.

    Raises ``TokenUnusable`` saying why when it signs nobody in.
    """
    token = ApiToken.objects.select_related("user").filter(key_hash=hash_secret(secret)).first()
    if token is None:
        raise TokenUnusable("unknown")
    if token.revoked is not None:
        raise TokenUnusable("revoked", token)
    if not token.is_usable():
        raise TokenUnusable("expired", token)
    if not token.user.is_active:
        raise TokenUnusable("inactive", token)
    now = timezone.now()
    if token.last_used is None or now - token.last_used > TOUCH_EVERY:
        ApiToken.objects.filter(pk=token.pk).update(last_used=now)
        token.last_used = now
    return token
