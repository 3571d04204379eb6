"""Calculated measures' formulas: read, checked at set-up, worked out and explained."""

from decimal import Decimal

import pytest

from scorecard.rules.formula import FormulaError, evaluate, explain, formula_problems, parse_formula

NI_192 = "[NI 192a] / [NI 192b] * 100"
KNOWN = {"NI 192", "NI 192a", "NI 192b", "BV 012"}


def problems(text, *, code="NI 192", formulas=None):
    return formula_problems(text, code=code, known_codes=KNOWN, formulas=formulas or {})


def test_codes_may_hold_spaces_and_are_listed_once_in_order():
    formula = parse_formula("[NI 192a] + [ NI  192b ] - [NI 192a]")
    assert formula.codes == ("NI 192a", "NI 192b")


def test_a_ratio_of_two_measures_is_worked_out_exactly():
    result = evaluate(parse_formula(NI_192), {"NI 192a": Decimal(1), "NI 192b": Decimal(8)})
    assert result.value == Decimal("12.5")
    assert result.reason == ""


def test_sum_min_and_max_take_several_values_in_any_case():
    formula = parse_formula("SUM([NI 192a], [NI 192b], 1) + max([NI 192a], 2) - Min(3, 4)")
    result = evaluate(formula, {"NI 192a": Decimal("1.5"), "NI 192b": Decimal("2.25")})
    assert result.value == Decimal("4.75") + 2 - 3


def test_decimals_do_not_drift_as_floats_would():
    result = evaluate(parse_formula("[NI 192a] + 0.2"), {"NI 192a": Decimal("0.1")})
    assert result.value == Decimal("0.3")


def test_a_missing_input_gives_no_value_and_names_it():
    result = evaluate(parse_formula(NI_192), {"NI 192a": Decimal(5), "NI 192b": None})
    assert result.value is None
    assert result.reason == "not calculated: no value for NI 192b"


def test_dividing_by_an_input_of_zero_is_not_calculated_and_says_why():
    result = evaluate(parse_formula(NI_192), {"NI 192a": Decimal(5), "NI 192b": Decimal(0)})
    assert result.value is None
    assert result.reason == "not calculated: NI 192b is 0, and the formula divides by it"


def test_zero_over_zero_is_not_calculated_either_and_names_the_divisor():
    result = evaluate(parse_formula(NI_192), {"NI 192a": Decimal(0), "NI 192b": Decimal(0)})
    assert result.value is None
    assert result.reason == "not calculated: NI 192b is 0, and the formula divides by it"


def test_every_zero_divisor_is_named():
    formula = parse_formula("[NI 192a] / ([NI 192b] + [BV 012])")
    zeros = {"NI 192a": Decimal(1), "NI 192b": Decimal(0), "BV 012": Decimal(0)}
    assert evaluate(formula, zeros).reason == (
        "not calculated: NI 192b and BV 012 are 0, and the formula divides by it"
    )


def test_a_divisor_that_sums_to_zero_is_not_calculated():
    formula = parse_formula("[NI 192a] / ([NI 192b] - [BV 012])")
    values = {"NI 192a": Decimal(1), "NI 192b": Decimal(3), "BV 012": Decimal(3)}
    assert evaluate(formula, values).reason == "not calculated: the formula divides by zero"


def test_explanation_puts_the_inputs_values_into_the_formula():
    values = {"NI 192a": Decimal("1234.0000"), "NI 192b": Decimal("5678")}
    assert explain(parse_formula(NI_192), values) == (
        "= 1,234 / 5,678 × 100 from NI 192a (1,234) and NI 192b (5,678)"
    )


def test_explanation_shows_a_minus_sign_and_function_arguments():
    formula = parse_formula("sum([NI 192a], -[NI 192b]) - 1")
    values = {"NI 192a": Decimal(1000), "NI 192b": Decimal("2.5")}
    assert explain(formula, values) == (
        "= sum(1,000, −2.5) − 1 from NI 192a (1,000) and NI 192b (2.5)"
    )


def test_a_valid_formula_has_no_problems():
    assert problems(NI_192) == []
    assert problems("sum([NI 192a], [NI 192b], [BV 012])") == []


def test_an_unknown_code_is_refused_by_name():
    assert problems("[NI 192a] / [NI 999] * [XX 1]") == [
        "refers to NI 999 and XX 1, which are not measures"
    ]
    assert problems("[NI 999] * 2") == ["refers to NI 999, which is not a measure"]


def test_a_formula_that_refers_to_its_own_measure_is_refused():
    assert problems("[NI 192] + 1") == ["refers to NI 192 itself"]


def test_a_cycle_through_other_formulas_is_refused_and_traced():
    formulas = {"NI 192a": "[NI 192b] * 2", "NI 192b": "[NI 192] - 1"}
    assert problems("[NI 192a] + 1", formulas=formulas) == [
        "forms a cycle: NI 192 → NI 192a → NI 192b → NI 192"
    ]


def test_dividing_by_a_constant_zero_is_refused():
    assert problems("[NI 192a] / 0") == ["divides by zero"]
    assert problems("[NI 192a] / (2 - 2) * 100") == ["divides by zero"]
    assert problems("[NI 192a] / [NI 192b]") == []


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("", "the formula is empty"),
        ("[NI 192a] +", "the formula is not complete"),
        ("([NI 192a]", "the formula is not complete"),
        ("[NI 192a", "a square bracket is not closed"),
        ("[] + 1", "[ ] is empty"),
        ("NI192a * 2", "“NI192a” is not allowed: put measure codes in square brackets"),
        ('__import__("os")', "“__import__” is not allowed"),
        ("[NI 192a].real", "“.” cannot be used"),
        ("[NI 192a] ** 2", "the formula is not complete"),
        ("[NI 192a] > 2", "“>” cannot be used"),
        ("max()", "max( ) needs one or more values"),
        ("[NI 192a]; [NI 192b]", "“;” cannot be used"),
    ],
)
def test_what_is_not_arithmetic_is_refused_in_plain_words(text, message):
    with pytest.raises(FormulaError) as error:
        parse_formula(text)
    assert str(error.value).startswith(message)
    assert problems(text)[0].startswith(message)


def test_a_renamed_code_is_written_into_the_formula_and_nothing_else_moves():
    from scorecard.rules.formula import with_code_renamed

    text = "sum([NI 192a],[ NI 192b ]) / [NI 192] * 100"
    assert with_code_renamed(text, "NI 192b", "LOC 2") == "sum([NI 192a],[LOC 2]) / [NI 192] * 100"
    assert with_code_renamed(text, "NI 19", "X") == text  # a code, not a part of one
