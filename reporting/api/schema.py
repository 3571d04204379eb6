"""The OpenAPI document says every answer the API can give, errors included (issue 14)."""

from drf_spectacular.openapi import AutoSchema

_DETAIL = {
    "type": "object",
    "properties": {"detail": {"type": "string"}},
    "required": ["detail"],
}
_DETAIL_OR_FIELDS = {"type": "object", "additionalProperties": True}

# Answers every operation may give besides its own: a bad filter, no or a refused token, a
# role that may not, a missing object or page, too many calls.
ERRORS = {
    "400": ("A filter or value was not accepted; each problem is named", _DETAIL_OR_FIELDS),
    "401": ("No token, or a token unknown, revoked or expired", _DETAIL),
    "403": ("Your role may not do this", _DETAIL),
    "404": ("No such object, period or page", _DETAIL),
    "429": ("Too many calls; try again after Retry-After seconds", _DETAIL),
}


class ApiSchema(AutoSchema):
    def _get_response_bodies(self, direction="response"):
        responses = super()._get_response_bodies(direction)
        if direction != "response":
            return responses
        for code, (description, schema) in ERRORS.items():
            responses.setdefault(
                code,
                {"description": description, "content": {"application/json": {"schema": schema}}},
            )
        return responses
