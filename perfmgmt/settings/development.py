"""Settings for `make run` on a developer's or evaluator's machine."""

from .base import *  # noqa: F403
from .base import env_bool

DEBUG = env_bool("DEBUG", True)
# Static files come from the finders: no collectstatic during development.
WHITENOISE_AUTOREFRESH = True
WHITENOISE_USE_FINDERS = True

# --- Security (issue 13) ---
# The demo's performance team and superuser sign in without an authenticator app; set
# ONE_TIME_CODES_REQUIRED=true to try one-time codes. Production always asks (base.py).
ONE_TIME_CODES_REQUIRED = env_bool("ONE_TIME_CODES_REQUIRED", False)
