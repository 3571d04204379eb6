"""The counts, percentages and overall status that reports print under a table of RAGs."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, fields
from decimal import ROUND_HALF_UP, Decimal

from scorecard.rules.rag import Rating, Status
from scorecard.rules.travel import Direction

_HUNDREDTH = Decimal("0.01")


def _check_counts(instance: RagSummary | TravelSummary) -> None:
    for field in fields(instance):
        count = getattr(instance, field.name)
        if count < 0:
            raise ValueError(f"{field.name} cannot be negative ({count})")


@dataclass(frozen=True)
class RagSummary:
    """How many items are Green, Amber, Red, NCI, not rated and awaiting approval.

    Percentages are of rated items (Green + Amber + Red); NCI and not rated are counted apart,
    and some councils also quote percentages with NCI in the denominator (DOMAIN.md,
    "Summaries that reports print"). A report of approved figures counts what was submitted
    but not yet approved apart too: it is neither missing nor rated.
    """

    green: int = 0
    amber: int = 0
    red: int = 0
    nci: int = 0
    not_rated: int = 0
    awaiting_approval: int = 0

    def __post_init__(self) -> None:
        _check_counts(self)

    @property
    def rated(self) -> int:
        return self.green + self.amber + self.red

    @property
    def total(self) -> int:
        return self.rated + self.nci + self.not_rated + self.awaiting_approval

    @property
    def green_and_amber(self) -> int:
        """Cherwell DC Corporate Improvement Plan 2009/10 footer's "Number Green and Amber"."""
        return self.green + self.amber

    def count(self, status: Status) -> int:
        return {
            Status.GREEN: self.green,
            Status.AMBER: self.amber,
            Status.RED: self.red,
            Status.NCI: self.nci,
            Status.NOT_RATED: self.not_rated,
            Status.AWAITING_APPROVAL: self.awaiting_approval,
        }[Status(status)]

    def percent(self, status: Status, *, include_nci: bool = False) -> Decimal | None:
        """The share of rated items with ``status``, as a percentage rounded half-up to 2 dp.

        With ``include_nci`` the denominator is rated + NCI, as councils quoting "with NCI" do.
        None when there is nothing to divide by. Not-rated items are never a share of anything,
        and NCI is only a share when it is in the denominator.
        """
        status = Status(status)
        if status in (Status.NOT_RATED, Status.AWAITING_APPROVAL) or (
            status is Status.NCI and not include_nci
        ):
            raise ValueError(f"{status.word} is not a share of the rated items")
        return _percent(self.count(status), self._denominator(include_nci))

    def green_and_amber_percent(self, *, include_nci: bool = False) -> Decimal | None:
        """The "Percentage" beside "Number Green and Amber": 48 of 49 rated → 97.96%.

        Cherwell DC Corporate Improvement Plan 2009/10, Q3 footer.
        """
        return _percent(self.green_and_amber, self._denominator(include_nci))

    def _denominator(self, include_nci: bool) -> int:
        return self.rated + (self.nci if include_nci else 0)


def _percent(part: int, whole: int) -> Decimal | None:
    if whole == 0:
        return None
    return (Decimal(part) * 100 / Decimal(whole)).quantize(_HUNDREDTH, rounding=ROUND_HALF_UP)


def summarise(statuses: Iterable[Status]) -> RagSummary:
    """Count the statuses of a table's rows."""
    counts = Counter(Status(status) for status in statuses)
    return RagSummary(
        green=counts[Status.GREEN],
        amber=counts[Status.AMBER],
        red=counts[Status.RED],
        nci=counts[Status.NCI],
        not_rated=counts[Status.NOT_RATED],
        awaiting_approval=counts[Status.AWAITING_APPROVAL],
    )


@dataclass(frozen=True)
class OverallStatusThresholds:
    """The percentage of rated items Green or Amber needed for an overall Green or Amber."""

    green_from: Decimal = Decimal("100")
    amber_from: Decimal = Decimal("90")

    def __post_init__(self) -> None:
        if not Decimal(0) <= self.amber_from <= self.green_from <= Decimal(100):
            raise ValueError(
                "thresholds must satisfy 0 <= amber_from <= green_from <= 100, "
                f"not amber_from={self.amber_from}, green_from={self.green_from}"
            )


DEFAULT_THRESHOLDS = OverallStatusThresholds()


def overall_status(
    summary: RagSummary, thresholds: OverallStatusThresholds = DEFAULT_THRESHOLDS
) -> Status:
    """The overall status of a plan from the share of its rated items that are Green or Amber.

    Green when that share is at least ``green_from``, Amber when at least ``amber_from``, Red
    below; not rated when nothing is rated. The Cherwell DC Corporate Improvement Plan 2009/10
    printed "Status Amber" beside 97.96% Green and Amber; the defaults (Green only at 100%,
    Amber from 90%) reproduce that. The thresholds are the council's to configure.
    """
    return overall_rating(summary, thresholds).status


def overall_rating(
    summary: RagSummary, thresholds: OverallStatusThresholds = DEFAULT_THRESHOLDS
) -> Rating:
    """The overall status with its explanation, built by the rule that decides it."""
    share = summary.green_and_amber_percent()
    if share is None:
        return Rating(Status.NOT_RATED, "Not rated: nothing is rated.")
    if share >= thresholds.green_from:
        status = Status.GREEN
    elif share >= thresholds.amber_from:
        status = Status.AMBER
    else:
        status = Status.RED
    return Rating(
        status,
        f"{status.word}: {share}% of the {summary.rated} rated items are Green or Amber; "
        f"the status is Green from {thresholds.green_from.normalize():f}% and Amber from "
        f"{thresholds.amber_from.normalize():f}%.",
    )


@dataclass(frozen=True)
class TravelSummary:
    """How many items improved, held the same or worsened; unknown where no trend exists."""

    improved: int = 0
    same: int = 0
    worse: int = 0
    unknown: int = 0

    def __post_init__(self) -> None:
        _check_counts(self)

    @property
    def total(self) -> int:
        return self.improved + self.same + self.worse + self.unknown


def summarise_travel(directions: Iterable[Direction | None]) -> TravelSummary:
    """Count directions of travel; a missing direction (no comparison possible) is unknown."""
    counts = Counter(None if d is None else Direction(d) for d in directions)
    return TravelSummary(
        improved=counts[Direction.IMPROVED],
        same=counts[Direction.SAME],
        worse=counts[Direction.WORSE],
        unknown=counts[None],
    )
