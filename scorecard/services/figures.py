"""What follows a write of results: the figures worked out from them, and every rating.

One sequence for every write path (the returns services and the workbook importer), so a
figure is never rolled up by one path and left stale by another.
"""

from collections.abc import Iterable
from typing import Any
from uuid import uuid4

from django.core.cache import cache
from django.db import transaction

from scorecard.services.calculated import calculated_refresh
from scorecard.services.rating import ResultKey, results_rerate
from scorecard.services.rollup import rollups_refresh


def figures_follow(
    *,
    measure_ids: Iterable[int],
    written: Iterable[ResultKey] = (),
    figures_changed: Iterable[ResultKey] = (),
    formulas_changed: Iterable[int] = (),
    user: Any = None,
) -> None:
    """Bring up to date what follows results just written for ``measure_ids``.

    In order, since each reads the one before: a monthly measure's quarters and year roll up
    from its months (``scorecard.services.rollup``); the measures' results are re-rated, those
    whose figures changed (``figures_changed``, and the rolled-up ones) even in a closed period
    (``scorecard.rules.signoff``); then the calculated measures that use any result ``written``
    or rolled up, or whose formula changed, are worked out again
    (``scorecard.services.calculated``). Each figure worked out is audited as caused by
    ``user``, who made the write.
    """
    measure_ids = set(measure_ids)
    transaction.on_commit(figures_token_renew)
    rolled_up = rollups_refresh(measure_ids=measure_ids, user=user)
    results_rerate(measure_ids=measure_ids, results=set(figures_changed) | rolled_up)
    calculated_refresh(results=set(written) | rolled_up, measure_ids=formulas_changed, user=user)


# Pages that keep what they show between requests (reporting/page_cache.py) read this token in
# their key. A new one, set once a write of results commits, makes them work it out again.
GENERATION_KEY = "figures:generation"


def figures_token_renew() -> None:
    """Say that the figures changed: a new token, never a count that could come round again
    if the cache dropped it."""
    cache.set(GENERATION_KEY, uuid4().hex, None)


def figures_token() -> str:
    """The token of the figures as they stand (a new one when the cache holds none)."""
    token = cache.get(GENERATION_KEY)
    if token is None:
        cache.add(GENERATION_KEY, uuid4().hex, None)
        token = cache.get(GENERATION_KEY, "")
    return token
