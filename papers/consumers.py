"""WebSocket consumer for a paper's page: a pipe from the channel layer to the page.

Connect: only someone who may see the paper gets in; the job panel as it is now is sent first.
Then every change to one of the paper's jobs (progress, log lines, its end), heard from the
database by the change feed, re-renders the panel; when a job ends, the paper's questions,
versions and files are re-rendered too, as a fill or a print has just changed them.
"""

from __future__ import annotations

from typing import Any

from channels.db import database_sync_to_async
from channels.generic.websocket import AsyncWebsocketConsumer

from derivativ.limits import BoundedFrames
from generation import changefeed, live

UNAUTHENTICATED = 4401
FORBIDDEN = 4403


class PaperConsumer(BoundedFrames, AsyncWebsocketConsumer):
    paper_id: str
    group: str

    async def connect(self) -> None:
        user = self.scope.get("user")
        if user is None or not user.is_authenticated:
            await self.close(code=UNAUTHENTICATED)
            return
        changefeed.ensure_in_process()
        self.paper_id = str(self.scope["url_route"]["kwargs"]["paper_id"])
        if not await self._may_watch(user):
            await self.close(code=FORBIDDEN)
            return
        self.group = live.paper_group(self.paper_id)
        await self.channel_layer.group_add(self.group, self.channel_name)
        await self.accept()
        await self.send(text_data=await self._render(whole=False))

    async def disconnect(self, code: int) -> None:
        if getattr(self, "group", None):
            await self.channel_layer.group_discard(self.group, self.channel_name)

    async def receive(self, text_data: str | None = None, bytes_data: bytes | None = None) -> None:
        """The page sends nothing we act on; ignore it."""

    async def paper_changed(self, event: dict[str, Any]) -> None:
        ended = event.get("status") in ("completed", "failed", "cancelled")
        html = await self._render(whole=ended)
        if html:
            await self.send(text_data=html)

    @database_sync_to_async
    def _may_watch(self, user: Any) -> bool:
        from papers.models import Paper

        try:
            return Paper.objects.visible_to(user).filter(pk=self.paper_id).exists()
        except ValueError:
            return False

    @database_sync_to_async
    def _render(self, *, whole: bool) -> str:
        from papers.fragments import render_paper_push

        return render_paper_push(self.paper_id, user=self.scope["user"], whole=whole)
