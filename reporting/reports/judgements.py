"""The judgements that differ from the rule in a period, as a report: the performance team's
list (``scorecard.returns.selectors.judgement_contradictions``) as one table every renderer
formats (issue 12, "The approver": "the performance team gets a list of them per period")."""

from dataclasses import dataclass
from decimal import Decimal

from django.urls import reverse

from scorecard.models import CouncilSettings, ReportingPeriod
from scorecard.returns.selectors import Contradiction, judgement_contradictions
from scorecard.rules.rag import Status, judgement_explanation
from scorecard.rules.summaries import summarise

from ..tables import Col
from .document import Report, TableSection

CONTRADICTION_COLUMNS = (
    Col("code", "Code", "code"),
    Col("title", "Measure"),
    Col("target", "Target", "value"),
    Col("actual", "Actual", "value"),
    Col("judged", "Officer's RAG", "rag", explanation="judged_explanation"),
    Col("rule", "By target and tolerance", "rag", explanation="rule_explanation"),
    Col("rule_reason", "Why (target and tolerance)", "reason", False, "rule_explanation"),
    Col("reason", "Officer's reason"),
    Col("status", "Status"),
)


@dataclass(frozen=True)
class ContradictionRow:
    code: str
    title: str
    unit: str
    decimal_places: int
    target: Decimal | None
    actual: Decimal | None
    judged: Status
    judged_explanation: str
    rule: Status
    rule_explanation: str
    reason: str
    status: str
    url: str


def _row(found: Contradiction) -> ContradictionRow:
    result, measure = found.result, found.result.measure
    judged = Status(result.officer_rag)
    return ContradictionRow(
        code=measure.code,
        title=measure.title,
        unit=measure.unit,
        decimal_places=measure.decimal_places,
        target=found.target.value if found.target else None,
        actual=result.actual,
        judged=judged,
        judged_explanation=judgement_explanation(judged),
        rule=found.rule.status,
        rule_explanation=found.rule.explanation,
        reason=result.judgement_reason or "None given",
        status=result.get_status_display(),
        url=reverse("returns:edit", args=["measure", measure.pk, result.period_id]),
    )


def contradictions_report(period: ReportingPeriod) -> Report:
    """Every result of ``period`` whose officer's RAG differs from its target and tolerance,
    submitted or approved, each with both ratings and the officer's reason."""
    rows = [_row(found) for found in judgement_contradictions(period)]
    title = f"Judgements that differ from the rule: {period.label}"
    report = Report(
        title=title,
        council=CouncilSettings.load().council_name,
        period=period,
        summary=summarise(row.judged for row in rows),
        include_provisional=True,  # the team checks submitted returns before they are published
    )
    report.sections.append(
        TableSection(
            title,
            CONTRADICTION_COLUMNS,
            [("", rows)],
            note="Measures rated by the officer's judgement whose RAG is not what the measure's "
            "target and tolerance give; check each reason before the report goes out.",
            sheet="Judgements",
        )
    )
    return report
