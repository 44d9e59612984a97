"""Who forwards a change: the first forwarder to claim its key.

With a Redis channel layer every forwarder claims each change with ``SET key NX EX`` on that
Redis: exactly one claim succeeds, and that forwarder publishes it. With the in-memory layer
there is one process, so every change is its own.
"""

from __future__ import annotations

import logging
import os
import socket
from typing import Any, Protocol

from channels_redis.core import RedisChannelLayer
from django.conf import settings
from django.utils.module_loading import import_string

logger = logging.getLogger("generation.changefeed")

# Long enough for the slowest forwarder to hear of a change after the fastest claimed it.
CLAIM_SECONDS = 300


class Claims(Protocol):
    description: str

    async def claim(self, key: str) -> bool:
        """True when this process is the one to forward the change ``key``."""
        ...

    async def close(self) -> None: ...


class LocalClaims:
    """One forwarder: every change is ours."""

    description = "one process (in-memory channel layer)"

    async def claim(self, key: str) -> bool:
        return True

    async def close(self) -> None:
        return None


class RedisClaims:
    """Many forwarders sharing a Redis: the first ``SET NX`` on a change's key wins it."""

    def __init__(self, url: str, *, prefix: str = "asgi", seconds: int = CLAIM_SECONDS) -> None:
        import redis.asyncio

        self.redis = redis.asyncio.Redis.from_url(url)
        self.prefix = f"{prefix}:changefeed:"
        self.seconds = seconds
        self.me = f"{socket.gethostname()}:{os.getpid()}"
        self.description = f"claimed in Redis ({self.prefix}*, {seconds} s)"

    async def claim(self, key: str) -> bool:
        won = await self.redis.set(self.prefix + key, self.me, nx=True, ex=self.seconds)
        return bool(won)

    async def close(self) -> None:
        await self.redis.aclose()


def _redis_url(host: Any) -> str | None:
    """A Redis URL from one of channels_redis's ``hosts`` entries (URL, dict or pair)."""
    if isinstance(host, str):
        return host
    if isinstance(host, dict):
        address = host.get("address")
        return _redis_url(address) if address is not None else None
    if isinstance(host, (list, tuple)) and len(host) == 2:
        return f"redis://{host[0]}:{host[1]}"
    return None


def claims_for_channel_layer(alias: str = "default") -> Claims:
    """Claims on the channel layer's own Redis (first host), or local ones without Redis."""
    layer: dict[str, Any] = settings.CHANNEL_LAYERS.get(alias) or {}
    backend = layer.get("BACKEND")
    if not backend or not issubclass(import_string(backend), RedisChannelLayer):
        return LocalClaims()
    config: dict[str, Any] = layer.get("CONFIG") or {}
    hosts = config.get("hosts") or ["redis://127.0.0.1:6379"]
    url = _redis_url(hosts[0])
    if url is None:
        raise ValueError(f"cannot read a Redis address from CHANNEL_LAYERS hosts: {hosts[0]!r}")
    return RedisClaims(url, prefix=config.get("prefix", "asgi"))
