"""Personal API tokens: how a system such as Power BI signs in to the API as one person.

Issue 14: created and revoked by the user in the browser, stored hashed, shown once, with an
expiry. Only the SHA-256 of the secret and a short prefix (to tell tokens apart on the page)
are kept, so a copy of the database gives nobody a working token.
"""

from django.conf import settings
from django.db import models
from django.utils import timezone

# The prefix shown on the tokens page: enough to recognise a token, far too little to use it.
PREFIX_LENGTH = 8


class ApiToken(models.Model):
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="api_tokens"
    )
    name = models.CharField(max_length=100, help_text="What the token is for, e.g. Power BI.")
    prefix = models.CharField(max_length=PREFIX_LENGTH)
    key_hash = models.CharField(max_length=64, unique=True)
    created = models.DateTimeField(default=timezone.now)
    expires = models.DateTimeField()
    last_used = models.DateTimeField(null=True, blank=True)
    revoked = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created", "-pk"]
        verbose_name = "API token"

    def __str__(self) -> str:
        return f"{self.name} ({self.prefix}…)"

    def is_usable(self, now=None) -> bool:
        """Neither revoked nor past its expiry."""
        now = now or timezone.now()
        return self.revoked is None and self.expires > now
