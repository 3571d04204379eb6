"""The audit trail: who changed what, when, from what to what, and why."""

from django.conf import settings
from django.contrib.contenttypes.fields import GenericForeignKey
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.utils import timezone

# How entries written by single sign-on begin: no person made the change, the council's
# identity provider did (perfmgmt/security/sso.py).
SIGNED_ON_SUMMARY = "Changed by single sign-on"


class AuditEntry(models.Model):
    """One change to a result, an action update, a measure's rule or a period.

    ``changes`` maps each field changed to ``[old, new]``, both as text as the page shows them,
    so an entry reads the same years later whatever the model has become. Written by the
    services that make the change, never by signals, so every entry has a user and a reason
    where one was asked for.
    """

    content_type = models.ForeignKey(ContentType, on_delete=models.CASCADE, related_name="+")
    object_id = models.PositiveBigIntegerField()
    item = GenericForeignKey("content_type", "object_id")
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    at = models.DateTimeField(default=timezone.now)
    summary = models.CharField(max_length=200)
    changes = models.JSONField(default=dict, blank=True)
    reason = models.TextField(blank=True)

    class Meta:
        ordering = ["-at", "-pk"]
        verbose_name_plural = "audit entries"
        indexes = [models.Index(fields=["content_type", "object_id", "at"])]

    def __str__(self) -> str:
        return f"{self.at:%Y-%m-%d %H:%M} {self.summary}"

    @property
    def who(self) -> str:
        if self.user is None:
            if self.summary.startswith(SIGNED_ON_SUMMARY):
                return "Single sign-on"
            return "someone no longer registered"
        return self.user.get_full_name() or self.user.get_username()
