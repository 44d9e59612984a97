"""The Redis channel layer, without channels_redis' receive-buffer leak.

channels_redis keeps an in-process queue per socket's channel (``receive_buffer``). Queues are
left behind in two ways: when a consumer ends while it holds the layer's receive lock (the
``CancelledError`` passes an ``except Exception``, so its empty queue stays), and when a message
reaches a channel whose consumer has gone (a change published while a page closes: a queue is
made for it and never read). Every socket a server ever served could leave one, holding its
last messages, for the life of the process (channels_redis issue #384, open; the soak saw the
servers' memory creep: bench/results/2026-12-07-1624-soak.md).

Here a receive that is cancelled drops its channel's queue if it is empty (what channels_redis
does on its other cancel path), and a queue nobody has read for the layer's ``expiry`` seconds
is dropped with its messages, as Redis itself drops messages not delivered within ``expiry``.
A queue with a reader waiting on it is never dropped: a waiting reader's queue is empty, and an
empty queue is only dropped by its own cancelled reader.
"""

from __future__ import annotations

import asyncio
import time
from typing import Any

from channels_redis import core


class RedisChannelLayer(core.RedisChannelLayer):  # type: ignore[misc]
    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.last_put: dict[str, float] = {}  # channel → when a message was last buffered
        self.swept_at = time.monotonic()

    async def receive(self, channel: str) -> Any:
        try:
            return await super().receive(channel)
        except asyncio.CancelledError:
            queue = self.receive_buffer.get(channel)
            if queue is not None and queue.empty():
                del self.receive_buffer[channel]
                self.last_put.pop(channel, None)
            raise

    async def receive_single(self, channel: str) -> tuple[Any, Any]:
        """One message from Redis for this process and the channel(s) it is for (the caller
        buffers it for each); notes when, and now and then drops the stale queues."""
        target, message = await super().receive_single(channel)
        now = time.monotonic()
        for name in target if isinstance(target, list) else [target]:
            self.last_put[name] = now
        if now - self.swept_at > self.expiry:
            self.sweep(now)
        return target, message

    def sweep(self, now: float) -> None:
        """Drop the queues whose messages have waited unread longer than ``expiry``."""
        self.swept_at = now
        for name, at in list(self.last_put.items()):
            if now - at <= self.expiry:
                continue
            del self.last_put[name]
            queue = self.receive_buffer.get(name)
            if queue is not None and not queue.empty():
                del self.receive_buffer[name]
