"""An objective never sits under itself, however long the chain (DOMAIN.md, "The hierarchy")."""

from hypothesis import given
from hypothesis import strategies as st

from scorecard.rules.tree import loop_problem, parent_loop


def test_a_chain_back_to_itself_is_named_by_the_code_it_passes_through():
    parents = {"1.1": "1", "1.1.1": "1.1"}
    assert parent_loop("1", "1.1.1", parents) == "1.1"
    assert loop_problem("1", "1", parents) == "1 cannot be its own parent"
    assert loop_problem("2", "1.1.1", parents) == ""


@given(st.integers(min_value=1, max_value=30))
def test_a_straight_chain_never_loops_and_closing_it_always_does(length):
    codes = [f"O{n}" for n in range(length + 1)]
    parents = {codes[n]: codes[n - 1] for n in range(1, length + 1)}
    assert parent_loop("NEW", codes[-1], parents) == ""
    assert parent_loop(codes[0], codes[-1], parents) != ""
