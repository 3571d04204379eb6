"""The risk matrix as a report and an annex: the matrix, the bands, and the high-risk targets.

The same `reporting.risk.RiskMatrix` the dashboard shows (issue 11; Oxfordshire CC's Cabinet
scorecard, seed 004), as three tables every renderer formats: the 5 × 5 grid with each cell's
count, score and band in words; the count per band; and each high-risk target with its
movement since the period before and its plans' actions.
"""

from dataclasses import dataclass

from scorecard.models import CouncilSettings

from ..items import Item, items_for
from ..risk import RiskMatrix, risk_matrix
from ..tables import Col
from .document import TableSection
from .scope import Scope

GRID_COLUMNS = (
    Col("likelihood", "Likelihood"),
    *(Col(f"impact_{n}", f"Impact {n}") for n in range(1, 6)),
)
BAND_COLUMNS = (Col("band", "Band"), Col("scores", "Scores"), Col("count", "Targets", "number"))
HIGH_COLUMNS = (
    Col("code", "Code", "code"),
    Col("title", "Title"),
    Col("risk", "Risk (likelihood × impact)"),
    Col("movement", "Since the period before"),
    Col("actions", "Action plans"),
)


@dataclass(frozen=True)
class GridRow:
    likelihood: str
    impact_1: str
    impact_2: str
    impact_3: str
    impact_4: str
    impact_5: str


@dataclass(frozen=True)
class BandRow:
    band: str
    scores: str
    count: int


@dataclass(frozen=True)
class HighRow:
    code: str
    title: str
    risk: str
    movement: str
    actions: str
    url: str = ""


def _grid(matrix: RiskMatrix) -> list[GridRow]:
    return [
        GridRow(
            f"Likelihood {row[0].likelihood}",
            *(f"{cell.count}: {cell.band.word} ({cell.score})" for cell in row),
        )
        for row in matrix.rows
    ]


def _high(matrix: RiskMatrix) -> list[HighRow]:
    return [
        HighRow(
            code=h.item.code,
            title=h.item.title,
            risk=f"{h.item.likelihood} × {h.item.impact} = {h.item.risk_score}",
            movement=h.movement.capitalize(),
            actions="; ".join(f"{a.action_plan.code}: {a.code} {a.title}" for a in h.actions)
            or "No action plan",
            url=h.item.url,
        )
        for h in matrix.high
    ]


def risk_matrix_sections(matrix: RiskMatrix) -> list:
    """The matrix, then its bands and high risks on the same pages: one annex, portrait.

    What the matrix counts is said in the grid's note, not a narrative section: in a pack,
    narrative sections are the committee report's own (numbered, signed off)."""
    period = matrix.period.label
    return [
        TableSection(
            f"Risk matrix, {period} (likelihood down, impact across)",
            GRID_COLUMNS,
            [("", _grid(matrix))],
            note=f"Risk of missing the target: likelihood × impact, each from 1 to 5: "
            f"{matrix.scored} approved risk scores. Bands: {matrix.bands.describe()}. "
            f"{matrix.provisional_sentence} Each cell gives the number of targets, then the "
            "band and the score.",
            landscape=False,
            sheet="Risk matrix",
        ),
        TableSection(
            f"Targets by risk band, {period}",
            BAND_COLUMNS,
            [("", [BandRow(b.word, span, n) for b, span, n, _ in matrix.by_band()])],
            landscape=False,
            sheet="Risk bands",
            continues=True,
        ),
        TableSection(
            f"High-risk targets, and their movement since {matrix.previous_label}",
            HIGH_COLUMNS,
            [("", _high(matrix))],
            landscape=False,
            sheet="High risks",
            continues=True,
        ),
    ]


def risk_matrix_annex(period, scope: Scope, items: list[Item], *, include_provisional: bool):
    """The annex counts approved scores whatever the pack's choice, and says what it left out:
    a provisional score is never placed on the matrix."""
    if include_provisional is False:
        items = items_for(period, measures=scope.measures(), actions=scope.actions().none())
    bands = CouncilSettings.load().risk_bands
    return risk_matrix_sections(risk_matrix(period, items, bands))
