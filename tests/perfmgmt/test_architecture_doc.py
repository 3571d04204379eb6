"""docs/architecture.md stays true: every module and folder it names exists, and every name of
ours it cites (a function, a class, a setting) is still defined somewhere in the code.

A page that describes code nobody can find is worse than no page: a newcomer follows it to a
module that was moved. This test fails the build instead, naming what went stale.
"""

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
DOC = ROOT / "docs" / "architecture.md"
# A backticked span on one line: `scorecard/kinds.py`, `scorecard_rows`, `make test`.
BACKTICKED = re.compile(r"`([^`\n]+)`")
# A single identifier: `scorecard_rows`, `ItemKind`, `HANDED_IN` (not `make test`, not `m12`).
IDENTIFIER = re.compile(r"[A-Za-z_][A-Za-z0-9_]*\Z")
# Where our names are defined or used: the apps' code (a management command is named by its
# file) and the files that configure them.
SOURCES = ("perfmgmt", "scorecard", "actionplans", "reporting")
CONFIG_FILES = ("Makefile", "pyproject.toml")


def _spans() -> list[str]:
    return BACKTICKED.findall(DOC.read_text(encoding="utf-8"))


def _paths() -> list[str]:
    return [span for span in _spans() if span.endswith((".py", "/"))]


def _code_text() -> str:
    files = [p for app in SOURCES for p in (ROOT / app).rglob("*.py")]
    files += [ROOT / name for name in CONFIG_FILES]
    return "\n".join(f"{path.stem}\n{path.read_text(encoding='utf-8')}" for path in files)


def test_every_path_the_architecture_page_names_exists():
    paths = _paths()
    assert len(paths) > 40, "the page should name the modules it describes"
    missing = [path for path in paths if not (ROOT / path).exists()]
    assert missing == [], f"docs/architecture.md names paths that do not exist: {missing}"


def test_every_name_the_architecture_page_cites_is_in_the_code():
    code = _code_text()
    names = {span for span in _spans() if IDENTIFIER.match(span)}
    assert len(names) > 40, "the page should cite the functions and classes it describes"
    missing = sorted(name for name in names if not re.search(rf"\b{name}\b", code))
    assert missing == [], f"docs/architecture.md cites names not found in the code: {missing}"
