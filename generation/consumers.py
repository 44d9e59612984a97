"""WebSocket consumer for a generation session: a pipe from the channel layer to the page.

Connect: only the session's owner (or staff) gets in; the whole current state is sent first,
so a reconnect loses nothing. Then step fragments are forwarded in sequence order: repeats are
dropped and a gap (a lost message) is filled from the database.
"""

from __future__ import annotations

from typing import Any

from channels.db import database_sync_to_async
from channels.generic.websocket import AsyncWebsocketConsumer

from derivativ.limits import BoundedFrames
from generation import changefeed, live

UNAUTHENTICATED = 4401
FORBIDDEN = 4403


class SessionConsumer(BoundedFrames, AsyncWebsocketConsumer):
    session_id: str
    group: str
    last_sequence: int = 0

    async def connect(self) -> None:
        user = self.scope.get("user")
        if user is None or not user.is_authenticated:
            await self.close(code=UNAUTHENTICATED)
            return
        changefeed.ensure_in_process()
        self.session_id = str(self.scope["url_route"]["kwargs"]["session_id"])
        if not await self._may_watch(user):
            await self.close(code=FORBIDDEN)
            return
        self.group = live.session_group(self.session_id)
        # Join before reading the state: anything published meanwhile is either in the state
        # (and dropped as a repeat) or arrives after it.
        await self.channel_layer.group_add(self.group, self.channel_name)
        await self.accept()
        html, self.last_sequence = await self._state()
        await self.send(text_data=html)

    async def disconnect(self, code: int) -> None:
        if getattr(self, "group", None):
            await self.channel_layer.group_discard(self.group, self.channel_name)

    async def receive(self, text_data: str | None = None, bytes_data: bytes | None = None) -> None:
        """The page sends nothing we act on (htmx may send form values); ignore it."""

    # -- handlers, named after the event types in generation.live -------------------------
    async def step_fragment(self, event: dict[str, Any]) -> None:
        sequence = int(event["sequence"])
        if sequence <= self.last_sequence:
            return
        if sequence > self.last_sequence + 1:
            missed = await self._steps_between(self.last_sequence, sequence)
            if missed:
                await self.send(text_data=missed)
        await self.send(text_data=event["html"])
        self.last_sequence = sequence

    async def session_fragment(self, event: dict[str, Any]) -> None:
        await self.send(text_data=event["html"])

    async def session_changed(self, event: dict[str, Any]) -> None:
        """The session row changed in the database (from any process): send the steps this
        page has not seen yet, then the header. This is how a worker's progress reaches the
        page when no shared channel layer carries its step fragments."""
        missed, last = await self._steps_after(self.last_sequence)
        if missed:
            await self.send(text_data=missed)
            self.last_sequence = last
        html = await self._header()
        if html:
            await self.send(text_data=html)

    # -- database access ---------------------------------------------------------------------
    @database_sync_to_async
    def _may_watch(self, user: Any) -> bool:
        from generation.models import GenerationSession

        sessions = GenerationSession.objects.owned_by(user)
        try:
            return sessions.filter(pk=self.session_id).exists()
        except ValueError:
            return False

    @database_sync_to_async
    def _state(self) -> tuple[str, int]:
        from generation.models import GenerationSession

        session = GenerationSession.objects.select_related("status").get(pk=self.session_id)
        # The last sequence is the one rendered, so a step written meanwhile is not skipped
        # and not sent twice.
        return live.render_session_state(session)

    @database_sync_to_async
    def _steps_between(self, after: int, before: int) -> str:
        from generation import selectors
        from generation.models import GenerationSession

        session = GenerationSession.objects.select_related("status").get(pk=self.session_id)
        steps = selectors.session_steps(session_id=self.session_id, after=after).filter(
            sequence__lt=before
        )
        return "".join(live.render_step_event(step, session) for step in steps)

    @database_sync_to_async
    def _steps_after(self, after: int) -> tuple[str, int]:
        from generation import selectors
        from generation.models import GenerationSession

        steps = list(selectors.session_steps(session_id=self.session_id, after=after))
        if not steps:
            return "", after
        session = GenerationSession.objects.select_related("status").get(pk=self.session_id)
        html = "".join(live.render_step_event(step, session) for step in steps)
        return html, steps[-1].sequence

    @database_sync_to_async
    def _header(self) -> str:
        from generation.models import GenerationSession

        session = (
            GenerationSession.objects.select_related("status").filter(pk=self.session_id).first()
        )
        return live.render_session_header(session) if session else ""
