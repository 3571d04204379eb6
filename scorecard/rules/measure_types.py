"""How a measure's figures are made: typed, a ratio, calculated, rolled up from months, profiled.

Councils define indicators as ratios ("households re-housed" / "households on the register"),
formulas over other indicators (NI 192 from tonnages), months rolled up to quarters, and annual
targets profiled across the year (Hart DC's 1.58 days by Q1, 3.15 by Q2). These are the words
the plan workbook, the set-up pages and every explanation use (docs/plan-workbook.md, Measures).
"""

from __future__ import annotations

from enum import StrEnum

from scorecard.rules.choices import choice_named


class _Labelled(StrEnum):
    """An enum read from a workbook cell by label or value, in any case; blank is the default."""

    @property
    def label(self) -> str:
        return self.value.replace("_", " ").capitalize()

    @classmethod
    def parse(cls, text: str | None, *, default: _Labelled | None = None) -> _Labelled | None:
        if not (text or "").strip():
            return default
        member = choice_named(cls, text)
        if member is None:
            names = ", ".join(member.label for member in cls)
            raise ValueError(f"{text!r} is not one of {names}")
        return member


class MeasureType(_Labelled):
    """Simple: the officer types the value; ratio: numerator over denominator; or a formula."""

    SIMPLE = "simple"
    RATIO = "ratio"
    CALCULATED = "calculated"


class Aggregation(_Labelled):
    """How a measure's months make a quarter and a year (blank: latest, or sum when cumulative)."""

    SUM = "sum"
    AVERAGE = "average"
    LATEST = "latest"
    RATIO = "ratio"  # summed numerators over summed denominators, never an average of percentages


def default_aggregation(*, cumulative: bool) -> Aggregation:
    """A snapshot's quarter is its latest month; a cumulative count's is the sum of its months."""
    return Aggregation.SUM if cumulative else Aggregation.LATEST


class TargetProfile(_Labelled):
    """How an annual target becomes each period's target: typed per period, even, or seasonal."""

    MANUAL = "manual"
    EVEN = "even"
    SEASONAL = "seasonal"  # percentages per quarter or month, stored as the measure's shares


class ResultSource(_Labelled):
    """Where a stored result's value came from: an officer, its months, or a formula."""

    ENTERED = "entered"
    ROLLED_UP = "rolled_up"
    CALCULATED = "calculated"
