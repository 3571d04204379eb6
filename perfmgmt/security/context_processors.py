from django.conf import settings

from .sso import single_sign_on_configured


def sign_in(request) -> dict:
    """Which ways of signing in the sign-in page offers."""
    return {
        "single_sign_on": single_sign_on_configured(),
        "local_accounts": settings.LOCAL_ACCOUNTS,
    }
