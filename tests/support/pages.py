"""Read pages as a user would, and count the queries they cost.

Pages are read with the standard library's HTML parser into a small tree, so the tests can ask
for "the row headed OBJ-A in the table captioned By strategic objective" rather than grep.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from html.parser import HTMLParser
from urllib.parse import parse_qs, urlsplit

from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "wbr"}


@dataclass
class Node:
    tag: str
    attrs: dict[str, str] = field(default_factory=dict)
    children: list[Node | str] = field(default_factory=list)
    parent: Node | None = None

    @property
    def text(self) -> str:
        """The text inside, whitespace collapsed (visually hidden text included)."""
        parts: list[str] = []

        def walk(node: Node) -> None:
            for child in node.children:
                if isinstance(child, str):
                    parts.append(child)
                else:
                    walk(child)

        walk(self)
        return " ".join("".join(parts).split())

    @property
    def classes(self) -> set[str]:
        return set(self.attrs.get("class", "").split())

    def get(self, name: str, default: str | None = None) -> str | None:
        return self.attrs.get(name, default)

    def iter(self):
        for child in self.children:
            if isinstance(child, Node):
                yield child
                yield from child.iter()

    def find_all(self, tag: str | None = None, *, class_: str | None = None, **attrs) -> list[Node]:
        found = []
        for node in self.iter():
            if tag is not None and node.tag != tag:
                continue
            if class_ is not None and class_ not in node.classes:
                continue
            # for_="x" is the attribute for, stroke_dasharray="6 4" is stroke-dasharray.
            if any(node.attrs.get(_attr(k)) != v for k, v in attrs.items()):
                continue
            found.append(node)
        return found

    def find(self, tag: str | None = None, **kwargs) -> Node | None:
        found = self.find_all(tag, **kwargs)
        return found[0] if found else None

    def ancestor(self, tag: str) -> Node | None:
        node = self.parent
        while node is not None and node.tag != tag:
            node = node.parent
        return node


def _attr(keyword: str) -> str:
    return keyword.rstrip("_").replace("_", "-")


class _TreeBuilder(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.root = Node("#document")
        self.current = self.root

    def handle_starttag(self, tag, attrs):
        node = Node(tag, {k: (v if v is not None else "") for k, v in attrs}, parent=self.current)
        self.current.children.append(node)
        if tag not in VOID:
            self.current = node

    def handle_startendtag(self, tag, attrs):
        node = Node(tag, {k: (v if v is not None else "") for k, v in attrs}, parent=self.current)
        self.current.children.append(node)

    def handle_endtag(self, tag):
        node = self.current
        while node is not None and node.tag != tag:
            node = node.parent
        if node is not None and node.parent is not None:
            self.current = node.parent

    def handle_data(self, data):
        self.current.children.append(data)


def parse(content: bytes | str) -> Node:
    builder = _TreeBuilder()
    builder.feed(content.decode() if isinstance(content, bytes) else content)
    builder.close()
    return builder.root


def main(content: bytes | str) -> Node:
    """The page's <main>: what the page is about, without the header and navigation."""
    root = parse(content)
    found = root.find("main")
    assert found is not None, "the page has no <main>"
    return found


def table(root: Node, caption: str) -> Node:
    """The table whose caption contains these words."""
    for candidate in root.find_all("table"):
        cap = candidate.find("caption")
        if cap is not None and caption in cap.text:
            return candidate
    captions = [c.text for c in root.find_all("caption")]
    raise AssertionError(f"no table captioned {caption!r}; captions are {captions}")


def headers(tbl: Node) -> list[str]:
    head = tbl.find("thead")
    assert head is not None
    return [th.text for th in head.find_all("th")]


def body_rows(tbl: Node) -> list[Node]:
    return [tr for body in tbl.find_all("tbody") for tr in body.find_all("tr")]


def cells(row: Node) -> list[str]:
    return [c.text for c in row.children if isinstance(c, Node) and c.tag in ("th", "td")]


def row(tbl: Node, starts_with: str) -> Node:
    """The body row whose first cell starts with these words."""
    for tr in body_rows(tbl):
        texts = cells(tr)
        if texts and texts[0].startswith(starts_with):
            return tr
    firsts = [cells(tr)[0] for tr in body_rows(tbl) if cells(tr)]
    raise AssertionError(f"no row starting {starts_with!r}; rows start {firsts}")


def first_number(text: str) -> int:
    match = re.search(r"-?\d+", text)
    assert match, f"no number in {text!r}"
    return int(match.group())


STATUS_COLUMNS = ("Green", "Amber", "Red", "NCI", "Not rated")


def summary_counts(tbl: Node, starts_with: str) -> dict[str, int]:
    """A summary row's counts by column: {"Green": 2, "Amber": 1, …} as the page prints them."""
    names = headers(tbl)
    texts = cells(row(tbl, starts_with))
    return {
        name: first_number(text)
        for name, text in zip(names, texts, strict=True)
        if name in STATUS_COLUMNS
    }


def query(url: str) -> dict[str, list[str]]:
    return parse_qs(urlsplit(url).query)


def listed_codes(content: bytes | str) -> list[str]:
    """The codes in the items list's table, in the order shown."""
    return [a.text for a in main(content).find_all("a", class_="code")]


def matched_count(content: bytes | str) -> int:
    status = main(content).find("p", role="status")
    assert status is not None, "the list does not say how many items match"
    return first_number(status.text)


def rag_words(node: Node) -> list[str]:
    """The RAG words shown in a cell or row, as a screen reader hears them (letter hidden)."""
    words = []
    for badge in (node, *node.iter()):
        if "rag" in badge.classes:
            visible = [
                c if isinstance(c, str) else c.text
                for c in badge.children
                if isinstance(c, str) or not ({"rag__letter", "visually-hidden"} & c.classes)
            ]
            words.append(" ".join("".join(visible).split()))
    return words


def count_queries(callable_) -> int:
    """How many SQL queries `callable_` issues."""
    with CaptureQueriesContext(connection) as captured:
        callable_()
    return len(captured.captured_queries)


def count_cold_queries(callable_) -> int:
    """How many SQL queries `callable_` issues with nothing kept in the cache: a page's first
    request after its data changed (reporting/page_cache.py)."""
    from django.core.cache import cache

    cache.clear()
    return count_queries(callable_)


def row_cells(tbl: Node, starts_with: str) -> dict[str, str]:
    """A body row's cells by their column's header: {"Baseline": "596 kg", …}."""
    return dict(zip(headers(tbl), cells(row(tbl, starts_with)), strict=True))


# The caption of the measure page's table of periods.
HISTORY = "Targets, results and commentary by period"


def page_for(client, code: str):
    """The main part of a measure's page, as the client sees it."""
    response = client.get(reverse("measure", args=[code]))
    assert response.status_code == 200
    return main(response.content)
