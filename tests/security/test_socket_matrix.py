"""The socket rows of the access matrix, through the real consumers and the real ASGI
middleware (sessions, auth, origin check): who gets in, and what each one receives. B must
never receive A's drafts or session fragments."""

from __future__ import annotations

from typing import Any

import pytest
from asgiref.sync import sync_to_async
from channels.db import database_sync_to_async
from channels.testing import WebsocketCommunicator
from django.db import connections

from tests.security.access_matrix import ACCEPT, ROLES, SOCKETS
from tests.security.conftest import build_world

pytestmark = pytest.mark.django_db(transaction=True)

TIMEOUT = 3
QUIET = 0.3


@pytest.fixture(autouse=True)
async def _close_thread_connections():
    yield
    await sync_to_async(connections.close_all)()


@pytest.fixture
def sworld(teacher, other_teacher, staff_user, question_content):
    return build_world(teacher, other_teacher, staff_user, question_content)


def application():
    from derivativ.asgi import application

    return application


async def connect(user: Any, path: str, origin: str = "http://localhost") -> tuple[Any, Any, Any]:
    """Through the whole ASGI stack: the user comes from a real session cookie."""
    headers = [(b"origin", origin.encode()), (b"host", b"localhost")]
    if user is not None:
        cookie = await database_sync_to_async(_session_cookie)(user)
        headers.append((b"cookie", cookie.encode()))
    communicator = WebsocketCommunicator(application(), path, headers=headers)
    connected, code = await communicator.connect(timeout=TIMEOUT)
    return communicator, connected, code


def _session_cookie(user: Any) -> str:
    from django.conf import settings
    from django.test import Client

    client = Client()
    client.force_login(user)
    return f"{settings.SESSION_COOKIE_NAME}={client.cookies[settings.SESSION_COOKIE_NAME].value}"


def _users(world: Any) -> dict[str, Any]:
    return {"anon": None, "a": world.a, "b": world.b, "staff": world.staff}


async def test_every_socket_gives_each_role_what_the_matrix_says(sworld):
    wrong: list[str] = []
    for r in SOCKETS:
        for role, expected in zip(ROLES, r.expect, strict=True):
            communicator, connected, code = await connect(_users(sworld)[role], sworld.path(r.path))
            got = ACCEPT if connected else code
            if got != expected:
                wrong.append(f"{r.path} as {role}: expected {expected}, got {got}")
            if connected and r.path == "/ws/bank/":  # the bank page's state is the page itself
                assert await communicator.receive_nothing(timeout=QUIET)
                await communicator.disconnect()
            elif connected:
                state = await communicator.receive_from(timeout=TIMEOUT)
                if role == "b" and (leaked := [s for s in sworld.private if s in state]):
                    wrong.append(f"{r.path} as b: the state on connect holds A's {leaked}")
                await communicator.disconnect()
    assert not wrong, "\n".join(wrong)


async def test_b_never_receives_a_drafts_from_the_bank_socket(sworld):
    from generation import live

    pages = {
        role: (await connect(_users(sworld)[role], "/ws/bank/"))[0] for role in ("a", "b", "staff")
    }
    for key in ("draft", "rejected"):
        await database_sync_to_async(live.publish_question_change)(
            question_id=sworld.ids[key], operation="UPDATE"
        )
    for role in ("a", "staff"):
        first = await pages[role].receive_from(timeout=TIMEOUT)
        second = await pages[role].receive_from(timeout=TIMEOUT)
        assert sworld.ids["draft"] in first + second and sworld.ids["rejected"] in first + second
    assert await pages["b"].receive_nothing(timeout=QUIET)
    for page in pages.values():
        await page.disconnect()


async def test_session_and_paper_fragments_reach_only_those_let_in(sworld):
    from generation import live, services

    watchers = {}
    for role in ROLES:
        communicator, connected, _ = await connect(
            _users(sworld)[role], sworld.path("/ws/generate/{running}/")
        )
        if connected:
            await communicator.receive_from(timeout=TIMEOUT)
            watchers[role] = communicator
    assert set(watchers) == {"a", "staff"}
    from django.utils import timezone

    step = await database_sync_to_async(services.step_record)(
        session_id=sworld.ids["running"],
        agent="generator",
        kind="generated",
        message="Alice's secret step",
        started_at=timezone.now(),
    )
    await database_sync_to_async(live.publish_step)(step.pk)
    for page in watchers.values():
        assert "Alice&#x27;s secret step" in await page.receive_from(timeout=TIMEOUT)
        await page.disconnect()


async def test_a_foreign_origin_is_refused_on_every_socket(sworld):
    for path in ("/ws/bank/", "/ws/generate/{running}/", "/ws/papers/{paper}/"):
        _, connected, _ = await connect(sworld.a, sworld.path(path), origin="https://evil.example")
        assert not connected, path
        communicator, connected, _ = await connect(sworld.a, sworld.path(path))
        assert connected, path
        await communicator.disconnect()
