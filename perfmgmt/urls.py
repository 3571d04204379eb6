from django.contrib import admin
from django.contrib.auth.decorators import login_not_required
from django.urls import include, path
from mozilla_django_oidc.views import OIDCAuthenticationCallbackView, OIDCAuthenticationRequestView

from perfmgmt.security import views as security_views

admin.site.site_header = "Performance management: set-up"
admin.site.site_title = "Performance management"

urlpatterns = [
    path("", include("reporting.urls")),
    path("returns/", include("scorecard.returns.urls")),
    # Security (issue 13): the second step of sign-in, one-time codes.
    path(
        "accounts/one-time-codes/set-up/",
        security_views.one_time_codes_set_up,
        name="one_time_codes_set_up",
    ),
    path("accounts/one-time-codes/", security_views.one_time_code, name="one_time_code"),
    # Single sign-on: open before sign-in, as the sign-in page itself is.
    path(
        "oidc/authenticate/",
        login_not_required(OIDCAuthenticationRequestView.as_view()),
        name="oidc_authentication_init",
    ),
    path(
        "oidc/callback/",
        login_not_required(OIDCAuthenticationCallbackView.as_view()),
        name="oidc_authentication_callback",
    ),
    path("setup/", include("actionplans.urls")),
    path("help/", include("scorecard.helppages.urls")),
    path("setup/", include("scorecard.setup.urls")),
    path("accounts/", include("django.contrib.auth.urls")),
    # The API for Power BI and other systems, and the pages for personal API tokens (issue 14).
    path("api/", include("reporting.api.urls")),
    path("admin/", admin.site.urls),
]

# Forbidden and missing pages say why and link onward (seen only with DEBUG off).
handler403 = "reporting.errors.permission_denied"
handler404 = "reporting.errors.page_not_found"
