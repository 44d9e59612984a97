"""Fuzzing the sockets: malformed frames (not JSON, huge, binary, unknown actions, wrong types,
hostile bank queries) sent to the real consumers through the whole ASGI stack. A consumer must
not crash: it ignores the frame, or closes that socket with a code; the other pages keep
receiving, and so does the fuzzed one while it is open."""

from __future__ import annotations

import json
import os
from typing import Any

import pytest
from asgiref.sync import async_to_sync, sync_to_async
from channels.db import database_sync_to_async
from django.conf import settings as django_settings
from django.db import connections
from django.utils import timezone
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from derivativ.limits import MESSAGE_TOO_BIG
from tests.security.test_fuzz_forms import BANK_FIELDS, cursor, json_value, value
from tests.security.test_socket_matrix import TIMEOUT, connect

pytestmark = pytest.mark.django_db(transaction=True)

SOCKETS = settings(
    max_examples=int(os.environ.get("FUZZ_SOCKET_EXAMPLES", "25")),
    deadline=None,
    suppress_health_check=list(HealthCheck),
)
QUIET = 0.15
LIMIT = django_settings.WEBSOCKET_MAX_MESSAGE_SIZE

bank_query = st.one_of(
    st.dictionaries(st.sampled_from([*BANK_FIELDS, "after", "before"]), value, max_size=4).map(
        lambda d: "&".join(f"{k}={v}" for k, v in d.items())
    ),
    cursor.map(lambda c: f"after={c}"),
    value,
)
text_frame = st.one_of(
    st.text(max_size=200),  # mostly not JSON
    json_value.map(json.dumps),
    st.builds(lambda q: json.dumps({"bank_query": q}), bank_query),
    st.builds(lambda q: json.dumps({"bank_query": q}), json_value),  # wrong types
    st.builds(
        lambda action, payload: json.dumps({"action": action, "data": payload}),
        st.sampled_from(["approve", "delete", "subscribe", "cancel", "", "__class__"]),
        json_value,
    ),
    st.sampled_from(
        [
            "x" * (LIMIT + 1),  # past the limit: that socket is closed (1009)
            json.dumps({"bank_query": "q=" + "a" * (LIMIT - 20)}),  # just under, too long a query
            json.dumps({"bank_query": "q=" + "circle " * 500}),
            "\x00",
            "{",
            "[" * 2000 + "]" * 2000,
        ]
    ),
)
frame = st.one_of(
    text_frame.map(lambda t: {"text": t}),
    st.binary(min_size=1, max_size=300).map(lambda b: {"bytes": b}),
)


@pytest.fixture(autouse=True)
def _close_thread_connections():
    yield
    connections.close_all()


@pytest.fixture
def sworld(teacher, other_teacher, staff_user, question_content):
    from tests.security.conftest import build_world

    return build_world(teacher, other_teacher, staff_user, question_content)


async def drain(page: Any) -> tuple[list[str], int | None]:
    """What a page has been sent since, and its close code if it was closed; raises if the
    consumer crashed (the communicator re-raises the application's exception)."""
    texts: list[str] = []
    while not await page.receive_nothing(timeout=QUIET):
        message = await page.receive_output(TIMEOUT)
        if message["type"] == "websocket.close":
            return texts, message.get("code", 1000)
        assert message["type"] == "websocket.send" and isinstance(message.get("text"), str)
        texts.append(message["text"])
    return texts, None


async def _send(page: Any, message: dict[str, Any]) -> None:
    if "text" in message:
        await page.send_input({"type": "websocket.receive", "text": message["text"]})
    else:
        await page.send_input({"type": "websocket.receive", "bytes": message["bytes"]})


async def _scenario(world: Any, frames: list[dict[str, Any]], query: str) -> None:
    from generation import live, services

    session_path = world.path("/ws/generate/{running}/")
    fuzzed_bank, ok, _ = await connect(world.a, f"/ws/bank/?{query}")
    assert ok
    fuzzed_session, ok, _ = await connect(world.a, session_path)
    assert ok
    await fuzzed_session.receive_from(timeout=TIMEOUT)
    control_bank, _, _ = await connect(world.a, "/ws/bank/")
    control_session, _, _ = await connect(world.a, session_path)
    await control_session.receive_from(timeout=TIMEOUT)

    closed: dict[str, int | None] = {}
    for page_name, page in (("bank", fuzzed_bank), ("session", fuzzed_session)):
        for message in frames:
            if page_name in closed:
                break
            await _send(page, message)
            _, code = await drain(page)
            if code is not None:
                closed[page_name] = code
        if page_name in closed:
            # the only reason to close a page here is a message past the limit
            assert closed[page_name] == MESSAGE_TOO_BIG
            assert any(len(m.get("text", "").encode()) > LIMIT for m in frames)

    # The server goes on: a change reaches the control pages, and the fuzzed ones still open.
    await database_sync_to_async(live.publish_question_change)(
        question_id=world.ids["draft"], operation="UPDATE"
    )
    step = await database_sync_to_async(services.step_record)(
        session_id=world.ids["running"],
        agent="generator",
        kind="generated",
        message="after the fuzz",
        started_at=timezone.now(),
    )
    await database_sync_to_async(live.publish_step)(step.pk)
    assert world.ids["draft"] in await control_bank.receive_from(timeout=TIMEOUT)
    assert "after the fuzz" in await control_session.receive_from(timeout=TIMEOUT)
    if "session" not in closed:
        texts, code = await drain(fuzzed_session)
        assert code is None and any("after the fuzz" in t for t in texts)
    if "bank" not in closed:
        _, code = await drain(fuzzed_bank)  # it may or may not show the card: its filters
        assert code is None
    for page in (fuzzed_bank, fuzzed_session, control_bank, control_session):
        await page.disconnect()
    await sync_to_async(connections.close_all)()


@SOCKETS
@given(frames=st.lists(frame, min_size=1, max_size=4), query=bank_query)
def test_malformed_frames_crash_no_consumer_and_others_keep_receiving(sworld, frames, query):
    async_to_sync(_scenario)(sworld, frames, query)


def test_a_bank_query_of_the_wrong_type_is_ignored_and_the_page_keeps_its_filters(sworld):
    """A page that sends ``{"bank_query": ["not", "a", "string"]}`` is not re-read: a change
    to a question it shows still reaches it."""

    async def scenario() -> None:
        from generation import live

        page, _, _ = await connect(sworld.a, "/ws/bank/?review_state=draft")
        for bad in (["x"], {"q": 1}, 7, None, "?" + "a" * 5000):
            await page.send_to(text_data=json.dumps({"bank_query": bad}))
        await page.send_to(bytes_data=b"\xff\xfe")
        await page.send_to(text_data="not json")
        # Regression (found by the fuzzing on a fresh clone): JSON nested past the decoder's
        # depth raised RecursionError, not ValueError, and the consumer crashed.
        await page.send_to(text_data="[" * 20000 + "]" * 20000)
        assert await page.receive_nothing(timeout=QUIET)
        await database_sync_to_async(live.publish_question_change)(
            question_id=sworld.ids["draft"], operation="UPDATE"
        )
        assert sworld.ids["draft"] in await page.receive_from(timeout=TIMEOUT)
        await page.disconnect()
        await sync_to_async(connections.close_all)()

    async_to_sync(scenario)()
