from django.apps import AppConfig


class SecurityConfig(AppConfig):
    """Sign-in throttling's set-up page, security event logging (issue 13)."""

    name = "perfmgmt.security"
    label = "security"
    verbose_name = "Sign-in security"
