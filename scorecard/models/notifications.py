"""In-app notifications: what waits for a user (issue 12, "The officer's return")."""

from django.conf import settings
from django.db import models


class Notification(models.Model):
    """One thing a user should know: a return sent back, returns waiting, a deadline near.

    Written only by ``scorecard.returns.notify``; read and marked read on the notifications page.
    """

    class Kind(models.TextChoices):
        RETURNED = "returned", "Returned to you"
        WAITING = "waiting", "Waiting for your approval"
        DEADLINE = "deadline", "Deadline approaching"

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="notifications"
    )
    kind = models.CharField(max_length=10, choices=Kind.choices)
    message = models.TextField()
    # A path within the site ("/returns/measure/12/5/"); emails prefix settings.SITE_URL.
    url = models.CharField(max_length=300, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    read_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-pk"]
        # The header's count reads unread notifications of one user on every page.
        indexes = [models.Index(fields=["user", "read_at"])]

    def __str__(self) -> str:
        return f"{self.get_kind_display()}: {self.message}"
