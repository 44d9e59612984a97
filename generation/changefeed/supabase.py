"""The Supabase Realtime feed (``CHANGE_FEED=supabase``): the same Changes, from Realtime's
``postgres_changes`` on the same tables, through the ``supabase`` client's async Realtime API.

Realtime streams the changes of tables in the ``supabase_realtime`` publication (migration
``questions/0004`` adds ours). It subscribes with the service role key: row level security hides
the bank's rows from the API roles, and Realtime applies it to ``postgres_changes``. Realtime
reconnects its socket and rejoins the channel by itself; when the server closes the channel, or
it has not been subscribed for ``grace_seconds``, the client is made afresh (backing off as the
PostgreSQL feed does).

Realtime sends each change to every subscriber, so with several forwarders the same claims
apply: a change's key is its table, operation, row id and commit timestamp (one per
transaction, as the transaction id is for NOTIFY).
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import time
from collections.abc import AsyncIterator, Awaitable, Callable
from typing import Any

from django.conf import settings
from django.core.exceptions import ImproperlyConfigured
from realtime import RealtimePostgresChangesListenEvent, RealtimeSubscribeStates

from generation.changefeed.base import TABLES, Change, backoff

logger = logging.getLogger("generation.changefeed")

TOPIC = "derivativ-changes"


class RealtimeUnavailable(Exception):
    pass


def change_from_realtime(payload: Any) -> Change | None:
    """The Change a Realtime ``postgres_changes`` payload describes (None, logged, if none)."""
    try:
        data = payload["data"]
        op = str(getattr(data["type"], "value", data["type"]))
        # A DELETE's old_record holds the primary key (all columns with REPLICA IDENTITY FULL).
        row = (data.get("old_record") if op == "DELETE" else data.get("record")) or {}
        return Change.make(
            table=data["table"],
            op=op,
            row_id=row["id"],
            owner_id=row.get("owner_id"),
            stamp=f"commit{data['commit_timestamp']}",
        )
    except (KeyError, TypeError, ValueError):
        logger.warning(
            "change feed: ignoring a Realtime message it does not understand: %.200r", payload
        )
        return None


async def _create_client(url: str, key: str) -> Any:
    from supabase import acreate_client

    return await acreate_client(url, key)


class SupabaseFeed:
    """Yields a Change for every Realtime ``postgres_changes`` message on our tables."""

    name = "supabase"

    def __init__(
        self,
        url: str,
        key: str,
        *,
        check_seconds: float = 5.0,
        grace_seconds: float = 30.0,
        create_client: Callable[[str, str], Awaitable[Any]] = _create_client,
    ) -> None:
        self.url = url
        self.key = key
        self.check_seconds = check_seconds
        self.grace_seconds = grace_seconds
        self.create_client = create_client
        self.listening = asyncio.Event()
        self._state: RealtimeSubscribeStates | None = None
        self._state_since = time.monotonic()
        self._error: Exception | None = None

    @classmethod
    def from_settings(cls) -> SupabaseFeed:
        if not settings.SUPABASE_URL or not settings.SUPABASE_SERVICE_ROLE_KEY:
            raise ImproperlyConfigured(
                "CHANGE_FEED=supabase needs SUPABASE_URL and SUPABASE_SERVICE_ROLE_KEY"
            )
        return cls(settings.SUPABASE_URL, settings.SUPABASE_SERVICE_ROLE_KEY)

    def describe(self) -> str:
        return f"Supabase Realtime postgres_changes at {self.url}"

    def _on_state(self, state: RealtimeSubscribeStates, error: Exception | None) -> None:
        if state != self._state:
            logger.info(
                "change feed: Realtime channel %s%s", state.value, f" ({error})" if error else ""
            )
        self._state, self._error, self._state_since = state, error, time.monotonic()

    def _check(self, channel: Any) -> None:
        """Raise when the channel will not recover by itself."""
        if self._state == RealtimeSubscribeStates.CLOSED or channel.is_closed:
            raise RealtimeUnavailable("the server closed the channel")
        waited = time.monotonic() - self._state_since
        if self._state != RealtimeSubscribeStates.SUBSCRIBED and waited > self.grace_seconds:
            raise RealtimeUnavailable(f"not subscribed for {waited:.0f} s ({self._error})")

    async def __aiter__(self) -> AsyncIterator[Change]:
        attempt = 0
        while True:
            delay = backoff(attempt)
            if delay:
                await asyncio.sleep(delay)
            attempt += 1
            received: asyncio.Queue[Change] = asyncio.Queue()

            def on_change(payload: Any, received: asyncio.Queue[Change] = received) -> None:
                change = change_from_realtime(payload)
                if change is not None:
                    received.put_nowait(change)

            client = None
            try:
                client = await self.create_client(self.url, self.key)
                channel = client.channel(TOPIC)
                for table in TABLES:
                    channel.on_postgres_changes(
                        RealtimePostgresChangesListenEvent.All,
                        callback=on_change,
                        table=table,
                        schema="public",
                    )
                self._state = None
                await channel.subscribe(self._on_state)
                if self._state != RealtimeSubscribeStates.SUBSCRIBED:
                    raise RealtimeUnavailable(f"subscribing ended {self._state} ({self._error})")
                attempt = 0
                self.listening.set()
                while True:
                    try:
                        change = await asyncio.wait_for(received.get(), self.check_seconds)
                    except TimeoutError:
                        self._check(channel)
                        continue
                    yield change
            except Exception as exc:
                logger.warning(
                    "change feed: Supabase Realtime unavailable (%s); reconnecting in %.1f s",
                    exc,
                    backoff(attempt),
                )
            finally:
                self.listening.clear()
                if client is not None:
                    with contextlib.suppress(Exception):
                        await client.realtime.close()
