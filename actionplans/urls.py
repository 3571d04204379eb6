from django.urls import path

from . import setup_views

app_name = "actionplans"

urlpatterns = [
    path("actions/", setup_views.actions, name="setup_actions"),
    path("actions/new/", setup_views.action_edit, name="setup_action_add"),
    path("actions/<int:pk>/", setup_views.action_edit, name="setup_action"),
    path("action-plans/", setup_views.action_plans, name="setup_plans"),
    path("action-plans/new/", setup_views.action_plan_edit, name="setup_plan_add"),
    path("action-plans/<int:pk>/", setup_views.action_plan_edit, name="setup_plan"),
]
