"""Sign-in, sign-out, lockout and privilege changes become security events.

Logging only: these receivers write nothing to the database (audit entries are written by the
services and the set-up pages, never by signals).
"""

import time

from axes.signals import user_locked_out
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, Permission
from django.contrib.auth.signals import user_logged_in, user_logged_out, user_login_failed
from django.db.models.signals import m2m_changed, pre_save
from django.dispatch import receiver

from .events import security_event
from .middleware import LAST_SEEN, SIGNED_IN_AT

User = get_user_model()
PRIVILEGES = ("is_superuser", "is_staff", "is_active")


@receiver(user_logged_in)
def signed_in(sender, request, user, **kwargs) -> None:
    security_event("sign_in", request, user=user)
    session = getattr(request, "session", None)
    if session is not None:
        # Stamped with the sign-in, which saves the session anyway, so the first page after it
        # writes nothing (IdleSignOut).
        session[SIGNED_IN_AT] = session[LAST_SEEN] = time.time()


@receiver(user_login_failed)
def sign_in_failed(sender, credentials, request=None, **kwargs) -> None:
    # Only the username: the password, even a wrong one, is often a near miss of the right one.
    security_event("sign_in_failed", request, user=str(credentials.get("username", "")))


@receiver(user_logged_out)
def signed_out(sender, request, user, **kwargs) -> None:
    security_event("sign_out", request, user=user)


@receiver(user_locked_out)
def locked_out(sender, request, username, ip_address, **kwargs) -> None:
    security_event("locked_out", request, user=str(username or ""))


@receiver(m2m_changed, sender=User.groups.through)
def roles_changed(sender, instance, action, reverse, pk_set, **kwargs) -> None:
    """A role (group) given to or taken from someone, from either side of the relation."""
    if action not in ("post_add", "post_remove") or not pk_set:
        return
    event = "roles_added" if action == "post_add" else "roles_removed"
    if reverse:  # role.user_set.add(...): one role, several people
        for name in User.objects.filter(pk__in=pk_set).values_list("username", flat=True):
            security_event(event, target=name, roles=[instance.name])
        return
    roles = sorted(Group.objects.filter(pk__in=pk_set).values_list("name", flat=True))
    security_event(event, target=instance.get_username(), roles=roles)


@receiver(m2m_changed, sender=Group.permissions.through)
def role_permissions_changed(sender, instance, action, reverse, pk_set, **kwargs) -> None:
    """What a role may do, changed: every holder of the role gains or loses it."""
    if action not in ("post_add", "post_remove", "post_clear") or reverse:
        return
    codenames = sorted(
        Permission.objects.filter(pk__in=pk_set or ()).values_list("codename", flat=True)
    )
    security_event(
        f"role_{action.removeprefix('post_')}_permissions",
        role=instance.name,
        permissions=codenames,
    )


@receiver(m2m_changed, sender=User.user_permissions.through)
def permissions_changed(sender, instance, action, reverse, pk_set, **kwargs) -> None:
    if action not in ("post_add", "post_remove") or reverse or not pk_set:
        return
    event = "permissions_added" if action == "post_add" else "permissions_removed"
    codenames = sorted(Permission.objects.filter(pk__in=pk_set).values_list("codename", flat=True))
    security_event(event, target=instance.get_username(), permissions=codenames)


@receiver(pre_save, sender=User)
def privileges_changed(sender, instance, raw=False, **kwargs) -> None:
    if raw or instance.pk is None:
        return
    before = User.objects.filter(pk=instance.pk).values(*PRIVILEGES).first()
    if before is None:
        return
    changed = {
        name: getattr(instance, name)
        for name in PRIVILEGES
        if before[name] != getattr(instance, name)
    }
    if changed:
        security_event("privileges_changed", target=instance.get_username(), **changed)
