"""Request size limits (derivativ/limits.py): a body, a form or a socket message past its limit
gets a clear refusal (413, 400 or close code 1009), never a 500, and the server goes on serving."""

from __future__ import annotations

from typing import Any

import pytest
from asgiref.sync import sync_to_async
from channels.testing import ApplicationCommunicator, HttpCommunicator
from django.conf import settings
from django.db import connections

from derivativ.limits import MESSAGE_TOO_BIG
from tests.security.test_socket_matrix import TIMEOUT, connect


def application() -> Any:
    from derivativ.asgi import application

    return application


def test_the_limits_are_set_deliberately():
    assert settings.DATA_UPLOAD_MAX_MEMORY_SIZE == 256 * 1024
    assert settings.DATA_UPLOAD_MAX_NUMBER_FIELDS == 500
    assert settings.FILE_UPLOAD_MAX_MEMORY_SIZE == 256 * 1024
    assert settings.REQUEST_BODY_MAX_SIZE == 1024 * 1024
    assert settings.WEBSOCKET_MAX_MESSAGE_SIZE == 64 * 1024
    assert settings.DAPHNE_WEBSOCKET_MAX_MESSAGE_SIZE == settings.WEBSOCKET_MAX_MESSAGE_SIZE


@pytest.mark.django_db
def test_a_form_past_the_upload_limit_gets_a_413_that_says_so(client, teacher):
    client.force_login(teacher)
    response = client.post("/generate/", {"tier": "Core", "model": "x" * (300 * 1024)})
    assert response.status_code == 413
    assert "too large: the limit is 256 KB" in response.content.decode()
    assert client.get("/generate/").status_code == 200


@pytest.mark.django_db
def test_a_form_with_too_many_fields_gets_a_400_that_says_so(client, teacher):
    client.force_login(teacher)
    response = client.post("/generate/", {f"f{i}": "1" for i in range(600)})
    assert response.status_code == 400
    assert "too many fields: the limit is 500" in response.content.decode()


async def test_a_body_declared_too_large_is_refused_before_it_is_read():
    too_big = settings.REQUEST_BODY_MAX_SIZE + 1
    communicator = HttpCommunicator(
        application(),
        "POST",
        "/generate/",
        body=b"x",
        headers=[(b"host", b"localhost"), (b"content-length", str(too_big).encode())],
    )
    response = await communicator.get_response(timeout=TIMEOUT)
    assert response["status"] == 413
    assert b"Request body too large: the limit is 1024 KB." in response["body"]


async def test_a_streamed_body_is_cut_off_once_it_passes_the_limit():
    communicator = ApplicationCommunicator(
        application(),
        {
            "type": "http",
            "http_version": "1.1",
            "method": "POST",
            "path": "/generate/",
            "raw_path": b"/generate/",
            "query_string": b"",
            "root_path": "",
            "scheme": "http",
            "headers": [(b"host", b"localhost")],
            "client": ("127.0.0.1", 1),
            "server": ("localhost", 80),
        },
    )
    chunk = b"x" * (256 * 1024)
    for _ in range(settings.REQUEST_BODY_MAX_SIZE // len(chunk) + 1):
        await communicator.send_input({"type": "http.request", "body": chunk, "more_body": True})
    start = await communicator.receive_output(TIMEOUT)
    body = await communicator.receive_output(TIMEOUT)
    assert start["status"] == 413 and b"too large" in body["body"]


@pytest.mark.django_db(transaction=True)
@pytest.mark.parametrize("path", ["/ws/bank/", "/ws/generate/{running}/", "/ws/papers/{paper}/"])
async def test_a_socket_message_past_the_limit_closes_that_socket_with_1009(sworld, path):
    big, watcher = await _pages(sworld, sworld.path(path))
    await big.send_to(text_data="x" * (settings.WEBSOCKET_MAX_MESSAGE_SIZE + 1))
    closed = await big.receive_output(TIMEOUT)
    assert closed == {"type": "websocket.close", "code": MESSAGE_TOO_BIG}
    await big.send_to(bytes_data=b"\x00" * 10)  # the closed one is not read any more
    # A message at the limit is read (and ignored), and the other page is untouched.
    await watcher.send_to(text_data="y" * settings.WEBSOCKET_MAX_MESSAGE_SIZE)
    assert await watcher.receive_nothing(timeout=0.3)
    await watcher.disconnect()
    await big.wait(TIMEOUT)
    await sync_to_async(connections.close_all)()


async def _pages(world: Any, path: str) -> tuple[Any, Any]:
    pages = []
    for _ in range(2):
        communicator, connected, _ = await connect(world.a, path)
        assert connected
        if path != "/ws/bank/":
            await communicator.receive_from(timeout=TIMEOUT)  # the state on connect
        pages.append(communicator)
    return pages[0], pages[1]


@pytest.fixture
def sworld(teacher, other_teacher, staff_user, question_content):
    from tests.security.conftest import build_world

    return build_world(teacher, other_teacher, staff_user, question_content)


@pytest.mark.slow
@pytest.mark.django_db(transaction=True)
def test_daphne_itself_refuses_a_socket_message_past_the_limit(teacher):
    """The flags ``serve`` gives Daphne: a real server drops a socket that sends a message over
    the limit by itself (the consumer's own check is raised to 10 MB in that server, so Daphne
    is what refuses), and goes on serving other sockets."""
    import asyncio
    import os
    import subprocess
    import sys

    import websockets
    from django.test import Client

    from derivativ.limits import daphne_limit_args
    from derivativ.tests.test_serve import BASE_DIR, _database_url, _free_port

    port = _free_port()
    env = dict(
        os.environ,
        DATABASE_URL=_database_url(),
        DJANGO_SETTINGS_MODULE="derivativ.settings.test",
        ALLOWED_HOSTS="127.0.0.1,localhost",
        WEBSOCKET_MAX_MESSAGE_SIZE=str(10 * 1024 * 1024),
    )
    env.pop("REDIS_URL", None)
    command = [sys.executable, "-m", "daphne", "-b", "127.0.0.1", "-p", str(port)]
    server = subprocess.Popen(
        [*command, *daphne_limit_args(), "derivativ.asgi:application"],
        cwd=BASE_DIR,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    client = Client()
    client.force_login(teacher)
    cookie = f"{settings.SESSION_COOKIE_NAME}={client.cookies[settings.SESSION_COOKIE_NAME].value}"

    async def attempt() -> tuple[int | None, bool]:
        url = f"ws://127.0.0.1:{port}/ws/bank/"
        headers = {"Cookie": cookie}
        origin = f"http://127.0.0.1:{port}"
        for _ in range(100):  # the server starts
            try:
                socket = await websockets.connect(
                    url, additional_headers=headers, origin=origin, max_size=None
                )
                break
            except OSError:
                await asyncio.sleep(0.2)
        else:
            raise AssertionError("Daphne did not start")
        await socket.send("x" * (settings.WEBSOCKET_MAX_MESSAGE_SIZE + 1))
        try:
            await asyncio.wait_for(socket.recv(), 10)
        except websockets.ConnectionClosed as closed:
            # Autobahn drops the connection (no close frame) for a message over its limit.
            code = closed.rcvd.code if closed.rcvd else None
        else:
            raise AssertionError("the oversized message was taken")
        # the server is still there for the next page
        async with websockets.connect(url, additional_headers=headers, origin=origin) as other:
            await other.send('{"bank_query": ""}')
            await asyncio.wait_for(await other.ping(), 10)
        return code, True

    try:
        code, alive = asyncio.run(attempt())
    finally:
        server.terminate()
        server.wait(10)
    assert code in (None, MESSAGE_TOO_BIG) and alive
