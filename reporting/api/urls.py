"""/api/v1/: the API (issue 14), its OpenAPI document and docs; /api/tokens/: personal tokens.

API views are exempt from the sign-in redirect: REST framework authenticates them itself
(a token or the session) and answers 401 or 403, never a redirect to the login page.
"""

from django.urls import include, path
from drf_spectacular.views import (
    SpectacularAPIView,
    SpectacularRedocView,
    SpectacularSwaggerSplitView,
)
from rest_framework.routers import DefaultRouter

from . import token_views, views

router = DefaultRouter(trailing_slash=True)
router.register("periods", views.PeriodViewSet)
router.register("plans", views.PlanViewSet)
router.register("objectives", views.ObjectiveViewSet)
router.register("measures", views.MeasureViewSet)
router.register("targets", views.TargetViewSet)
router.register("results", views.ResultViewSet)
router.register("actions", views.ActionViewSet)
router.register("updates", views.ActionUpdateViewSet, basename="actionupdate")


def _open(patterns):
    """Mark every API view as authenticating itself (see the module docstring)."""
    for pattern in patterns:
        if hasattr(pattern, "callback"):
            pattern.callback.login_required = False
    return patterns


v1 = _open(
    [
        path("facts/", views.FactList.as_view(), name="api-facts"),
        path("facts.csv", views.FactCsv.as_view(), name="api-facts-csv"),
        path("summaries/", views.SummaryView.as_view(), name="api-summaries"),
        path("returns/", views.ReturnBatch.as_view(), name="api-returns"),
        path("schema/", SpectacularAPIView.as_view(), name="api-schema"),
        path("docs/", SpectacularSwaggerSplitView.as_view(url_name="api-schema"), name="api-docs"),
        path("redoc/", SpectacularRedocView.as_view(url_name="api-schema"), name="api-redoc"),
        *router.urls,
    ]
)

urlpatterns = [
    path("v1/", include(v1)),
    path("tokens/", token_views.tokens, name="api-tokens"),
    path("tokens/<int:pk>/revoke/", token_views.token_revoke_view, name="api-token-revoke"),
]
