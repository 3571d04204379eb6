"""Helpers for the reporting tests: read pages as a user would, and build rated measures.

Pages are read with the standard library's HTML parser into a small tree, so the tests can ask
for "the row headed OBJ-A in the table captioned By strategic objective" rather than grep.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from decimal import Decimal
from html.parser import HTMLParser
from urllib.parse import parse_qs, urlsplit

from django.db import connection
from django.test.utils import CaptureQueriesContext

from actionplans.models import ActionUpdate
from scorecard.models import Measure, Result, Target
from scorecard.services.rating import results_rerate
from tests.support.factories import MeasureFactory, period

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


def measure(
    code: str = "LPI 001",
    *,
    targets: dict[str, str] | None = None,
    results: dict[str, str | None] | None = None,
    result_status: str = "approved",
    rerate: bool = True,
    **fields,
) -> Measure:
    """A measure with targets and results by period label, rated by its rule."""
    made = MeasureFactory(code=code, **fields)
    for label, value in (targets or {}).items():
        Target.objects.create(measure=made, period=period(label), value=Decimal(value))
    for label, actual in (results or {}).items():
        Result.objects.create(
            measure=made,
            period=period(label),
            actual=None if actual is None else Decimal(actual),
            status=result_status,
        )
    if rerate:
        results_rerate(measure_ids=[made.pk])
    return made


def update(action, label: str, rag: str = "green", status: str = "approved", **fields):
    return ActionUpdate.objects.create(
        action=action, period=period(label), rag=rag, status=status, **fields
    )


def count_queries(callable_) -> int:
    """How many SQL queries `callable_` issues."""
    with CaptureQueriesContext(connection) as captured:
        callable_()
    return len(captured.captured_queries)


@dataclass
class SmallCouncil:
    """Five measures and an action in 2009/10 Q2, one of each RAG (see `small_council`)."""

    plan: object
    excellent: object  # OBJ-A, top level
    satisfied: object  # OBJ-A1, under OBJ-A
    value: object  # OBJ-B, top level
    environment: object
    resources: object
    customer: object
    people: object
    measures: dict[str, Measure]
    action: object


def small_council() -> SmallCouncil:
    """A council's 2009/10 Q2, with one of each thing the dashboard counts.

    | code      | RAG       | objective       | directorate  | perspective | short term |
    | NI 192    | Green     | OBJ-A1 (in A)   | Env & Econ   | Customer    | Improved   |
    | NI 191    | Amber     | OBJ-A           | Env & Econ   | Customer    | Worse      |
    | BV 012    | Red       | OBJ-B           | Resources    | People      | Worse      |
    | LPI 017   | NCI       | OBJ-B           | Resources    | People      | –          |
    | LPI 050   | Not rated | –               | –            | –           | –          |
    | CIP01.1.4 | Amber     | OBJ-A1 (action) | Resources    | –           | –          |
    """
    from scorecard.models import Perspective
    from tests.support.factories import (
        ActionFactory,
        DirectorateFactory,
        ObjectiveFactory,
        PlanFactory,
    )

    plan = PlanFactory(code="CP", title="Corporate Plan 2009/10")
    excellent = ObjectiveFactory(code="OBJ-A", title="An excellent authority", plan=plan)
    satisfied = ObjectiveFactory(
        code="OBJ-A1", title="Satisfied residents", plan=plan, parent=excellent
    )
    value = ObjectiveFactory(code="OBJ-B", title="Value for money", plan=plan)
    environment = DirectorateFactory(name="Environment & Economy")
    resources = DirectorateFactory(name="Resources")
    customer = Perspective.objects.get(name="Customer")  # the four come with the database
    people = Perspective.objects.get(name="People")

    recycling = measure(
        "NI 192",
        title="Household waste recycled",
        family="national",
        decimal_places=1,
        lead_officer="Head of Waste Management",
        directorate=environment,
        perspective=customer,
        targets={"2009/10 Q1": "40", "2009/10 Q2": "40"},
        results={"2008/09 Q2": "45", "2009/10 Q1": "41", "2009/10 Q2": "45"},
    )
    residual = measure(
        "NI 191",
        title="Residual household waste per household",
        family="national",
        polarity="lower",
        unit="kg",
        lead_officer="Head of Waste Management",
        directorate=environment,
        perspective=customer,
        targets={"2009/10 Q2": "300"},
        results={"2009/10 Q1": "290", "2009/10 Q2": "310"},
    )
    sickness = measure(
        "BV 012",
        title="Working days lost to sickness absence",
        family="bvpi",
        polarity="lower",
        unit="days",
        decimal_places=1,
        lead_officer="Head of Human Resources",
        directorate=resources,
        perspective=people,
        targets={"2009/10 Q2": "7.5"},
        results={"2009/10 Q1": "8.0", "2009/10 Q2": "8.6"},
    )
    Result.objects.filter(measure=sickness, period__label="2009/10 Q2").update(
        corrective_action="Managing attendance policy relaunched in October."
    )
    appraisals = measure(
        "LPI 017",
        title="Staff appraisals completed",
        lead_officer="Head of Human Resources",
        directorate=resources,
        perspective=people,
        targets={"2009/10 Q2": "95"},
        results={"2009/10 Q1": "96"},
    )
    incidents = measure(
        "LPI 050",
        title="Emergency incidents attended",
        unit="number",
        results={"2009/10 Q2": "2540"},
    )
    recycling.objectives.add(satisfied)
    residual.objectives.add(excellent)
    sickness.objectives.add(value)
    appraisals.objectives.add(value)
    action = ActionFactory(
        code="CIP01.1.4",
        title="Improve satisfaction with the council",
        objective=satisfied,
        directorate=resources,
        lead_officer="Head of Policy",
    )
    update(action, "2009/10 Q2", "amber", commentary="Survey results due in January.")
    return SmallCouncil(
        plan=plan,
        excellent=excellent,
        satisfied=satisfied,
        value=value,
        environment=environment,
        resources=resources,
        customer=customer,
        people=people,
        measures={m.code: m for m in (recycling, residual, sickness, appraisals, incidents)},
        action=action,
    )


def many_measures(n: int, *, start: int = 0) -> None:
    """`n` more measures spread over objectives, directorates and perspectives, every one
    rated in 2009/10 Q1 and Q2 (some Red, with corrective actions and high risks), each with
    an action updated in Q2: what a bigger council puts on the same pages."""
    from scorecard.models import Directorate, Objective, Perspective
    from tests.support.factories import ActionFactory

    objectives = list(Objective.objects.all()) or [None]
    directorates = list(Directorate.objects.all()) or [None]
    perspectives = list(Perspective.objects.all()) or [None]
    for i in range(start, start + n):
        made = measure(
            f"PI {i:03d}",
            directorate=directorates[i % len(directorates)],
            perspective=perspectives[i % len(perspectives)],
            lead_officer=f"Officer {i}",
            baseline=Decimal("40"),
            targets={"2009/10 Q1": "40", "2009/10 Q2": "40"},
            results={"2008/09 Q2": "38", "2009/10 Q1": "39", "2009/10 Q2": str(30 + i % 15)},
        )
        Result.objects.filter(measure=made).update(
            corrective_action="Recovery plan agreed.", risk_likelihood=4, risk_impact=4
        )
        objective = objectives[i % len(objectives)]
        if objective is not None:
            made.objectives.add(objective)
        action = ActionFactory(
            code=f"ACT-{i:03d}",
            objective=objective if objective is not None else ActionFactory().objective,
            directorate=directorates[i % len(directorates)],
            lead_officer=f"Officer {i}",
        )
        update(action, "2009/10 Q1", "green")
        update(action, "2009/10 Q2", ["green", "amber", "red"][i % 3])


def row_cells(tbl: Node, starts_with: str) -> dict[str, str]:
    """A body row's cells by their column's header: {"Baseline": "596 kg", …}."""
    return dict(zip(headers(tbl), cells(row(tbl, starts_with)), strict=True))
