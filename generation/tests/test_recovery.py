"""A worker killed mid-run: the session is resumed by another worker, never left running."""

from __future__ import annotations

import signal

import pytest

from derivativ.testing.processes import Workers, wait_for
from generation import services
from generation.models import GenerationSession, Status
from generation.schemas import GenerationRequest
from questions.models import Question

pytestmark = pytest.mark.django_db(transaction=True)


def _wait(condition, timeout: float, what: str) -> None:
    wait_for(condition, what, timeout)


def test_a_session_whose_worker_is_killed_is_resumed_by_another_worker(teacher, tmp_path):
    pool = Workers(tmp_path, stale_seconds=2)
    request = GenerationRequest(tier="Extended", syllabus_codes=["E5.3"], count=20, seed=5)
    session = services.session_start(owner=teacher, request=request)
    first, _ = pool.start()
    try:
        _wait(
            lambda: Question.objects.filter(session=session).count() >= 2, 90, "the first questions"
        )
        first.send_signal(signal.SIGKILL)
        first.wait(timeout=10)
    finally:
        if first.poll() is None:
            first.kill()
    session.refresh_from_db()
    if session.status_id == Status.COMPLETED:
        pytest.fail("the first worker finished before it could be killed; make the session longer")
    assert session.status_id == Status.RUNNING
    stored_before = Question.objects.filter(session=session).count()

    second, _ = pool.start()
    try:
        _wait(
            lambda: GenerationSession.objects.get(pk=session.pk).is_terminal,
            120,
            "the second worker to finish the session",
        )
    finally:
        second.send_signal(signal.SIGTERM)
        second.wait(timeout=20)
    session.refresh_from_db()
    assert session.status_id == Status.COMPLETED, session.error
    assert session.attempts == 2
    recovered = session.steps.filter(kind="recovered")
    assert recovered.count() == 1
    assert "resuming on another worker" in recovered.get().message
    questions = Question.objects.filter(session=session)
    assert questions.count() == session.questions_made
    assert session.questions_made + session.questions_rejected == 20
    assert session.questions_made > stored_before
    keys = list(questions.values_list("variant_key", flat=True))
    assert len(keys) == len(set(keys)), "a resumed run must not store a question twice"
    started = session.steps.filter(kind="started").order_by("sequence")
    assert started.count() == 2 and "resuming" in started.last().message


def test_a_session_whose_worker_died_twice_is_failed_with_the_reason(teacher):
    from datetime import timedelta

    from django.utils import timezone

    session = services.session_start(
        owner=teacher,
        request=GenerationRequest(tier="Extended", syllabus_codes=["E5.3"]),
        enqueue=False,
    )
    GenerationSession.objects.filter(pk=session.pk).update(
        status_id=Status.RUNNING, attempts=2, heartbeat_at=timezone.now() - timedelta(minutes=5)
    )
    assert services.session_recover_stale(stale_after=30) == [str(session.pk)]
    session.refresh_from_db()
    assert session.status_id == Status.FAILED
    assert "stopped responding" in session.error and "resumed once" in session.error
