"""Which PostgreSQL the app talks to: ``DATABASE_URL`` when set, else the embedded one.

Supabase's transaction-mode pooler (port 6543, or a ``pooler.supabase.com`` host) multiplexes
clients over server connections, so it gets no server-side cursors and no prepared statements.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any
from urllib.parse import urlparse

import dj_database_url

BASE_DIR = Path(__file__).resolve().parent.parent
EMBEDDED_DATA_DIR = BASE_DIR / ".data" / "postgres"
EMBEDDED_DATABASE = "derivativ"


def is_transaction_pooler(url: str) -> bool:
    parsed = urlparse(url)
    return (
        parsed.port == 6543
        or (parsed.hostname or "").endswith("pooler.supabase.com")
        and (parsed.port in (None, 6543))
    )


def config_from_url(url: str, *, conn_max_age: int = 60) -> dict[str, Any]:
    """Django ``DATABASES['default']`` for a Postgres URL (plain, Supabase direct or pooler)."""
    config: dict[str, Any] = dict(dj_database_url.parse(url, conn_max_age=conn_max_age))
    config["ENGINE"] = "django.db.backends.postgresql"
    # A kept connection is checked before a request reuses it, so the first request after a
    # database restart gets a fresh connection instead of a 500 (tests/.../test_database_restart).
    config["CONN_HEALTH_CHECKS"] = True
    options = config.setdefault("OPTIONS", {})
    if is_transaction_pooler(url):
        config["DISABLE_SERVER_SIDE_CURSORS"] = True
        options["prepare_threshold"] = None
        config["CONN_MAX_AGE"] = 0
    if "supabase.co" in (urlparse(url).hostname or "") or "supabase.com" in (
        urlparse(url).hostname or ""
    ):
        options.setdefault("sslmode", "require")
    return config


def embedded_url() -> str:
    """Start (or find running) the embedded PostgreSQL under ``.data/`` and return its URL."""
    runtime = BASE_DIR / ".data" / "run"
    runtime.mkdir(parents=True, exist_ok=True, mode=0o700)
    # pgserver keeps its lock file in the user's runtime dir; give it one where none is set.
    os.environ.setdefault("XDG_RUNTIME_DIR", str(runtime))
    import pgserver

    EMBEDDED_DATA_DIR.mkdir(parents=True, exist_ok=True)
    # cleanup_mode=None: the server outlives this process, so the web server, the worker and
    # manage.py commands share it; `python manage.py embedded_db stop` stops it.
    server = pgserver.get_server(EMBEDDED_DATA_DIR, cleanup_mode=None)
    if EMBEDDED_DATABASE not in server.psql("SELECT datname FROM pg_database;"):
        server.psql(f"CREATE DATABASE {EMBEDDED_DATABASE};")
    return server.get_uri(EMBEDDED_DATABASE)


def default_database() -> dict[str, Any]:
    url = os.environ.get("DATABASE_URL", "").strip()
    return config_from_url(url or embedded_url())
