"""Settings shared by every environment; read from the environment, twelve-factor style.

`DATABASE_URL` chooses the database (SQLite file by default, PostgreSQL in production),
`SECRET_KEY`, `DEBUG`, `ALLOWED_HOSTS` and `SITE_URL` come from the environment too.
"""

import json
import os
from datetime import timedelta
from pathlib import Path

import dj_database_url

BASE_DIR = Path(__file__).resolve().parent.parent.parent


def env_bool(name: str, default: bool = False) -> bool:
    """Read a yes/no environment variable ("1", "true", "yes", "on" mean yes)."""
    value = os.environ.get(name)
    if value is None:
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def env_list(name: str, default: str = "") -> list[str]:
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


# Development falls back to a key that production settings refuse (see production.py).
INSECURE_SECRET_KEY = "django-insecure-development-only-never-use-in-production"
SECRET_KEY = os.environ.get("SECRET_KEY", INSECURE_SECRET_KEY)
DEBUG = env_bool("DEBUG", False)
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", "127.0.0.1,localhost")
# The site's address as officers reach it, for links in emails (which have no page to be
# relative to). Production refuses to start without one (see production.py).
SITE_URL = os.environ.get("SITE_URL", "http://localhost:8000")

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "django_filters",
    "django_tables2",
    "django_tasks",
    "django_tasks_db",
    # The API (issue 14): REST framework, its OpenAPI document and self-hosted docs.
    "rest_framework",
    "drf_spectacular",
    "drf_spectacular_sidecar",
    "scorecard",
    "actionplans",
    "reporting",
    # Security (issue 13): sign-in throttling and lockout, security events.
    "axes",
    "django_otp",
    "django_otp.plugins.otp_totp",
    "mozilla_django_oidc",
    "perfmgmt.security",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "perfmgmt.security.middleware.RefuseNulBytes",
    "csp.middleware.CSPMiddleware",
    # Public pages are the same for everyone: they never read a session (issue 14).
    "perfmgmt.security.middleware.PublicPagesWithoutSession",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django_otp.middleware.OTPMiddleware",
    "perfmgmt.security.middleware.SecurityHeaders",
    # Every page needs a signed-in user unless its view is marked @login_not_required:
    # published pages are a deliberate exception, never an accident.
    "django.contrib.auth.middleware.LoginRequiredMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "perfmgmt.security.middleware.IdleSignOut",  # after messages: it says why
    "perfmgmt.security.middleware.RequireOneTimeCode",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    # Last, as django-axes asks: it turns a locked-out sign-in into the lockout page.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "perfmgmt.urls"
WSGI_APPLICATION = "perfmgmt.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "scorecard.context_processors.council",
                "perfmgmt.security.context_processors.sign_in",
            ],
        },
    },
]

DATABASES = {
    "default": dj_database_url.config(
        default=f"sqlite:///{BASE_DIR / 'db.sqlite3'}",
        conn_max_age=60,
    )
}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
LOGIN_URL = "login"
LOGIN_REDIRECT_URL = "home"
LOGOUT_REDIRECT_URL = "login"

LANGUAGE_CODE = "en-gb"
TIME_ZONE = "Europe/London"
USE_I18N = True
USE_TZ = True

STATIC_URL = "static/"
STATIC_ROOT = BASE_DIR / "staticfiles"
STATICFILES_DIRS = [BASE_DIR / "static"]

MEDIA_ROOT = Path(os.environ.get("MEDIA_ROOT", BASE_DIR / "media"))
MEDIA_URL = "media/"  # never served directly: built packs are downloaded through a view

# Report packs are built in the background by `manage.py db_worker` (started by `make run`).
TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}

# --- Background builds and retention (issue 13: heavy work never blocks the web server) ---
# Files one person may have queued or building at once; one more is refused in words.
REPORT_BUILDS_PER_USER = int(os.environ.get("REPORT_BUILDS_PER_USER", 3))
# A building worker records a heartbeat this often; a build whose heartbeat is older than
# REPORT_BUILD_STALE_SECONDS lost its worker, and is built again until it has been tried
# REPORT_BUILD_ATTEMPTS times, then failed with a message.
REPORT_BUILD_HEARTBEAT_SECONDS = int(os.environ.get("REPORT_BUILD_HEARTBEAT_SECONDS", 10))
REPORT_BUILD_STALE_SECONDS = int(os.environ.get("REPORT_BUILD_STALE_SECONDS", 120))
REPORT_BUILD_ATTEMPTS = int(os.environ.get("REPORT_BUILD_ATTEMPTS", 2))
# How often `manage.py serve` looks for such builds itself, without waiting for someone to
# open a build's status page.
REPORT_BUILD_CHECK_SECONDS = int(os.environ.get("REPORT_BUILD_CHECK_SECONDS", 30))
# A page's PDF or Excel download of more rows than this (a page of the list) is built by the
# task worker with progress; up to this many are sent at once.
EXPORT_DIRECT_MAX_ROWS = int(os.environ.get("EXPORT_DIRECT_MAX_ROWS", 50))
# The reporting pages keep a period's rated items and dashboard in the cache, keyed by a
# fingerprint of the data read from the database on every request (reporting/page_cache.py),
# so a change shows at once; this bounds how long a change made outside the services (the
# Django shell, SQL) can go unseen.
REPORT_CACHE_SECONDS = int(os.environ.get("REPORT_CACHE_SECONDS", 600))
# `manage.py purge` (run daily) keeps finished task rows and built report files this many
# days; expired sessions go at once.
RETAIN_TASK_ROWS_DAYS = int(os.environ.get("RETAIN_TASK_ROWS_DAYS", 7))
RETAIN_BUILD_FILES_DAYS = int(os.environ.get("RETAIN_BUILD_FILES_DAYS", 30))

DJANGO_TABLES2_TEMPLATE = "django_tables2/table.html"

EMAIL_BACKEND = os.environ.get("EMAIL_BACKEND", "django.core.mail.backends.console.EmailBackend")
DEFAULT_FROM_EMAIL = os.environ.get("DEFAULT_FROM_EMAIL", "performance@council.example")

# The API under /api/v1/ (reporting/api/). Personal tokens (Authorization: Bearer …) for
# systems such as Power BI; the browser's session for the browsable API. Every caller is
# throttled per user; API_THROTTLE_RATE changes the rate without a deploy of code.
REST_FRAMEWORK = {
    "DEFAULT_AUTHENTICATION_CLASSES": [
        "reporting.api.authentication.BearerTokenAuthentication",
        "rest_framework.authentication.SessionAuthentication",
    ],
    "DEFAULT_PERMISSION_CLASSES": ["rest_framework.permissions.IsAuthenticated"],
    "DEFAULT_THROTTLE_CLASSES": [
        "rest_framework.throttling.UserRateThrottle",
        "rest_framework.throttling.AnonRateThrottle",
    ],
    "DEFAULT_THROTTLE_RATES": {
        "user": os.environ.get("API_THROTTLE_RATE", "1000/hour"),
        "anon": "60/hour",
    },
    "DEFAULT_FILTER_BACKENDS": ["django_filters.rest_framework.DjangoFilterBackend"],
    "DEFAULT_PAGINATION_CLASS": "rest_framework.pagination.PageNumberPagination",
    "PAGE_SIZE": 100,
    "DEFAULT_SCHEMA_CLASS": "reporting.api.schema.ApiSchema",
    "DEFAULT_RENDERER_CLASSES": [
        "rest_framework.renderers.JSONRenderer",
        "rest_framework.renderers.BrowsableAPIRenderer",
    ],
}
SPECTACULAR_SETTINGS = {
    "TITLE": "Performance management API",
    "DESCRIPTION": "Objectives, measures, targets, periods, results and actions, as the caller's "
    "role sees them in the browser. Authenticate with a personal API token: "
    "`Authorization: Bearer <token>`.",
    "VERSION": "1",
    "SERVE_INCLUDE_SCHEMA": False,
    # The document and docs need a sign-in (a token or the session), like every other page.
    "SERVE_PERMISSIONS": ["rest_framework.permissions.IsAuthenticated"],
    # Swagger UI and Redoc from our own static files (drf-spectacular-sidecar), never a CDN.
    "SWAGGER_UI_DIST": "SIDECAR",
    "SWAGGER_UI_FAVICON_HREF": "SIDECAR",
    "REDOC_DIST": "SIDECAR",
    # One name for the RAG an officer may send, whichever field carries it.
    "ENUM_NAME_OVERRIDES": {
        "RagOrBlankEnum": "reporting.api.serializers.RAG_OR_BLANK",
        # short_term and long_term share one set of directions: one name for both.
        "DirectionEnum": "reporting.api.serializers.DIRECTION_CHOICES",
    },
}
# How long a new personal API token lasts unless its owner chooses otherwise (days).
API_TOKEN_DAYS = int(os.environ.get("API_TOKEN_DAYS", "90"))

# --- Public pages and open data (issue 14; see docs/public.md) ------------------------------
# The licence the council publishes its open data under, stated beside every download.
OPEN_DATA_LICENCE = os.environ.get("OPEN_DATA_LICENCE", "Open Government Licence v3.0")
OPEN_DATA_LICENCE_URL = os.environ.get(
    "OPEN_DATA_LICENCE_URL",
    "https://www.nationalarchives.gov.uk/doc/open-government-licence/version/3/",
)
# The council's logo on the public pages: a path among the static files, e.g.
# "img/council-logo.svg", with its text alternative; none when empty.
PUBLIC_LOGO = os.environ.get("PUBLIC_LOGO", "")
PUBLIC_LOGO_ALT = os.environ.get("PUBLIC_LOGO_ALT", "")
# How long a cached public page is kept at most. A change of what the public may see starts a
# new cache generation at once (scorecard/services/public_cache.py); this bounds how long a
# server process without a shared cache (no CACHE_URL) may serve the old one.
PUBLIC_CACHE_SECONDS = int(os.environ.get("PUBLIC_CACHE_SECONDS", 300))

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": os.environ.get("LOG_LEVEL", "INFO")},
    # WeasyPrint narrates every step at INFO; its warnings are what matter.
    "loggers": {"weasyprint": {"level": "WARNING"}, "fontTools": {"level": "WARNING"}},
}

# --- Security (issue 13; see docs/security.md) ----------------------------------------------
# Content-Security-Policy: the app serves its own scripts and styles and has no inline script or
# style, so nothing else may run, even text that some day escaped a template.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'"],
        "style-src": ["'self'"],
        "img-src": ["'self'", "data:"],
        "font-src": ["'self'"],
        "connect-src": ["'self'"],
        "object-src": ["'none'"],
        "base-uri": ["'none'"],
        "frame-ancestors": ["'none'"],
        "form-action": ["'self'"],
    }
}
# No page needs a camera, a microphone, the person's location or a payment.
PERMISSIONS_POLICY = (
    "accelerometer=(), camera=(), geolocation=(), gyroscope=(), magnetometer=(), "
    "microphone=(), payment=(), usb=()"
)
# Uploaded workbooks are refused before they are read when they would expand past these:
# a return of thousands of rows is a few megabytes unpacked (a zip bomb is hundreds).
WORKBOOK_MAX_UNCOMPRESSED_BYTES = int(os.environ.get("WORKBOOK_MAX_UNCOMPRESSED_BYTES", 50_000_000))
WORKBOOK_MAX_ROWS = int(os.environ.get("WORKBOOK_MAX_ROWS", 50_000))
# A refused workbook lists this many problems, then says how many more there are.
WORKBOOK_ERRORS_SHOWN = 100

# Sign-in throttling (django-axes): after AXES_FAILURE_LIMIT wrong passwords in a row for one
# username from one address, that username is locked there for AXES_COOLOFF_TIME, even against
# the right password. Unlock: `manage.py axes_reset_username NAME`, or delete the attempt in
# the set-up pages (Sign-in security > Access attempts > Unlock).
AUTHENTICATION_BACKENDS = [
    "perfmgmt.security.backends.SignInThrottle",
    "perfmgmt.security.sso.LocalPasswords",
    "perfmgmt.security.sso.CouncilSignOn",
]
AXES_FAILURE_LIMIT = int(os.environ.get("SIGN_IN_FAILURE_LIMIT", 5))
AXES_COOLOFF_TIME = timedelta(minutes=int(os.environ.get("SIGN_IN_LOCKOUT_MINUTES", 30)))
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_CALLABLE = "perfmgmt.security.views.locked_out"
AXES_ENABLE_ACCESS_FAILURE_LOG = True
AXES_ENABLE_ADMIN = False  # perfmgmt/security/admin.py shows lockouts, read-only but "Unlock"

# Sessions end after SESSION_IDLE_TIMEOUT seconds unused, and SESSION_COOKIE_AGE seconds after
# sign-in however busy (perfmgmt.security.middleware.IdleSignOut).
SESSION_IDLE_TIMEOUT = int(os.environ.get("SESSION_IDLE_TIMEOUT", 30 * 60))
SESSION_COOKIE_AGE = int(os.environ.get("SESSION_COOKIE_AGE", 12 * 60 * 60))

# Security events (sign-in, failure, lockout, 403, role and privilege changes, exports) as one
# JSON object per line on their own logger, for a council's log collector: to standard error
# beside the rest, or appended to SECURITY_LOG_FILE (perfmgmt/security/events.py).
LOGGING["formatters"] = {"json": {"()": "perfmgmt.security.events.JsonLines"}}
LOGGING["handlers"]["security"] = (
    {
        "class": "logging.handlers.WatchedFileHandler",
        "filename": os.environ["SECURITY_LOG_FILE"],
        "formatter": "json",
    }
    if os.environ.get("SECURITY_LOG_FILE")
    else {"class": "logging.StreamHandler", "formatter": "json"}
)
LOGGING["loggers"]["perfmgmt.security"] = {
    "handlers": ["security"],
    "level": "INFO",
    "propagate": False,
}

# One-time codes (django-otp, TOTP): the performance team and superusers confirm each sign-in
# with a code from an authenticator app (scorecard.returns.permissions.needs_one_time_code).
# On unless switched off (development and the test suite do; their own tests switch it on).
ONE_TIME_CODES_REQUIRED = env_bool("ONE_TIME_CODES_REQUIRED", True)
OTP_TOTP_ISSUER = os.environ.get("OTP_TOTP_ISSUER", "Council performance")

# Single sign-on with OpenID Connect (mozilla-django-oidc), on when OIDC_RP_CLIENT_ID is set:
# the sign-in page offers "Sign in with your council account". Roles and directorates follow
# the provider's groups claim through two JSON maps, group -> role name and group ->
# directorate name. LOCAL_ACCOUNTS=false leaves single sign-on as the only way in.
LOCAL_ACCOUNTS = env_bool("LOCAL_ACCOUNTS", True)
OIDC_RP_CLIENT_ID = os.environ.get("OIDC_RP_CLIENT_ID", "")
OIDC_RP_CLIENT_SECRET = os.environ.get("OIDC_RP_CLIENT_SECRET", "")
OIDC_OP_AUTHORIZATION_ENDPOINT = os.environ.get("OIDC_OP_AUTHORIZATION_ENDPOINT", "")
OIDC_OP_TOKEN_ENDPOINT = os.environ.get("OIDC_OP_TOKEN_ENDPOINT", "")
OIDC_OP_USER_ENDPOINT = os.environ.get("OIDC_OP_USER_ENDPOINT", "")
OIDC_OP_JWKS_ENDPOINT = os.environ.get("OIDC_OP_JWKS_ENDPOINT", "")
OIDC_RP_SIGN_ALGO = os.environ.get("OIDC_RP_SIGN_ALGO", "RS256")
# Match the token's key id to the provider's published keys (Entra ID names them); off only
# for a provider that publishes one unnamed key.
OIDC_VERIFY_KID = env_bool("OIDC_VERIFY_KID", True)
OIDC_RP_SCOPES = os.environ.get("OIDC_RP_SCOPES", "openid email profile")
OIDC_USERNAME_CLAIM = os.environ.get("OIDC_USERNAME_CLAIM", "preferred_username")
OIDC_GROUPS_CLAIM = os.environ.get("OIDC_GROUPS_CLAIM", "groups")
OIDC_ROLE_GROUPS = json.loads(os.environ.get("OIDC_ROLE_GROUPS", "{}"))
OIDC_DIRECTORATE_GROUPS = json.loads(os.environ.get("OIDC_DIRECTORATE_GROUPS", "{}"))
LOGIN_REDIRECT_URL_FAILURE = "/accounts/login/?sso=failed"
