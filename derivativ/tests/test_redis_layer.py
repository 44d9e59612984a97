"""The Redis channel layer as the settings configure it: an idle receive keeps waiting."""

from __future__ import annotations

import asyncio
import os

import pytest
from channels_redis.core import RedisChannelLayer
from channels_redis.utils import create_pool

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
