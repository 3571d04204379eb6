"""What follows a change to a measure that other measures depend on.

A calculated measure's formula names its inputs by code (``[NI 192a] / [NI 192b] * 100``).
Codes are the users' primary keys in conversation (DOMAIN.md, "The hierarchy"), and councils
renumber them; when one is renamed on the set-up pages, the formulas that used it follow in
the same transaction, each change audited, so no calculated measure silently stops working.
"""

from __future__ import annotations

from typing import Any

from scorecard.models import Measure
from scorecard.returns.audit import WorkedOut, audit_worked_out
from scorecard.rules.formula import with_code_renamed
from scorecard.rules.measure_types import MeasureType


def formulas_follow_rename(
    *, user: Any, old_code: str, new_code: str, reason: str = ""
) -> list[str]:
    """Write ``new_code`` for ``old_code`` in every calculated measure's formula that used it.

    Returns the codes of the calculated measures whose formulas changed. Their results stand:
    the inputs are the same measures under a new code.
    """
    if old_code == new_code:
        return []
    changed = []
    for measure in Measure.objects.filter(measure_type=MeasureType.CALCULATED).exclude(formula=""):
        renamed = with_code_renamed(measure.formula, old_code, new_code)
        if renamed != measure.formula:
            changed.append((measure, measure.formula, renamed))
    for measure, _, renamed in changed:
        measure.formula = renamed
    Measure.objects.bulk_update([m for m, _, _ in changed], ["formula"])
    audit_worked_out(
        user=user,
        made=[
            WorkedOut(
                measure,
                f"Formula of {measure.code} follows {old_code} renamed {new_code}",
                {"formula": [old, new]},
                reason or f"{old_code} was renamed {new_code} on its set-up page.",
            )
            for measure, old, new in changed
        ],
    )
    return [measure.code for measure, _, _ in changed]
