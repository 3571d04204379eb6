"""The 5 × 5 risk matrix: how many targets are at each likelihood × impact, and the high ones.

Oxfordshire CC's Cabinet scorecard (seed 004) rates the risk of missing each target by
likelihood × impact and lists the action plans for the high-risk ones; issue 11 asks for the
matrix on the dashboard and as a pack annex, each cell's count linking to its items, and each
high-risk item's movement since the quarter before. The matrix counts approved scores only
(a published figure); scores awaiting approval are counted apart and said in words.
"""

from dataclasses import dataclass, field
from urllib.parse import urlencode

from django.urls import reverse

from actionplans.models import Action
from scorecard.models import ReportingPeriod, Result, ReturnStatus
from scorecard.rules.risk import SCALE, RiskBand, RiskBands, risk_movement

from .items import Item

LIKELIHOOD_WORDS = {1: "rare", 2: "unlikely", 3: "possible", 4: "likely", 5: "almost certain"}
IMPACT_WORDS = {1: "negligible", 2: "minor", 3: "moderate", 4: "major", 5: "severe"}


@dataclass(frozen=True)
class RiskCell:
    likelihood: int
    impact: int
    band: RiskBand
    items: tuple[Item, ...]
    url: str

    @property
    def score(self) -> int:
        return self.likelihood * self.impact

    @property
    def count(self) -> int:
        return len(self.items)

    @property
    def label(self) -> str:
        """The cell in words, so neither its place nor its colour has to be seen."""
        noun = "target" if self.count == 1 else "targets"
        return (
            f"{self.count} {noun} at likelihood {self.likelihood} × impact {self.impact} "
            f"= {self.score}, {self.band.word.lower()} risk"
        )


@dataclass(frozen=True)
class HighRisk:
    """A high-risk item, how its score moved, and the actions of its objectives' plans."""

    item: Item
    previous: int | None
    actions: tuple[Action, ...]

    @property
    def movement(self) -> str:
        return risk_movement(self.previous, self.item.risk_score)


@dataclass(frozen=True)
class RiskMatrix:
    period: ReportingPeriod
    bands: RiskBands
    rows: list[list[RiskCell]]  # likelihood 5 at the top, impact 1 to 5 across
    provisional: int  # scores awaiting approval: not counted, said in words
    high: list[HighRisk] = field(default_factory=list)
    previous_label: str = ""

    @property
    def scored(self) -> int:
        return sum(cell.count for row in self.rows for cell in row)

    def by_band(self) -> list[tuple[RiskBand, str, int, str]]:
        """Each band, its scores in words, how many targets are in it, and their list."""
        counts = dict.fromkeys(RiskBand, 0)
        for row in self.rows:
            for cell in row:
                counts[cell.band] += cell.count
        spans = dict(part.split(" ", 1) for part in self.bands.describe().split(", "))
        return [
            (band, spans[band.word], counts[band], _list_url(self.period, risk_band=band.value))
            for band in RiskBand
        ]

    @property
    def provisional_sentence(self) -> str:
        if not self.provisional:
            return "Every risk score shown is approved."
        scores = "score is" if self.provisional == 1 else "scores are"
        return (
            f"Provisional: {self.provisional} further risk {scores} awaiting approval and "
            "not counted here."
        )


def _list_url(period: ReportingPeriod, **params) -> str:
    query = {"period": period.label, **params, "figures": "approved"}
    return f"{reverse('items')}?{urlencode(query)}"


def risk_matrix(period: ReportingPeriod, items: list[Item], bands: RiskBands) -> RiskMatrix:
    """The matrix for `period` from the dashboard's items: three queries whatever their number."""
    scored = [i for i in items if i.risk_score is not None]
    approved = [i for i in scored if not i.provisional]
    at: dict[tuple[int, int], list[Item]] = {}
    for item in approved:
        at.setdefault((item.likelihood, item.impact), []).append(item)
    rows = [
        [
            RiskCell(
                likelihood,
                impact,
                bands.band_of(likelihood * impact),
                tuple(sorted(at.get((likelihood, impact), []), key=lambda i: i.code)),
                _list_url(period, likelihood=likelihood, impact=impact),
            )
            for impact in SCALE
        ]
        for likelihood in reversed(SCALE)
    ]
    high = [i for i in approved if bands.band_of(i.risk_score) is RiskBand.HIGH]
    previous_label = period.ref.previous().label
    return RiskMatrix(
        period=period,
        bands=bands,
        rows=rows,
        provisional=len(scored) - len(approved),
        high=high_risks(high, previous_label),
        previous_label=previous_label,
    )


def high_risks(items: list[Item], previous_label: str) -> list[HighRisk]:
    """Highest score first; each with its score the period before and its plans' actions."""
    codes = {i.code for i in items if i.kind == "measure"}
    before = {
        code: (likelihood * impact if likelihood and impact else None)
        for code, likelihood, impact in Result.objects.filter(
            measure__code__in=codes,
            period__label=previous_label,
            status=ReturnStatus.APPROVED,
        ).values_list("measure__code", "risk_likelihood", "risk_impact")
    }
    objectives = {pk for i in items for pk in i.objective_pks}
    by_objective: dict[int, list[Action]] = {}
    actions = (
        Action.objects.filter(action_plan__objective__in=objectives)
        .select_related("action_plan")
        .order_by("action_plan__code", "order", "code")
    )
    for action in actions:
        by_objective.setdefault(action.action_plan.objective_id, []).append(action)
    ordered = sorted(items, key=lambda i: (-i.risk_score, i.code))
    return [
        HighRisk(
            item=i,
            previous=before.get(i.code),
            actions=tuple(
                {a.pk: a for pk in i.objective_pks for a in by_objective.get(pk, [])}.values()
            ),
        )
        for i in ordered
    ]


def cell_words(likelihood: int, impact: int) -> tuple[str, str]:
    return LIKELIHOOD_WORDS[likelihood], IMPACT_WORDS[impact]
