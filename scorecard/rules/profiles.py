"""Target profiles: an annual target spread across the year's quarters or months.

Councils set an annual target and profile it across the year (DOMAIN.md, "Measures as councils
define them"): evenly, by a seasonal profile of percentages per quarter or month, or typed per
period (manual). Hart DC's cumulative sickness target of 6.3 days a year is 1.58 days by Q1 and
3.15 by Q2. How a period's target follows from the annual one depends on what the measure adds
up: a year-to-date measure's target is the running share, a count summed over the year gets
each period's share, and a snapshot (a percentage, a rate) is held to the annual target in every
period. Every derived target says how it was made (issue 10, "Explanations").
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from enum import StrEnum
from fractions import Fraction

from scorecard.rules.aggregation import month_name, months_covered, months_in_words
from scorecard.rules.measure_types import Aggregation, TargetProfile
from scorecard.rules.periods import PeriodKind, PeriodRef
from scorecard.rules.units import format_value, quantize

# Targets are stored to four places (``VALUE_DIGITS``); a derived target keeps all four, so
# 25% of 6.3 is 1.575 (printed 1.58 at two places), never rounded before it is printed.
STORED_PLACES = 4
_PERIODS_IN_YEAR = {PeriodKind.QUARTER: 4, PeriodKind.MONTH: 12}


class Accumulation(StrEnum):
    """How a measure's periods relate to its year, and so how its annual target is shared."""

    RUNNING = "running"  # cumulative, year to date: the running share
    SHARE = "share"  # a count summed over the year: each period its own share
    WHOLE = "whole"  # a snapshot (percentage, rate): the annual target in every period


def accumulation_of(*, cumulative: bool, aggregation: str | None) -> Accumulation:
    """A year-to-date count runs; a summed count shares; anything else is a snapshot.

    A year-to-date percentage or average (Bracknell Forest's year-to-date EHCP percentages) is
    held to the annual figure throughout the year, as any snapshot: a running share of a
    percentage means nothing.
    """
    if cumulative and aggregation not in (Aggregation.RATIO, Aggregation.AVERAGE):
        return Accumulation.RUNNING
    if aggregation == Aggregation.SUM:
        return Accumulation.SHARE
    return Accumulation.WHOLE


def parse_profile(text: str | None) -> tuple[TargetProfile, tuple[Decimal, ...]]:
    """Read a Target profile cell: Even, Manual (or blank), or percentages such as 10,20,30,40.

    docs/plan-workbook.md, Measures sheet, "Target profile". A seasonal profile gives one
    percentage per quarter (4) or per month (12), April first, adding to 100.
    """
    cleaned = " ".join((text or "").split())
    if not cleaned:
        return TargetProfile.MANUAL, ()
    if "," not in cleaned and cleaned.lower() != TargetProfile.SEASONAL.value:
        try:
            return TargetProfile.parse(cleaned), ()
        except ValueError:
            pass
    parts = [p.strip().removesuffix("%").strip() for p in cleaned.split(",")]
    try:
        shares = tuple(Decimal(p) for p in parts)
    except InvalidOperation:
        shares = ()
    if not shares or not all(s.is_finite() for s in shares):
        raise ValueError(
            f"{text!r} is not a target profile: write Even, Manual, or a percentage for each "
            "quarter (10,20,30,40) or month, adding to 100"
        )
    check_shares(shares)
    return TargetProfile.SEASONAL, shares


def check_shares(shares: tuple[Decimal, ...] | list) -> None:
    """Refuse a seasonal profile that is not 4 or 12 percentages of zero or more adding to 100."""
    shares = [Decimal(str(s)) for s in shares]
    if len(shares) not in (4, 12):
        raise ValueError(
            "a seasonal profile gives a percentage for each quarter (4) or each month (12), "
            f"not {len(shares)}"
        )
    if any(s < 0 for s in shares):
        raise ValueError("a profile's percentages cannot be negative")
    total = sum(shares)
    if total != 100:
        raise ValueError(f"the profile's percentages add up to {total.normalize():f}, not 100")


def period_shares(
    profile: TargetProfile, shares: tuple | list, kind: PeriodKind
) -> tuple[Fraction, ...]:
    """The percentage of the year each quarter or month carries, exactly, April first.

    A month's profile makes quarters by adding its months; a quarter's profile is split
    evenly across its months. A manual profile has no shares: its targets are typed.
    """
    count = _PERIODS_IN_YEAR[kind]
    profile = TargetProfile(profile)
    if profile is TargetProfile.EVEN:
        return tuple(Fraction(100, count) for _ in range(count))
    if profile is not TargetProfile.SEASONAL:
        raise ValueError("a manual profile's targets are typed for each period, not derived")
    check_shares(shares)
    given = [Fraction(str(s)) for s in shares]
    if len(given) == count:
        return tuple(given)
    if count == 4:
        return tuple(sum(given[q * 3 : q * 3 + 3]) for q in range(4))
    return tuple(share / 3 for share in given for _ in range(3))


@dataclass(frozen=True)
class DerivedTarget:
    """One period's target derived from the annual target, and the sentence saying how."""

    period: PeriodRef
    value: Decimal
    share: Decimal  # the percentage of the annual target the value is
    derivation: str


@dataclass(frozen=True)
class Profile:
    """A measure's profile and what its periods add up to: all a derivation needs to know."""

    kind: TargetProfile
    shares: tuple = ()
    accumulation: Accumulation = Accumulation.WHOLE

    @property
    def derives(self) -> bool:
        return TargetProfile(self.kind) is not TargetProfile.MANUAL

    @property
    def description(self) -> str:
        if TargetProfile(self.kind) is TargetProfile.EVEN:
            return "even"
        return ", ".join(f"{Decimal(str(s)).normalize():f}%" for s in self.shares)


def derive_targets(
    *,
    annual: Decimal,
    year: int,
    kind: PeriodKind,
    profile: Profile,
    unit: str = "",
    decimal_places: int = 0,
    of_months: bool = False,
) -> list[DerivedTarget]:
    """Each quarter's or month's target in financial ``year`` from the ``annual`` target.

    Shares are summed exactly and each running total rounded once to the stored places, so a
    shared profile's periods add up to the annual target exactly and a running one ends on it.
    A manual profile, or a measure reported only yearly, derives nothing. ``of_months``: the
    quarters are those a monthly measure's months roll up to, and their sentences say so.
    """
    if not profile.derives or kind not in _PERIODS_IN_YEAR:
        return []
    shares = period_shares(profile.kind, profile.shares, kind)
    show = _Shown(unit, decimal_places, format_value(annual, unit, decimal_places), of_months)
    derived, running, before = [], Fraction(0), Decimal(0)
    for number, share in enumerate(shares, start=1):
        running += share
        so_far = _decimal(Fraction(str(annual)) * running / 100)
        ref = PeriodRef(kind, year, number)
        if profile.accumulation is Accumulation.WHOLE:
            derived.append(show.whole(ref, annual))
        elif profile.accumulation is Accumulation.RUNNING:
            derived.append(show.share(ref, so_far, running, profile, "year to date"))
        else:
            derived.append(show.share(ref, so_far - before, share, profile, ""))
        before = so_far
    return derived


def derive_monthly_targets(
    *, annual: Decimal, year: int, profile: Profile, unit: str = "", decimal_places: int = 0
) -> list[DerivedTarget]:
    """A monthly measure's month targets, and its quarters' targets from the same profile.

    A monthly measure is reported by quarter (issue 10, "Monthly data in quarterly reports"),
    so each quarter its months roll up to needs a target consistent with how they roll up: a
    summed count's quarter carries the sum of its months' shares, a year-to-date count's the
    running share at the quarter's last month, a snapshot the annual target. Both follow from
    the quarter's share of the profile, the sum of its months' percentages. The year's target
    is the annual target itself.
    """
    made = {"annual": annual, "year": year, "profile": profile, "unit": unit}
    months = derive_targets(kind=PeriodKind.MONTH, decimal_places=decimal_places, **made)
    quarters = derive_targets(
        kind=PeriodKind.QUARTER, decimal_places=decimal_places, of_months=True, **made
    )
    return months + quarters


@dataclass(frozen=True)
class _Shown:
    unit: str
    places: int
    annual: str
    of_months: bool = False

    def share(
        self, ref: PeriodRef, value: Decimal, share: Fraction, profile: Profile, note: str
    ) -> DerivedTarget:
        percent = _decimal(share, 2).normalize()
        if self.of_months and ref.kind is PeriodKind.QUARTER:
            # Which months the quarter's share is made of, as its rolled-up value says it.
            months = months_covered(ref, cumulative=bool(note))
            if note:
                note = f"year to date, April to {month_name(months[-1])}"
            else:
                note = f"the sum of {months_in_words(months)}"
        how = ", ".join(filter(None, (profile.description, note)))
        sentence = (
            f"{ref.label} target {format_value(value, self.unit, self.places)} = "
            f"{percent:f}% of the annual {self.annual} by the council's profile ({how})"
        )
        return DerivedTarget(ref, value, percent, sentence)

    def whole(self, ref: PeriodRef, annual: Decimal) -> DerivedTarget:
        sentence = (
            f"{ref.label} target {self.annual} = the annual target, which a snapshot "
            "measure is held to in every period"
        )
        return DerivedTarget(ref, annual, Decimal(100), sentence)


def _decimal(value: Fraction, places: int = STORED_PLACES) -> Decimal:
    """An exact fraction as a decimal rounded half-up once, to ``places``."""
    return quantize(Decimal(value.numerator) / Decimal(value.denominator), places)
