from django.urls import path

from . import comparator_views, judgement_views, notification_views, period_views, views

app_name = "returns"

urlpatterns = [
    path("", views.my_returns, name="mine"),
    path("<str:kind>/<int:item_id>/<int:period_id>/", views.return_edit, name="edit"),
    path("rag/<str:kind>/<int:item_id>/<int:period_id>/", views.rag_preview, name="rag_preview"),
    path("approvals/", views.approvals, name="approvals"),
    path("approvals/approve/", views.approve_selected, name="approve_selected"),
    path("approvals/<str:kind>/<int:pk>/approve/", views.approve, name="approve"),
    path("approvals/<str:kind>/<int:pk>/return/", views.send_back, name="send_back"),
]

urlpatterns += [
    path("period/<int:period_id>/all/", views.update_all, name="update_all"),
    path("period/<int:period_id>/excel/", views.download, name="download"),
    path("upload/", views.upload, name="upload"),
    path("comparators/", comparator_views.comparators_upload, name="comparators"),
    path("upload/confirm/", views.upload_confirm, name="upload_confirm"),
]

urlpatterns += [
    path("progress/", period_views.progress, name="progress"),
    path("periods/", period_views.periods, name="periods"),
    path("periods/<int:pk>/", period_views.period_detail, name="period"),
]

urlpatterns += [
    path(
        "period/<int:period_id>/contradictions/",
        judgement_views.contradictions,
        name="contradictions",
    ),
]

urlpatterns += [
    path("notifications/", notification_views.notifications, name="notifications"),
]
