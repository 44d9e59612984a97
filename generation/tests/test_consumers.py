"""The session page's websocket: only its owner gets in, gets the whole state on connect, then
each step once and in order, with anything missed fetched from the database."""

from __future__ import annotations

import re

import pytest
from asgiref.sync import sync_to_async
from channels.db import database_sync_to_async
from channels.routing import URLRouter
from channels.testing import WebsocketCommunicator
from django.contrib.auth.models import AnonymousUser
from django.db import connections
from django.utils import timezone

from derivativ.ws_urls import websocket_urlpatterns
from generation import live, services
from generation.models import GenerationStep
from generation.schemas import GenerationRequest

pytestmark = pytest.mark.django_db(transaction=True)

TIMEOUT = 3


@pytest.fixture(autouse=True)
async def _close_thread_connections():
    """Consumers reach the database from a worker thread; close its connection afterwards so
    the test database can be dropped."""
    yield
    await sync_to_async(connections.close_all)()


@pytest.fixture
def session(teacher):
    request = GenerationRequest(tier="Extended", syllabus_codes=["E5.3"], count=2)
    return services.session_start(owner=teacher, request=request, enqueue=False)


async def _connect(user, session_id):
    communicator = WebsocketCommunicator(
        URLRouter(websocket_urlpatterns), f"/ws/generate/{session_id}/"
    )
    communicator.scope["user"] = user
    connected, code = await communicator.connect(timeout=TIMEOUT)
    return communicator, connected, code


def _record_step(session_id, message):
    return services.step_record(
        session_id=str(session_id),
        agent="generator",
        kind="generated",
        message=message,
        started_at=timezone.now(),
    )


def _silent_step(session_id, sequence):
    """A step row written without a push: as if its message were lost."""
    now = timezone.now()
    return GenerationStep.objects.create(
        session_id=session_id,
        sequence=sequence,
        agent="marker",
        kind="marked",
        message=f"silent step {sequence}",
        started_at=now,
        finished_at=now,
    )


def _sequences(html):
    return [int(n) for n in re.findall(r'id="step-[0-9a-f-]+-(\d+)"', html)]


async def test_only_the_owner_gets_in(session, other_teacher):
    _, connected, code = await _connect(AnonymousUser(), session.pk)
    assert (connected, code) == (False, 4401)
    _, connected, code = await _connect(other_teacher, session.pk)
    assert (connected, code) == (False, 4403)


async def test_the_owner_gets_the_state_then_each_step_once_in_order_gaps_filled(session, teacher):
    await database_sync_to_async(_record_step)(session.pk, "before connecting")
    communicator, connected, _ = await _connect(teacher, session.pk)
    assert connected

    state = await communicator.receive_from(timeout=TIMEOUT)
    assert f'id="session-header-{session.pk}"' in state
    assert 'id="timeline"' in state and 'hx-swap-oob="true"' in state
    assert "before connecting" in state
    assert _sequences(state) == [1]

    second = await database_sync_to_async(_record_step)(session.pk, "second step")
    await database_sync_to_async(_record_step)(session.pk, "third step")
    html = await communicator.receive_from(timeout=TIMEOUT)
    assert _sequences(html) == [2] and "second step" in html
    assert 'hx-swap-oob="beforeend:#timeline"' in html
    assert f'id="session-header-{session.pk}"' in html  # the header moves on with each step
    html = await communicator.receive_from(timeout=TIMEOUT)
    assert _sequences(html) == [3] and "third step" in html

    # A repeated message is dropped.
    await database_sync_to_async(live.publish_step)(second.pk)
    assert await communicator.receive_nothing(timeout=0.3)

    # Lost messages: the steps in between come from the database, before the next one.
    await database_sync_to_async(_silent_step)(session.pk, 4)
    await database_sync_to_async(_silent_step)(session.pk, 5)
    await database_sync_to_async(_record_step)(session.pk, "sixth")
    missed = await communicator.receive_from(timeout=TIMEOUT)
    latest = await communicator.receive_from(timeout=TIMEOUT)
    assert _sequences(missed) == [4, 5]
    assert "silent step 4" in missed and "silent step 5" in missed
    assert _sequences(latest) == [6] and "sixth" in latest
    assert await communicator.receive_nothing(timeout=0.2)
    await communicator.disconnect()


async def test_a_session_changed_elsewhere_re_renders_its_header(session, teacher):
    communicator, connected, _ = await _connect(teacher, session.pk)
    await communicator.receive_from(timeout=TIMEOUT)

    await database_sync_to_async(services.session_cancel)(session=session)
    # The service pushes its own header; the database change (as the change feed forwards
    # it) brings the header again, read afresh from the row.
    await communicator.receive_from(timeout=TIMEOUT)
    await database_sync_to_async(live.publish_session_change)(
        session_id=str(session.pk), operation="UPDATE"
    )

    header = await communicator.receive_from(timeout=TIMEOUT)
    assert f'id="session-header-{session.pk}"' in header
    assert 'data-status="cancelled"' in header
    await communicator.disconnect()
