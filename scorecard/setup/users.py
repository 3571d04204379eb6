"""Writes for officers' accounts: invite, change roles and directorate, deactivate.

The performance team runs these from the set-up pages (issue 12); every change of a role is
kept in the audit trail with who made it and why. Only a superuser changes a superuser, and
nobody deactivates themself.
"""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.contrib.auth.tokens import default_token_generator
from django.core.mail import EmailMessage
from django.db import transaction
from django.urls import reverse
from django.utils.encoding import force_bytes
from django.utils.http import urlsafe_base64_encode

from scorecard.models import Directorate, OfficerProfile, Role
from scorecard.returns.audit import audit_record

from .services import SetupInvalid, SetupRefused, _check, _check_loaded

User = get_user_model()


def _may_change(actor: Any, account: Any) -> None:
    _check(actor)
    if account.is_superuser and not actor.is_superuser:
        raise SetupRefused("Only a superuser changes a superuser's account.")


def set_password_link(account: Any) -> str:
    """An absolute link at which the account's holder sets their password (one use)."""
    uid = urlsafe_base64_encode(force_bytes(account.pk))
    token = default_token_generator.make_token(account)
    path = reverse("password_reset_confirm", kwargs={"uidb64": uid, "token": token})
    return settings.SITE_URL.rstrip("/") + path  # emails need absolute links


def _shown_roles(account: Any) -> str:
    return ", ".join(sorted(account.groups.values_list("name", flat=True)))


def _profile_of(account: Any) -> OfficerProfile:
    return OfficerProfile.objects.get_or_create(user=account)[0]


def _apply(account: Any, *, roles: list[str], directorate: Directorate | None, job_title: str):
    unknown = set(roles) - {r.value for r in Role}
    if unknown:
        raise SetupInvalid({"roles": f"No such role: {', '.join(sorted(unknown))}."})
    account.groups.set([Group.objects.get_or_create(name=name)[0] for name in roles])
    profile = _profile_of(account)
    profile.directorate, profile.job_title = directorate, job_title
    profile.save()


@transaction.atomic
def user_invite(
    *,
    user: Any,
    email: str,
    first_name: str,
    last_name: str,
    roles: list[str],
    directorate: Directorate | None = None,
    job_title: str = "",
) -> Any:
    """Make an account for ``email`` and send its holder a link to set their password."""
    _check(user)
    email = email.strip().lower()
    if User.objects.filter(email__iexact=email).exists():
        raise SetupInvalid({"email": f"{email} already has an account: find it in the list."})
    if User.objects.filter(username__iexact=email).exists():
        raise SetupInvalid({"email": f"{email} is already someone's user name."})
    account = User(username=email, email=email, first_name=first_name, last_name=last_name)
    account.set_unusable_password()  # until they choose one from the invitation
    account.save()
    _apply(account, roles=roles, directorate=directorate, job_title=job_title)
    audit_record(
        user=user,
        item=account,
        summary=f"Invited in set-up: {email}",
        changes={
            "Roles": ["", _shown_roles(account)],
            "Directorate": ["", str(directorate or "")],
        },
    )
    link = set_password_link(account)
    transaction.on_commit(lambda: _send_invitation(account, link))
    return account


def _send_invitation(account: Any, link: str) -> None:
    body = (
        f"Dear {account.get_full_name() or account.email},\n\n"
        "You have been given an account for the council's performance returns.\n"
        f"Choose your password here (the link works once): {link}\n\n"
        f"Then sign in at {settings.SITE_URL.rstrip('/')}{reverse('login')} "
        f"with the user name {account.username}.\n"
    )
    EmailMessage(subject="Your performance returns account", body=body, to=[account.email]).send()


@transaction.atomic
def user_update(
    *,
    user: Any,
    account: Any,
    email: str,
    first_name: str,
    last_name: str,
    roles: list[str],
    directorate: Directorate | None,
    job_title: str = "",
    reason: str = "",
    loaded: str | None = None,
) -> Any:
    """Change an account's name, email, roles and directorate; role changes are audited."""
    _may_change(user, account)
    _check_loaded(account, loaded)
    profile = _profile_of(account)
    before = {
        "Name": account.get_full_name(),
        "Email": account.email,
        "Roles": _shown_roles(account),
        "Directorate": str(profile.directorate or ""),
        "Job title": profile.job_title,
    }
    account.email, account.first_name, account.last_name = email.strip(), first_name, last_name
    account.save(update_fields=["email", "first_name", "last_name"])
    _apply(account, roles=roles, directorate=directorate, job_title=job_title)
    after = {
        "Name": account.get_full_name(),
        "Email": account.email,
        "Roles": _shown_roles(account),
        "Directorate": str(directorate or ""),
        "Job title": job_title,
    }
    changes = {k: [before[k], after[k]] for k in after if before[k] != after[k]}
    if changes:
        audit_record(
            user=user,
            item=account,
            summary=f"Changed in set-up: {account.get_username()}",
            changes=changes,
            reason=reason.strip(),
        )
    return account


@transaction.atomic
def user_set_active(*, user: Any, account: Any, active: bool, reason: str = "") -> Any:
    """Deactivate an account (they can no longer sign in; their history stays) or reactivate it."""
    _may_change(user, account)
    if account.pk == user.pk and not active:
        raise SetupRefused("You cannot deactivate your own account.")
    if account.is_active == active:
        return account
    account.is_active = active
    account.save(update_fields=["is_active"])
    audit_record(
        user=user,
        item=account,
        summary=f"{'Reactivated' if active else 'Deactivated'} in set-up: {account.get_username()}",
        changes={"Active": ["No" if active else "Yes", "Yes" if active else "No"]},
        reason=reason.strip(),
    )
    return account
