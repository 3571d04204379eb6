"""House style: no function in production code is over 60 lines (docstring included)."""

import ast
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
LIMIT = 60
SKIPPED = {"tests", "migrations", ".venv", "node_modules", "static", "media"}


def _production_modules():
    for path in sorted(ROOT.rglob("*.py")):
        parts = set(path.relative_to(ROOT).parts)
        if not parts & SKIPPED and not any(p.startswith(".") for p in parts):
            yield path


def _long_functions(path: Path):
    tree = ast.parse(path.read_text(), filename=str(path))
    for node in ast.walk(tree):
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
            lines = node.end_lineno - node.lineno + 1
            if lines > LIMIT:
                yield f"{path.relative_to(ROOT)}:{node.name}:{lines}"


def test_no_production_function_is_over_60_lines():
    too_long = [hit for path in _production_modules() for hit in _long_functions(path)]
    assert not too_long, "Functions over 60 lines: " + ", ".join(too_long)
