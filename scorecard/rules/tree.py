"""Objectives form a tree: an objective never sits under itself (DOMAIN.md, "The hierarchy")."""

from __future__ import annotations

from collections.abc import Mapping


def parent_loop(code: str, parent: str, parents: Mapping[str, str]) -> str:
    """The code through which ``code`` would sit under itself if its parent were ``parent``
    (``parents`` maps every other objective's code to its parent's); "" when it would not."""
    seen, through, current = {code}, parent, parent
    while current:
        if current in seen:
            return through
        seen.add(current)
        through, current = current, parents.get(current, "")
    return ""


def loop_problem(code: str, parent: str, parents: Mapping[str, str]) -> str:
    """The words the plan workbook and the set-up pages refuse a looping parent with."""
    if parent and parent == code:
        return f"{code} cannot be its own parent"
    through = parent_loop(code, parent, parents)
    return f"{code} would sit under itself via {through}" if through else ""
