"""The change feed against PostgreSQL: triggers NOTIFY, a forwarder publishes each change once
(also with two forwarder processes on Redis), and it survives losing its connection."""

from __future__ import annotations

import asyncio
import contextlib
import json
import os
import re
import signal
import subprocess
import sys
import threading
import time
import uuid
from urllib.parse import quote

import psycopg
import pytest
from asgiref.sync import sync_to_async
from channels.db import database_sync_to_async
from channels.layers import get_channel_layer
from channels.routing import URLRouter
from channels.testing import WebsocketCommunicator
from django.conf import settings
from django.db import connection, connections
from websockets.asyncio.server import serve

from derivativ.ws_urls import websocket_urlpatterns
from generation import changefeed, live, services
from generation.changefeed.claims import LocalClaims, RedisClaims
from generation.changefeed.postgres import PostgresFeed, conninfo_from_settings
from generation.changefeed.supabase import SupabaseFeed, change_from_realtime
from generation.schemas import GenerationRequest
from questions.services import flat_columns, question_parse

pytestmark = pytest.mark.django_db(transaction=True)

TIMEOUT = 5
REDIS_URL = "redis://127.0.0.1:6379/9"


@pytest.fixture(autouse=True)
async def _close_thread_connections():
    """Consumers and the forwarder reach the database from a worker thread; close its
    connection afterwards so the test database can be dropped."""
    yield
    await sync_to_async(connections.close_all)()


# -- writes as from the Supabase dashboard: plain SQL, no app code ----------------------------
def _insert_question(content, *, owner=None, review_state="approved"):
    flat = flat_columns(question_parse(content))
    question_id = uuid.uuid4()
    with connection.cursor() as cursor:
        cursor.execute(
            """
            INSERT INTO questions (
                id, content, title, tier, marks, command_word, command_words, calculator_policy,
                syllabus_codes, topic, difficulty, review_state, review_note, verified, origin,
                variant_key, template, owner_id, search_text, created_at, updated_at
            ) VALUES (
                %s, %s::jsonb, %s, %s, %s, %s, %s, %s, %s, %s, %s, %s, '', true, 'manual',
                %s, %s, %s, %s, now(), now()
            )
            """,
            [
                question_id,
                json.dumps(flat["content"]),
                flat["title"],
                flat["tier_id"],
                flat["marks"],
                flat["command_word_id"],
                flat["command_words"],
                flat["calculator_policy_id"],
                flat["syllabus_codes"],
                flat["topic"],
                flat["difficulty"],
                review_state,
                flat["variant_key"],
                flat["template"],
                owner.pk if owner else None,
                flat["search_text"],
            ],
        )
    return str(question_id)


def _sql(statement, *params):
    with connection.cursor() as cursor:
        cursor.execute(statement, params)


@pytest.fixture
def session(teacher):
    request = GenerationRequest(tier="Extended", syllabus_codes=["E5.3"], count=1)
    return services.session_start(owner=teacher, request=request, enqueue=False)


@pytest.fixture
async def feed(transactional_db):
    """A forwarder in this process (the in-memory channel layer reaches only this process)."""
    feed = PostgresFeed(conninfo_from_settings(), check_seconds=0.5)
    task = asyncio.create_task(changefeed.run(feed, LocalClaims()))
    await asyncio.wait_for(feed.listening.wait(), TIMEOUT)
    yield feed
    task.cancel()
    with contextlib.suppress(asyncio.CancelledError):
        await task


async def _group_member(group):
    layer = get_channel_layer()
    channel = await layer.new_channel()
    await layer.group_add(group, channel)
    return layer, channel


async def _receive(layer, channel, timeout=TIMEOUT):
    return await asyncio.wait_for(layer.receive(channel), timeout)


# -- triggers ----------------------------------------------------------------------------------
async def test_writes_by_plain_sql_notify_table_operation_and_id_not_the_row(
    question_content, teacher, session
):
    async with await psycopg.AsyncConnection.connect(
        conninfo_from_settings(), autocommit=True
    ) as listener:
        await listener.execute("LISTEN derivativ_changes")
        question_id = await database_sync_to_async(_insert_question)(
            question_content(seed=1), owner=teacher
        )
        update = "UPDATE generation_sessions SET {} WHERE id = %s"
        heartbeat = update.format("heartbeat_at = now(), updated_at = now()")
        await database_sync_to_async(_sql)(heartbeat, session.pk)  # not a visible change
        await database_sync_to_async(_sql)(update.format("status = 'running'"), session.pk)
        await database_sync_to_async(_sql)("DELETE FROM questions WHERE id = %s", question_id)

        payloads = [n.payload async for n in listener.notifies(timeout=2, stop_after=3)]

    notes = [json.loads(p) for p in payloads]
    assert [(n["table"], n["op"], n["id"]) for n in notes] == [
        ("questions", "INSERT", question_id),
        ("generation_sessions", "UPDATE", str(session.pk)),
        ("questions", "DELETE", question_id),
    ]
    assert notes[0]["owner_id"] == teacher.pk and notes[1]["owner_id"] == teacher.pk
    assert all(n["xid"].isdigit() for n in notes) and notes[0]["xid"] != notes[2]["xid"]
    assert max(len(p) for p in payloads) < 200  # never the row: NOTIFY stops at 8000 bytes


# -- one forwarder, end to end -------------------------------------------------------------------
async def test_writes_by_sql_reach_the_open_bank_and_session_pages(
    feed, question_content, teacher, other_teacher, session
):
    bank = WebsocketCommunicator(URLRouter(websocket_urlpatterns), "/ws/bank/?tier=Extended")
    bank.scope["user"] = teacher
    assert (await bank.connect(timeout=TIMEOUT))[0]
    session_page = WebsocketCommunicator(
        URLRouter(websocket_urlpatterns), f"/ws/generate/{session.pk}/"
    )
    session_page.scope["user"] = teacher
    assert (await session_page.connect(timeout=TIMEOUT))[0]
    await session_page.receive_from(timeout=TIMEOUT)  # the state on connect

    question_id = await database_sync_to_async(_insert_question)(
        question_content(seed=2), owner=other_teacher
    )
    html = await bank.receive_from(timeout=TIMEOUT)
    assert html.startswith('<div hx-swap-oob="afterbegin:#bank-cards">')
    assert f'id="question-{question_id}"' in html and "live-changed" in html

    await database_sync_to_async(_sql)(
        "UPDATE generation_sessions SET status = 'failed', error = 'Stopped by hand' WHERE id = %s",
        session.pk,
    )
    header = await session_page.receive_from(timeout=TIMEOUT)
    assert f'id="session-header-{session.pk}"' in header
    assert 'data-status="failed"' in header and "Stopped by hand" in header
    for page in (bank, session_page):
        await page.disconnect()


async def test_the_feed_reconnects_after_its_connection_is_killed(feed, question_content, caplog):
    layer, channel = await _group_member(live.BANK_GROUP)
    killed = feed.backend_pid
    await database_sync_to_async(_sql)("SELECT pg_terminate_backend(%s)", killed)

    deadline = time.monotonic() + TIMEOUT
    while not (feed.listening.is_set() and feed.backend_pid != killed):
        assert time.monotonic() < deadline, "the feed did not reconnect"
        await asyncio.sleep(0.05)
    question_id = await database_sync_to_async(_insert_question)(question_content(seed=3))

    event = await _receive(layer, channel)
    assert event["type"] == "question.changed" and event["id"] == question_id
    assert event["op"] == "INSERT" and f'id="question-{question_id}"' in event["html"]
    assert event["attrs"]["review_state"] == "approved" and event["attrs"]["tier"] == "Extended"
    assert "lost the PostgreSQL connection" in caplog.text
    assert "reconnected to PostgreSQL" in caplog.text
    await layer.group_discard(live.BANK_GROUP, channel)


# -- two forwarder processes on one Redis --------------------------------------------------------
class Forwarder:
    """``manage.py change_feed`` in a subprocess, its log lines collected."""

    def __init__(self, env):
        self.lines: list[str] = []
        self.process = subprocess.Popen(
            [sys.executable, str(settings.BASE_DIR / "manage.py"), "change_feed"],
            cwd=settings.BASE_DIR,
            env=env,
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
            text=True,
        )
        threading.Thread(target=self._read, daemon=True).start()

    def _read(self):
        for line in self.process.stdout:
            self.lines.append(line)

    def keys(self, verb):
        """The change keys this forwarder logged as ``forwarded`` or ``skipped``."""
        return [m.group(1) for line in self.lines if (m := re.search(rf"{verb} (\S+)", line))]

    def stop(self, sig=signal.SIGTERM):
        if self.process.poll() is None:
            self.process.send_signal(sig)
        with contextlib.suppress(subprocess.TimeoutExpired):
            self.process.wait(timeout=TIMEOUT)
        if self.process.poll() is None:
            self.process.kill()
            self.process.wait()


def _database_url():
    db = connection.settings_dict
    password = f":{quote(db['PASSWORD'])}" if db.get("PASSWORD") else ""
    return (
        f"postgres://{quote(db['USER'] or 'postgres')}{password}@{db['HOST'] or '127.0.0.1'}"
        f":{db['PORT'] or 5432}/{db['NAME']}"
    )


async def _wait_for(condition, what, timeout=30):
    deadline = time.monotonic() + timeout
    while not condition():
        assert time.monotonic() < deadline, f"timed out waiting for {what}"
        await asyncio.sleep(0.1)


async def _collect(layer, channel, wanted, *, quiet=1.0):
    """Every event for the ids in ``wanted`` until ``quiet`` seconds pass without one."""
    events = []
    while True:
        try:
            event = await _receive(layer, channel, timeout=quiet)
        except TimeoutError:
            return events
        if event.get("id") in wanted:
            events.append((event["id"], event["op"]))


@pytest.mark.slow
async def test_two_forwarder_processes_on_redis_deliver_each_change_exactly_once(
    settings, question_content, teacher
):
    settings.CHANNEL_LAYERS = {
        "default": {
            "BACKEND": "derivativ.channel_layer.RedisChannelLayer",
            "CONFIG": {"hosts": [REDIS_URL]},
        }
    }
    env = dict(
        os.environ,
        DATABASE_URL=_database_url(),
        REDIS_URL=REDIS_URL,
        DJANGO_SETTINGS_MODULE="derivativ.settings.test",
        LOG_LEVEL="DEBUG",
        PYTHONUNBUFFERED="1",
    )
    forwarders = [Forwarder(env), Forwarder(env)]
    layer, channel = await _group_member(live.BANK_GROUP)
    try:
        await _wait_for(
            lambda: all("change feed: listening" in "".join(f.lines) for f in forwarders),
            "both forwarders to listen",
        )
        ids = [
            await database_sync_to_async(_insert_question)(question_content(seed=s), owner=teacher)
            for s in (4, 5, 6)
        ]
        await database_sync_to_async(_sql)(
            "UPDATE questions SET quality_score = 0.7 WHERE id = %s", ids[0]
        )
        await database_sync_to_async(_sql)("DELETE FROM questions WHERE id = %s", ids[1])

        events = await _collect(layer, channel, set(ids))

        assert sorted(events) == sorted(
            [(i, "INSERT") for i in ids] + [(ids[0], "UPDATE"), (ids[1], "DELETE")]
        )
        ours = {k for f in forwarders for k in f.keys("forwarded") + f.keys("skipped")}
        ours = {k for k in ours if any(i in k for i in ids)}
        assert len(ours) == 5
        for forwarder in forwarders:  # both heard every change; between them, one forwarded it
            heard = [
                k for k in forwarder.keys("forwarded") + forwarder.keys("skipped") if k in ours
            ]
            assert sorted(heard) == sorted(ours)
        forwarded = [k for f in forwarders for k in f.keys("forwarded") if k in ours]
        assert sorted(forwarded) == sorted(ours)

        # One dies; the other already hears everything, so nothing is lost or doubled.
        forwarders[0].stop(signal.SIGKILL)
        later = await database_sync_to_async(_insert_question)(question_content(seed=7))
        assert await _collect(layer, channel, {later}) == [(later, "INSERT")]
    finally:
        await layer.group_discard(live.BANK_GROUP, channel)
        for forwarder in forwarders:
            forwarder.stop()


# -- Supabase Realtime, replayed ----------------------------------------------------------------
def _realtime_change(table, op, record, *, at, old_record=None):
    """A ``postgres_changes`` message as Supabase Realtime sends it (protocol 1.0.0)."""
    return {
        "event": "postgres_changes",
        "topic": "realtime:derivativ-changes",
        "ref": None,
        "payload": {
            "ids": [],  # the subscription ids, filled in by the fake server
            "data": {
                "schema": "public",
                "table": table,
                "commit_timestamp": at,
                "type": op,
                "errors": None,
                "columns": [{"name": "id", "type": "uuid"}, {"name": "owner_id", "type": "int4"}],
                "record": record,
                "old_record": old_record or {},
            },
        },
    }


class FakeRealtime:
    """A loopback stand-in for Supabase Realtime: answers the channel join as the real server
    does, then replays recorded ``postgres_changes`` messages to every subscriber."""

    def __init__(self, messages):
        self.messages = messages
        self.joins = []

    async def handler(self, websocket):
        async for raw in websocket:
            message = json.loads(raw)
            if message["event"] != "phx_join":
                continue  # heartbeats, access tokens
            bindings = message["payload"]["config"]["postgres_changes"]
            self.joins.append(bindings)
            server_ids = [9000 + i for i in range(len(bindings))]
            topic = message["topic"]
            await websocket.send(
                json.dumps(
                    {
                        "event": "phx_reply",
                        "topic": topic,
                        "ref": message["ref"],
                        "payload": {
                            "status": "ok",
                            "response": {
                                "postgres_changes": [
                                    {**b, "id": i}
                                    for b, i in zip(bindings, server_ids, strict=True)
                                ]
                            },
                        },
                    }
                )
            )
            await websocket.send(
                json.dumps(
                    {
                        "event": "system",
                        "topic": topic,
                        "ref": None,
                        "payload": {
                            "channel": topic.removeprefix("realtime:"),
                            "extension": "postgres_changes",
                            "message": "Subscribed to PostgreSQL",
                            "status": "ok",
                        },
                    }
                )
            )
            for recorded in self.messages:
                table = recorded["payload"]["data"]["table"]
                ids = [i for b, i in zip(bindings, server_ids, strict=True) if b["table"] == table]
                replayed = {**recorded, "payload": {**recorded["payload"], "ids": ids}}
                await websocket.send(json.dumps(replayed))


@pytest.mark.django_db
def test_a_realtime_message_becomes_the_same_change_as_a_notification():
    row_id = str(uuid.uuid4())
    message = _realtime_change(
        "questions", "DELETE", None, at="2026-11-25T10:00:00.5Z", old_record={"id": row_id}
    )
    change = change_from_realtime(message["payload"])
    assert (change.table, change.op, change.id, change.owner_id) == (
        "questions",
        "DELETE",
        row_id,
        None,
    )
    assert change_from_realtime({"data": {"table": "tiers"}}) is None


async def test_supabase_realtime_feed_forwards_each_change_once_from_two_subscribers(
    make_question, teacher, session
):
    question = await database_sync_to_async(make_question)(seed=8, owner=teacher)
    record = {"id": str(question.pk), "owner_id": teacher.pk, "review_state": "draft"}
    session_record = {"id": str(session.pk), "owner_id": teacher.pk, "status": "running"}
    fake = FakeRealtime(
        [
            _realtime_change("questions", "INSERT", record, at="2026-11-25T10:00:00.100Z"),
            _realtime_change(
                "generation_sessions", "UPDATE", session_record, at="2026-11-25T10:00:00.200Z"
            ),
            _realtime_change("questions", "UPDATE", record, at="2026-11-25T10:00:00.300Z"),
            _realtime_change(
                "questions",
                "DELETE",
                None,
                at="2026-11-25T10:00:00.400Z",
                old_record={"id": str(question.pk)},
            ),
        ]
    )
    bank_layer, bank = await _group_member(live.BANK_GROUP)
    _, watcher = await _group_member(live.session_group(session.pk))
    claims = RedisClaims(REDIS_URL, prefix=f"test-{uuid.uuid4()}")
    async with serve(fake.handler, "127.0.0.1", 0) as server:
        port = server.sockets[0].getsockname()[1]
        feeds = [SupabaseFeed(f"http://127.0.0.1:{port}", "service-role-key") for _ in range(2)]
        tasks = [asyncio.create_task(changefeed.forward(f, claims)) for f in feeds]
        try:
            events = [await _receive(bank_layer, bank) for _ in range(3)]
            session_event = await _receive(bank_layer, watcher)
            with pytest.raises(TimeoutError):  # the second subscriber's copies were claimed
                await _receive(bank_layer, bank, timeout=0.5)
        finally:
            for task in tasks:
                task.cancel()
            await asyncio.gather(*tasks, return_exceptions=True)
            await claims.close()

    assert len(fake.joins) == 2
    assert fake.joins[0] == [
        {"event": "*", "schema": "public", "table": "questions"},
        {"event": "*", "schema": "public", "table": "generation_sessions"},
        {"event": "*", "schema": "public", "table": "paper_jobs"},
    ]
    # Two forwarders share the work, so the order between changes is theirs to interleave.
    by_op = {e["op"]: e for e in events}
    assert sorted(by_op) == ["DELETE", "INSERT", "UPDATE"]
    assert {(e["type"], e["id"]) for e in events} == {("question.changed", str(question.pk))}
    assert f'id="question-{question.pk}"' in by_op["INSERT"]["html"]
    assert by_op["INSERT"]["attrs"]["owner_id"] == teacher.pk
    assert by_op["DELETE"]["html"] == "" and by_op["DELETE"]["attrs"] is None
    assert session_event == {
        "type": "session.changed",
        "id": str(session.pk),
        "op": "UPDATE",
    }
