from django.urls import path

from reporting import views

urlpatterns = [
    path("", views.home, name="home"),
    path("dashboard/", views.dashboard, name="dashboard"),
    path("items/", views.item_list, name="items"),
    path("scorecard/", views.balanced_scorecard, name="scorecard"),
    path("plans/<str:code>/improvement-plan/", views.improvement_plan, name="improvement_plan"),
    path("plans/<str:code>/action-plan/", views.action_plan, name="action_plan"),
    path("measures/<path:code>/", views.measure_detail, name="measure"),
    path("actions/<path:code>/", views.action_detail, name="action"),
    path("accessibility/", views.accessibility, name="accessibility"),
]
