from django.urls import path

from . import views

app_name = "setup"

urlpatterns = [
    path("", views.index, name="index"),
    path("measures/", views.measure_list, name="measures"),
    path("measures/new/", views.measure_edit, name="measure_add"),
    path("measures/<int:pk>/", views.measure_edit, name="measure"),
    path("audit/", views.audit, name="audit"),
    path("audit/excel/", views.audit_download, name="audit_download"),
    path("council/", views.council_settings, name="council"),
    path("users/", views.user_list, name="users"),
    path("users/invite/", views.user_invite, name="user_invite"),
    path("users/<int:pk>/", views.user_edit, name="user"),
    path("<str:kind>/", views.item_list, name="list"),
    path("<str:kind>/new/", views.item_edit, name="add"),
    path("<str:kind>/<int:pk>/", views.item_edit, name="edit"),
]
