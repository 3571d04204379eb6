from django.contrib import admin
from django.urls import include, path

admin.site.site_header = "Performance management: set-up"
admin.site.site_title = "Performance management"

urlpatterns = [
    path("", include("reporting.urls")),
    path("returns/", include("scorecard.returns.urls")),
    path("accounts/", include("django.contrib.auth.urls")),
    # The API for Power BI and other systems, and the pages for personal API tokens (issue 14).
    path("api/", include("reporting.api.urls")),
    path("admin/", admin.site.urls),
]

# Forbidden and missing pages say why and link onward (seen only with DEBUG off).
handler403 = "reporting.errors.permission_denied"
handler404 = "reporting.errors.page_not_found"
