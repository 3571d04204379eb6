"""Writes for reporting periods."""

from collections.abc import Iterable

from scorecard.models import ReportingPeriod
from scorecard.rules.periods import PeriodRef, default_deadline


def periods_ensure(refs: Iterable[PeriodRef], *, deadline_days: int) -> dict[str, ReportingPeriod]:
    """Return the periods by label, creating any that do not exist yet, in two queries.

    A new period's deadline is the council's number of days after it ends (DOMAIN.md, "Periods").
    """
    wanted = {ref.label: ref for ref in refs}
    periods = {p.label: p for p in ReportingPeriod.objects.filter(label__in=list(wanted))}
    missing = [
        ReportingPeriod(
            kind=ref.kind.value,
            year=ref.year,
            number=ref.number,
            label=ref.label,
            start=ref.start,
            end=ref.end,
            deadline=default_deadline(ref, deadline_days),
        )
        for label, ref in wanted.items()
        if label not in periods
    ]
    if missing:
        ReportingPeriod.objects.bulk_create(missing, ignore_conflicts=True)
        periods.update(
            (p.label, p)
            for p in ReportingPeriod.objects.filter(label__in=[p.label for p in missing])
        )
    return periods
