"""Settings for the test suite: fast hashing, mail kept in memory."""

from .base import *  # noqa: F403

DEBUG = False
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
# Static files come from the finders: tests never run collectstatic.
WHITENOISE_AUTOREFRESH = True
WHITENOISE_USE_FINDERS = True
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
# Tasks run as soon as they are enqueued, so a test sees the built pack at once.
TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.InMemoryStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
# The suite reads the pages' downloads as files in the response, whatever their size; the
# background path for large ones (issue 13) is tested with the production threshold in
# tests/reporting/render/test_background_downloads.py.
EXPORT_DIRECT_MAX_ROWS = 1_000_000


# --- Security (issue 13) ---
# Tests sign people in with force_login, which types no one-time code: codes are switched on
# only by their own tests (tests/perfmgmt/test_one_time_codes.py).
ONE_TIME_CODES_REQUIRED = False
