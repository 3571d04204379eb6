from django.urls import path

from . import views

app_name = "help"

urlpatterns = [
    path("", views.help_index, name="index"),
    path("hint/hide/", views.hide_hint, name="hide_hint"),
    path("<slug:slug>/", views.help_page, name="page"),
]
