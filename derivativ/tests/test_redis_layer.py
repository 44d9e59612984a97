"""The Redis channel layer as the settings configure it: an idle receive keeps waiting, and the
sockets a server has served leave nothing behind in it."""

from __future__ import annotations

import asyncio
import os

import pytest
from channels_redis.core import RedisChannelLayer
from channels_redis.utils import create_pool
from django.utils.module_loading import import_string

from derivativ.settings.base import redis_channel_layers

REDIS_URL = os.environ.get("TEST_REDIS_URL", "redis://127.0.0.1:6379/9")


def _config() -> dict:
    return redis_channel_layers(REDIS_URL)["default"]["CONFIG"]


def test_the_read_timeout_outlasts_the_layers_blocking_pop():
    pool = create_pool(_config()["hosts"][0])
    assert pool.connection_kwargs["socket_timeout"] > RedisChannelLayer.brpop_timeout


def test_an_idle_receive_waits_past_the_blocking_pop_and_then_gets_its_message():
    async def go() -> dict:
        layer = RedisChannelLayer(**_config())
        channel = await layer.new_channel()
        # With redis-py 8's default 5 s read timeout this raised redis' TimeoutError at 5 s.
        with pytest.raises(TimeoutError):
            await asyncio.wait_for(
                layer.receive(channel), timeout=RedisChannelLayer.brpop_timeout + 2
            )
        await layer.send(channel, {"type": "bench.ping"})
        message = await asyncio.wait_for(layer.receive(channel), timeout=5)
        return message

    assert asyncio.run(go())["type"] == "bench.ping"


def _layer(**overrides):
    """The layer the settings configure (ours, over channels_redis')."""
    return import_string(redis_channel_layers(REDIS_URL)["default"]["BACKEND"])(
        **{**_config(), **overrides}
    )


def test_sockets_that_close_leave_no_queue_behind():
    """Each page's socket has a channel; when the page closes its receive is cancelled. The
    channel's in-process queue goes with it, whichever receive held the layer's lock."""

    async def go() -> int:
        layer = _layer()
        for _ in range(5):
            channels = [await layer.new_channel() for _ in range(4)]
            tasks = [asyncio.ensure_future(layer.receive(c)) for c in channels]
            await asyncio.sleep(0.2)  # one of them holds the lock, blocked on Redis
            for task in tasks:
                task.cancel()
            await asyncio.gather(*tasks, return_exceptions=True)
        return len(layer.receive_buffer)

    assert asyncio.run(go()) == 0


def test_messages_for_a_closed_socket_are_dropped_after_the_expiry():
    async def go() -> tuple[bool, dict]:
        layer = _layer(expiry=1)
        gone, open_ = await layer.new_channel(), await layer.new_channel()
        closing = asyncio.ensure_future(layer.receive(gone))
        await asyncio.sleep(0.2)
        closing.cancel()
        await asyncio.gather(closing, return_exceptions=True)
        await layer.send(gone, {"type": "change", "n": 1})  # published as the page closed
        await layer.send(open_, {"type": "change", "n": 1})
        first = await asyncio.wait_for(layer.receive(open_), timeout=5)
        held = gone in layer.receive_buffer  # buffered for no one, for now
        await asyncio.sleep(1.2)
        await layer.send(open_, {"type": "change", "n": 2})
        await asyncio.wait_for(layer.receive(open_), timeout=5)
        return held and gone not in layer.receive_buffer, first

    dropped, first = asyncio.run(go())
    assert first["n"] == 1
    assert dropped


def test_a_slow_reader_still_gets_what_arrived_within_the_expiry():
    async def go() -> list[int]:
        layer = _layer(expiry=5)
        channel = await layer.new_channel()
        for n in range(3):
            await layer.send(channel, {"type": "change", "n": n})
        return [(await asyncio.wait_for(layer.receive(channel), 5))["n"] for _ in range(3)]

    assert asyncio.run(go()) == [0, 1, 2]
