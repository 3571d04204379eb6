from django.apps import AppConfig


class ScorecardConfig(AppConfig):
    name = "scorecard"
    verbose_name = "Scorecard: objectives, measures, targets and results"

    def ready(self) -> None:
        from scorecard.kinds import ItemKind, register_kind
        from scorecard.models import Measure, Result
        from scorecard.returns import signals  # noqa: F401  (connects the sign-in receiver)
        from scorecard.returns.services import RESULT_FIELDS

        # A measure's return is its result, rated by the measure's rule against its target.
        register_kind(
            ItemKind(
                name="measure",
                label="measure",
                model=Measure,
                return_model=Result,
                fields=RESULT_FIELDS,
                noun="result",
                sheet="Results",
                columns={
                    "actual": "Actual",
                    "forecast": "Forecast",
                    "officer_rag": "RAG",
                    "commentary": "Commentary",
                    "corrective_action": "Corrective action",
                    "risk_likelihood": "Likelihood",
                    "risk_impact": "Impact",
                },
                rated_by_rule=True,
                frequency=lambda measure: measure.frequency,
            )
        )
