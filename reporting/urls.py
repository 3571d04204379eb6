from django.urls import include, path

from reporting import (
    benchmarking_views,
    judgement_views,
    pack_views,
    public_views,
    search,
    vfm_views,
    views,
)

# The public pages and open data (issue 14), open without signing in: each view is marked
# login_not_required in reporting/public_views.py, and nothing else under /public/ exists.
public_patterns = (
    [
        path("", public_views.scorecard, name="scorecard"),
        path("plans/", public_views.plans, name="plans"),
        path("data/", public_views.data, name="data"),
        path("data/<slug:slug>.csv", public_views.data_csv, name="data_csv"),
        path("data/<slug:slug>.json", public_views.data_json, name="data_json"),
        path("measures/<path:code>/", public_views.measure, name="measure"),
    ],
    "public",
)

urlpatterns = [
    path("", views.home, name="home"),
    path("public/", include(public_patterns)),
    path("dashboard/", views.dashboard, name="dashboard"),
    path("items/", views.item_list, name="items"),
    path("scorecard/", views.balanced_scorecard, name="scorecard"),
    path("plans/", views.plans, name="plans"),
    path("plans/<str:code>/improvement-plan/", views.improvement_plan, name="improvement_plan"),
    path("plans/<str:code>/action-plan/", views.action_plan, name="action_plan"),
    path("benchmarking/", benchmarking_views.benchmarking_summary, name="benchmarking"),
    # Before the measure page: its <path:code> would otherwise swallow "/benchmarking".
    path(
        "measures/<path:code>/benchmarking/",
        benchmarking_views.measure_benchmarking,
        name="measure_benchmarking",
    ),
    path("measures/<path:code>/", views.measure_detail, name="measure"),
    path("actions/<path:code>/", views.action_detail, name="action"),
    path("value-for-money/", vfm_views.value_for_money_page, name="value_for_money"),
    path("value-for-money/costs/", vfm_views.service_cost_edit, name="service_cost"),
    path("accessibility/", views.accessibility, name="accessibility"),
    path("downloads/<int:build>/", views.export_build_status, name="export_build_status"),
    path("downloads/<int:build>/download/", views.export_download, name="export_download"),
    path("search/", search.search, name="search"),
    path(
        "judgements/<int:period_id>/download/",
        judgement_views.contradictions_download,
        name="contradictions_download",
    ),
    path("packs/", pack_views.pack_list, name="packs"),
    path("packs/new/", pack_views.pack_create, name="pack_create"),
    path("packs/<int:pk>/", pack_views.pack_edit, name="pack_edit"),
    path("packs/<int:pk>/state/", pack_views.pack_state, name="pack_state"),
    path("packs/<int:pk>/preview/", pack_views.pack_preview, name="pack_preview"),
    path("packs/<int:pk>/build/", pack_views.pack_build, name="pack_build"),
    path(
        "packs/<int:pk>/builds/<int:build>/",
        pack_views.pack_build_status,
        name="pack_build_status",
    ),
    path(
        "packs/<int:pk>/builds/<int:build>/download/",
        pack_views.pack_download,
        name="pack_download",
    ),
]
