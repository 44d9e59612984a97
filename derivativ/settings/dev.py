"""Local development: DEBUG on, the embedded database unless DATABASE_URL is set."""

from __future__ import annotations

import os

os.environ.setdefault("DEBUG", "true")

from derivativ.settings.base import *  # noqa: E402,F403
from derivativ.settings.base import env_bool  # noqa: E402

DEBUG = env_bool("DEBUG", True)
SECRET_KEY = SECRET_KEY or "dev-only-insecure-key-do-not-use-in-production"  # noqa: F405
