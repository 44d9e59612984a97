"""A paper page's websocket: who gets in, the job panel on connect, and a job's progress,
written by another process, reaching the page through the database's change feed."""

from __future__ import annotations

import asyncio

import pytest
from asgiref.sync import sync_to_async
from channels.routing import URLRouter
from channels.testing import WebsocketCommunicator
from django.contrib.auth.models import AnonymousUser
from django.db import connections, transaction

from derivativ.ws_urls import websocket_urlpatterns
from generation import changefeed
from generation.changefeed.claims import LocalClaims
from generation.changefeed.postgres import PostgresFeed, conninfo_from_settings
from papers import jobs, services
from papers.models import JobKind, PaperJob

pytestmark = pytest.mark.django_db(transaction=True)

TIMEOUT = 5


@pytest.fixture(autouse=True)
async def _close_thread_connections():
    yield
    await sync_to_async(connections.close_all)()


@pytest.fixture
def paper(teacher):
    return services.paper_create(
        owner=teacher, title="Live paper", tier="Extended", calculator_policy="allowed"
    )


async def _connect(user, paper_id):
    communicator = WebsocketCommunicator(
        URLRouter(websocket_urlpatterns), f"/ws/papers/{paper_id}/"
    )
    communicator.scope["user"] = user
    connected, code = await communicator.connect(timeout=TIMEOUT)
    return communicator, connected, code


async def test_only_those_who_may_see_the_paper_get_in(paper, teacher, other_teacher, staff_user):
    communicator, connected, code = await _connect(AnonymousUser(), paper.pk)
    assert not connected and code == 4401
    communicator, connected, code = await _connect(other_teacher, paper.pk)
    assert not connected and code == 4403
    for user in (teacher, staff_user):
        communicator, connected, _ = await _connect(user, paper.pk)
        assert connected
        html = await communicator.receive_from(timeout=TIMEOUT)
        assert f'id="job-panel-{paper.pk}"' in html and 'hx-swap-oob="true"' in html
        await communicator.disconnect()
    await sync_to_async(services.paper_share)(paper=paper, usernames=["bob"])
    communicator, connected, _ = await _connect(other_teacher, paper.pk)
    assert connected
    html = await communicator.receive_from(timeout=TIMEOUT)
    assert "Cancel" not in html  # a shared paper's viewer does not control its jobs
    await communicator.disconnect()


async def test_a_jobs_progress_written_elsewhere_reaches_the_page(paper, teacher):
    feed = PostgresFeed(conninfo_from_settings(), check_seconds=0.5)
    task = asyncio.create_task(changefeed.run(feed, LocalClaims()))
    try:
        await asyncio.wait_for(feed.listening.wait(), TIMEOUT)
        communicator, connected, _ = await _connect(teacher, paper.pk)
        assert connected
        await communicator.receive_from(timeout=TIMEOUT)  # the state on connect

        job = await sync_to_async(jobs.job_start)(
            paper=paper, owner=teacher, kind=JobKind.PRINT, enqueue=False
        )
        html = await communicator.receive_from(timeout=TIMEOUT)
        assert "Print the PDFs: Pending" in html

        await sync_to_async(jobs.job_log)(job, "Halfway there", done=1, total=2)
        html = await communicator.receive_from(timeout=TIMEOUT)
        assert "Halfway there" in html and 'aria-valuenow="50"' in html
        assert 'id="paper-editor"' not in html  # progress re-renders the panel only

        def finish():
            with transaction.atomic():
                locked = PaperJob.objects.select_for_update().get(pk=job.pk)
                jobs._finish(locked, "completed")

        await sync_to_async(finish)()
        html = await communicator.receive_from(timeout=TIMEOUT)
        assert 'id="paper-editor"' in html and "Done." in html  # the end re-renders the editor
        await communicator.disconnect()
    finally:
        task.cancel()
        await asyncio.gather(task, return_exceptions=True)
