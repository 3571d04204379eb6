"""The API's read endpoints: thin views over the models and selectors the pages use.

Every signed-in user reads the framework and handed-in figures, as in the browser; drafts and
returned returns stay with the people who work on them (DOMAIN.md, "What a published figure
is"), so the lists of results and updates hold submitted (provisional) and approved ones only.
"""

from django.http import StreamingHttpResponse
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework import generics, renderers, viewsets
from rest_framework.exceptions import NotFound, ValidationError
from rest_framework.permissions import BasePermission, IsAuthenticated
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.settings import api_settings

from actionplans.models import Action, ActionUpdate
from scorecard.models import Measure, Objective, Plan, ReportingPeriod, Result, Target
from scorecard.returns import permissions
from scorecard.rules.rag import Status
from scorecard.rules.returns import HANDED_IN

from ..dashboard import latest_period_with_results
from . import filters, serializers
from .facts import FACT_STATUSES, fact_rows, facts_csv
from .summaries import period_summary
from .travel import results_travel
from .writes import api_returns_save


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

    def list(self, request: Request, *args, **kwargs) -> Response:
        page = self.paginate_queryset(self.filter_queryset(self.get_queryset()))
        # The page's direction of travel in three queries, not three per result.
        context = {**self.get_serializer_context(), "travel": results_travel(page)}
        data = self.serializer_class(page, many=True, context=context).data
        return self.get_paginated_response(data)


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
    OpenApiParameter(
        "status", str, enum=[s.value for s in FACT_STATUSES], description="A RAG status"
    ),
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

    def _status(self) -> Status | None:
        wanted = self.request.query_params.get("status")
        if not wanted:
            return None
        if wanted not in {s.value for s in FACT_STATUSES}:
            choices = ", ".join(s.value for s in FACT_STATUSES)
            raise ValidationError({"status": [f"{wanted} is not a RAG status; use {choices}."]})
        return Status(wanted)

    @extend_schema(parameters=FACT_PARAMETERS)
    def get(self, request: Request, *args, **kwargs):
        return self.list(request, *args, **kwargs)

    def list(self, request: Request, *args, format: str | None = None, **kwargs):
        rows = fact_rows(self._periods(), self._measures(), status=self._status())
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


class SummaryView(generics.GenericAPIView):
    """A period's report summary: the dashboard's RAG counts, overall, for measures and for
    actions, by objective and by directorate, and the direction of travel of the measures."""

    serializer_class = serializers.SummarySerializer
    filter_backends: list = []
    pagination_class = None

    @extend_schema(
        parameters=[
            OpenApiParameter(
                "period", str, description="A period label; the dashboard's latest if left out"
            )
        ]
    )
    def get(self, request: Request) -> Response:
        period = _period_or_latest(request.query_params.get("period"))
        return Response(self.get_serializer(period_summary(period)).data)


def _period_or_latest(label: str | None) -> ReportingPeriod:
    """The period named, else the one the dashboard opens on; 404 saying which is missing."""
    if label:
        period = ReportingPeriod.objects.filter(label=label).first()
        if period is None:
            raise NotFound(f"There is no period {label}.")
        return period
    period = latest_period_with_results()
    if period is None:
        raise NotFound("Nothing has been reported yet, so there is no period to summarise.")
    return period


class EntersReturns(BasePermission):
    """Officers, approvers and the performance team enter returns; other roles only read."""

    message = "Your role only reads: results and updates are entered by officers and approvers"

    def has_permission(self, request, view) -> bool:
        return permissions.can_update_assigned(request.user)


def _saved(outcome) -> dict:
    ret = outcome.saved
    return {
        "row": outcome.row,
        "kind": outcome.kind,
        "code": outcome.code,
        "period": outcome.period,
        "status": ret.status,
        "version": ret.version,
        "rag": ret.rag,
        "rag_explanation": getattr(ret, "rag_explanation", ""),
    }


def _refused(outcome) -> dict:
    return {
        "row": outcome.row,
        "code": outcome.code,
        "period": outcome.period,
        "errors": outcome.errors,
    }


def _unreadable(data, errors: dict) -> dict:
    """Rows that could not be read, in the same shape as refused ones (row numbers from 1)."""
    by_row = errors.get("rows") if isinstance(errors.get("rows"), dict) else {}
    sent = data.get("rows") if isinstance(data, dict) else None
    rows = []
    for index, problems in by_row.items():
        if not isinstance(index, int):
            continue
        row = sent[index] if isinstance(sent, list) and isinstance(sent[index], dict) else {}
        rows.append(
            {
                "row": index + 1,
                "code": str(row.get("code", "")),
                "period": str(row.get("period", "")),
                "errors": {name: " ".join(map(str, msgs)) for name, msgs in problems.items()},
            }
        )
    general = [str(m) for key, msgs in _flat(errors) if key != "row" for m in msgs]
    detail = "Nothing was saved: " + ("; ".join(general) or f"{len(rows)} rows could not be read")
    return {"detail": detail, "rows": rows}


def _flat(errors: dict):
    """The problems that belong to no one row: a missing list, too many rows, not JSON."""
    for key, value in errors.items():
        if isinstance(value, list):
            yield key, value
        elif isinstance(value, dict):
            yield from ((k, v) for k, v in value.items() if not isinstance(k, int))


class ReturnBatch(generics.GenericAPIView):
    """Save or submit results and action updates: one row or up to 1,000, all or nothing.

    Each row goes through the same service as the forms: rated by the measure's rule, refused
    for a period that is not open to you or an item you may not update, refused when its
    ``version`` is not the one stored (someone changed it since you read it), and audited as
    yours. If any row is refused, nothing is saved and every refused row is listed.
    """

    serializer_class = serializers.ReturnBatchSerializer
    permission_classes = [IsAuthenticated, EntersReturns]
    filter_backends: list = []

    @extend_schema(
        responses={200: serializers.SavedBatchSerializer, 400: serializers.RefusedBatchSerializer}
    )
    def post(self, request: Request) -> Response:
        batch = self.get_serializer(data=request.data)
        if not batch.is_valid():
            return Response(_unreadable(request.data, batch.errors), status=400)
        ok, outcomes = api_returns_save(user=request.user, rows=batch.validated_data["rows"])
        if not ok:
            refused = [_refused(outcome) for outcome in outcomes if outcome.errors]
            detail = f"Nothing was saved: {len(refused)} of {len(outcomes)} rows were refused"
            return Response({"detail": detail, "rows": refused}, status=400)
        return Response({"saved": [_saved(outcome) for outcome in outcomes]})
