"""Single sign-on with OpenID Connect (mozilla-django-oidc): the council's identity provider
(Microsoft Entra ID or any OIDC provider) signs people in; their roles and directorate follow
the provider's groups, mapped by settings, at every sign-on (issue 13)."""

from django.conf import settings
from django.contrib.auth.backends import ModelBackend
from django.contrib.auth.models import Group
from django.db import transaction
from mozilla_django_oidc.auth import OIDCAuthenticationBackend

from scorecard.models import Directorate, OfficerProfile
from scorecard.models.audit import SIGNED_ON_SUMMARY
from scorecard.returns.audit import audit_record

from .events import security_event


def single_sign_on_configured() -> bool:
    return bool(getattr(settings, "OIDC_RP_CLIENT_ID", ""))


class LocalPasswords(ModelBackend):
    """Usernames and passwords kept here, unless LOCAL_ACCOUNTS switches them off (a council
    that signs everyone on through its provider)."""

    def authenticate(self, request, username=None, password=None, **kwargs):
        if not settings.LOCAL_ACCOUNTS:
            return None
        return super().authenticate(request, username=username, password=password, **kwargs)


class CouncilSignOn(OIDCAuthenticationBackend):
    """Match people by username (OIDC_USERNAME_CLAIM, else their email), create them on first
    sign-on with no usable password, and set their roles and directorate from their groups."""

    def __init__(self, *args, **kwargs) -> None:
        # mozilla-django-oidc reads its endpoints here and refuses to start without them.
        if single_sign_on_configured():
            super().__init__(*args, **kwargs)

    def authenticate(self, request, **kwargs):
        if not single_sign_on_configured():
            return None
        return super().authenticate(request, **kwargs)

    def verify_claims(self, claims) -> bool:
        return bool(username_from(claims))

    def filter_users_by_claims(self, claims):
        return self.UserModel.objects.filter(username__iexact=username_from(claims))

    def create_user(self, claims):
        user = self.UserModel(username=username_from(claims))
        user.set_unusable_password()
        return signed_on_user_update(user=user, claims=claims, request=self._request())

    def update_user(self, user, claims):
        return signed_on_user_update(user=user, claims=claims, request=self._request())

    def _request(self):
        return getattr(self, "request", None)  # set by mozilla-django-oidc's authenticate()


def username_from(claims: dict) -> str:
    claim = getattr(settings, "OIDC_USERNAME_CLAIM", "preferred_username")
    return str(claims.get(claim) or claims.get("email") or "").strip()[:150]


@transaction.atomic
def signed_on_user_update(*, user, claims: dict, request=None):
    """Name, email, roles and directorate from the provider's claims. Roles not mapped from a
    group are taken away: the provider is the one place a signed-on person's access is set.
    A change of roles or directorate is audited and logged as a security event, as a change on
    the set-up pages is (issue 13, "Security events"); a sign-on that changes nothing is not."""
    user.email = claims.get("email", user.email) or ""
    user.first_name = (claims.get("given_name") or user.first_name)[:150]
    user.last_name = (claims.get("family_name") or user.last_name)[:150]
    user.save()
    before = _access_of(user)
    groups = claims.get(getattr(settings, "OIDC_GROUPS_CLAIM", "groups")) or []
    role_names = {settings.OIDC_ROLE_GROUPS[g] for g in groups if g in settings.OIDC_ROLE_GROUPS}
    wanted = set(Group.objects.filter(name__in=role_names))
    held = set(user.groups.all())
    if held - wanted:
        user.groups.remove(*(held - wanted))
    if wanted - held:
        user.groups.add(*(wanted - held))
    names = [
        settings.OIDC_DIRECTORATE_GROUPS[g] for g in groups if g in settings.OIDC_DIRECTORATE_GROUPS
    ]
    directorate = Directorate.objects.filter(name__in=names).order_by("name").first()
    OfficerProfile.objects.update_or_create(user=user, defaults={"directorate": directorate})
    after = {
        "Roles": ", ".join(sorted(g.name for g in wanted)),
        "Directorate": str(directorate or ""),
    }
    changes = {k: [before[k], after[k]] for k in after if before[k] != after[k]}
    if changes:
        _record_access_change(user=user, changes=changes, request=request)
    return user


def _access_of(user) -> dict[str, str]:
    """Roles and directorate as the audit trail shows them (as the set-up pages record them)."""
    if user.pk is None:
        return {"Roles": "", "Directorate": ""}
    profile = OfficerProfile.objects.filter(user=user).select_related("directorate").first()
    return {
        "Roles": ", ".join(sorted(user.groups.values_list("name", flat=True))),
        "Directorate": str(getattr(profile, "directorate", None) or ""),
    }


def _record_access_change(*, user, changes: dict[str, list[str]], request) -> None:
    # No person made this change: the entry has no user, and says the sign-on did it.
    audit_record(
        user=None,
        item=user,
        summary=f"{SIGNED_ON_SUMMARY}: {user.get_username()}",
        changes=changes,
        reason="Set by single sign-on from the council's groups (OIDC_ROLE_GROUPS, "
        "OIDC_DIRECTORATE_GROUPS).",
    )
    security_event(
        "access_changed_by_single_sign_on",
        request,
        user="single sign-on",
        target=user.get_username(),
        changes=changes,
    )
