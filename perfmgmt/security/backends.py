"""Sign-in throttling: django-axes' backend, first in AUTHENTICATION_BACKENDS."""

from axes.backends import AxesStandaloneBackend


class SignInThrottle(AxesStandaloneBackend):
    """Refuse a locked-out account before its password is checked.

    Axes counts attempts per request (who, from where). A sign-in with no request is made only
    by code run on the server (a management command, a test), never by someone at the sign-in
    page, so it is left to the next backend rather than refused outright.
    """

    def authenticate(self, request, username=None, password=None, **kwargs):
        if request is None:
            return None
        return super().authenticate(request, username=username, password=password, **kwargs)
