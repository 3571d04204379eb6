"""Worked examples of each RAG method, rated by the rule itself so the help never drifts from it.

The wording of each method follows ``scorecard.rules.rag.rag_for`` and the council practice it
cites (DOMAIN.md, "RAG ratings"); the examples are the ones an officer meets: a recycling rate
of 50% with a 10% tolerance (NI 192), against 42% the same quarter last year.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from scorecard.rules.rag import Goal, Polarity, RagMethod, Status, Tolerance, rag_for

METHOD_WORDS = {
    RagMethod.TOLERANCE: "Green when the result is on or better than target; Amber when it is "
    "worse but within the measure's tolerance; Red beyond the tolerance (or worse at all when "
    "the measure has no tolerance).",
    RagMethod.TOLERANCE_WITH_IMPROVEMENT: "Green when the result is on target or within the "
    "tolerance; beyond it, Amber when it improved on or held against the same period last "
    "year, Red when it did not (or there is nothing to compare with).",
    RagMethod.JUDGEMENT: "The officer chooses Green, Amber or Red and says why in the "
    "commentary. Amber can mean off target but expected to recover by the year end.",
    RagMethod.DATA_ONLY: "Reported for information (a demand or context indicator): never rated.",
    RagMethod.FORECAST: "The officer's year-end forecast is rated against the annual target, "
    "with the tolerance, as an actual would be against its target.",
}

TARGET, TOLERANCE, LAST_YEAR = Decimal("50"), Tolerance(Decimal("10"), True), Decimal("42")


@dataclass(frozen=True)
class Example:
    figure: str
    status: Status
    explanation: str


def _rate(method: RagMethod, actual: Decimal | None, **extra) -> Example:
    rating = rag_for(
        method=method,
        polarity=Polarity.HIGHER,
        actual=actual,
        target=TARGET,
        tolerance=TOLERANCE,
        unit="%",
        decimal_places=0,
        last_year_actual=LAST_YEAR,
        last_year_label="2008/09 Q3",
        **extra,
    )
    figure = f"{extra['forecast']}% forecast" if "forecast" in extra else f"{actual}%"
    return Example(figure, rating.status, rating.explanation)


def examples(method: RagMethod) -> list[Example]:
    """Each method's ratings of a few results against a 50% target with a 10% tolerance."""
    if method is RagMethod.JUDGEMENT:
        return [_rate(method, Decimal("47"), judgement=Status.AMBER)]
    if method is RagMethod.FORECAST:
        annual = Goal(Decimal("50"))
        return [_rate(method, Decimal("40"), forecast=Decimal(f), annual=annual) for f in (52, 40)]
    actuals = (52, 44, 40) if method is RagMethod.TOLERANCE_WITH_IMPROVEMENT else (52, 46, 40)
    if method is RagMethod.DATA_ONLY:
        actuals = (52,)
    return [_rate(method, Decimal(a)) for a in actuals]


def rag_help() -> list[tuple[str, str, list[Example]]]:
    """Every RAG method a measure may use: its name, its rule in words, worked examples."""
    return [(m.label, METHOD_WORDS[m], examples(m)) for m in RagMethod]
