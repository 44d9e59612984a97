"""Request size limits, set deliberately (``derivativ.settings.base``): HTTP bodies and
WebSocket messages.

- ``REQUEST_BODY_MAX_SIZE``: :class:`BodySizeLimit` answers 413 to a larger body before Django
  reads it (Django spools a whole body to disk before its own checks run).
- ``DATA_UPLOAD_MAX_MEMORY_SIZE`` / ``DATA_UPLOAD_MAX_NUMBER_FIELDS``: Django's own; past them
  ``bad_request`` says which limit was passed (413 / 400).
- ``WEBSOCKET_MAX_MESSAGE_SIZE``: Daphne refuses larger frames and messages itself (the flags
  ``serve`` passes, and ``DAPHNE_WEBSOCKET_MAX_*`` for ``runserver``); :class:`BoundedFrames`
  checks again in the consumer, so the limit holds under any server.
"""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.core.exceptions import RequestDataTooBig, TooManyFieldsSent
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

MESSAGE_TOO_BIG = 1009  # the WebSocket close code for a message past the limit (RFC 6455)


def daphne_limit_args() -> list[str]:
    """Daphne's command-line flags for the socket limit (message and frame alike)."""
    size = str(settings.WEBSOCKET_MAX_MESSAGE_SIZE)
    return ["--websocket-max-message-size", size, "--websocket-max-frame-size", size]


class BodyTooLarge(Exception):
    pass


class BodySizeLimit:
    """ASGI middleware: an HTTP body over ``REQUEST_BODY_MAX_SIZE`` gets a 413 with a message,
    by its ``Content-Length`` before a byte is read, or as soon as a streamed body passes it."""

    def __init__(self, app: Any) -> None:
        self.app = app

    async def __call__(self, scope: Any, receive: Any, send: Any) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        limit = settings.REQUEST_BODY_MAX_SIZE
        declared = dict(scope.get("headers") or []).get(b"content-length", b"")
        if declared.strip().isdigit() and int(declared) > limit:
            await _too_large(send, limit)
            return
        received = 0
        started = False

        async def bounded_receive() -> Any:
            nonlocal received
            message = await receive()
            if message["type"] == "http.request":
                received += len(message.get("body", b""))
                if received > limit:
                    raise BodyTooLarge
            return message

        async def watched_send(message: Any) -> None:
            nonlocal started
            started = started or message["type"] == "http.response.start"
            await send(message)

        try:
            await self.app(scope, bounded_receive, watched_send)
        except BodyTooLarge:
            if not started:
                await _too_large(send, limit)


async def _too_large(send: Any, limit: int) -> None:
    body = f"Request body too large: the limit is {limit // 1024} KB.\n".encode()
    await send(
        {
            "type": "http.response.start",
            "status": 413,
            "headers": [
                (b"content-type", b"text/plain; charset=utf-8"),
                (b"content-length", str(len(body)).encode()),
                (b"connection", b"close"),
            ],
        }
    )
    await send({"type": "http.response.body", "body": body})


def bad_request(request: HttpRequest, exception: Exception | None = None) -> HttpResponse:
    """Django's 400 handler: say which limit a form passed (413 for size), else a plain 400."""
    if isinstance(exception, RequestDataTooBig):
        size = settings.DATA_UPLOAD_MAX_MEMORY_SIZE // 1024
        message, status = f"The form sent was too large: the limit is {size} KB.", 413
    elif isinstance(exception, TooManyFieldsSent):
        count = settings.DATA_UPLOAD_MAX_NUMBER_FIELDS
        message, status = f"The form sent had too many fields: the limit is {count}.", 400
    else:
        message, status = "The request could not be understood.", 400
    return render(request, "400.html", {"message": message}, status=status)


class BoundedFrames:
    """Consumer mixin: a message over ``WEBSOCKET_MAX_MESSAGE_SIZE`` closes the socket with
    1009 (message too big) before the consumer reads it."""

    async def websocket_receive(self, message: dict[str, Any]) -> None:
        text, data = message.get("text"), message.get("bytes")
        size = len(text.encode()) if text is not None else len(data or b"")
        if size > settings.WEBSOCKET_MAX_MESSAGE_SIZE:
            await self.close(code=MESSAGE_TOO_BIG)  # type: ignore[attr-defined]
            return
        await super().websocket_receive(message)  # type: ignore[misc]
