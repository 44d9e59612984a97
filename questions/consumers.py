"""WebSocket consumer for the bank page: questions saved, edited or deleted anywhere show up.

Connect: signed-in users only. The page's filters come from the query string (the page opens
``/ws/bank/?<its filters>``), read by the bank's own filter form; the ids of the cards the page
shows are those of the same page of the same selector. The page sends ``{"bank_query": "…"}``
when its filters or page change without a reload (static/js/app.js), and the consumer re-reads.

Each ``question.changed`` event carries the card, rendered once for every page, and the flat
columns the filters test, so deciding costs no query per page (except a full-text search, which
asks the database whether the question matches the words). Then, out of band: a matching card
replaces the one shown, or goes first on the first page; a shown card that no longer matches
(or was deleted, or is no longer visible to this user) is removed.

A page is not a member of the bank group itself: its process's bank fan-out is, once
(``generation.live.GroupFanout``), and puts each change in every open page's inbox. A change
then costs one channel-layer message per server process instead of one per open page, and each
page still handles its messages one at a time, in the order they come, as any consumer does.
"""

from __future__ import annotations

import asyncio
import json
import logging
from typing import Any

from channels.db import database_sync_to_async
from channels.exceptions import StopConsumer
from channels.generic.websocket import AsyncWebsocketConsumer
from channels.layers import get_channel_layer
from django.http import QueryDict

from derivativ.limits import BoundedFrames
from generation import changefeed, live
from questions.models import ReviewState

logger = logging.getLogger(__name__)

UNAUTHENTICATED = 4401
MAX_QUERY_LENGTH = 4000
# Changes waiting for a page that has stopped reading (a channel layer's capacity, likewise).
INBOX_CAPACITY = 1000
_SOCKET_CLOSED: dict[str, Any] = {"type": "bank.socket_closed"}  # the inbox's last message


def matches_filters(attrs: dict[str, Any], filters: dict[str, Any]) -> bool:
    """Whether a question's flat columns pass the bank's filters, full-text ``q`` aside.

    The in-Python twin of ``questions.selectors.question_list`` (a test holds them equal).
    """
    if (tier := filters.get("tier")) and attrs["tier"] != tier:
        return False
    if (topic := filters.get("topic")) and attrs["topic"] != topic:
        return False
    if (codes := filters.get("syllabus_codes")) and not set(codes) & set(attrs["syllabus_codes"]):
        return False
    if (command_word := filters.get("command_word")) and command_word not in attrs["command_words"]:
        return False
    if (marks_min := filters.get("marks_min")) is not None and attrs["marks"] < marks_min:
        return False
    if (marks_max := filters.get("marks_max")) is not None and attrs["marks"] > marks_max:
        return False
    if (calculator := filters.get("calculator_policy")) and attrs[
        "calculator_policy"
    ] != calculator:
        return False
    if (difficulty := filters.get("difficulty")) and attrs["difficulty"] != difficulty:
        return False
    if (review_state := filters.get("review_state")) and attrs["review_state"] != review_state:
        return False
    if (origin := filters.get("origin")) and attrs["origin"] != origin:
        return False
    quality_min = filters.get("quality_min")
    return quality_min is None or (
        attrs["quality_score"] is not None and attrs["quality_score"] >= quality_min
    )


class BankConsumer(BoundedFrames, AsyncWebsocketConsumer):
    user: Any
    filters: dict[str, Any]
    shown: set[str]
    first_page: bool
    inbox: asyncio.Queue[dict[str, Any]]
    joined: bool = False

    async def __call__(self, scope: Any, receive: Any, send: Any) -> None:
        """Channels' consumer loop, with one inbox: the page's own messages and the changes the
        process's bank fan-out hands over queue up together, in the order they come, and are
        handled one at a time (without Channels' task and ``asyncio.wait`` per message, which
        at a thousand pages cost more than sending the card)."""
        self.scope = scope
        self.channel_layer = get_channel_layer(self.channel_layer_alias)
        self.base_send = send
        self.inbox = asyncio.Queue()
        reader = asyncio.ensure_future(self._read_socket(receive))
        reader.add_done_callback(lambda _: self.inbox.put_nowait(_SOCKET_CLOSED))
        try:
            while (message := await self.inbox.get()) is not _SOCKET_CLOSED:
                await self.dispatch(message)
            reader.result()  # the reader's error, if it ended with one
        except StopConsumer:
            pass
        finally:
            reader.cancel()
            await self._leave()

    async def _read_socket(self, receive: Any) -> None:
        while True:
            self.inbox.put_nowait(await receive())

    async def dispatch(self, message: dict[str, Any]) -> None:
        # Channels closes stale database connections (a hop to the database thread) before
        # every message; a change touches the database only through database_sync_to_async,
        # which does that itself, so a change skips the hop: it is one per page per change.
        if message.get("type") == live.QUESTION_CHANGED:
            await self.question_changed(message)
        else:
            await super().dispatch(message)

    async def connect(self) -> None:
        user = self.scope.get("user")
        if user is None or not user.is_authenticated:
            await self.close(code=UNAUTHENTICATED)
            return
        changefeed.ensure_in_process()
        self.user = user
        self.user_id = user.pk
        self.is_staff = bool(user.is_staff)
        # Join before reading the page: a change meanwhile waits until the page is known.
        self.fanout = live.bank_fanout()
        await self.fanout.join(self, self._deliver)
        self.joined = True
        await self.accept()
        await self._read_page(self.scope.get("query_string", b"").decode("latin-1"))

    async def disconnect(self, code: int) -> None:
        await self._leave()

    async def _leave(self) -> None:
        if self.joined:
            self.joined = False
            await self.fanout.leave(self)

    def _deliver(self, event: dict[str, Any]) -> None:
        if self.inbox.qsize() >= INBOX_CAPACITY:  # this page has stopped reading: drop, as a
            # full channel-layer channel would; a reload catches the page up
            logger.warning("bank page %s: inbox full, dropped change %s", id(self), event["id"])
            return
        self.inbox.put_nowait(event)

    async def receive(self, text_data: str | None = None, bytes_data: bytes | None = None) -> None:
        """The page says which filters and page it shows now; anything else is ignored."""
        try:
            message = json.loads(text_data or "")
        except (ValueError, RecursionError):  # not JSON, or nested deeper than the decoder goes
            return
        query = message.get("bank_query") if isinstance(message, dict) else None
        if isinstance(query, str) and len(query) <= MAX_QUERY_LENGTH:
            await self._read_page(query.removeprefix("?"))

    # -- handlers, named after the event types in generation.live -------------------------
    async def question_changed(self, event: dict[str, Any]) -> None:
        question_id: str = event["id"]
        html: str = event.get("html") or ""
        attrs: dict[str, Any] | None = event.get("attrs")
        matches = (
            bool(html)
            and attrs is not None
            and self._may_see(attrs)
            and matches_filters(attrs, self.filters)
        )
        if matches and self.filters.get("q"):
            matches = await self._matches_text(question_id)
        if matches:
            if question_id in self.shown:
                await self.send(text_data=live.bank_card_replace(html))
            elif self.first_page:
                self.shown.add(question_id)
                await self.send(text_data=live.bank_card_prepend(html))
        elif question_id in self.shown:
            self.shown.discard(question_id)
            await self.send(text_data=live.bank_card_remove(question_id))

    def _may_see(self, attrs: dict[str, Any]) -> bool:
        """Approved questions, the user's own, and everything for staff (as ``visible_to``)."""
        return (
            self.is_staff
            or attrs["review_state"] == ReviewState.APPROVED
            or (attrs["owner_id"] is not None and attrs["owner_id"] == self.user_id)
        )

    # -- database access ---------------------------------------------------------------------
    async def _read_page(self, query: str) -> None:
        self.filters, self.shown, self.first_page = await self._page(query)

    @database_sync_to_async
    def _page(self, query: str) -> tuple[dict[str, Any], set[str], bool]:
        """The filters, the ids of the cards shown, and whether it is the first page: the
        bank view's own form, selector and pagination."""
        from questions import selectors
        from questions.forms import BankFilterForm

        params = QueryDict(query)
        filters = BankFilterForm(params or None).filters()
        page = selectors.bank_page(user=self.user, filters=filters, params=params)
        return filters, {str(q.pk) for q in page.questions}, page.is_first

    @database_sync_to_async
    def _matches_text(self, question_id: str) -> bool:
        from questions import selectors

        questions = selectors.question_list(user=self.user, filters=self.filters)
        return questions.filter(pk=question_id).exists()
