"""A large, realistic council written as a plan workbook, for benchmarks and load tests.

Written as CSV and loaded by the users' importer, so the benchmarks measure the real path.
"""

import csv
import random
from pathlib import Path

from scorecard.rules.periods import PeriodKind, PeriodRef

DIRECTORATES = [
    ("Children, Young People & Families", "CYPF"),
    ("Social & Community Services", "SCS"),
    ("Environment & Economy", "EE"),
    ("Community Safety", "CS"),
    ("Resources", "RES"),
    ("Chief Executive's Office", "CEO"),
]
PERSPECTIVES = ["Customer", "Projects", "Finance", "People"]
THEMES = [
    "World class services",
    "Stronger communities",
    "A vibrant economy",
    "A cleaner greener county",
    "An efficient and effective council",
]
UNITS = [("%", 1, 100), ("number", 0, 5000), ("days", 1, 15), ("£", 0, 1_000_000)]


def _write(folder: Path, sheet: str, header: list[str], rows) -> int:
    count = 0
    with (folder / f"{sheet}.csv").open("w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle)
        writer.writerow(header)
        for row in rows:
            writer.writerow(row)
            count += 1
    return count


def _quarters(years: int) -> list[PeriodRef]:
    """The last ``years`` years of quarters, ending with the last quarter before 2026/27."""
    quarters = [PeriodRef(PeriodKind.QUARTER, 2025, 4)]
    while len(quarters) < years * 4:
        quarters.insert(0, quarters[0].previous())
    return quarters


def _objectives(prefix: str) -> list[tuple[str, str, str, str]]:
    """A theme per top-level objective, each with four objectives under it."""
    objectives = []
    for t, theme in enumerate(THEMES, start=1):
        objectives.append((f"{prefix}-{t}", theme, "", prefix))
        for o in range(1, 5):
            objectives.append((f"{prefix}-{t}.{o}", f"{theme}: objective {o}", f"{prefix}-{t}", ""))
    return objectives


MEASURE_HEADER = [
    "Code",
    "Title",
    "Objective",
    "Directorate",
    "Perspective",
    "Updaters",
    "Polarity",
    "Unit",
    "Decimal places",
    "RAG method",
    "Tolerance",
    "Lead officer",
]


def _measure_specs(rng: random.Random, measures: int, prefix: str) -> list[tuple]:
    """(code, unit, places, scale, higher is better, level) for each generated measure."""
    specs = []
    for n in range(measures):
        unit, places, scale = UNITS[n % len(UNITS)]
        higher = n % 3 != 0
        specs.append((f"{prefix} {n:04d}", unit, places, scale, higher, rng.uniform(0.3, 0.8)))
    return specs


def _target_rows(specs, labels: list[str]):
    for code, _, places, scale, _, level in specs:
        for label in labels:
            yield (code, label, round(scale * level, places))


def _measure_rows(specs, leaves, officers):
    for n, (code, unit, places, _scale, higher, _) in enumerate(specs):
        yield (
            code,
            f"Generated measure {n}",
            leaves[n % len(leaves)],
            DIRECTORATES[n % 6][0],
            PERSPECTIVES[n % 4],
            officers[n % len(officers)][0],
            "Higher is better" if higher else "Lower is better",
            unit,
            places,
            "Tolerance with improvement" if n % 5 == 0 else "Tolerance",
            "10%",
            officers[n % len(officers)][1],
        )


def _result_rows(rng: random.Random, specs, quarters: list[PeriodRef]):
    """A result per measure and quarter with trend, seasonality and noise; a few missing."""
    for code, _, places, scale, _, level in specs:
        drift = rng.uniform(-0.01, 0.01)
        value = level * rng.uniform(0.85, 1.1)
        for quarter in quarters:
            value = max(0.0, value * (1 + drift) + rng.gauss(0, 0.04) * level)
            seasonal = 0.03 * level * (1 if quarter.number in (2, 3) else -1)
            if rng.random() < 0.025:
                continue  # a missing return: NCI once its deadline has passed
            actual = min(scale, max(0.0, (value + seasonal) * scale))
            yield (code, quarter.label, round(actual, places), "Commentary on the quarter.")


def _write_actions(folder, rng, *, prefix, actions, leaves, officers, labels) -> dict[str, int]:
    """Actions under the leaf objectives, each with updates for the last eight quarters."""
    codes = [f"{prefix}-A{n:04d}" for n in range(actions)]
    rows = (
        (code, f"Generated action {n}", leaves[n % len(leaves)], *reversed(officers[n % 60]))
        for n, code in enumerate(codes)
    )
    header = ["Code", "Title", "Objective", "Lead officer", "Updaters"]
    updates = (
        (code, label, rng.choice("GGGAAR"), "Progress this quarter.")
        for code in codes
        for label in labels[-8:]
    )
    return {
        "Actions": _write(folder, "Actions", header, rows),
        "Action updates": _write(
            folder, "Action updates", ["Code", "Period", "RAG", "Commentary"], updates
        ),
    }


def _write_people(folder: Path, prefix: str) -> tuple[dict[str, int], list[tuple[str, str]]]:
    """The six directorates and sixty officers; returns the counts and (username, name)."""
    counts = {"Directorates": _write(folder, "Directorates", ["Name", "Code"], DIRECTORATES)}
    officers = [(f"{prefix.lower()}.officer{n:03d}", f"Officer {n:03d}") for n in range(60)]
    counts["Officers"] = _write(
        folder,
        "Officers",
        ["Username", "Name", "Directorate", "Roles"],
        ((u, name, DIRECTORATES[n % 6][0], "Officer") for n, (u, name) in enumerate(officers)),
    )
    return counts, officers


def _write_plan(folder: Path, prefix: str) -> tuple[dict[str, int], list[str]]:
    """One plan and its objectives; returns the counts and the codes of the leaf objectives."""
    counts = {
        "Plans": _write(folder, "Plans", ["Code", "Title"], [(prefix, "Generated corporate plan")])
    }
    objectives = _objectives(prefix)
    counts["Objectives"] = _write(
        folder, "Objectives", ["Code", "Title", "Parent", "Plan"], objectives
    )
    return counts, [code for code, _, parent, _ in objectives if parent]


def _write_measures(folder, rng, *, specs, leaves, officers, quarters) -> dict[str, int]:
    """The measures, a target for every quarter, and their results."""
    labels = [q.label for q in quarters]
    return {
        "Measures": _write(
            folder, "Measures", MEASURE_HEADER, _measure_rows(specs, leaves, officers)
        ),
        "Targets": _write(
            folder, "Targets", ["Code", "Period", "Target"], _target_rows(specs, labels)
        ),
        "Results": _write(
            folder,
            "Results",
            ["Code", "Period", "Actual", "Commentary"],
            _result_rows(rng, specs, quarters),
        ),
    }


def write_generated_council(
    folder: Path,
    *,
    measures: int,
    years: int,
    actions: int = 200,
    seed: int = 2009,
    prefix: str = "GEN",
) -> dict[str, int]:
    """Write a council of `measures` quarterly measures with `years` years of results.

    Every measure has a target and a result for every quarter, ending with the last quarter
    that ended before 2026/27, with trends, seasonality and noise; about one result in forty is
    left out so that NCI appears. Returns the rows written per sheet.
    """
    rng = random.Random(seed)
    folder.mkdir(parents=True, exist_ok=True)
    quarters = _quarters(years)
    counts, officers = _write_people(folder, prefix)
    plan_counts, leaves = _write_plan(folder, prefix)
    counts.update(plan_counts)
    # The measures are drawn before the results, as they always were: same seed, same council.
    specs = _measure_specs(rng, measures, prefix)
    counts.update(
        _write_measures(
            folder, rng, specs=specs, leaves=leaves, officers=officers, quarters=quarters
        )
    )
    counts.update(
        _write_actions(
            folder,
            rng,
            prefix=prefix,
            actions=actions,
            leaves=leaves,
            officers=officers,
            labels=[q.label for q in quarters],
        )
    )
    return counts
