"""A period's rated items and dashboard, kept in the cache while the data they come from holds.

Rating ten thousand measures takes seconds of Python (issue 13, "Load it holds"); what it
gives is fixed by the data, the day (a return becomes NCI when its deadline passes) and what
the reader may see. So the pages keep it in Django's cache (locmem, Redis or the database, by
CACHE_URL) under a key made of:

- the page's period;
- the reader's scope (``permissions.reading_scope``): figures kept for one reader are given
  only to readers who may see the same;
- a fingerprint of the data, read on every request in one query of indexes alone (a count
  or the latest ``updated_at`` would read every row: 100 ms at 10,000 measures): the highest id
  of every table the pages read, so that a row added shows; the highest audit entry, since
  every service that changes a return, a target, a rule, a measure, a period, the council's
  settings or a rating writes one ("audit entries written by services, never by signals");
  and the token ``figures_follow`` renews once any write of results commits (imports too).
  The ids and the audit trail are read from the database, so a change made by another web
  worker, the task worker or a command shows at once even when each process has a cache of
  its own (locmem); the token covers writes that add no row and audit nothing where the cache
  is shared (Redis, the database);
- today's date.

A change made outside the services (SQL, the shell) can go unseen for REPORT_CACHE_SECONDS.
"""

import hashlib
from collections.abc import Callable
from typing import Any, TypeVar

from django.conf import settings
from django.core.cache import cache
from django.db import connection
from django.utils import timezone

from actionplans.models import Action, ActionPlan, ActionUpdate
from scorecard.models import (
    AuditEntry,
    Directorate,
    Measure,
    Objective,
    Perspective,
    ReportingPeriod,
    Result,
    Target,
)
from scorecard.returns import permissions
from scorecard.services.figures import figures_token

T = TypeVar("T")

# The tables the reporting pages read, and the audit trail.
TABLES = (
    Result,
    ActionUpdate,
    Target,
    Measure,
    Measure.objectives.through,
    Objective,
    Action,
    ActionPlan,
    ReportingPeriod,
    Directorate,
    Perspective,
    AuditEntry,
)


def _fingerprint_sql() -> str:
    quote = connection.ops.quote_name
    highest = (
        f"(SELECT MAX({quote(m._meta.pk.column)}) FROM {quote(m._meta.db_table)})" for m in TABLES
    )
    return "SELECT " + ", ".join(highest)


def data_fingerprint() -> str:
    """A short digest that changes whenever the services change what the pages show."""
    with connection.cursor() as cursor:
        cursor.execute(_fingerprint_sql())
        row = cursor.fetchone()
    text = repr((timezone.localdate().isoformat(), figures_token(), *row))
    return hashlib.sha256(text.encode()).hexdigest()[:24]


class PageCache:
    """What one request reads from the cache: the fingerprint is read once, when first needed."""

    def __init__(self, user: Any) -> None:
        self.scope = hashlib.sha256(permissions.reading_scope(user).encode()).hexdigest()[:16]
        self._fingerprint: str | None = None

    @property
    def fingerprint(self) -> str:
        if self._fingerprint is None:
            self._fingerprint = data_fingerprint()
        return self._fingerprint

    def key(self, what: str, period: ReportingPeriod | None) -> str:
        """`what` may be long (a list's filters): the cache is given its digest."""
        what = hashlib.sha256(what.encode()).hexdigest()[:24]
        return f"pages:{what}:{period.pk if period else ''}:{self.scope}:{self.fingerprint}"

    def peek(self, what: str, period: ReportingPeriod | None) -> Any:
        """The kept value, or None when nothing is kept."""
        return cache.get(self.key(what, period))

    def kept(self, what: str, period: ReportingPeriod | None, build: Callable[[], T]) -> T:
        """The kept value, or `build()` kept for the next request; `period` None when `what`
        names it (or the latest period, which the fingerprint follows)."""
        key = self.key(what, period)
        found = cache.get(key)
        if found is None:
            found = build()
            cache.set(key, found, settings.REPORT_CACHE_SECONDS)
        return found
