"""The PostgreSQL feed: LISTEN on the triggers' channel, one Change per notification.

One psycopg 3 connection of its own, in autocommit (a LISTEN inside an open transaction hears
nothing until it ends). ``notifies(timeout=…)`` returns every few seconds so the connection can
be checked: a dead server or a killed backend raises at once, a silently dropped network shows
at the next check. Either way the feed reconnects (at once, then backing off up to
``MAX_BACKOFF`` seconds), logs it, and carries on; what was written while it was away is not
heard (a page reload shows it).
"""

from __future__ import annotations

import asyncio
import json
import logging
from collections.abc import AsyncIterator
from typing import Any

import psycopg
from django.db import connections
from psycopg import sql
from psycopg.conninfo import make_conninfo

from derivativ.database import is_transaction_pooler
from generation.changefeed.base import CHANNEL, Change, backoff

logger = logging.getLogger("generation.changefeed")

APPLICATION_NAME = "derivativ-change-feed"
# Django-only OPTIONS that are not libpq connection parameters.
_NOT_LIBPQ = {
    "assume_role",
    "context",
    "cursor_factory",
    "isolation_level",
    "pool",
    "prepare_threshold",
    "server_side_binding",
}


def conninfo_from_settings(alias: str = "default") -> str:
    """A libpq connection string for the Django database ``alias`` (its current NAME, so the
    test database under pytest)."""
    settings_dict = connections[alias].settings_dict
    params: dict[str, Any] = {
        "dbname": settings_dict.get("NAME"),
        "user": settings_dict.get("USER"),
        "password": settings_dict.get("PASSWORD"),
        "host": settings_dict.get("HOST"),
        "port": settings_dict.get("PORT"),
        "application_name": APPLICATION_NAME,
    }
    for key, value in (settings_dict.get("OPTIONS") or {}).items():
        if key not in _NOT_LIBPQ and isinstance(value, (str, int)):
            params[key] = value
    return make_conninfo(**{k: v for k, v in params.items() if v not in (None, "")})


def _one_line(exc: BaseException) -> str:
    return " ".join(str(exc).split()) or type(exc).__name__


def change_from_notify(payload: str) -> Change | None:
    """The Change a trigger's NOTIFY payload describes (None, logged, when it is not one)."""
    try:
        data = json.loads(payload)
        return Change.make(
            table=data["table"],
            op=data["op"],
            row_id=data["id"],
            owner_id=data.get("owner_id"),
            stamp=f"xid{data['xid']}",
        )
    except (ValueError, KeyError, TypeError):
        logger.warning(
            "change feed: ignoring a notification it does not understand: %.200s", payload
        )
        return None


class PostgresFeed:
    """Yields a Change for every notification on ``channel``, reconnecting for ever."""

    name = "postgres"

    def __init__(
        self, conninfo: str, *, channel: str = CHANNEL, check_seconds: float = 5.0
    ) -> None:
        self.conninfo = conninfo
        self.channel = channel
        self.check_seconds = check_seconds
        self.listening = asyncio.Event()
        self.backend_pid: int | None = None
        self.connections = 0

    @classmethod
    def from_settings(cls, alias: str = "default") -> PostgresFeed:
        settings_dict = connections[alias].settings_dict
        host = settings_dict.get("HOST") or "localhost"
        port = settings_dict.get("PORT") or 5432
        if is_transaction_pooler(f"postgres://{host}:{port}"):
            logger.warning(
                "change feed: %s:%s looks like a transaction pooler, which does not keep a "
                "LISTEN; point DATABASE_URL at the direct or session-mode connection",
                host,
                port,
            )
        return cls(conninfo_from_settings(alias))

    def describe(self) -> str:
        return f"PostgreSQL LISTEN {self.channel}"

    async def __aiter__(self) -> AsyncIterator[Change]:
        attempt = 0
        while True:
            delay = backoff(attempt)
            if delay:
                await asyncio.sleep(delay)
            attempt += 1
            try:
                conn = await psycopg.AsyncConnection.connect(self.conninfo, autocommit=True)
            except psycopg.Error as exc:
                logger.warning(
                    "change feed: cannot connect to PostgreSQL (%s); retrying in %.1f s",
                    _one_line(exc),
                    backoff(attempt),
                )
                continue
            try:
                async with conn:
                    await conn.execute(sql.SQL("LISTEN {}").format(sql.Identifier(self.channel)))
                    self.backend_pid = conn.info.backend_pid
                    self.connections += 1
                    if self.connections > 1:
                        logger.warning(
                            "change feed: reconnected to PostgreSQL (backend %s)", self.backend_pid
                        )
                    else:
                        logger.info("change feed: listening (backend %s)", self.backend_pid)
                    attempt = 0
                    self.listening.set()
                    while True:
                        async for notify in conn.notifies(timeout=self.check_seconds):
                            change = change_from_notify(notify.payload)
                            if change is not None:
                                yield change
                        await conn.execute("SELECT 1")
            except psycopg.Error as exc:
                self.listening.clear()
                logger.warning(
                    "change feed: lost the PostgreSQL connection (%s); reconnecting in %.1f s",
                    _one_line(exc),
                    backoff(attempt),
                )
            finally:
                self.listening.clear()
