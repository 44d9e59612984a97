"""Tests: a real PostgreSQL, never SQLite.

``DATABASE_URL`` if set; else the machine's PostgreSQL on 127.0.0.1:5432 if one answers (CI has
one); else the embedded server.
"""

from __future__ import annotations

import os
import socket


def _local_postgres_answers() -> bool:
    try:
        with socket.create_connection(("127.0.0.1", 5432), timeout=0.5):
            return True
    except OSError:
        return False


if not os.environ.get("DATABASE_URL") and _local_postgres_answers():
    os.environ["DATABASE_URL"] = "postgres://postgres@127.0.0.1:5432/derivativ"

from derivativ.settings.base import *  # noqa: E402,F403

DEBUG = False
SECRET_KEY = "test-only-key"
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
WHITENOISE_AUTOREFRESH = True
WHITENOISE_USE_FINDERS = True

# A test database of this run's own, so parallel runs on one server do not collide.
DATABASES["default"]["TEST"] = {  # noqa: F405
    "NAME": os.environ.get("TEST_DATABASE_NAME") or f"test_derivativ_{os.getpid()}"
}

# Consumer tests run in short-lived event loops; a forwarder there would outlive them. Tests
# that need one start it themselves (the browser tests' server sets the variable).
CHANGE_FEED_IN_PROCESS = env_bool("CHANGE_FEED_IN_PROCESS", False)  # noqa: F405
