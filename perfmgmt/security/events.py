"""Security events as structured JSON lines on the `perfmgmt.security` logger (issue 13).

One object per line, so a council's log collector (Splunk, Sentinel, Elastic, syslog) reads
each event's fields without parsing prose: what happened, to whom, by whom, from where.
Passwords and session keys are never logged.
"""

import json
import logging
from datetime import UTC, datetime
from typing import Any

from django.http import HttpRequest

logger = logging.getLogger("perfmgmt.security")


def security_event(event: str, request: HttpRequest | None = None, user=None, **details) -> None:
    """Log one event. `user` is who acted (else the request's signed-in user), or for a failed
    sign-in the username typed; `details` are the event's own fields (target, roles, file...)."""
    fields: dict[str, Any] = {"event": event}
    if user is None and request is not None:
        user = getattr(request, "user", None)
    if isinstance(user, str):
        fields["user"] = user
    elif user is not None and getattr(user, "is_authenticated", False):
        fields["user"] = user.get_username()
        fields["user_id"] = user.pk
    if request is not None:
        fields["ip"] = request.META.get("REMOTE_ADDR", "")
        forwarded = request.META.get("HTTP_X_FORWARDED_FOR")
        if forwarded:
            fields["forwarded_for"] = forwarded
        fields["method"] = request.method
        fields["path"] = request.path
    fields.update(details)
    logger.info(event, extra={"security": fields})


class JsonLines(logging.Formatter):
    """A record as one JSON object: time (UTC, ISO 8601), level, logger and the event's fields."""

    def format(self, record: logging.LogRecord) -> str:
        line = {
            "time": datetime.fromtimestamp(record.created, UTC).isoformat(),
            "level": record.levelname,
            "logger": record.name,
        }
        line.update(getattr(record, "security", None) or {"event": record.getMessage()})
        return json.dumps(line, default=str, ensure_ascii=False)
