"""The council's reports, registered by name in `reporting/exports.py` when the app is ready.

Each report is its items, a cover counting them, and its sections; a report that is also an
annex of a pack builds its sections with the same annex function the pack uses, so a report
and its annex are the same table.
"""

from actionplans.models import Action
from scorecard.models import CouncilSettings, Measure, Plan, ReportingPeriod, Result, Target
from scorecard.rules.periods import parse_period
from scorecard.rules.returns import HANDED_IN
from scorecard.rules.summaries import summarise

from ..benchmarking import chosen_group, with_quartiles
from ..exports import ReportType
from ..items import Item, items_for
from ..pages import improvement_plan_table
from ..tables import ITEM_COLUMNS, QUARTILE_COLUMNS
from ..value_for_money import VALUE_FOR_MONEY_COLUMNS, value_for_money
from .benchmarking import benchmarked_measures, benchmarking_sections, report_group
from .document import Report, TableSection
from .plans import (
    action_plan_section,
    improvement_plan_section,
    improvement_plan_sections,
    priority_action_plans_section,
)
from .risk import risk_matrix_annex
from .scope import EVERYTHING, Scope
from .sections import (
    RESULT_COLUMNS,
    exceptions_section,
    measure_pages_section,
    result_row,
    scorecard_section,
)


def _new_report(
    title: str, period: ReportingPeriod, items: list[Item], include_provisional: bool
) -> Report:
    return Report(
        title=title,
        council=CouncilSettings.load().council_name,
        period=period,
        summary=summarise(item.status for item in items),
        include_provisional=include_provisional,
    )


# Annexes: (period, scope, items, *, include_provisional) -> sections, for a report or a pack.


def scorecard_annex(
    period, scope: Scope, items: list[Item], *, include_provisional: bool, quartiles=False
):
    """The scorecard; with `quartiles`, each measure's quartile and rank against the first
    comparator group by name, as the benchmarking annex (issue 11)."""
    if quartiles:
        items = with_quartiles(items, group=chosen_group(None), until=period)
    return [scorecard_section(items, quartiles=quartiles)]


def improvement_plan_annex(
    period, scope: Scope, items, *, include_provisional: bool, labels: list[str] | None = None
):
    """The given quarters side by side (default: the period and the quarter before it);
    never a quarter after the period."""
    labels = [
        label
        for label in labels or [period.ref.previous().label, period.label]
        if parse_period(label).end <= period.end
    ]
    return improvement_plan_sections(labels, scope, include_provisional=include_provisional)


def exceptions_annex(period, scope: Scope, items: list[Item], *, include_provisional: bool):
    return [exceptions_section(items)]


def action_plans_annex(period, scope: Scope, items, *, include_provisional: bool):
    """The priority action plans, then each inspection plan's recommendations and actions."""
    paps = priority_action_plans_section(period, scope, include_provisional=include_provisional)
    plans = scope.plans().filter(recommendations__isnull=False).distinct().order_by("code")
    return ([paps] if paps is not None else []) + [action_plan_section(plan) for plan in plans]


def measure_pages_annex(period, scope: Scope, items: list[Item], *, include_provisional: bool):
    return [measure_pages_section(items, until=period, include_provisional=include_provisional)]


def benchmarking_annex(
    period, scope: Scope, items, *, include_provisional: bool, group: str | None = None
):
    """How many measures sit in each quartile and moved since last year, then each
    benchmarked measure's position in the group (issue 11); approved results only, whatever
    the pack's choice. A pack benchmarks against the first group by name."""
    return benchmarking_sections(period, scope, group=report_group(group))


# Reports: (period, scope, *, include_provisional, **options) -> Report.


def _annex_report(
    title: str,
    annex,
    period: ReportingPeriod,
    scope: Scope,
    *,
    measures,
    actions,
    include_provisional: bool,
    **options,
) -> Report:
    """A report of one annex, its cover counting the `measures` and `actions` it rates."""
    provisional = include_provisional
    items = items_for(period, measures=measures, actions=actions, include_provisional=provisional)
    report = _new_report(title, period, items, provisional)
    report.sections += annex(period, scope, items, include_provisional=provisional, **options)
    return report


def scorecard_report(
    period: ReportingPeriod,
    scope: Scope = EVERYTHING,
    *,
    include_provisional: bool = False,
    quartiles: bool = False,
) -> Report:
    return _annex_report(
        f"Balanced scorecard: {period.label}",
        scorecard_annex,
        period,
        scope,
        measures=scope.measures(),
        actions=Action.objects.none(),
        include_provisional=include_provisional,
        quartiles=quartiles,
    )


def exceptions_report(
    period: ReportingPeriod, scope: Scope = EVERYTHING, *, include_provisional: bool = False
) -> Report:
    return _annex_report(
        f"Exceptions: {period.label}",
        exceptions_annex,
        period,
        scope,
        measures=scope.measures(),
        actions=scope.actions(),
        include_provisional=include_provisional,
    )


def improvement_plan_report(
    period: ReportingPeriod,
    scope: Scope = EVERYTHING,
    labels: list[str] | None = None,
    *,
    include_provisional: bool = False,
) -> Report:
    """Each plan's improvement-plan table, counting the actions in scope."""
    return _annex_report(
        f"Improvement plans: {period.label}",
        improvement_plan_annex,
        period,
        scope,
        measures=Measure.objects.none(),
        actions=scope.actions(),
        include_provisional=include_provisional,
        labels=labels,
    )


def action_plans_report(
    period: ReportingPeriod, scope: Scope = EVERYTHING, *, include_provisional: bool = False
) -> Report:
    """The priority action plans, then each inspection plan's recommendations and actions.

    Only the priority action plans' actions are rated rows here, so only they are counted."""
    return _annex_report(
        f"Priority action plans: {period.label}",
        action_plans_annex,
        period,
        scope,
        measures=Measure.objects.none(),
        actions=scope.actions().filter(action_plan__isnull=False),
        include_provisional=include_provisional,
    )


def measure_pages_report(
    period: ReportingPeriod, scope: Scope = EVERYTHING, *, include_provisional: bool = False
) -> Report:
    """A page per Red measure: a pack's last annex, on its own."""
    return _annex_report(
        f"Measures needing attention: {period.label}",
        measure_pages_annex,
        period,
        scope,
        measures=scope.measures(),
        actions=Action.objects.none(),
        include_provisional=include_provisional,
    )


def benchmarking_report(
    period: ReportingPeriod,
    scope: Scope = EVERYTHING,
    *,
    include_provisional: bool = False,
    group: str | None = None,
) -> Report:
    """Our rank, quartile and the median among a comparator group, a row per measure."""
    chosen = report_group(group)
    return _annex_report(
        f"Benchmarking against {chosen.name}: {period.label}"
        if chosen
        else f"Benchmarking: {period.label}",
        benchmarking_annex,
        period,
        scope,
        measures=benchmarked_measures(scope),
        actions=Action.objects.none(),
        include_provisional=include_provisional,
        group=chosen.name if chosen else None,
    )


def results_report(
    period: ReportingPeriod, scope: Scope = EVERYTHING, *, include_provisional: bool = False
) -> Report:
    """Every result up to and including `period`, with its target: the history as data.

    Only periods over by the period's end (never a year still running), and only what was
    submitted: drafts are private, and a result not yet approved is provisional or awaiting
    approval as in every report.
    """
    results = (
        Result.objects.filter(
            measure__in=scope.measures(), period__end__lte=period.end, status__in=HANDED_IN
        )
        .select_related("measure", "period")
        .order_by("measure__code", "period__start", "-period__end")
    )
    targets = {
        (m, p): v
        for m, p, v in Target.objects.filter(measure__in=scope.measures()).values_list(
            "measure_id", "period_id", "value"
        )
    }
    rows = [
        result_row(r, targets.get((r.measure_id, r.period_id)), include_provisional)
        for r in results.iterator(chunk_size=5000)
    ]
    report = _new_report(f"Results to {period.label}", period, [], include_provisional)
    report.summary = summarise(row.status for row in rows)
    report.sections.append(TableSection("Results", RESULT_COLUMNS, [("", rows)]))
    return report


def risk_matrix_report(
    period: ReportingPeriod, scope: Scope = EVERYTHING, *, include_provisional: bool = False
) -> Report:
    """The 5 × 5 risk matrix of the measures in scope, approved scores only (issue 11)."""
    return _annex_report(
        f"Risk matrix: {period.label}",
        risk_matrix_annex,
        period,
        scope,
        measures=scope.measures(),
        actions=Action.objects.none(),
        include_provisional=include_provisional,
    )


def value_for_money_report(
    period: ReportingPeriod, scope: Scope = EVERYTHING, *, include_provisional: bool = False
) -> Report:
    """Services ranked for fundamental review by cost and performance (issue 11)."""
    page = value_for_money(period)
    report = _new_report(f"Value for money: {period.label}", period, [], False)
    report.sections.append(
        TableSection(
            "Services ranked for fundamental review",
            VALUE_FOR_MONEY_COLUMNS,
            [("", page.rows)],
            note=f"Net cost for {page.year_label}; performance is the share of each service's "
            "rated measures that are Green, approved figures only. Cost rank 1 is the costliest "
            "of the council's services"
            + (
                f"; cost quartile 1 is the cheapest quarter of {page.group} (cost per head "
                "where given, else net cost), for services naming a cost indicator."
                if page.group
                else "."
            ),
            sheet="Value for money",
        )
    )
    return report


def items_report(
    period: ReportingPeriod,
    scope: Scope = EVERYTHING,
    *,
    include_provisional: bool = False,
    items: list[Item] | None = None,
    quartiles: bool = False,
) -> Report:
    """The measures and actions list as its page filtered it (`items`), or all in scope; with
    `quartiles`, each measure's quartile and rank against the first comparator group."""
    if items is None:
        items = items_for(
            period,
            measures=scope.measures(),
            actions=scope.actions(),
            include_provisional=include_provisional,
        )
    report = _new_report(
        f"Measures and actions: {period.label}", period, items, include_provisional
    )
    columns = ITEM_COLUMNS
    if quartiles:
        items = with_quartiles(items, group=chosen_group(None), until=period)
        columns += QUARTILE_COLUMNS
    report.sections.append(TableSection("Measures and actions", columns, [("", items)]))
    return report


def plan_report(
    period: ReportingPeriod | None,
    scope: Scope = EVERYTHING,
    *,
    include_provisional: bool = False,
    plan: Plan,
    labels: list[str] = (),
) -> Report:
    """One plan's improvement-plan table as its page shows it: the quarters asked for, or its
    latest two, whatever `period` (the latest quarter shown is the report's period)."""
    labels = list(labels)
    section = improvement_plan_section(
        plan, labels, Scope(plan_codes=(plan.code,)), include_provisional=include_provisional
    )
    table = improvement_plan_table(plan, labels, include_provisional=include_provisional)
    if not table.periods:
        raise LookupError("This plan has no updates to export.")
    report = _new_report(plan.title, table.periods[-1], [], include_provisional)
    report.summary = table.summary
    report.sections.append(section)
    return report


REPORT_TYPES = (
    ReportType(
        "scorecard",
        "Balanced scorecard",
        scorecard_report,
        annex=scorecard_annex,
        pack_field="include_scorecard",
    ),
    ReportType(
        "improvement-plan",
        "Improvement plans",
        improvement_plan_report,
        annex=improvement_plan_annex,
        pack_field="include_improvement_plan",
    ),
    ReportType(
        "exceptions",
        "Exceptions",
        exceptions_report,
        annex=exceptions_annex,
        pack_field="include_exceptions",
    ),
    ReportType(
        "action-plans",
        "Priority action plans",
        action_plans_report,
        annex=action_plans_annex,
        pack_field="include_action_plans",
    ),
    ReportType("results", "Results", results_report),
    ReportType(
        "benchmarking",
        "Benchmarking",
        benchmarking_report,
        annex=benchmarking_annex,
        pack_field="include_benchmarking",
    ),
    ReportType(
        "risk-matrix",
        "Risk matrix",
        risk_matrix_report,
        annex=risk_matrix_annex,
        pack_field="include_risk_matrix",
    ),
    ReportType(
        "measure-pages",
        "Measures needing attention",
        measure_pages_report,
        annex=measure_pages_annex,
        pack_field="include_measure_pages",
        on_command_line=False,
    ),
    ReportType("value-for-money", "Value for money", value_for_money_report),
    ReportType("items", "Measures and actions", items_report, on_command_line=False),
    ReportType("plan", "An improvement plan", plan_report, on_command_line=False),
)
