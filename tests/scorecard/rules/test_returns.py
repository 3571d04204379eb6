"""The pure rules of a return: its state, what is due, NCI, and what a complete return holds."""

from datetime import date
from decimal import Decimal

import pytest

from scorecard.rules.periods import PeriodKind
from scorecard.rules.rag import RagMethod, Status
from scorecard.rules.returns import (
    ReturnEntry,
    ReturnState,
    actual_problem,
    commentary_required,
    corrective_action_required,
    edit_refusal,
    is_due,
    is_nci,
    is_past_deadline,
    return_problems,
    return_state,
)

DEADLINE = date(2010, 1, 31)
BEFORE, ON, AFTER = date(2010, 1, 30), date(2010, 1, 31), date(2010, 2, 1)


@pytest.mark.parametrize(
    "stored, today, expected",
    [
        (None, BEFORE, ReturnState.NOT_STARTED),
        (None, ON, ReturnState.NOT_STARTED),
        (None, AFTER, ReturnState.OVERDUE),
        ("draft", BEFORE, ReturnState.DRAFT),
        ("draft", AFTER, ReturnState.OVERDUE),
        ("returned", BEFORE, ReturnState.RETURNED),
        ("returned", AFTER, ReturnState.OVERDUE),
        ("submitted", AFTER, ReturnState.SUBMITTED),
        ("approved", AFTER, ReturnState.APPROVED),
    ],
)
def test_return_state(stored, today, expected):
    assert return_state(stored=stored, deadline=DEADLINE, today=today) is expected


def test_the_deadline_day_itself_is_not_past():
    assert not is_past_deadline(DEADLINE, ON)
    assert is_past_deadline(DEADLINE, AFTER)
    assert not is_past_deadline(None, AFTER)


@pytest.mark.parametrize(
    "stored, today, nci",
    [
        (None, AFTER, True),
        ("draft", AFTER, True),
        ("returned", AFTER, True),
        ("submitted", AFTER, False),
        ("approved", AFTER, False),
        (None, ON, False),
    ],
)
def test_nci_when_past_the_deadline_and_not_submitted(stored, today, nci):
    assert is_nci(stored=stored, deadline=DEADLINE, today=today) is nci


@pytest.mark.parametrize(
    "frequency, kind, due",
    [
        ("quarterly", PeriodKind.QUARTER, True),
        ("quarterly", PeriodKind.MONTH, False),
        ("monthly", PeriodKind.MONTH, True),
        ("monthly", PeriodKind.QUARTER, False),
        ("annual", PeriodKind.YEAR, True),
        ("annual", PeriodKind.QUARTER, False),
        ("action", PeriodKind.QUARTER, True),
        ("action", PeriodKind.YEAR, False),
    ],
)
def test_an_item_is_due_in_periods_of_its_frequency(frequency, kind, due):
    assert is_due(frequency, kind) is due


def test_red_requires_corrective_action_and_nothing_else_does():
    assert corrective_action_required(Status.RED)
    assert not any(corrective_action_required(s) for s in (Status.AMBER, Status.GREEN, None))


@pytest.mark.parametrize("method", list(RagMethod))
@pytest.mark.parametrize("rag", [Status.AMBER, Status.RED])
def test_an_amber_or_red_requires_commentary_however_it_was_rated(rag, method):
    assert commentary_required(method=method, rag=rag)


def test_a_judged_green_does_not_require_commentary():
    assert not commentary_required(method=RagMethod.JUDGEMENT, rag=Status.GREEN)


@pytest.mark.parametrize(
    "actual, unit, places, problem",
    [
        ("50", "%", 0, None),
        ("0", "%", 0, None),
        ("100", "%", 0, None),
        # Outside 0-100% is asked about, not refused (tests/scorecard/rules/test_plausibility.py).
        ("100.1", "%", 1, None),
        ("-0.5", "%", 1, None),
        ("-5", "£", 0, None),
        ("1000", "number", 0, None),
        ("12.5", "days", 0, "give a whole number: this measure has no decimal places"),
        ("12.25", "days", 1, "give at most 1 decimal place"),
        ("12.250", "days", 2, None),
        ("12.255", "days", 2, "give at most 2 decimal places"),
        (None, "%", 0, None),
    ],
)
def test_actual_is_checked_for_unit_and_places(actual, unit, places, problem):
    value = Decimal(actual) if actual is not None else None
    assert actual_problem(value, unit=unit, decimal_places=places) == problem


def entry(**fields) -> ReturnEntry:
    fields.setdefault("method", RagMethod.TOLERANCE)
    fields.setdefault("rag", Status.GREEN)
    fields.setdefault("actual", Decimal("50"))
    return ReturnEntry(**fields)


def test_a_draft_may_be_incomplete():
    assert return_problems(entry(rag=Status.RED, actual=None), submitting=False) == {}


def test_a_submitted_red_needs_a_corrective_action():
    problems = return_problems(entry(rag=Status.RED, commentary="Why."), submitting=True)
    assert problems == {"corrective_action": "a Red result needs a corrective action"}
    complete = entry(rag=Status.RED, commentary="Why.", corrective_action="Plan.")
    assert return_problems(complete, submitting=True) == {}


def test_a_computed_amber_is_submitted_only_with_its_reason():
    problems = return_problems(entry(rag=Status.AMBER), submitting=True)
    assert problems == {"commentary": "say why the item is Amber"}
    assert return_problems(entry(rag=Status.AMBER, commentary="Why."), submitting=True) == {}


def test_a_submitted_measure_needs_an_actual():
    assert "actual" in return_problems(entry(actual=None, rag=None), submitting=True)


def test_a_judgement_needs_a_rag_and_its_reason():
    problems = return_problems(
        entry(method=RagMethod.JUDGEMENT, rag=None, actual=None), submitting=True
    )
    assert problems == {"rag": "choose Green, Amber or Red"}
    problems = return_problems(entry(method=RagMethod.JUDGEMENT, rag=Status.AMBER), submitting=True)
    assert problems == {"commentary": "say why the item is Amber"}


def test_an_action_red_needs_commentary_but_no_corrective_action():
    action = entry(method=RagMethod.JUDGEMENT, rag=Status.RED, actual=None, is_measure=False)
    assert return_problems(action, submitting=True) == {"commentary": "say why the item is Red"}


@pytest.mark.parametrize(
    "state, stored, team, reason, refused",
    [
        ("open", None, False, "", False),
        ("closed", None, False, "", True),
        ("closed", "draft", False, "", True),
        ("closed", "returned", False, "", False),
        ("closed", None, True, "", False),
        ("locked", "approved", False, "Because.", True),
        ("locked", "approved", True, "", True),
        ("locked", "approved", True, "Source revised.", False),
    ],
)
def test_which_period_states_allow_a_change(state, stored, team, reason, refused):
    refusal = edit_refusal(state=state, stored=stored, is_team=team, reason=reason)
    assert (refusal is not None) is refused
