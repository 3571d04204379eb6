"""``Authorization: Bearer <token>``: a personal API token signs the caller in as its owner."""

from drf_spectacular.extensions import OpenApiAuthenticationExtension
from rest_framework import authentication, exceptions

from perfmgmt.security.events import security_event
from scorecard.services.tokens import TokenUnusable, token_authenticate


class BearerTokenAuthentication(authentication.BaseAuthentication):
    """A revoked, expired or unknown token is refused with 401, never treated as anonymous."""

    keyword = "Bearer"

    def authenticate(self, request):
        header = authentication.get_authorization_header(request).split()
        if not header or header[0].lower() != self.keyword.lower().encode():
            return None
        if len(header) != 2:
            raise exceptions.AuthenticationFailed(
                "Send the token as: Authorization: Bearer <token>"
            )
        try:
            secret = header[1].decode()
        except UnicodeError as error:
            raise exceptions.AuthenticationFailed("The token is not readable text") from error
        try:
            token = token_authenticate(secret)
        except TokenUnusable as unusable:
            _log_refused(request, unusable)
            raise exceptions.AuthenticationFailed(
                "The token is unknown, revoked or expired"
            ) from unusable
        return token.user, token

    def authenticate_header(self, request) -> str:
        # Makes DRF answer 401 (with WWW-Authenticate) rather than 403 when no one signed in.
        return self.keyword


def _log_refused(request, unusable: TokenUnusable) -> None:
    """A refused token is a security event, with its owner when it is a real token; the secret
    sent is never logged. The Django request, not REST framework's: asking the latter for its
    user would run this authentication again."""
    details = {"reason": unusable.reason}
    if unusable.token is not None:
        details.update(
            target=unusable.token.user.get_username(),
            token_id=unusable.token.pk,
            token_prefix=unusable.token.prefix,
        )
    security_event("api_token_refused", request._request, user=None, **details)


class BearerTokenScheme(OpenApiAuthenticationExtension):
    """Tells the OpenAPI document how to send a personal token."""

    target_class = "reporting.api.authentication.BearerTokenAuthentication"
    name = "personalToken"

    def get_security_definition(self, auto_schema):
        return {"type": "http", "scheme": "bearer", "description": "A personal API token"}
