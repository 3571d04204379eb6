from django.apps import AppConfig


class ActionplansConfig(AppConfig):
    name = "actionplans"
    verbose_name = "Action plans: recommendations, findings, actions and updates"

    def ready(self) -> None:
        from scorecard.kinds import ItemKind, register_kind
        from scorecard.returns.forms import ActionUpdateForm
        from scorecard.workbook.sheets import register_sheets

        from .models import Action, ActionUpdate
        from .workbook import (
            ActionPlansSheet,
            ActionsSheet,
            ActionUpdatesSheet,
            FindingsSheet,
            RecommendationsSheet,
        )

        # An action's return is its progress update: a RAG by the officer's judgement, and
        # commentary, due every period.
        register_kind(
            ItemKind(
                name="action",
                label="action",
                model=Action,
                return_model=ActionUpdate,
                fields=("rag", "commentary"),
                noun="update",
                sheet="Action updates",
                columns={"rag": "RAG", "commentary": "Commentary"},
                rated_by_rule=False,
                frequency=lambda action: "action",
                form=ActionUpdateForm,
                tag="action",
            )
        )
        # After the scorecard's sheets, in the order of docs/plan-workbook.md.
        register_sheets(
            ActionPlansSheet,
            RecommendationsSheet,
            FindingsSheet,
            ActionsSheet,
            ActionUpdatesSheet,
        )
