"""The clerk's narrative text as a committee report prints it: numbered paragraphs and lists.

The clerk types plain text in a box. A blank line ends a paragraph; a line starting "- ", "* "
or "• " is an item of a list, and a line straight after an item (no blank line between)
continues that item. Committee reports number their paragraphs through the whole document so
that members can cite them ("paragraph 6": Oxfordshire CC, Cabinet, 15 December 2009), and
their lists are real lists, never a dash typed at the start of a line.

The result is plain data; the template escapes every word of it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

BULLET = re.compile(r"^\s*[-*•]\s+")


@dataclass
class Paragraph:
    """A numbered paragraph and the list that follows it; a list alone has no number or text."""

    number: int | None
    text: str = ""
    items: list[str] = field(default_factory=list)


def _blocks(text: str) -> list[list[str]]:
    """The text's paragraphs: runs of lines between blank lines."""
    blocks: list[list[str]] = [[]]
    for line in text.replace("\r\n", "\n").replace("\r", "\n").split("\n"):
        if line.strip():
            blocks[-1].append(line.rstrip())
        elif blocks[-1]:
            blocks.append([])
    return [block for block in blocks if block]


def paragraphs(text: str, *, start: int = 1) -> list[Paragraph]:
    """Split the clerk's text into paragraphs numbered from ``start``, each with its list."""
    found: list[Paragraph] = []
    number = start
    for block in _blocks(text):
        current: Paragraph | None = None
        in_list = False
        for line in block:
            bullet = BULLET.match(line)
            if bullet:
                if current is None:
                    # A list that opens a block belongs to the paragraph before it, if any.
                    current = found[-1] if found else Paragraph(number=None)
                    if current not in found:
                        found.append(current)
                current.items.append(line[bullet.end() :].strip())
                in_list = True
            elif in_list and current is not None:
                current.items[-1] += "\n" + line.strip()
            elif current is None:
                current = Paragraph(number=number, text=line.strip())
                number += 1
                found.append(current)
            else:
                current.text += "\n" + line.strip()
    return found


def numbered_count(found: list[Paragraph]) -> int:
    """How many numbers the paragraphs used, to carry the count on into the next section."""
    return sum(1 for p in found if p.number is not None)
