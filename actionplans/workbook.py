"""The plan workbook's sheets for action plans: Action plans, Recommendations, Findings,
Actions, Action updates.

Registered after the scorecard's sheets by ``ActionplansConfig.ready`` (the order of
docs/plan-workbook.md), so the scorecard's workbook reads and writes them without importing
this app.
"""

import re
from collections.abc import Iterator
from dataclasses import dataclass

from actionplans.models import Action, ActionPlan, ActionUpdate, Finding, Recommendation
from scorecard.models import Directorate, Objective, Plan
from scorecard.rules.periods import PeriodRef
from scorecard.workbook.base import (
    Column,
    ImportContext,
    RowReader,
    SheetHandler,
    export_text,
    replace_links,
    upsert,
)
from scorecard.workbook.cells import a_date
from scorecard.workbook.sheets.common import (
    ReturnsSheet,
    order_cell,
    period_cell,
    updaters_cell,
    updaters_replace,
    updaters_text,
)

# "(1a) (3)", "(13,15,16)", "(5)." or "1a, 3": the codes are the runs of letters and digits.
CITATION = re.compile(r"\w+(?:\.\w+)*")


def citations(written: str) -> list[str]:
    """The recommendation and finding codes an action cites, as the 2002 CPA plan wrote them."""
    return CITATION.findall(written or "")


class ActionPlansSheet(SheetHandler):
    name = "Action plans"
    defines = "action_plan"
    columns = (
        Column("Code", required=True, max_length=40),
        Column("Title", required=True, max_length=500),
        Column("Objective"),
        Column("Lead officer", max_length=200),
        Column("Directorate"),
    )

    def existing_keys(self):
        return ActionPlan.objects.values_list("code", flat=True)

    def parse(self, reader: RowReader) -> dict:
        record = {"code": reader.get("Code"), "title": reader.get("Title")}
        for header, kind in (("Objective", "objective"), ("Directorate", "directorate")):
            record[kind] = reader.ref(header, kind, reader.get(header), kind)
        record["lead_officer"] = reader.get("Lead officer")
        return record

    def apply(self, records, present, ctx: ImportContext) -> None:
        objectives = dict(Objective.objects.values_list("code", "pk"))
        directorates = dict(Directorate.objects.values_list("name", "pk"))
        plans = [
            ActionPlan(
                code=r["code"],
                title=r["title"],
                objective_id=objectives.get(r["objective"]),
                directorate_id=directorates.get(r["directorate"]),
                lead_officer=r["lead_officer"],
                lead_user_id=ctx.user_for(r["lead_officer"]),
            )
            for r in records
        ]
        fields = ["title"] + [
            f
            for f, column in (
                ("objective", "objective"),
                ("directorate", "directorate"),
                ("lead_officer", "lead officer"),
                ("lead_user", "lead officer"),
            )
            if column in present
        ]
        upsert(ActionPlan, plans, unique_fields=["code"], update_fields=fields)

    def export_rows(self) -> Iterator[list]:
        for p in ActionPlan.objects.select_related("objective", "directorate").order_by("code"):
            yield [
                p.code,
                p.title,
                export_text(p.objective.code if p.objective else ""),
                export_text(p.lead_officer),
                export_text(p.directorate.name if p.directorate else ""),
            ]


class RecommendationsSheet(SheetHandler):
    name = "Recommendations"
    defines = "recommendation"
    columns = (
        Column("Plan", required=True),
        Column("Code", required=True, max_length=20),
        Column("Text", required=True),
        Column("Objective"),
        Column("Current position"),
        Column("Order"),
    )
    key_columns = ("Plan", "Code")

    def existing_keys(self):
        return Recommendation.objects.values_list("plan__code", "code")

    def parse(self, reader: RowReader) -> dict:
        return {
            "plan": reader.ref("Plan", "plan", reader.get("Plan"), "plan"),
            "code": reader.get("Code"),
            "text": reader.get("Text"),
            "objective": reader.ref("Objective", "objective", reader.get("Objective"), "objective"),
            "current_position": reader.get("Current position"),
            "order": order_cell(reader),
        }

    def apply(self, records, present, ctx: ImportContext) -> None:
        plans = dict(Plan.objects.values_list("code", "pk"))
        objectives = dict(Objective.objects.values_list("code", "pk"))
        rows = [
            Recommendation(
                plan_id=plans[r["plan"]],
                code=r["code"],
                text=r["text"],
                objective_id=objectives.get(r["objective"]),
                current_position=r["current_position"],
                order=r["order"],
            )
            for r in records
        ]
        fields = ["text", "order"] + [
            f for f in ("objective", "current_position") if f.replace("_", " ") in present
        ]
        upsert(Recommendation, rows, unique_fields=["plan", "code"], update_fields=fields)

    def export_rows(self) -> Iterator[list]:
        rows = Recommendation.objects.select_related("plan", "objective").order_by(
            "plan__code", "order", "code"
        )
        for r in rows:
            yield [
                r.plan.code,
                r.code,
                r.text,
                export_text(r.objective.code if r.objective else ""),
                export_text(r.current_position),
                r.order,
            ]


class FindingsSheet(SheetHandler):
    name = "Findings"
    defines = "finding"
    columns = (
        Column("Plan", required=True),
        Column("Code", required=True, max_length=20),
        Column("Text", required=True),
        Column("Category", max_length=100),
        Column("Recommendation"),
        Column("Order"),
    )
    key_columns = ("Plan", "Code")

    def existing_keys(self):
        return Finding.objects.values_list("plan__code", "code")

    def parse(self, reader: RowReader) -> dict:
        plan = reader.ref("Plan", "plan", reader.get("Plan"), "plan")
        recommendation = reader.get("Recommendation")
        if plan and recommendation:
            reader.ref(
                "Recommendation",
                "recommendation",
                (plan, recommendation),
                f"recommendation in plan {plan} coded",
            )
        return {
            "plan": plan,
            "code": reader.get("Code"),
            "text": reader.get("Text"),
            "category": reader.get("Category"),
            "recommendation": recommendation,
            "order": order_cell(reader),
        }

    def apply(self, records, present, ctx: ImportContext) -> None:
        plans = dict(Plan.objects.values_list("code", "pk"))
        recommendations = {
            (plan, code): pk
            for plan, code, pk in Recommendation.objects.values_list("plan__code", "code", "pk")
        }
        rows = [
            Finding(
                plan_id=plans[r["plan"]],
                code=r["code"],
                text=r["text"],
                category=r["category"],
                recommendation_id=recommendations.get((r["plan"], r["recommendation"])),
                order=r["order"],
            )
            for r in records
        ]
        fields = ["text", "order"] + [f for f in ("category", "recommendation") if f in present]
        upsert(Finding, rows, unique_fields=["plan", "code"], update_fields=fields)

    def export_rows(self) -> Iterator[list]:
        rows = Finding.objects.select_related("plan", "recommendation").order_by(
            "plan__code", "order", "code"
        )
        for f in rows:
            yield [
                f.plan.code,
                f.code,
                f.text,
                export_text(f.category),
                export_text(f.recommendation.code if f.recommendation else ""),
                f.order,
            ]


@dataclass
class ActionRecord:
    code: str
    values: dict
    plan: str  # the plan the citations are resolved in
    cited: list[str]
    updaters: list[str]


ACTION_TEXT_FIELDS = (
    ("Lead officer", "lead_officer"),
    ("Timescale", "timescale"),
    ("Current position", "current_position"),
    ("Further action", "further_action"),
    ("Addresses", "addresses"),
)


class ActionsSheet(SheetHandler):
    name = "Actions"
    defines = "action"
    columns = (
        Column("Code", required=True, max_length=40),
        Column("Title", required=True, max_length=500),
        Column("Objective"),
        Column("Action plan"),
        Column("Recommendation"),
        Column("Lead officer", max_length=200),
        Column("Updaters"),
        Column("Directorate"),
        Column("Due"),
        Column("Timescale", max_length=200),
        Column("Current position"),
        Column("Further action"),
        Column("Addresses", max_length=500),
        Column("Order"),
    )

    def existing_keys(self):
        return Action.objects.values_list("code", flat=True)

    def parse(self, reader: RowReader) -> ActionRecord:
        values = {"title": reader.get("Title"), "order": order_cell(reader)}
        for header, kind in (
            ("Objective", "objective"),
            ("Action plan", "action_plan"),
            ("Directorate", "directorate"),
        ):
            if reader.has(header):
                values[kind] = reader.ref(header, kind, reader.get(header), kind.replace("_", " "))
        for header, field_name in ACTION_TEXT_FIELDS:
            if reader.has(header):
                values[field_name] = reader.get(header)
        if reader.has("Due"):
            values["due"] = reader.get("Due", a_date)
        updaters = updaters_cell(reader)
        plan = reader.ctx.plan_of_objective(values.get("objective") or "")
        if reader.has("Recommendation"):
            recommendation = reader.get("Recommendation")
            if recommendation and not plan:
                reader.error("Recommendation", "a recommendation needs an Objective in a plan")
            elif recommendation:
                reader.ref(
                    "Recommendation",
                    "recommendation",
                    (plan, recommendation),
                    f"recommendation in plan {plan} coded",
                )
            values["recommendation"] = recommendation
        cited = citations(values.get("addresses", ""))
        if cited and not plan:
            reader.error("Addresses", "citations need an Objective that belongs to a plan")
        for code in cited if plan else []:
            if not (
                reader.ctx.knows("recommendation", (plan, code))
                or reader.ctx.knows("finding", (plan, code))
            ):
                reader.error(
                    "Addresses", f"there is no recommendation or finding {code!r} in plan {plan}"
                )
        return ActionRecord(reader.get("Code"), values, plan, cited, updaters)

    def apply(self, records: list[ActionRecord], present, ctx: ImportContext) -> None:
        objectives = dict(Objective.objects.values_list("code", "pk"))
        action_plans = dict(ActionPlan.objects.values_list("code", "pk"))
        directorates = dict(Directorate.objects.values_list("name", "pk"))
        recommendations = {
            (plan, code): pk
            for plan, code, pk in Recommendation.objects.values_list("plan__code", "code", "pk")
        }
        lookups = {
            "objective": objectives,
            "action_plan": action_plans,
            "directorate": directorates,
        }
        actions = []
        for r in records:
            values = dict(r.values)
            for name, lookup in lookups.items():
                if name in values:
                    values[f"{name}_id"] = lookup.get(values.pop(name))
            if "recommendation" in values:
                key = (r.plan, values.pop("recommendation"))
                values["recommendation_id"] = recommendations.get(key)
            if "lead_officer" in values:
                values["lead_user_id"] = ctx.user_for(values["lead_officer"])
            actions.append(Action(code=r.code, **values))
        fields = sorted(
            {name for r in records for name in r.values}
            | ({"lead_user"} if "lead officer" in present else set())
        )
        upsert(Action, actions, unique_fields=["code"], update_fields=fields)
        pks = dict(
            Action.objects.filter(code__in=[r.code for r in records]).values_list("code", "pk")
        )
        if "addresses" in present:
            self._link_citations(records, pks)
        if "updaters" in present:
            updaters_replace(Action, {pks[r.code]: r.updaters for r in records}, ctx)

    @staticmethod
    def _link_citations(records: list[ActionRecord], pks: dict[str, int]) -> None:
        plans = {r.plan for r in records if r.plan}
        recommendations = {
            (plan, code): pk
            for plan, code, pk in Recommendation.objects.filter(plan__code__in=plans).values_list(
                "plan__code", "code", "pk"
            )
        }
        findings = {
            (plan, code): pk
            for plan, code, pk in Finding.objects.filter(plan__code__in=plans).values_list(
                "plan__code", "code", "pk"
            )
        }
        replace_links(
            Action.recommendations.through,
            "action_id",
            "recommendation_id",
            {
                pks[r.code]: [
                    recommendations[(r.plan, c)] for c in r.cited if (r.plan, c) in recommendations
                ]
                for r in records
            },
        )
        replace_links(
            Action.findings.through,
            "action_id",
            "finding_id",
            {
                pks[r.code]: [
                    findings[(r.plan, c)]
                    for c in r.cited
                    if (r.plan, c) not in recommendations and (r.plan, c) in findings
                ]
                for r in records
            },
        )

    def export_rows(self) -> Iterator[list]:
        actions = (
            Action.objects.select_related(
                "objective", "action_plan", "recommendation", "directorate"
            )
            .prefetch_related("updaters")
            .order_by("order", "code")
        )
        for a in actions:
            yield [
                a.code,
                a.title,
                export_text(a.objective.code if a.objective else ""),
                export_text(a.action_plan.code if a.action_plan else ""),
                export_text(a.recommendation.code if a.recommendation else ""),
                export_text(a.lead_officer),
                updaters_text(a),
                export_text(a.directorate.name if a.directorate else ""),
                a.due,
                export_text(a.timescale),
                export_text(a.current_position),
                export_text(a.further_action),
                export_text(a.addresses),
                a.order,
            ]


class ActionUpdatesSheet(ReturnsSheet):
    name = "Action updates"
    defines = "action_update"
    return_model = ActionUpdate
    item_field = "action"
    columns = (
        Column("Code", required=True),
        Column("Period", required=True),
        Column("RAG"),
        Column("Commentary"),
        Column("Status"),
    )

    def parse(self, reader: RowReader) -> tuple[str, PeriodRef | None, dict]:
        code = reader.ref("Code", "action", reader.get("Code"), "action")
        values = {}
        if reader.has("RAG"):
            values["rag"] = self.rag_cell(reader)
        if reader.has("Commentary"):
            values["commentary"] = reader.get("Commentary")
        values["status"] = self.status_cell(reader)
        return (code, period_cell(reader, "Period"), values)

    def apply(self, records, present, ctx: ImportContext) -> None:
        actions = dict(
            Action.objects.filter(code__in={c for c, _, _ in records}).values_list("code", "pk")
        )
        updates = [
            ActionUpdate(action_id=actions[code], period_id=ctx.period_pk(ref), **values)
            for code, ref, values in records
        ]
        self.save(updates, self.fields_written(records, present))

    def export_rows(self) -> Iterator[list]:
        for u in self.stored():
            yield [
                u.action.code,
                u.period.label,
                self.rag_letter(u.rag),
                export_text(u.commentary),
                u.get_status_display(),
            ]
