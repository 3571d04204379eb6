"""The risk of missing a target: likelihood × impact, banded low, medium or high.

Oxfordshire CC's Cabinet scorecard (seed 004, Q2 2009/10) rates "the risk of missing the
target" as likelihood × impact, each 1 to 5, and asks for action plans for the high-risk ones;
councils band the score (commonly 1–4 low, 5–12 medium, 15–25 high) and draw a 5 × 5 matrix
(issue 11). The bands are a council setting, so they are given here as two thresholds: a
band runs from its threshold to the next one's, which keeps the bands contiguous and every
score in exactly one of them.
"""

from dataclasses import dataclass
from enum import Enum

SCALE = range(1, 6)  # likelihood and impact: 1 (rare, negligible) to 5 (almost certain, severe)
LOWEST, HIGHEST = 1, 25
# The scores a 5 × 5 grid can give: 13 and 14, for one, never occur.
POSSIBLE_SCORES = frozenset(a * b for a in SCALE for b in SCALE)


class RiskBand(Enum):
    LOW = "low"
    MEDIUM = "medium"
    HIGH = "high"

    @property
    def word(self) -> str:
        return self.value.capitalize()


class RiskBandsError(ValueError):
    """The thresholds would leave a band empty or a score outside every band."""


@dataclass(frozen=True)
class RiskBands:
    """Low below ``medium_from``, medium from it to below ``high_from``, high from there to 25."""

    medium_from: int = 5
    high_from: int = 15

    def __post_init__(self) -> None:
        if not LOWEST < self.medium_from < self.high_from <= HIGHEST:
            raise RiskBandsError(
                f"Medium must start above {LOWEST} and below where high starts, and high at or "
                f"below {HIGHEST}: medium from {self.medium_from}, high from {self.high_from} "
                "would leave a band empty"
            )

    def band_of(self, score: int) -> RiskBand:
        """The band of a score from 1 to 25; anything else is refused, never guessed."""
        if not LOWEST <= score <= HIGHEST:
            raise ValueError(f"A risk score is from {LOWEST} to {HIGHEST}, not {score}")
        if score >= self.high_from:
            return RiskBand.HIGH
        return RiskBand.MEDIUM if score >= self.medium_from else RiskBand.LOW

    def ranges(self) -> list[tuple[RiskBand, int, int]]:
        """Each band with the lowest and highest scores in it, contiguous from 1 to 25."""
        return [
            (RiskBand.LOW, LOWEST, self.medium_from - 1),
            (RiskBand.MEDIUM, self.medium_from, self.high_from - 1),
            (RiskBand.HIGH, self.high_from, HIGHEST),
        ]

    def describe(self) -> str:
        """The bands as a council writes them, by the scores that can occur: "Low 1–4, …"."""
        parts = []
        for band, low, high in self.ranges():
            seen = sorted(s for s in POSSIBLE_SCORES if low <= s <= high)
            span = f"{seen[0]}–{seen[-1]}" if len(seen) > 1 else (str(seen[0]) if seen else "none")
            parts.append(f"{band.word} {span}")
        return ", ".join(parts)


def risk_pair_problems(likelihood: int | None, impact: int | None) -> dict[str, str]:
    """A score needs both halves: one without the other is refused, naming the blank one.

    A likelihood alone is not a risk score (issue 11: "a risk score without both likelihood
    and impact is refused with a clear error").
    """
    if (likelihood is None) == (impact is None):
        return {}
    if likelihood is None:
        return {"risk_likelihood": "Give the likelihood as well as the impact, or neither"}
    return {"risk_impact": "Give the impact as well as the likelihood, or neither"}


def risk_movement(previous: int | None, current: int | None) -> str:
    """How a score moved since the period before, in words: "up from 9 to 16"."""
    if current is None:
        return "no score this period"
    if previous is None:
        return "no score the period before"
    if previous == current:
        return f"unchanged at {current}"
    return f"{'up' if current > previous else 'down'} from {previous} to {current}"
