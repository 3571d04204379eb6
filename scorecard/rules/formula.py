"""Calculated measures: a formula over other measures' values for the same period.

Councils define indicators from others: NI 192 (% of household waste reused, recycled or
composted) is the tonnage recycled over the tonnage collected, ``[NI 192a] / [NI 192b] * 100``;
a directorate's total is ``sum([A], [B], [C])``. A formula names measures by code in square
brackets (codes may hold spaces) and may use numbers, + - * /, parentheses and ``sum``,
``min`` and ``max``: nothing else, so a formula can never run code. It is read into tokens
here, checked as a tree of only those operations, and evaluated by ``simpleeval`` with no
names or functions beyond these, in ``Decimal`` so that 0.1 + 0.2 is 0.3, as in a ledger.
"""

from __future__ import annotations

import ast
import operator
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from decimal import Decimal, DecimalException

from simpleeval import SimpleEval

_TOKEN = re.compile(
    r"\s*(?:\[(?P<code>[^\[\]]*)\]|(?P<number>\d+(?:\.\d*)?|\.\d+)|(?P<word>[A-Za-z_]\w*)"
    r"|(?P<symbol>[-+*/(),]))"
)
FUNCTIONS = {
    "sum": lambda *xs: sum(xs, Decimal(0)),
    "min": lambda *xs: min(xs),
    "max": lambda *xs: max(xs),
}
_OPERATORS = {
    ast.Add: operator.add,
    ast.Sub: operator.sub,
    ast.Mult: operator.mul,
    ast.Div: operator.truediv,
    ast.USub: operator.neg,
    ast.UAdd: operator.pos,
}
_CODE_NAME = re.compile(r"m\d+")
_SHOWN = {"*": "×", "/": "/", "+": "+", "-": "−"}


class FormulaError(ValueError):
    """The formula cannot be read; the message says why in plain words."""


@dataclass(frozen=True)
class Token:
    kind: str  # code, number, word, symbol
    text: str


@dataclass(frozen=True)
class Formula:
    """A formula read and checked: its tokens, the codes it refers to, and its tree."""

    text: str
    tokens: tuple[Token, ...]
    codes: tuple[str, ...]  # in order of first mention
    tree: ast.Expression  # codes named m0, m1…, numbers n0, n1… (see ``numbers``)
    numbers: tuple[Decimal, ...]

    def name_of(self, code: str) -> str:
        return f"m{self.codes.index(code)}"


def _clean_code(text: str) -> str:
    return " ".join(text.split())


def with_code_renamed(text: str, old: str, new: str) -> str:
    """The formula with every ``[old]`` written ``[new]``, the rest exactly as typed.

    A council renames a measure's code (a new local PI numbering) and expects the formulas
    that use it to follow (issue 10, "Calculated measures"); spacing inside the brackets is
    not part of the code, as ``tokenize`` reads it.
    """
    old = _clean_code(old)

    def rename(match: re.Match) -> str:
        return f"[{new}]" if _clean_code(match.group(1)) == old else match.group(0)

    return _BRACKETED.sub(rename, text)


_BRACKETED = re.compile(r"\[([^\[\]]*)\]")


def tokenize(text: str) -> tuple[Token, ...]:
    """The formula's tokens; a character that belongs to none of them is refused."""
    tokens, position, text = [], 0, text.rstrip()
    while position < len(text):
        match = _TOKEN.match(text, position)
        if match is None:
            bad = text[position:].strip()[:1]
            if bad in "[]":
                raise FormulaError("a square bracket is not closed: write codes as [NI 192a]")
            raise FormulaError(
                f"“{bad}” cannot be used: only codes in [ ], numbers, + - * / and brackets"
            )
        kind = match.lastgroup
        value = match.group(kind)
        if kind == "code":
            value = _clean_code(value)
            if not value:
                raise FormulaError("[ ] is empty: put a measure's code inside")
        elif kind == "word":
            if value.lower() not in FUNCTIONS:
                raise FormulaError(
                    f"“{value}” is not allowed: put measure codes in square brackets, "
                    "as [NI 192a]; the only functions are sum, min and max"
                )
            value = value.lower()
        tokens.append(Token(kind, value))
        position = match.end()
    return tuple(tokens)


def parse_formula(text: str) -> Formula:
    """Read a formula, or raise ``FormulaError`` saying plainly what is wrong with it."""
    tokens = tokenize(text or "")
    if not tokens:
        raise FormulaError("the formula is empty")
    codes = tuple(dict.fromkeys(t.text for t in tokens if t.kind == "code"))
    names = {code: f"m{i}" for i, code in enumerate(codes)}
    numbers = [t.text for t in tokens if t.kind == "number"]
    python, n = [], 0
    for token in tokens:
        if token.kind == "code":
            python.append(names[token.text])
        elif token.kind == "number":
            python.append(f"n{n}")
            n += 1
        else:
            python.append(token.text)
    try:
        tree = ast.parse(" ".join(python), mode="eval")
    except SyntaxError:
        raise FormulaError(
            "the formula is not complete: check for a missing value, operator or bracket"
        ) from None
    _check_tree(tree.body, functions=set(FUNCTIONS))
    return Formula(
        text=text,
        tokens=tokens,
        codes=codes,
        tree=tree,
        numbers=tuple(Decimal(x) for x in numbers),
    )


def _check_tree(node: ast.AST, *, functions: set[str]) -> None:
    """Refuse anything but numbers, codes, arithmetic and sum/min/max calls."""
    if isinstance(node, ast.BinOp) and type(node.op) in _OPERATORS:
        _check_tree(node.left, functions=functions)
        _check_tree(node.right, functions=functions)
    elif isinstance(node, ast.UnaryOp) and type(node.op) in _OPERATORS:
        _check_tree(node.operand, functions=functions)
    elif isinstance(node, ast.Call):
        if not (isinstance(node.func, ast.Name) and node.func.id in functions):
            raise FormulaError("only sum, min and max can be applied to values")
        if not node.args or node.keywords:
            raise FormulaError(f"{node.func.id}( ) needs one or more values, separated by commas")
        for argument in node.args:
            _check_tree(argument, functions=functions)
    elif isinstance(node, ast.Name) and node.id not in functions:
        return
    else:
        raise FormulaError(
            "the formula is not arithmetic: use codes in [ ], numbers, + - * / and brackets"
        )


def _evaluator(formula: Formula, values: Mapping[str, Decimal]) -> SimpleEval:
    """A simpleeval evaluator that knows only these values, four operations and three sums."""
    names = {formula.name_of(code): Decimal(values[code]) for code in formula.codes}
    names.update({f"n{i}": number for i, number in enumerate(formula.numbers)})
    evaluator = SimpleEval(operators=dict(_OPERATORS), functions=dict(FUNCTIONS), names=names)
    allowed = (ast.Expression, ast.BinOp, ast.UnaryOp, ast.Call, ast.Name)
    evaluator.nodes = {kind: evaluator.nodes[kind] for kind in evaluator.nodes if kind in allowed}
    evaluator.nodes[ast.Expression] = lambda node: evaluator._eval(node.body)
    return evaluator


def formula_problems(
    text: str,
    *,
    code: str,
    known_codes: Iterable[str],
    formulas: Mapping[str, str],
) -> list[str]:
    """Why a measure's formula cannot be set up; empty when it can.

    Refused (issue 10): a formula that cannot be read, that refers to a code no measure has,
    that refers to itself through other formulas (a cycle: it could never be worked out), or
    that divides by a constant zero. ``formulas`` holds the other calculated measures' formulas
    by code, so a cycle through them is found.
    """
    try:
        formula = parse_formula(text)
    except FormulaError as error:
        return [str(error)]
    problems = []
    known = set(known_codes) | {code}
    unknown = [c for c in formula.codes if c not in known]
    if unknown:
        which = "is not a measure" if len(unknown) == 1 else "are not measures"
        problems.append(f"refers to {in_words(unknown)}, which {which}")
    cycle = formula_cycle(code, {**formulas, code: text})
    if cycle == [code, code]:
        problems.append(f"refers to {code} itself")
    elif cycle:
        problems.append(f"forms a cycle: {' → '.join(cycle)}")
    if _divides_by_constant_zero(formula.tree.body, formula):
        problems.append("divides by zero")
    return problems


def formula_cycle(code: str, formulas: Mapping[str, str]) -> list[str]:
    """The codes of a cycle through ``code``'s formula, ending where it began; [] if none."""
    references = {c: _codes_or_none(f) for c, f in formulas.items()}

    def walk(current: str, path: list[str]) -> list[str]:
        for nxt in references.get(current, ()):
            if nxt == code:
                return [*path, nxt]
            if nxt not in path:
                found = walk(nxt, [*path, nxt])
                if found:
                    return found
        return []

    return walk(code, [code])


def _codes_or_none(text: str) -> tuple[str, ...]:
    try:
        return parse_formula(text).codes
    except FormulaError:
        return ()


def _divides_by_constant_zero(node: ast.AST, formula: Formula) -> bool:
    """Whether some division's divisor is made of numbers alone and comes to zero."""
    for child in ast.walk(node):
        if isinstance(child, ast.BinOp) and isinstance(child.op, ast.Div):
            divisor = child.right
            uses_codes = any(
                isinstance(n, ast.Name) and _CODE_NAME.fullmatch(n.id) for n in ast.walk(divisor)
            )
            if not uses_codes:
                try:
                    if (
                        _evaluator(formula, {c: Decimal(1) for c in formula.codes})._eval(divisor)
                        == 0
                    ):
                        return True
                except (DecimalException, ZeroDivisionError):
                    return True
    return False


@dataclass(frozen=True)
class Calculation:
    """A calculated measure's value, or None and the reason it could not be worked out."""

    value: Decimal | None
    reason: str = ""


def evaluate(formula: Formula, values: Mapping[str, Decimal | None]) -> Calculation:
    """Work the formula out from its inputs' values; never a value from missing inputs.

    An input with no value leaves the measure not calculated (it is not taken as zero: a
    missing return is no information, not nothing). A division by zero leaves it not
    calculated too, naming the input that was zero where there was one.
    """
    missing = [code for code in formula.codes if values.get(code) is None]
    if missing:
        return Calculation(None, f"not calculated: no value for {in_words(missing)}")
    try:
        value = _evaluator(formula, values).eval(formula.text, previously_parsed=formula.tree)
    except (ZeroDivisionError, DecimalException):
        divisors = _divisor_codes(formula)
        zeros = [code for code in formula.codes if code in divisors and values[code] == 0]
        if zeros:
            verb = "is" if len(zeros) == 1 else "are"
            reason = f"not calculated: {in_words(zeros)} {verb} 0, and the formula divides by it"
            return Calculation(None, reason)
        return Calculation(None, "not calculated: the formula divides by zero")
    return Calculation(Decimal(value))


def _divisor_codes(formula: Formula) -> set[str]:
    """The codes that appear in some division's divisor."""
    names = {
        node.id
        for div in ast.walk(formula.tree)
        if isinstance(div, ast.BinOp) and isinstance(div.op, ast.Div)
        for node in ast.walk(div.right)
        if isinstance(node, ast.Name)
    }
    return {code for code in formula.codes if formula.name_of(code) in names}


def in_words(words: list[str]) -> str:
    """ "A", "A and B", "A, B and C": codes as a sentence lists them."""
    return words[0] if len(words) == 1 else f"{', '.join(words[:-1])} and {words[-1]}"


def shown_number(value: Decimal) -> str:
    """A figure as an explanation prints it: grouped in thousands, no trailing zeros."""
    return f"{Decimal(value).normalize():,f}"


def explain(formula: Formula, values: Mapping[str, Decimal | None]) -> str:
    """The formula with its inputs' values put in, as a derivation says it.

    "= 1,234 / 5,678 × 100 from NI 192a (1,234) and NI 192b (5,678)".
    """
    parts, previous = [], None
    for token in formula.tokens:
        if token.kind == "code":
            value = values.get(token.text)
            parts.append(shown_number(value) if value is not None else f"[{token.text}]")
        elif token.kind == "symbol" and token.text in _SHOWN:
            unary = previous is None or (previous.kind == "symbol" and previous.text != ")")
            shown = _SHOWN[token.text]
            parts.append(shown if unary else f" {shown} ")
        elif token.text == ",":
            parts.append(", ")
        else:
            parts.append(token.text)
        previous = token
    inputs = [
        f"{code} ({shown_number(values[code]) if values.get(code) is not None else 'no value'})"
        for code in formula.codes
    ]
    sentence = "= " + "".join(parts)
    return f"{sentence} from {in_words(inputs)}" if inputs else sentence
