"""What follows a write of results: the figures worked out from them, and every rating.

One sequence for every write path (the returns services and the workbook importer), so a
figure is never rolled up by one path and left stale by another.
"""

from collections.abc import Iterable
from typing import Any

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
    rolled_up = rollups_refresh(measure_ids=measure_ids, user=user)
    results_rerate(measure_ids=measure_ids, results=set(figures_changed) | rolled_up)
    calculated_refresh(results=set(written) | rolled_up, measure_ids=formulas_changed, user=user)
