"""Sign-off: which ratings still follow the rules, and who may sign a return off.

A rating is signed off with its quarter: later changes of target, tolerance, polarity or method
apply to open periods; re-rating a closed or locked quarter is a deliberate, audited act of the
performance team (DOMAIN.md, "What a published figure is"). Approvers check and sign off returns
that officers entered (DOMAIN.md, "Who does what"): the check is worth something only when the
approver is not the person who entered or submitted the return, the segregation of duties that
councils' internal audit asks of any sign-off.
"""

from __future__ import annotations

from collections.abc import Collection

from scorecard.rules.periods import PeriodState


def rerates_automatically(*, state: str, rated: bool = True, figures_written: bool = False) -> bool:
    """Whether a stored rating is recalculated when a measure's rule or a result moves.

    Only an open period's ratings follow a changed target, tolerance, polarity or RAG method.
    A closed period is being signed off and a locked one has been: their results keep the RAG
    and explanation they were approved with, so the CMT and the Cabinet read the same quarter
    the same way whatever the performance team changes for next year. Two exceptions are not
    re-ratings of a signed-off figure: a result never rated yet (``rated`` False) has no
    signed-off rating to keep, and a result whose own figures were just written
    (``figures_written``: a correction, an upload) must be rated by what it now says. Otherwise a
    closed or locked period is re-rated only when the performance team does it deliberately,
    with a reason.
    """
    return state == PeriodState.OPEN or not rated or figures_written


def rerate_refusal(*, is_team: bool, reason: str) -> str:
    """Why a deliberate re-rating of a whole period may not go ahead, or "" when it may.

    Re-rating signed-off ratings is the performance team's act, and an audited one: it needs a
    reason that will stand beside every changed RAG in the audit trail.
    """
    if not is_team:
        return "only the performance team may re-rate a period"
    if not reason.strip():
        return "give a reason for re-rating the period"
    return ""


def approval_refusal(
    *, approver_id: int | None, author_ids: Collection[int], segregate: bool
) -> str:
    """Why this approver may not approve a return written by ``author_ids``, or "".

    ``author_ids`` are the people who entered or submitted the return. With the council's
    segregation of duties on (the default), none of them may sign it off: a second person must.
    """
    if segregate and approver_id is not None and approver_id in set(author_ids):
        return (
            "you entered or submitted this return, so someone else must approve it "
            "(segregation of duties)"
        )
    return ""
