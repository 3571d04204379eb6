"""A small council with risk scores (issue 11): the matrix the dashboard, the report and the
annex are tested against, made one way."""

from actionplans.models import ActionPlan
from scorecard.models import Result
from tests.support.councils import small_council
from tests.support.factories import ActionFactory

Q1, Q2 = "2009/10 Q1", "2009/10 Q2"


def score(code: str, label: str, likelihood: int, impact: int, status: str | None = None):
    """Give the measure's result in the period this likelihood and impact (and status)."""
    results = Result.objects.filter(measure__code=code, period__label=label)
    results.update(risk_likelihood=likelihood, risk_impact=impact)
    if status:
        results.update(status=status)


def scored_council():
    """``small_council`` with one risk in each band in Q2, one provisional, and a priority
    action plan on the high one's objective."""
    made = small_council()
    score("NI 192", Q1, 3, 3)
    score("NI 192", Q2, 4, 4)  # high, up from 9 to 16
    score("NI 191", Q2, 2, 3)  # medium
    score("BV 012", Q2, 5, 4, status="submitted")  # provisional: not counted
    score("LPI 050", Q2, 1, 2)  # low
    plan = ActionPlan.objects.create(
        code="PAP-3", title="Satisfaction recovery", objective=made.satisfied
    )
    ActionFactory(
        code="PAP-3.1",
        title="Run the residents' panel",
        objective=made.satisfied,
        action_plan=plan,
    )
    return made
