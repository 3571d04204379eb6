"""``Authorization: Bearer <token>``: a personal API token signs the caller in as its owner."""

from drf_spectacular.extensions import OpenApiAuthenticationExtension
from rest_framework import authentication, exceptions

from scorecard.services.tokens import token_authenticate


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
        token = token_authenticate(secret)
        if token is None:
            raise exceptions.AuthenticationFailed("The token is unknown, revoked or expired")
        return token.user, token

    def authenticate_header(self, request) -> str:
        # Makes DRF answer 401 (with WWW-Authenticate) rather than 403 when no one signed in.
        return self.keyword


class BearerTokenScheme(OpenApiAuthenticationExtension):
    """Tells the OpenAPI document how to send a personal token."""

    target_class = "reporting.api.authentication.BearerTokenAuthentication"
    name = "personalToken"

    def get_security_definition(self, auto_schema):
        return {"type": "http", "scheme": "bearer", "description": "A personal API token"}
