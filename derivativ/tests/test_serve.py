"""``manage.py serve --web N``: N server processes on one port, each delivering live changes."""

from __future__ import annotations

import asyncio
import os
import socket
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import httpx
import psutil
import pytest
import websockets
from django.conf import settings
from django.test import Client

from derivativ.middleware import SERVED_BY_HEADER
from questions.models import ReviewState

BASE_DIR = Path(__file__).resolve().parents[2]
REDIS_URL = os.environ.get("TEST_REDIS_URL", "redis://127.0.0.1:6379/9")
WAIT = 60.0


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _database_url() -> str:
    from django.db import connection

    d = connection.settings_dict
    return f"postgres://{d.get('USER') or 'postgres'}@{d.get('HOST') or '127.0.0.1'}:{d.get('PORT') or 5432}/{d['NAME']}"


def _serve(port: int, *args: str, redis: bool = True) -> subprocess.Popen[bytes]:
    env = dict(
        os.environ,
        DATABASE_URL=_database_url(),
        DJANGO_SETTINGS_MODULE="derivativ.settings.test",
        ALLOWED_HOSTS="127.0.0.1,localhost",
        PYTHONUNBUFFERED="1",
    )
    env.pop("REDIS_URL", None)
    env.pop("CHANGE_FEED_IN_PROCESS", None)
    if redis:
        env["REDIS_URL"] = REDIS_URL
    return subprocess.Popen(
        [sys.executable, "manage.py", "serve", "--port", str(port), *args],
        cwd=BASE_DIR,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
    )


def _servers_answering(port: int, cookies: dict[str, str]) -> set[str]:
    """The pids that answered ``/bank/`` over fresh connections, until two did (or time ran out)."""
    pids: set[str] = set()
    deadline = time.monotonic() + WAIT
    while len(pids) < 2 and time.monotonic() < deadline:
        try:
            with httpx.Client(cookies=cookies) as client:  # a new connection each time
                response = client.get(f"http://127.0.0.1:{port}/bank/", timeout=10)
        except httpx.TransportError:
            time.sleep(0.2)
            continue
        assert response.status_code == 200
        assert "Questions" in response.text
        pids.add(response.headers[SERVED_BY_HEADER])
    return pids


def _server_of(local_port: int, server_pids: set[int]) -> int | None:
    """Which server process holds the other end of our connection from ``local_port``."""
    for pid in server_pids:
        for conn in psutil.Process(pid).net_connections(kind="tcp"):
            if conn.raddr and conn.raddr.port == local_port:
                return pid
    return None


def _change_feed_listening(database: str) -> bool:
    from django.db import connection

    from generation.changefeed.postgres import APPLICATION_NAME

    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT count(*) FROM pg_stat_activity WHERE datname = %s AND application_name = %s"
            " AND (query ILIKE 'LISTEN%%' OR query = 'SELECT 1')",
            [database, APPLICATION_NAME],
        )
        return cursor.fetchone()[0] > 0


@pytest.mark.django_db(transaction=True)
def test_serve_web_2_runs_two_servers_on_one_port_and_both_deliver_a_change(teacher, make_question):
    client = Client()
    client.force_login(teacher)
    cookies = {settings.SESSION_COOKIE_NAME: client.cookies[settings.SESSION_COOKIE_NAME].value}
    port = _free_port()
    serve = _serve(port, "--web", "2", "--workers", "0")
    try:
        pids = _servers_answering(port, cookies)
        assert len(pids) == 2, f"only {pids} answered on port {port}"
        server_pids = {int(p) for p in pids}
        deadline = time.monotonic() + WAIT
        from django.db import connection

        while not _change_feed_listening(connection.settings_dict["NAME"]):
            assert time.monotonic() < deadline, "the change feed never listened"
            time.sleep(0.2)

        question_id = asyncio.run(_a_change_reaches_both(port, cookies, server_pids, make_question))
        assert question_id
    finally:
        serve.terminate()
        output = serve.communicate(timeout=30)[0].decode()
    assert "2 web, 0 worker processes" in output


async def _a_change_reaches_both(
    port: int, cookies: dict[str, str], server_pids: set[int], make_question: Any
) -> str:
    from channels.db import database_sync_to_async

    headers = {
        "Cookie": "; ".join(f"{k}={v}" for k, v in cookies.items()),
        "Origin": f"http://127.0.0.1:{port}",
    }
    sockets: dict[int, Any] = {}
    deadline = time.monotonic() + WAIT
    spare = []
    while set(sockets) != server_pids:  # one socket on each server process
        assert time.monotonic() < deadline, f"sockets reached only {set(sockets)}"
        ws = await websockets.connect(f"ws://127.0.0.1:{port}/ws/bank/", additional_headers=headers)
        pid = _server_of(ws.local_address[1], server_pids)
        if pid is not None and pid not in sockets:
            sockets[pid] = ws
        else:
            spare.append(ws)
    await asyncio.sleep(1)  # each page has read its (empty) first page

    def approved_question() -> Any:
        from django.db import connection

        try:
            return make_question(seed=2, owner=None, review_state=ReviewState.APPROVED)
        finally:
            connection.close()  # the executor's thread would hold it past the test database

    question = await database_sync_to_async(approved_question)()
    try:
        for pid, ws in sockets.items():
            message = await asyncio.wait_for(ws.recv(), timeout=20)
            assert f'id="question-{question.pk}"' in message, f"server {pid}: {message[:200]}"
    finally:
        for ws in [*sockets.values(), *spare]:
            await ws.close()
    return str(question.pk)


def test_serve_web_2_without_redis_says_what_is_missing():
    serve = _serve(_free_port(), "--web", "2", redis=False)
    output = serve.communicate(timeout=60)[0].decode()
    assert serve.returncode != 0
    assert "--web 2 needs the Redis channel layer: set REDIS_URL" in output
