"""Dependencies point one way: action plans and reporting build on the scorecard, never back.

The contract is import-linter's (``[tool.importlinter]`` in pyproject.toml), run here so that
``make test`` enforces it. It reads every import statement of every module, those inside a
function included, so a lazy import of ``actionplans`` or ``reporting`` anywhere in
``scorecard`` breaks it.
"""

from pathlib import Path

from importlinter.cli import EXIT_STATUS_SUCCESS, lint_imports

PYPROJECT = Path(__file__).resolve().parents[2] / "pyproject.toml"


def test_the_scorecard_never_imports_action_plans_or_reporting(capsys):
    status = lint_imports(config_filename=str(PYPROJECT), no_cache=True, no_logo=True)
    assert status == EXIT_STATUS_SUCCESS, capsys.readouterr().out
