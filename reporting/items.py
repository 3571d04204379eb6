"""Every kind of rated item (measures, actions) as one list, for dashboards' counts and lists."""

from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import date
from decimal import Decimal
from urllib.parse import quote

from django.db.models import QuerySet
from django.urls import reverse

from actionplans.models import Action
from scorecard.models import CouncilSettings, Measure, Objective, ReportingPeriod
from scorecard.rules.rag import Status
from scorecard.rules.travel import Direction

from .action_status import ActionRow, action_rows
from .scorecard_rows import ScorecardRow, scorecard_rows

# Red first, then what is missing: sorting by RAG brings the exceptions to the top.
STATUS_ORDER = {
    Status.RED: 0,
    Status.NCI: 1,
    Status.AMBER: 2,
    Status.GREEN: 3,
    Status.NOT_RATED: 4,
    Status.AWAITING_APPROVAL: 5,
}

# On a 5 × 5 likelihood × impact grid, 15 and above is the red zone that needs an action plan;
# a council that bands its risks otherwise sets where high starts (CouncilSettings).
HIGH_RISK = 15


@dataclass(frozen=True)
class Item:
    """An item of any kind (a measure, an action) as the dashboard counts it in one period."""

    kind: str  # the name of its kind (scorecard.kinds): "measure", "action"
    code: str
    title: str
    status: Status
    explanation: str
    period_label: str
    directorate: str
    directorate_id: int | None
    perspective: str
    perspective_id: int | None
    objective_ids: frozenset[int]  # the item's objectives and all their ancestors
    lead_officer: str
    actual: Decimal | None = None
    target: Decimal | None = None
    unit: str = ""
    decimal_places: int = 0
    short_term: Direction | None = None
    long_term: Direction | None = None
    corrective_action: str = ""
    commentary: str = ""
    url: str = ""
    baseline: Decimal | None = None
    likelihood: int | None = None
    impact: int | None = None
    objective_pks: tuple[int, ...] = ()  # the item's own objectives, without ancestors
    provisional: bool = False  # submitted, not yet approved: printed "Provisional"
    high_risk_from: int = HIGH_RISK  # the council's band (CouncilSettings.risk_high_from)
    # Benchmarking (issue 11), filled only when a page shows quartiles
    # (``reporting.benchmarking.with_quartiles``): 1 = best by polarity, rank of `of`.
    quartile: int | None = None
    rank: int | None = None
    of: int | None = None
    quartile_note: str = ""  # why there is no quartile, in words ("No comparator data")

    @property
    def status_rank(self) -> int:
        return STATUS_ORDER[self.status]

    @property
    def kind_label(self) -> str:
        return self.kind.capitalize()

    @property
    def risk_score(self) -> int | None:
        """Risk of missing the target, likelihood × impact (Oxfordshire CC scorecard, 2009)."""
        if self.likelihood is None or self.impact is None:
            return None
        return self.likelihood * self.impact

    @property
    def is_high_risk(self) -> bool:
        return (self.risk_score or 0) >= self.high_risk_from


class ObjectiveTree:
    """Objectives' ancestry, loaded once, so counts by top-level objective cost no queries."""

    def __init__(self) -> None:
        self.objectives = {o.pk: o for o in Objective.objects.only("pk", "code", "title", "parent")}

    def with_ancestors(self, pks) -> frozenset[int]:
        found: set[int] = set()
        for pk in pks:
            while pk is not None and pk not in found:
                found.add(pk)
                pk = self.objectives[pk].parent_id if pk in self.objectives else None
        return frozenset(found)

    def roots(self) -> list[Objective]:
        return [o for o in self.objectives.values() if o.parent_id is None]


def _lead(obj) -> str:
    if obj.lead_user_id and obj.lead_user:
        return obj.lead_user.get_full_name() or obj.lead_user.get_username()
    return obj.lead_officer


def _url_maker(name: str):
    """Build item URLs without a reverse() per row: a thousand reverses cost 50 ms."""
    prefix = reverse(name, args=["0"])[:-2]
    return lambda code: f"{prefix}{quote(code, safe=URL_SAFE)}/"


# What django.urls.reverse leaves unquoted in a path argument (RFC 3986 sub-delimiters).
URL_SAFE = "!$&'()*+,;=/~:@"


def measure_item(row: ScorecardRow, tree: ObjectiveTree, url=None) -> Item:
    m = row.measure
    result = row.result
    return Item(
        kind="measure",
        code=m.code,
        title=m.title,
        status=row.status,
        explanation=row.explanation,
        period_label=row.period_label,
        directorate=m.directorate.name if m.directorate else "",
        directorate_id=m.directorate_id,
        perspective=m.perspective.name if m.perspective else "",
        perspective_id=m.perspective_id,
        objective_ids=tree.with_ancestors(row.objective_pks),
        lead_officer=_lead(m),
        actual=row.actual,
        target=row.target,
        unit=m.unit,
        decimal_places=m.decimal_places,
        short_term=row.short_term,
        long_term=row.long_term,
        corrective_action=result.corrective_action if result else "",
        commentary=result.commentary if result else "",
        url=(url or _url_maker("measure"))(m.code),
        baseline=m.baseline,
        likelihood=result.risk_likelihood if result else None,
        impact=result.risk_impact if result else None,
        objective_pks=row.objective_pks,
        provisional=row.provisional,
    )


def action_item(row: ActionRow, tree: ObjectiveTree, url=None) -> Item:
    a = row.action
    cell = row.latest
    return Item(
        kind="action",
        code=a.code,
        title=a.title,
        status=cell.status,
        explanation=cell.explanation,
        period_label=cell.period_label,
        directorate=a.directorate.name if a.directorate else "",
        directorate_id=a.directorate_id,
        perspective="",
        perspective_id=None,
        objective_ids=tree.with_ancestors([a.objective_id] if a.objective_id else []),
        lead_officer=_lead(a),
        commentary=cell.update.commentary if cell.update else "",
        # An action's return has no corrective action of its own: the plan's further action
        # is what is being done about it (Oxfordshire CC's CPA plan, "further action").
        corrective_action=a.further_action,
        url=(url or _url_maker("action"))(a.code),
        objective_pks=(a.objective_id,) if a.objective_id else (),
        provisional=cell.provisional,
    )


def _measure_rows(period, measures, **options) -> list[ScorecardRow]:
    return scorecard_rows(period, measures, **options)


def _action_rows(period, actions, **options) -> list[ActionRow]:
    # An action not yet started in the period's cycle has no status: it is not counted.
    return [r for r in action_rows([period], actions, **options) if r.status is not None]


@dataclass(frozen=True)
class ItemSource:
    """One kind of item as the dashboards count it: which items, their rows, a row's Item."""

    kind: str  # the item kind's name (``scorecard.kinds``), as ``Item.kind`` says it
    chosen_by: str  # the keyword of ``items_for`` that narrows the items: "measures"
    everything: Callable[[], QuerySet]  # the items when none are chosen
    rows: Callable[..., list]  # (period, items, *, today, include_provisional) → rows
    item: Callable[..., Item]  # (row, tree, url) → Item
    page: str  # the URL name of one item's page


# Every kind of rated item, in the order lists show them. A new kind of item is a builder
# and a line here; ``items_for`` and everything built on it then count it.
ITEM_SOURCES = (
    ItemSource("measure", "measures", Measure.objects.all, _measure_rows, measure_item, "measure"),
    ItemSource("action", "actions", Action.objects.all, _action_rows, action_item, "action"),
)


def items_for(
    period: ReportingPeriod,
    *,
    today: date | None = None,
    tree: ObjectiveTree | None = None,
    include_provisional: bool = True,
    high_risk_from: int | None = None,
    **chosen: QuerySet | None,
) -> list[Item]:
    """Every item of every kind in the period's cycle, rated for `period`.

    ``chosen`` narrows a kind by its ``ItemSource.chosen_by`` (``measures=``, ``actions=``, a
    queryset; ``None`` or left out: all of them). Figures awaiting approval are shown marked
    provisional, or, with `include_provisional=False` (a report of approved figures), counted
    as awaiting approval. `high_risk_from` is the council's high-risk band, read from its
    settings unless the caller has them already.
    """
    unknown = set(chosen) - {source.chosen_by for source in ITEM_SOURCES}
    if unknown:
        raise TypeError(f"items_for() has no kind of item chosen by {', '.join(sorted(unknown))}")
    tree = tree or ObjectiveTree()
    items: list[Item] = []
    for source in ITEM_SOURCES:
        narrowed = chosen.get(source.chosen_by)
        rows = source.rows(
            period,
            source.everything() if narrowed is None else narrowed,
            today=today,
            include_provisional=include_provisional,
        )
        url = _url_maker(source.page)
        items += [source.item(row, tree, url) for row in rows]
    high_from = high_risk_from or CouncilSettings.load().risk_high_from
    if high_from != HIGH_RISK:
        items = [replace(item, high_risk_from=high_from) for item in items]
    return items
