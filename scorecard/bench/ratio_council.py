"""A council of monthly ratio measures written as a plan workbook, for `make bench`.

Each measure is entered month by month as a numerator and a denominator and reported by the
quarter, which the importer rolls up from the approved months (summed numerators over summed
denominators): the quarterly pages then show figures that were worked out, not typed.
"""

import random
from pathlib import Path

from scorecard.bench.generated_council import (
    DIRECTORATES,
    PERSPECTIVES,
    _write,
    _write_people,
    _write_plan,
)
from scorecard.rules.periods import PeriodKind, PeriodRef

# The same quarter as the snapshot council's latest, so the pages compare like with like.
QUARTER = PeriodRef(PeriodKind.QUARTER, 2025, 4)
MONTHS = ["Jan 2026", "Feb 2026", "Mar 2026"]

MEASURE_HEADER = [
    "Code",
    "Title",
    "Objective",
    "Directorate",
    "Perspective",
    "Updaters",
    "Unit",
    "Decimal places",
    "Frequency",
    "Type",
    "Aggregation",
    "RAG method",
    "Tolerance",
]


def _measure_rows(codes, leaves, officers):
    for n, code in enumerate(codes):
        yield (
            code,
            f"Generated ratio measure {n}",
            leaves[n % len(leaves)],
            DIRECTORATES[n % 6][0],
            PERSPECTIVES[n % 4],
            officers[n % len(officers)][0],
            "%",
            1,
            "Monthly",
            "Ratio",
            "Ratio",
            "Tolerance",
            "10%",
        )


def _result_rows(rng: random.Random, codes):
    """Three approved months per measure, each with its numerator and denominator."""
    for code in codes:
        rate = rng.uniform(0.4, 0.9)
        for month in MONTHS:
            denominator = rng.randint(200, 2000)
            numerator = round(denominator * min(1.0, rate * rng.uniform(0.9, 1.1)))
            yield (code, month, numerator, denominator, "Approved")


def _target_rows(rng: random.Random, codes):
    for code in codes:
        target = round(rng.uniform(50, 80), 1)
        for label in [*MONTHS, QUARTER.label]:
            yield (code, label, target)


def write_ratio_council(
    folder: Path, *, measures: int, seed: int = 2009, prefix: str = "RATIO"
) -> dict[str, int]:
    """Write `measures` monthly ratio measures with one quarter of approved months.

    Every measure has a target for each month and for the quarter. Returns the rows written
    per sheet.
    """
    rng = random.Random(seed)
    folder.mkdir(parents=True, exist_ok=True)
    counts, officers = _write_people(folder, prefix)
    plan_counts, leaves = _write_plan(folder, prefix)
    counts.update(plan_counts)
    codes = [f"{prefix} {n:04d}" for n in range(measures)]
    counts["Measures"] = _write(
        folder, "Measures", MEASURE_HEADER, _measure_rows(codes, leaves, officers)
    )
    counts["Targets"] = _write(
        folder, "Targets", ["Code", "Period", "Target"], _target_rows(rng, codes)
    )
    counts["Results"] = _write(
        folder,
        "Results",
        ["Code", "Period", "Numerator", "Denominator", "Status"],
        _result_rows(rng, codes),
    )
    return counts
