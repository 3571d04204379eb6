"""Councils built in the database for a test: measures rated by their rule, action updates,
a small council with one of each thing the dashboard counts, and a bigger one."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from actionplans.models import ActionUpdate
from scorecard.models import Directorate, Measure, Objective, Perspective, Result, Target
from scorecard.services.rating import results_rerate
from tests.support.factories import (
    ActionFactory,
    DirectorateFactory,
    MeasureFactory,
    ObjectiveFactory,
    PlanFactory,
)
from tests.support.periods import period


def measure(
    code: str = "LPI 001",
    *,
    targets: dict[str, str] | None = None,
    results: dict[str, str | None] | None = None,
    result_status: str = "approved",
    rerate: bool = True,
    **fields,
) -> Measure:
    """A measure with targets and results by period label, rated by its rule."""
    made = MeasureFactory(code=code, **fields)
    for label, value in (targets or {}).items():
        Target.objects.create(measure=made, period=period(label), value=Decimal(value))
    for label, actual in (results or {}).items():
        Result.objects.create(
            measure=made,
            period=period(label),
            actual=None if actual is None else Decimal(actual),
            status=result_status,
        )
    if rerate:
        results_rerate(measure_ids=[made.pk])
    return made


def update(action, label: str, rag: str = "green", status: str = "approved", **fields):
    return ActionUpdate.objects.create(
        action=action, period=period(label), rag=rag, status=status, **fields
    )


@dataclass
class SmallCouncil:
    """Five measures and an action in 2009/10 Q2, one of each RAG (see `small_council`)."""

    plan: object
    excellent: object  # OBJ-A, top level
    satisfied: object  # OBJ-A1, under OBJ-A
    value: object  # OBJ-B, top level
    environment: object
    resources: object
    customer: object
    people: object
    measures: dict[str, Measure]
    action: object


def small_council() -> SmallCouncil:
    """A council's 2009/10 Q2, with one of each thing the dashboard counts.

    | code      | RAG       | objective       | directorate  | perspective | short term |
    | NI 192    | Green     | OBJ-A1 (in A)   | Env & Econ   | Customer    | Improved   |
    | NI 191    | Amber     | OBJ-A           | Env & Econ   | Customer    | Worse      |
    | BV 012    | Red       | OBJ-B           | Resources    | People      | Worse      |
    | LPI 017   | NCI       | OBJ-B           | Resources    | People      | –          |
    | LPI 050   | Not rated | –               | –            | –           | –          |
    | CIP01.1.4 | Amber     | OBJ-A1 (action) | Resources    | –           | –          |
    """
    plan = PlanFactory(code="CP", title="Corporate Plan 2009/10")
    excellent = ObjectiveFactory(code="OBJ-A", title="An excellent authority", plan=plan)
    satisfied = ObjectiveFactory(
        code="OBJ-A1", title="Satisfied residents", plan=plan, parent=excellent
    )
    value = ObjectiveFactory(code="OBJ-B", title="Value for money", plan=plan)
    environment = DirectorateFactory(name="Environment & Economy")
    resources = DirectorateFactory(name="Resources")
    customer = Perspective.objects.get(name="Customer")  # the four come with the database
    people = Perspective.objects.get(name="People")

    recycling = measure(
        "NI 192",
        title="Household waste recycled",
        family="national",
        decimal_places=1,
        lead_officer="Head of Waste Management",
        directorate=environment,
        perspective=customer,
        targets={"2009/10 Q1": "40", "2009/10 Q2": "40"},
        results={"2008/09 Q2": "45", "2009/10 Q1": "41", "2009/10 Q2": "45"},
    )
    residual = measure(
        "NI 191",
        title="Residual household waste per household",
        family="national",
        polarity="lower",
        unit="kg",
        lead_officer="Head of Waste Management",
        directorate=environment,
        perspective=customer,
        targets={"2009/10 Q2": "300"},
        results={"2009/10 Q1": "290", "2009/10 Q2": "310"},
    )
    sickness = measure(
        "BV 012",
        title="Working days lost to sickness absence",
        family="bvpi",
        polarity="lower",
        unit="days",
        decimal_places=1,
        lead_officer="Head of Human Resources",
        directorate=resources,
        perspective=people,
        targets={"2009/10 Q2": "7.5"},
        results={"2009/10 Q1": "8.0", "2009/10 Q2": "8.6"},
    )
    Result.objects.filter(measure=sickness, period__label="2009/10 Q2").update(
        corrective_action="Managing attendance policy relaunched in October."
    )
    appraisals = measure(
        "LPI 017",
        title="Staff appraisals completed",
        lead_officer="Head of Human Resources",
        directorate=resources,
        perspective=people,
        targets={"2009/10 Q2": "95"},
        results={"2009/10 Q1": "96"},
    )
    incidents = measure(
        "LPI 050",
        title="Emergency incidents attended",
        unit="number",
        results={"2009/10 Q2": "2540"},
    )
    recycling.objectives.add(satisfied)
    residual.objectives.add(excellent)
    sickness.objectives.add(value)
    appraisals.objectives.add(value)
    action = ActionFactory(
        code="CIP01.1.4",
        title="Improve satisfaction with the council",
        objective=satisfied,
        directorate=resources,
        lead_officer="Head of Policy",
    )
    update(action, "2009/10 Q2", "amber", commentary="Survey results due in January.")
    return SmallCouncil(
        plan=plan,
        excellent=excellent,
        satisfied=satisfied,
        value=value,
        environment=environment,
        resources=resources,
        customer=customer,
        people=people,
        measures={m.code: m for m in (recycling, residual, sickness, appraisals, incidents)},
        action=action,
    )


def small_council_awaiting_approval() -> SmallCouncil:
    """The small council, with BV 012's Red Q2 result submitted and awaiting its approver."""
    made = small_council()
    Result.objects.filter(measure__code="BV 012", period__label="2009/10 Q2").update(
        status="submitted"
    )
    return made


def many_measures(n: int, *, start: int = 0) -> None:
    """`n` more measures spread over objectives, directorates and perspectives, every one
    rated in 2009/10 Q1 and Q2 (some Red, with corrective actions and high risks), each with
    an action updated in Q2: what a bigger council puts on the same pages."""
    objectives = list(Objective.objects.all()) or [None]
    directorates = list(Directorate.objects.all()) or [None]
    perspectives = list(Perspective.objects.all()) or [None]
    for i in range(start, start + n):
        made = measure(
            f"PI {i:03d}",
            directorate=directorates[i % len(directorates)],
            perspective=perspectives[i % len(perspectives)],
            lead_officer=f"Officer {i}",
            baseline=Decimal("40"),
            targets={"2009/10 Q1": "40", "2009/10 Q2": "40"},
            results={"2008/09 Q2": "38", "2009/10 Q1": "39", "2009/10 Q2": str(30 + i % 15)},
        )
        Result.objects.filter(measure=made).update(
            corrective_action="Recovery plan agreed.", risk_likelihood=4, risk_impact=4
        )
        objective = objectives[i % len(objectives)]
        if objective is not None:
            made.objectives.add(objective)
        action = ActionFactory(
            code=f"ACT-{i:03d}",
            objective=objective if objective is not None else ActionFactory().objective,
            directorate=directorates[i % len(directorates)],
            lead_officer=f"Officer {i}",
        )
        update(action, "2009/10 Q1", "green")
        update(action, "2009/10 Q2", ["green", "amber", "red"][i % 3])
