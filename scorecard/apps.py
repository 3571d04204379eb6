from django.apps import AppConfig


class ScorecardConfig(AppConfig):
    name = "scorecard"
    verbose_name = "Scorecard: objectives, measures, targets and results"

    def ready(self) -> None:
        from django.db.models import Q

        from scorecard.kinds import ItemKind, register_kind
        from scorecard.models import Measure, Result
        from scorecard.returns import signals  # noqa: F401  (connects the sign-in receiver)
        from scorecard.returns.forms import ResultForm
        from scorecard.rules.measure_types import MeasureType, ResultSource

        entered = ResultSource.ENTERED.value

        # What an officer enters on a measure's return, and its column on the Results sheet.
        result_columns = {
            "actual": "Actual",
            "numerator": "Numerator",
            "denominator": "Denominator",
            "forecast": "Forecast",
            "officer_rag": "RAG",
            "commentary": "Commentary",
            "corrective_action": "Corrective action",
            "risk_likelihood": "Likelihood",
            "risk_impact": "Impact",
        }
        # Entered on the forms and the API but on no sheet: an upload leaves them as they are.
        result_flags = ("commentary_internal", "corrective_action_internal")
        # A measure's return is its result, rated by the measure's rule against its target.
        register_kind(
            ItemKind(
                name="measure",
                label="measure",
                model=Measure,
                return_model=Result,
                fields=(*result_columns, *result_flags),
                noun="result",
                sheet="Results",
                columns=result_columns,
                rated_by_rule=True,
                frequency=lambda measure: measure.frequency,
                form=ResultForm,
                # Rolled up from months or calculated: worked out, so not a return.
                returnable=Q(source=entered),
                entered_items=~Q(measure_type=MeasureType.CALCULATED.value),
                derived=lambda result: result.source != entered,
            )
        )
