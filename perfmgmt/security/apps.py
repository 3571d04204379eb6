from django.apps import AppConfig


class SecurityConfig(AppConfig):
    """Sign-in throttling's set-up page, security event logging (issue 13)."""

    name = "perfmgmt.security"
    label = "security"
    verbose_name = "Sign-in security"

    def ready(self) -> None:
        from . import signals  # noqa: F401  (connects the security event receivers)
