"""The API's read endpoints: thin views over the models and selectors the pages use.

Every signed-in user reads the framework and handed-in figures, as in the browser; drafts and
returned returns stay with the people who work on them (DOMAIN.md, "What a published figure
is"), so the lists of results and updates hold submitted (provisional) and approved ones only.
"""

from django.http import StreamingHttpResponse
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework import generics, renderers, viewsets
from rest_framework.exceptions import NotFound
from rest_framework.request import Request
from rest_framework.settings import api_settings

from actionplans.models import Action, ActionUpdate
from scorecard.models import Measure, Objective, Plan, ReportingPeriod, Result, Target
from scorecard.rules.returns import HANDED_IN

from . import filters, serializers
from .facts import fact_rows, facts_csv


class PeriodViewSet(viewsets.ReadOnlyModelViewSet):
    queryset = ReportingPeriod.objects.all()
    serializer_class = serializers.PeriodSerializer
    filterset_fields = ["kind", "state"]


class PlanViewSet(viewsets.ReadOnlyModelViewSet):
    queryset = Plan.objects.order_by("code")
    serializer_class = serializers.PlanSerializer


class ObjectiveViewSet(viewsets.ReadOnlyModelViewSet):
    queryset = Objective.objects.select_related("plan", "parent", "directorate").order_by("code")
    serializer_class = serializers.ObjectiveSerializer
    filterset_class = filters.ObjectiveFilter


class MeasureViewSet(viewsets.ReadOnlyModelViewSet):
    queryset = (
        Measure.objects.select_related("directorate")
        .prefetch_related("objectives")
        .defer("definition", "data_quality")
        .order_by("code")
    )
    serializer_class = serializers.MeasureSerializer
    filterset_class = filters.MeasureFilter


class TargetViewSet(viewsets.ReadOnlyModelViewSet):
    queryset = Target.objects.select_related("measure", "period").order_by(
        "measure__code", "period__start"
    )
    serializer_class = serializers.TargetSerializer
    filterset_class = filters.TargetFilter


class ResultViewSet(viewsets.ReadOnlyModelViewSet):
    """Results handed in (submitted ones are provisional), with the RAG the rules stored."""

    queryset = (
        Result.objects.filter(status__in=HANDED_IN)
        .select_related("measure", "period")
        .order_by("measure__code", "period__start")
    )
    serializer_class = serializers.ResultSerializer
    filterset_class = filters.ResultFilter


class ActionViewSet(viewsets.ReadOnlyModelViewSet):
    queryset = Action.objects.select_related("objective", "directorate").order_by("code")
    serializer_class = serializers.ActionSerializer
    filterset_class = filters.ActionFilter


class ActionUpdateViewSet(viewsets.ReadOnlyModelViewSet):
    queryset = (
        ActionUpdate.objects.filter(status__in=HANDED_IN)
        .select_related("action", "period")
        .order_by("action__code", "period__start")
    )
    serializer_class = serializers.ActionUpdateSerializer
    filterset_class = filters.ActionUpdateFilter


FACT_PARAMETERS = [
    OpenApiParameter("period", str, description="A period label, e.g. 2009/10 Q2; all if left out"),
    OpenApiParameter("objective", str, description="An objective code"),
    OpenApiParameter("directorate", str, description="A directorate's name"),
]


class CsvRenderer(renderers.BaseRenderer):
    """Lets ``?format=csv`` choose CSV; the view streams the rows itself (``facts_csv``)."""

    media_type = "text/csv"
    format = "csv"
    charset = "utf-8"

    def render(self, data, accepted_media_type=None, renderer_context=None):
        return data if isinstance(data, bytes) else str(data).encode()


class FactList(generics.ListAPIView):
    """The results fact table: one row per measure and period, with its dimensions.

    Add ``?format=csv`` (or ask for ``/api/v1/facts.csv``) for CSV, streamed.
    """

    serializer_class = serializers.FactSerializer
    filter_backends: list = []
    renderer_classes = [*api_settings.DEFAULT_RENDERER_CLASSES, CsvRenderer]

    def handle_exception(self, exc):
        # An error is always JSON, as the document says, even when CSV was asked for.
        self.request.accepted_renderer = renderers.JSONRenderer()
        self.request.accepted_media_type = "application/json"
        return super().handle_exception(exc)

    def _measures(self):
        measures = Measure.objects.order_by("code")
        if objective := self.request.query_params.get("objective"):
            measures = measures.filter(objectives__code=objective)
        if directorate := self.request.query_params.get("directorate"):
            measures = measures.filter(directorate__name=directorate)
        return measures

    def _periods(self):
        periods = ReportingPeriod.objects.order_by("start", "-end")
        if label := self.request.query_params.get("period"):
            periods = periods.filter(label=label)
            if not periods.exists():
                raise NotFound(f"There is no period {label}.")
        return periods

    @extend_schema(parameters=FACT_PARAMETERS)
    def get(self, request: Request, *args, **kwargs):
        return self.list(request, *args, **kwargs)

    def list(self, request: Request, *args, format: str | None = None, **kwargs):
        rows = fact_rows(self._periods(), self._measures())
        if format == "csv" or request.accepted_renderer.format == "csv":
            response = StreamingHttpResponse(
                facts_csv(rows), content_type="text/csv; charset=utf-8"
            )
            response["Content-Disposition"] = 'attachment; filename="results-facts.csv"'
            return response
        page = self.paginate_queryset(list(rows))
        return self.get_paginated_response(self.get_serializer(page, many=True).data)


class FactCsv(FactList):
    """The results fact table as CSV (the same rows as /api/v1/facts/)."""

    @extend_schema(parameters=FACT_PARAMETERS, responses={(200, "text/csv"): OpenApiTypes.STR})
    def get(self, request: Request, *args, **kwargs):
        return self.list(request, format="csv")
