"""Production settings: secure by default, so that `manage.py check --deploy` reports nothing.

Requires SECRET_KEY, SITE_URL, ALLOWED_HOSTS and DATABASE_URL in the environment. The app is
served over HTTPS behind the council's proxy, which sets X-Forwarded-Proto.
"""

import os
from urllib.parse import urlsplit

from django.core.exceptions import ImproperlyConfigured

from .base import *  # noqa: F403
from .base import DATABASES, INSECURE_SECRET_KEY, env_bool

DEBUG = False
SECRET_KEY = os.environ.get("SECRET_KEY", "")
if not SECRET_KEY or SECRET_KEY == INSECURE_SECRET_KEY:
    raise ImproperlyConfigured("Set SECRET_KEY to a long random value for production.")

# Reminder emails link to returns by absolute address; a wrong one sends officers nowhere.
SITE_URL = os.environ.get("SITE_URL", "")
if urlsplit(SITE_URL).scheme not in ("http", "https") or not urlsplit(SITE_URL).netloc:
    raise ImproperlyConfigured(
        "Set SITE_URL to the site's address as officers reach it, "
        "for example https://performance.council.example"
    )

SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", True)
SECURE_HSTS_SECONDS = int(os.environ.get("SECURE_HSTS_SECONDS", 60 * 60 * 24 * 365))
SECURE_HSTS_INCLUDE_SUBDOMAINS = True
SECURE_HSTS_PRELOAD = True
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
SESSION_COOKIE_SECURE = True
SESSION_COOKIE_HTTPONLY = True
CSRF_COOKIE_SECURE = True
X_FRAME_OPTIONS = "DENY"

STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}
# Source maps are fetched only by a developer's browser tools, yet the API docs' bundled maps
# (drf-spectacular-sidecar) are half of what collectstatic would compress: skip compressing
# them, which halves the time `make serve` spends collecting files. They are still served.
from whitenoise.compress import Compressor  # noqa: E402

WHITENOISE_SKIP_COMPRESS_EXTENSIONS = (
    *Compressor.SKIP_COMPRESS_EXTENSIONS,
    "map",
)

# --- Shared state for scale-out (issue 13): cache, sessions and built files shared by every
# web server and worker, each chosen by an environment variable (see shared.py). ---
from .shared import caches_from_env, default_storage_from_env, session_engine_from_env  # noqa: E402

CACHES = caches_from_env()
SESSION_ENGINE = session_engine_from_env()
STORAGES["default"] = default_storage_from_env()

# --- Security (issue 13; see docs/security.md) ----------------------------------------------
# Email goes out by SMTP over TLS. A backend that writes mail to the log or a file would put
# password-reset links where anyone who reads the logs could use them: refused.
EMAIL_BACKEND = os.environ.get("EMAIL_BACKEND", "django.core.mail.backends.smtp.EmailBackend")
if EMAIL_BACKEND.rsplit(".", 2)[-2] in ("console", "filebased", "locmem", "dummy"):
    raise ImproperlyConfigured(
        f"EMAIL_BACKEND {EMAIL_BACKEND} keeps mail in the log, a file or memory (console, "
        "file, locmem and dummy backends are for development); set EMAIL_HOST and use SMTP."
    )
EMAIL_HOST = os.environ.get("EMAIL_HOST", "localhost")
EMAIL_PORT = int(os.environ.get("EMAIL_PORT", 587))
EMAIL_HOST_USER = os.environ.get("EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = os.environ.get("EMAIL_HOST_PASSWORD", "")
EMAIL_USE_SSL = env_bool("EMAIL_USE_SSL", False)  # implicit TLS, usually port 465
EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS", not EMAIL_USE_SSL)  # STARTTLS, usually port 587
EMAIL_TIMEOUT = int(os.environ.get("EMAIL_TIMEOUT", 30))
if not (EMAIL_USE_TLS or EMAIL_USE_SSL):
    raise ImproperlyConfigured(
        "Email must be encrypted: set EMAIL_USE_TLS=true (STARTTLS) or EMAIL_USE_SSL=true."
    )

# --- SQLite on one server (a small council's set-up) -----------------------------------------
# The web workers and the task worker write the same file. A transaction that reads first and
# then writes can be refused at once ("database is locked") rather than wait its turn; taking
# the write lock at BEGIN makes them queue for up to `timeout` seconds instead (Django's
# documented remedy). PostgreSQL, the recommended production database, is unaffected.
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    DATABASES["default"].setdefault("OPTIONS", {}).update(
        {"transaction_mode": "IMMEDIATE", "timeout": 20}
    )
