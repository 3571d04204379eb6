"""Settings for `make run` on a developer's or evaluator's machine."""

from .base import *  # noqa: F403
from .base import env_bool

DEBUG = env_bool("DEBUG", True)
# Static files come from the finders: no collectstatic during development.
WHITENOISE_AUTOREFRESH = True
WHITENOISE_USE_FINDERS = True
