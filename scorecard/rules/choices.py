"""Reading a choice from a cell or a form as people write it: by its label or its value.

Every choice the plan workbook reads (RAG method, polarity, measure type, aggregation, target
profile) is matched the same way: whitespace collapsed, in any case (docs/plan-workbook.md).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from enum import StrEnum
from typing import TypeVar

Choice = TypeVar("Choice", bound=StrEnum)


def choice_named(
    choices: Iterable[Choice],
    text: str | None,
    *,
    aliases: Callable[[Choice], Iterable[str]] = lambda choice: (),
) -> Choice | None:
    """The choice whose label, value or alias ``text`` is, in any case; None when none is."""
    cleaned = " ".join((text or "").split()).lower()
    for choice in choices:
        if cleaned in (choice.label.lower(), choice.value, *aliases(choice)):
            return choice
    return None
