"""The short reason beside a RAG badge, read from its explanation (issue 12)."""

from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from scorecard.rules.aggregation import with_derivation
from scorecard.rules.rag import Goal, Polarity, RagMethod, parse_tolerance, rag_for
from scorecard.rules.rag_reason import LONGEST, short_reason

D = Decimal
TEN = parse_tolerance("10%")


# (what rag_for is asked, the short reason its explanation gives): one case per sentence.
CASES = {
    "a red result says how far worse than target": (
        {
            "method": RagMethod.TOLERANCE,
            "polarity": Polarity.LOWER,
            "actual": D("7.84"),
            "target": D(7),
            "tolerance": TEN,
            "unit": " days",
            "decimal_places": 2,
        },
        "12.0% worse than target",
    ),
    "a green result is on or better than target": (
        {
            "method": RagMethod.TOLERANCE,
            "polarity": Polarity.HIGHER,
            "actual": D(9),
            "target": D(7),
            "tolerance": TEN,
        },
        "on or better than target",
    ),
    "improvement against last year is said after the gap": (
        {
            "method": RagMethod.TOLERANCE_WITH_IMPROVEMENT,
            "polarity": Polarity.HIGHER,
            "actual": D(50),
            "target": D(70),
            "tolerance": TEN,
            "unit": "%",
            "decimal_places": 1,
            "last_year_actual": D(45),
            "last_year_label": "Q2 2024/25",
        },
        "28.6% worse than target; better than last year",
    ),
    "a range measure says which side of its range": (
        {
            "method": RagMethod.TOLERANCE,
            "polarity": Polarity.RANGE,
            "actual": D(5),
            "target": None,
            "tolerance": None,
            "unit": "%",
            "decimal_places": 1,
            "lower": D(-2),
            "upper": D(2),
        },
        "3.0 percentage points above range",
    ),
    "a forecast is named as the forecast": (
        {
            "method": RagMethod.FORECAST,
            "polarity": Polarity.HIGHER,
            "actual": D(5),
            "target": None,
            "tolerance": TEN,
            "forecast": D(80),
            "annual": Goal(D(100)),
        },
        "forecast 20.0% worse than annual target",
    ),
    "a judgement says so": (
        {
            "method": RagMethod.JUDGEMENT,
            "polarity": Polarity.HIGHER,
            "actual": None,
            "target": None,
            "tolerance": None,
            "judgement": "amber",
        },
        "officer's judgement",
    ),
    "a missing result says so": (
        {
            "method": RagMethod.TOLERANCE,
            "polarity": Polarity.HIGHER,
            "actual": None,
            "target": None,
            "tolerance": None,
            "overdue": True,
        },
        "no result by the deadline",
    ),
}


@pytest.mark.parametrize(("asked", "reason"), CASES.values(), ids=CASES.keys())
def test_each_rating_gives_its_short_reason(asked, reason):
    assert short_reason(rag_for(**asked).explanation) == reason


def test_a_rolled_up_value_gives_the_reason_of_its_rating_not_its_sum():
    rating = rag_for(
        method=RagMethod.TOLERANCE,
        polarity=Polarity.HIGHER,
        actual=D(64),
        target=D(70),
        tolerance=None,
        unit="%",
        decimal_places=1,
    )
    explained = with_derivation(
        "Q2 value 64.0% = 1,280 / 2,000, the sum of July to September", rating.explanation
    )

    assert short_reason(explained) == "6.0 percentage points worse than target"


def test_no_explanation_has_no_reason():
    assert short_reason("") == ""


figures = st.decimals(min_value=-(10**6), max_value=10**6, places=2, allow_nan=False)


@given(
    method=st.sampled_from(
        [RagMethod.TOLERANCE, RagMethod.TOLERANCE_WITH_IMPROVEMENT, RagMethod.DATA_ONLY]
    ),
    polarity=st.sampled_from(list(Polarity)),
    actual=st.one_of(st.none(), figures),
    target=st.one_of(st.none(), figures),
    bounds=st.tuples(figures, figures),
    tolerance=st.sampled_from([None, TEN, parse_tolerance("5")]),
    unit=st.sampled_from(["", "%", " days", "£"]),
    overdue=st.booleans(),
)
def test_every_rating_has_a_short_known_reason(
    method, polarity, actual, target, bounds, tolerance, unit, overdue
):
    rating = rag_for(
        method=method,
        polarity=polarity,
        actual=actual,
        target=target,
        tolerance=tolerance,
        unit=unit,
        decimal_places=2,
        overdue=overdue,
        lower=min(bounds),
        upper=max(bounds),
    )

    reason = short_reason(rating.explanation)

    assert reason and len(reason) <= LONGEST
    # Read, not guessed: a sentence rag_for writes is never cut short.
    assert not reason.endswith("…"), rating.explanation
