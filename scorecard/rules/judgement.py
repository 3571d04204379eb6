"""When an officer's judgement RAG contradicts the measure's own target and tolerance.

Councils publish such contradictions: one district's published quarter had 9 in 90, "exactly on
target shown Amber, 30% below target shown Green" (issue 12, "The approver"). A judgement may
be right (Amber: "off target but expected to recover by year end", DOMAIN.md), so it is never
overruled: the officer says why, the approver sees both ratings, and the performance team gets
the list.
"""

from __future__ import annotations

from scorecard.rules.rag import Status

# What the target and tolerance would give is rated by the plain tolerance rule.
REASON_FIELD = "judgement_reason"


def contradicts(judged: Status | None, by_rule: Status | None) -> bool:
    """Whether the officer's RAG differs from the rule's, both being Green, Amber or Red.

    No rule rating (no target, no figure: not rated) is no contradiction: there is nothing to
    contradict.
    """
    if judged is None or by_rule is None:
        return False
    if not (Status(judged).is_rated and Status(by_rule).is_rated):
        return False
    return Status(judged) is not Status(by_rule)


def reason_problem(
    *, judged: Status | None, by_rule: Status | None, reason: str, submitting: bool
) -> str | None:
    """What to ask of a return whose judgement contradicts the rule, or None.

    Like commentary, the reason is asked for when the return is submitted; a draft may wait.
    """
    if not submitting or not contradicts(judged, by_rule) or reason.strip():
        return None
    return (
        f"your RAG is {Status(judged).word} but the target and tolerance give "
        f"{Status(by_rule).word}: say why your judgement differs"
    )
