"""Properties of calculated measures' formulas, over many values and shapes."""

from decimal import Decimal

from hypothesis import given
from hypothesis import strategies as st

from scorecard.rules.formula import evaluate, formula_cycle, formula_problems, parse_formula

values = st.decimals(
    min_value=-(10**9), max_value=10**9, places=4, allow_nan=False, allow_infinity=False
)
codes = (
    st.text(alphabet="ABCNI 0123456789.ab", min_size=1, max_size=8)
    .map(lambda s: " ".join(s.split()))
    .filter(bool)
)


@given(st.lists(values, min_size=1, max_size=6))
def test_a_sum_of_measures_is_their_exact_decimal_sum(numbers):
    names = [f"M{i}" for i in range(len(numbers))]
    formula = parse_formula("sum(" + ", ".join(f"[{n}]" for n in names) + ")")
    result = evaluate(formula, dict(zip(names, numbers, strict=True)))
    assert result.value == sum(numbers, Decimal(0))


@given(values, values)
def test_a_percentage_is_the_decimal_quotient_or_not_calculated(numerator, denominator):
    result = evaluate(parse_formula("[A] / [B] * 100"), {"A": numerator, "B": denominator})
    if denominator == 0:
        assert result.value is None and "B is 0" in result.reason
    else:
        assert result.value == numerator / denominator * 100


@given(st.lists(codes, min_size=1, max_size=5, unique=True))
def test_the_codes_are_exactly_those_in_brackets(names):
    formula = parse_formula(" + ".join(f"[{n}]" for n in names))
    assert formula.codes == tuple(names)


@given(st.integers(min_value=2, max_value=8), st.data())
def test_a_chain_of_formulas_is_accepted_until_it_closes_on_itself(length, data):
    chain = [f"C{i}" for i in range(length)]
    formulas = {chain[i]: f"[{chain[i + 1]}] * 2" for i in range(length - 1)}
    head = chain[0]
    others = {c: f for c, f in formulas.items() if c != head}
    assert formula_problems(formulas[head], code=head, known_codes=chain, formulas=others) == []
    closer = data.draw(st.sampled_from(chain))
    closed = {**others, chain[-1]: f"[{closer}] + 1"}
    cycle = formula_cycle(head, {**closed, head: formulas[head]})
    if closer == head:
        assert cycle == [*chain, head]
        refused = formula_problems(formulas[head], code=head, known_codes=chain, formulas=closed)
        assert refused == [f"forms a cycle: {' → '.join(cycle)}"]
    else:
        assert cycle == []  # a loop further on, refused when its own formulas were set up


@given(values, values)
def test_no_input_values_make_evaluation_raise(a, b):
    formula = parse_formula("([A] - [B]) / ([A] + [B]) * max([A], [B]) / min([A], [B])")
    result = evaluate(formula, {"A": a, "B": b})
    assert (result.value is None) == bool(result.reason)
