"""The change feed: database changes to questions and sessions, forwarded to the browsers.

Triggers (``questions/migrations/0004_change_notify``) NOTIFY ``derivativ_changes`` with
``{table, op, id, owner_id, xid}`` after every row written, by anyone. ``python manage.py
change_feed`` listens (:mod:`.postgres`; or Supabase Realtime, :mod:`.supabase`, with
``CHANGE_FEED=supabase``) and hands each change to :mod:`generation.live`, which loads the row
once, renders it once and publishes one event: ``question.changed`` to the bank group (the card
and the columns pages filter on), ``session.changed`` to the session's group.

Exactly once with several server processes
------------------------------------------
Each server process runs a forwarder beside it, all on one Redis channel layer. Every forwarder
hears every change, and each *claims* it before publishing: ``SET <prefix>:changefeed:<key> NX
EX 300`` on the channel layer's Redis, where the key names the change identically everywhere
(its transaction id, table, operation and row id). Exactly one claim succeeds; only that
forwarder loads, renders and publishes, so each group member receives the change once, and the
channel layer delivers it to each browser's consumer once.

Why claims rather than electing one forwarder (a PostgreSQL advisory lock): every forwarder
stays live, so when one dies (or loses its connection) the others have already heard and
forwarded everything, with no takeover gap and no lock to time out; the cost is one Redis round
trip per change per forwarder, and the rendering is still done once. Claims live as long as the
slowest forwarder could lag behind the fastest (five minutes). A forwarder that dies between
claiming and publishing loses that one change (the page shows it on reload).

With the in-memory channel layer there is only one process to deliver to, so there is nothing
to deduplicate; the forwarder must then run inside that process (the tests do), as a separate
process's in-memory layer reaches no browser.

Reconnecting
------------
A feed reconnects after a database restart or a killed connection: at once, then backing off
to at most ten seconds between attempts, logging each loss and each reconnection, for ever.
Changes written while no forwarder was listening are not replayed (NOTIFY is not durable);
pages show them on reload, as every page works without the websocket.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import AsyncIterable, AsyncIterator
from typing import Protocol

from asgiref.sync import sync_to_async
from channels.db import database_sync_to_async
from channels.layers import InMemoryChannelLayer, get_channel_layer
from django.conf import settings
from django.db import InterfaceError, OperationalError, connection

from generation import live
from generation.changefeed.base import CHANNEL, PAPER_JOBS, QUESTIONS, SESSIONS, TABLES, Change
from generation.changefeed.claims import Claims, LocalClaims, RedisClaims, claims_for_channel_layer

__all__ = [
    "CHANNEL",
    "TABLES",
    "Change",
    "Claims",
    "Feed",
    "LocalClaims",
    "RedisClaims",
    "feed_from_settings",
    "forward",
    "forward_one",
    "publish",
    "run",
]

logger = logging.getLogger("generation.changefeed")


class Feed(Protocol):
    name: str

    def describe(self) -> str: ...

    def __aiter__(self) -> AsyncIterator[Change]: ...


def publish(change: Change) -> None:
    """Publish one change through :mod:`generation.live` (loads and renders the row once)."""
    if change.table == QUESTIONS:
        live.publish_question_change(question_id=change.id, operation=change.op)
    elif change.table == SESSIONS:
        live.publish_session_change(session_id=change.id, operation=change.op)
    elif change.table == PAPER_JOBS:
        live.publish_paper_job_change(job_id=change.id, operation=change.op)


def _publish_retrying(change: Change) -> None:
    # After a database restart Django's kept connection is dead: the first query fails. Drop
    # the connection and try once more (nothing was published by the failed attempt).
    try:
        publish(change)
    except (OperationalError, InterfaceError):
        connection.close()
        publish(change)


async def forward_one(change: Change, claims: Claims) -> bool:
    """Forward one change if this process wins its claim; True when it did."""
    try:
        if not await claims.claim(change.key):
            logger.debug("change feed: skipped %s (claimed by another forwarder)", change.key)
            return False
        await database_sync_to_async(_publish_retrying)(change)
    except Exception:  # one change that cannot be forwarded must not stop the feed
        logger.exception("change feed: could not forward %s", change.key)
        return False
    logger.debug("change feed: forwarded %s", change.key)
    return True


async def forward(changes: AsyncIterable[Change], claims: Claims) -> None:
    """Forward every change a feed yields, in order, for as long as it yields."""
    async for change in changes:
        await forward_one(change, claims)


def feed_from_settings(name: str | None = None) -> Feed:
    """The feed ``CHANGE_FEED`` names: ``postgres`` (LISTEN/NOTIFY) or ``supabase``."""
    name = (name or settings.CHANGE_FEED).strip().lower()
    if name == "supabase":
        from generation.changefeed.supabase import SupabaseFeed

        return SupabaseFeed.from_settings()
    if name == "postgres":
        from generation.changefeed.postgres import PostgresFeed

        return PostgresFeed.from_settings()
    raise ValueError(f"CHANGE_FEED must be 'postgres' or 'supabase', not {name!r}")


async def run(feed: Feed, claims: Claims | None = None) -> None:
    """Forward a feed's changes for ever (until cancelled)."""
    claims = claims or claims_for_channel_layer()
    if isinstance(get_channel_layer(), InMemoryChannelLayer):
        logger.warning(
            "change feed: the channel layer is in-memory, so changes forwarded by this process "
            "reach no other process; set REDIS_URL to share one layer with the web server"
        )
    logger.info("change feed: %s; each change %s", feed.describe(), claims.description)
    warming = _warm_up()
    try:
        await forward(feed, claims)
    finally:
        warming.cancel()
        await claims.close()


_in_process: dict[int, asyncio.Task[None]] = {}


def ensure_in_process() -> None:
    """Start a forwarder inside this server process, once per event loop, when the channel
    layer is in-memory (the embedded default: one server process, no Redis).

    Consumers call this on connect. Workers and other processes write to the database; the
    triggers notify; this forwarder, running in the web server's own loop, renders and delivers
    to the in-memory groups, so the embedded setup gets live updates from any process too. With
    a shared (Redis) layer, ``manage.py change_feed`` processes forward instead.
    """
    if not isinstance(get_channel_layer(), InMemoryChannelLayer):
        return
    if not getattr(settings, "CHANGE_FEED_IN_PROCESS", True):
        return
    loop = asyncio.get_running_loop()
    task = _in_process.get(id(loop))
    if task is not None and not task.done():
        return
    _in_process[id(loop)] = loop.create_task(_run_quietly(feed_from_settings()), name="change-feed")


def _warm_up() -> asyncio.Future[None]:
    """Load templates and views while the feed connects, so the first change forwarded is not
    seconds late (see :func:`generation.live.warm_up`); beside the database thread, not on it."""

    def warm_up_quietly() -> None:
        try:
            live.warm_up()
        except Exception:
            logger.exception("change feed: could not warm up; the first change will be slower")

    return asyncio.ensure_future(sync_to_async(warm_up_quietly, thread_sensitive=False)())


async def _run_quietly(feed: Feed) -> None:
    warming = _warm_up()
    try:
        await forward(feed, LocalClaims())
    except asyncio.CancelledError:
        raise
    except Exception:
        logger.exception("in-process change feed stopped; the next connection restarts it")
    finally:
        warming.cancel()
