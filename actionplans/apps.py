from django.apps import AppConfig


class ActionplansConfig(AppConfig):
    name = "actionplans"
    verbose_name = "Action plans: recommendations, findings, actions and updates"

    def ready(self) -> None:
        from scorecard.workbook.sheets import register_sheets

        from .workbook import (
            ActionPlansSheet,
            ActionsSheet,
            ActionUpdatesSheet,
            FindingsSheet,
            RecommendationsSheet,
        )

        # After the scorecard's sheets, in the order of docs/plan-workbook.md.
        register_sheets(
            ActionPlansSheet,
            RecommendationsSheet,
            FindingsSheet,
            ActionsSheet,
            ActionUpdatesSheet,
        )
