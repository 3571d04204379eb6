"""Locked sign-ins in the set-up pages: seen, and unlocked, by a superuser; never edited.

django-axes' own pages (AXES_ENABLE_ADMIN is off) would let anyone with the admin edit or
delete attempt records with no trace; here the only write is "Unlock", which is logged.
"""

from axes.models import AccessAttempt
from axes.utils import reset
from django.conf import settings
from django.contrib import admin, messages
from django_otp.plugins.otp_totp.models import TOTPDevice

from .events import security_event
from .one_time_codes import totp_devices_remove


class ReadOnlySuperuserAdmin(admin.ModelAdmin):
    """Seen by superusers; changed only by the admin's named, logged actions."""

    def has_module_permission(self, request) -> bool:
        return request.user.is_active and request.user.is_superuser

    def has_view_permission(self, request, obj=None) -> bool:
        return self.has_module_permission(request)

    def has_add_permission(self, request) -> bool:
        return False

    def has_change_permission(self, request, obj=None) -> bool:
        return False

    def has_delete_permission(self, request, obj=None) -> bool:
        return False


@admin.register(AccessAttempt)
class SignInLockoutAdmin(ReadOnlySuperuserAdmin):
    list_display = ["username", "ip_address", "failures_since_start", "attempt_time", "locked"]
    search_fields = ["username", "ip_address"]
    fields = ["username", "ip_address", "user_agent", "failures_since_start", "attempt_time"]
    actions = ["unlock"]

    @admin.display(boolean=True, description="Locked")
    def locked(self, attempt: AccessAttempt) -> bool:
        return attempt.failures_since_start >= settings.AXES_FAILURE_LIMIT

    @admin.action(description="Unlock sign-in for the selected people")
    def unlock(self, request, queryset) -> None:
        usernames = sorted(set(queryset.values_list("username", flat=True)))
        for username in usernames:
            reset(username=username)
            security_event("unlocked", request, target=username)
        self.message_user(
            request, f"Sign-in unlocked for {', '.join(usernames)}.", messages.SUCCESS
        )


# django-otp's own page would let its key be read and edited; this one shows whose device it
# is and offers one action: remove it, so someone who lost their phone sets codes up again.
admin.site.unregister(TOTPDevice)


@admin.register(TOTPDevice)
class AuthenticatorAdmin(ReadOnlySuperuserAdmin):
    list_display = ["user", "name", "confirmed", "last_used_at"]
    search_fields = ["user__username"]
    fields = ["user", "name", "confirmed", "last_used_at"]
    actions = ["remove"]

    @admin.action(description="Remove, so they set up one-time codes again at next sign-in")
    def remove(self, request, queryset) -> None:
        usernames = totp_devices_remove(request=request, devices=queryset)
        self.message_user(
            request, f"Authenticator removed for {', '.join(usernames)}.", messages.SUCCESS
        )
