"""What the API says about each thing: the same fields the pages show, by code and label."""

from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from actionplans.models import Action, ActionUpdate
from scorecard.models import Measure, Objective, Plan, ReportingPeriod, Result, Target
from scorecard.rules.travel import Direction, Travel

from .travel import results_travel

# A direction of travel, or null where no trend can be shown (the explanation says why).
DIRECTION_CHOICES = [d.value for d in Direction]
DIRECTION = {"type": "string", "enum": DIRECTION_CHOICES, "nullable": True}


class PeriodSerializer(serializers.ModelSerializer):
    class Meta:
        model = ReportingPeriod
        fields = ["id", "label", "kind", "start", "end", "deadline", "state"]


class PlanSerializer(serializers.ModelSerializer):
    class Meta:
        model = Plan
        fields = ["id", "code", "title", "vision", "period"]


class ObjectiveSerializer(serializers.ModelSerializer):
    plan = serializers.SlugRelatedField(slug_field="code", read_only=True, allow_null=True)
    parent = serializers.SlugRelatedField(slug_field="code", read_only=True, allow_null=True)
    directorate = serializers.SlugRelatedField(slug_field="name", read_only=True, allow_null=True)

    class Meta:
        model = Objective
        fields = ["id", "code", "title", "plan", "parent", "directorate", "lead_officer"]


class MeasureSerializer(serializers.ModelSerializer):
    directorate = serializers.SlugRelatedField(slug_field="name", read_only=True, allow_null=True)
    objectives = serializers.SlugRelatedField(slug_field="code", many=True, read_only=True)

    class Meta:
        model = Measure
        fields = [
            "id",
            "code",
            "title",
            "family",
            "polarity",
            "unit",
            "decimal_places",
            "frequency",
            "cumulative",
            "rag_method",
            "directorate",
            "objectives",
            "lead_officer",
        ]


class TargetSerializer(serializers.ModelSerializer):
    measure = serializers.SlugRelatedField(slug_field="code", read_only=True)
    period = serializers.SlugRelatedField(slug_field="label", read_only=True)

    class Meta:
        model = Target
        fields = ["id", "measure", "period", "value", "lower", "upper"]


class ResultSerializer(serializers.ModelSerializer):
    """A stored result as handed in: its RAG and explanation are the ones the rules stored."""

    measure = serializers.SlugRelatedField(slug_field="code", read_only=True)
    period = serializers.SlugRelatedField(slug_field="label", read_only=True)
    provisional = serializers.SerializerMethodField()
    short_term = serializers.SerializerMethodField(help_text="Against the previous period")
    short_term_explanation = serializers.SerializerMethodField()
    long_term = serializers.SerializerMethodField(help_text="Against the same period last year")
    long_term_explanation = serializers.SerializerMethodField()

    class Meta:
        model = Result
        fields = [
            "id",
            "measure",
            "period",
            "actual",
            "forecast",
            "rag",
            "rag_explanation",
            "commentary",
            "status",
            "provisional",
            "version",
            "short_term",
            "short_term_explanation",
            "long_term",
            "long_term_explanation",
        ]

    def get_provisional(self, result: Result) -> bool:
        return result.status == "submitted"

    def _travel(self, result: Result, term: int) -> Travel:
        # The view reads a page's travel at once; read alone (one result) it is read here.
        travel = self.context.get("travel") or results_travel([result])
        return travel[result.pk][term]

    @extend_schema_field(DIRECTION)
    def get_short_term(self, result: Result) -> str | None:
        direction = self._travel(result, 0).direction
        return direction and direction.value

    def get_short_term_explanation(self, result: Result) -> str:
        return self._travel(result, 0).explanation

    @extend_schema_field(DIRECTION)
    def get_long_term(self, result: Result) -> str | None:
        direction = self._travel(result, 1).direction
        return direction and direction.value

    def get_long_term_explanation(self, result: Result) -> str:
        return self._travel(result, 1).explanation


class ActionSerializer(serializers.ModelSerializer):
    objective = serializers.SlugRelatedField(slug_field="code", read_only=True, allow_null=True)
    directorate = serializers.SlugRelatedField(slug_field="name", read_only=True, allow_null=True)

    class Meta:
        model = Action
        fields = ["id", "code", "title", "objective", "directorate", "lead_officer"]


class ActionUpdateSerializer(serializers.ModelSerializer):
    action = serializers.SlugRelatedField(slug_field="code", read_only=True)
    period = serializers.SlugRelatedField(slug_field="label", read_only=True)
    provisional = serializers.SerializerMethodField()

    class Meta:
        model = ActionUpdate
        fields = ["id", "action", "period", "rag", "commentary", "status", "provisional", "version"]

    def get_provisional(self, update: ActionUpdate) -> bool:
        return update.status == "submitted"


class FactSerializer(serializers.Serializer):
    """One row of the results fact table: a measure in a period, with its dimensions."""

    measure_code = serializers.CharField()
    measure_title = serializers.CharField()
    objective_codes = serializers.CharField(help_text="The measure's objectives, '; ' between")
    objective_titles = serializers.CharField()
    directorate = serializers.CharField()
    period_label = serializers.CharField()
    period_start = serializers.DateField()
    period_end = serializers.DateField()
    unit = serializers.CharField()
    # Text, as reported: 7.84 stays "7.84", never "7.840000" (DOMAIN.md, precision).
    value = serializers.CharField(allow_null=True, help_text="A decimal number, as reported")
    target = serializers.CharField(allow_null=True, help_text="A decimal number")
    rag = serializers.CharField(help_text="Green, Amber, Red, NCI, Not rated")
    rag_explanation = serializers.CharField(allow_blank=True)
    short_term = serializers.CharField(allow_blank=True, help_text="Against the previous period")
    long_term = serializers.CharField(
        allow_blank=True, help_text="Against the same period last year"
    )
    provisional = serializers.BooleanField(help_text="Submitted, not yet approved")


RAG_OR_BLANK = [("", "None"), ("green", "Green"), ("amber", "Amber"), ("red", "Red")]


def _figure(**options):
    return serializers.DecimalField(
        max_digits=18, decimal_places=4, required=False, allow_null=True, **options
    )


def _risk():
    return serializers.IntegerField(min_value=1, max_value=5, required=False, allow_null=True)


class ReturnRowSerializer(serializers.Serializer):
    """One return sent: a measure's result or an action's update for a period.

    Fields left out keep what is stored. ``version`` is the version read (0 for a new return):
    a stale one is refused, never applied over someone else's change.
    """

    kind = serializers.ChoiceField(choices=["measure", "action"], default="measure")
    code = serializers.CharField(max_length=40)
    period = serializers.CharField(max_length=20, help_text="e.g. 2009/10 Q3")
    version = serializers.IntegerField(min_value=0)
    submit = serializers.BooleanField(default=False, help_text="Submit for approval, not a draft")
    actual = _figure()
    numerator = _figure()
    denominator = _figure()
    forecast = _figure(help_text="Year-end forecast")
    officer_rag = serializers.ChoiceField(
        choices=RAG_OR_BLANK, required=False, help_text="A measure rated by judgement"
    )
    rag = serializers.ChoiceField(choices=RAG_OR_BLANK, required=False, help_text="An action")
    commentary = serializers.CharField(required=False, allow_blank=True, max_length=10000)
    corrective_action = serializers.CharField(required=False, allow_blank=True, max_length=10000)
    commentary_internal = serializers.BooleanField(
        required=False, help_text="Keep the commentary off the public pages; left out, kept as is"
    )
    corrective_action_internal = serializers.BooleanField(
        required=False,
        help_text="Keep the corrective action off the public pages; left out, kept as is",
    )
    risk_likelihood = _risk()
    risk_impact = _risk()
    confirm_actual = serializers.BooleanField(
        required=False, help_text="Yes, an unusual actual is right"
    )
    reason = serializers.CharField(
        required=False, allow_blank=True, max_length=2000, help_text="Why a closed period changes"
    )


class ReturnBatchSerializer(serializers.Serializer):
    rows = ReturnRowSerializer(many=True, min_length=1, max_length=1000)


class SavedReturnSerializer(serializers.Serializer):
    row = serializers.IntegerField()
    kind = serializers.CharField()
    code = serializers.CharField()
    period = serializers.CharField()
    status = serializers.CharField()
    version = serializers.IntegerField()
    rag = serializers.CharField(allow_blank=True)
    rag_explanation = serializers.CharField(allow_blank=True)


class RowErrorSerializer(serializers.Serializer):
    row = serializers.IntegerField()
    code = serializers.CharField()
    period = serializers.CharField()
    errors = serializers.DictField(child=serializers.CharField())


class SavedBatchSerializer(serializers.Serializer):
    saved = SavedReturnSerializer(many=True)


class RefusedBatchSerializer(serializers.Serializer):
    detail = serializers.CharField()
    rows = RowErrorSerializer(many=True)


class SummaryCountsSerializer(serializers.Serializer):
    """How many items are in each status, as the dashboard counts them."""

    green = serializers.IntegerField()
    amber = serializers.IntegerField()
    red = serializers.IntegerField()
    nci = serializers.IntegerField(help_text="No current information: missing by the deadline")
    not_rated = serializers.IntegerField()
    awaiting_approval = serializers.IntegerField()
    provisional = serializers.IntegerField(help_text="Rated on a figure not yet approved")
    total = serializers.IntegerField()
    percent_green = serializers.DecimalField(
        max_digits=5, decimal_places=2, allow_null=True, help_text="Of the rated items"
    )


class ObjectiveCountsSerializer(SummaryCountsSerializer):
    code = serializers.CharField()
    title = serializers.CharField()


class DirectorateCountsSerializer(SummaryCountsSerializer):
    name = serializers.CharField()


class TravelCountsSerializer(serializers.Serializer):
    improved = serializers.IntegerField()
    same = serializers.IntegerField()
    worse = serializers.IntegerField()
    unknown = serializers.IntegerField(help_text="No figure to compare with")


class SummarySerializer(serializers.Serializer):
    """A period's summary: the dashboard's counts, overall, by kind, objective and directorate."""

    period = serializers.CharField()
    overall = SummaryCountsSerializer()
    overall_status = serializers.CharField(help_text="Green, Amber, Red or Not rated")
    overall_status_explanation = serializers.CharField()
    measures = SummaryCountsSerializer()
    actions = SummaryCountsSerializer()
    by_objective = ObjectiveCountsSerializer(many=True, help_text="Top-level objectives")
    by_directorate = DirectorateCountsSerializer(many=True)
    short_term = TravelCountsSerializer(help_text="Measures against the previous period")
    long_term = TravelCountsSerializer(help_text="Measures against the same period last year")
