"""Workers SIGKILLed at each stage of a question (generating, marking, storing), and twice in
a row: the session is resumed or failed with a reason, no question is stored twice, and no
session is left running once the watchdog has looked.

Real ``manage.py worker`` subprocesses against the test database. Each is stopped at an exact
point by ``generation.faults.pause_point`` (``PIPELINE_PAUSE_AT``), which writes a file when it
gets there: the test waits for the file, then kills, so the kill lands where the test says.
Heartbeats every 0.2 s, stale after 1.5 s, the watchdog every 0.3 s.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from derivativ.testing.processes import Workers, wait_for
from generation import services
from generation.faults import STAGES
from generation.models import GenerationSession, Status
from generation.schemas import GenerationRequest
from questions.models import Question

pytestmark = pytest.mark.django_db(transaction=True)
COUNT = 3
STALE_SECONDS = 1.5


@pytest.fixture
def workers(tmp_path: Path) -> Iterator[Workers]:
    pool = Workers(tmp_path, stale_seconds=STALE_SECONDS)
    try:
        yield pool
    finally:
        pool.stop_all()


def start_session(teacher) -> GenerationSession:
    request = GenerationRequest(tier="Extended", syllabus_codes=["E5.3"], count=COUNT, seed=11)
    return services.session_start(owner=teacher, request=request)


def assert_nothing_twice_and_nothing_running(session: GenerationSession) -> None:
    questions = Question.objects.filter(session=session)
    keys = list(questions.values_list("variant_key", flat=True))
    assert len(keys) == len(set(keys)), "a question was stored twice"
    assert questions.count() == session.questions_made
    stored = [
        o["question_id"]
        for o in (session.results or {}).get("questions", {}).values()
        if o.get("status") == "stored"
    ]
    assert sorted(stored) == sorted(str(pk) for pk in questions.values_list("pk", flat=True))
    assert not GenerationSession.objects.filter(status_id=Status.RUNNING).exists()


@pytest.mark.parametrize("stage", STAGES)
def test_a_worker_killed_while_at_each_stage_is_resumed_without_duplicates(
    teacher, workers: Workers, stage: str
) -> None:
    session = start_session(teacher)
    workers.kill_when_paused(f"{stage}:1")  # question 1 of 0..2, after question 0 is stored
    session.refresh_from_db()
    assert session.status_id == Status.RUNNING
    # Killed while storing: the question row and the session's record of it were written in
    # one transaction that never committed, so neither is there.
    assert Question.objects.filter(session=session).count() == 1

    workers.start()
    wait_for(
        lambda: GenerationSession.objects.get(pk=session.pk).is_terminal,
        "the second worker to finish the session",
    )
    session.refresh_from_db()
    assert session.status_id == Status.COMPLETED, session.error
    assert session.attempts == 2
    assert session.questions_made + session.questions_rejected == COUNT
    recovered = session.steps.get(kind="recovered")
    assert "resuming on another worker" in recovered.message
    started = session.steps.filter(kind="started").order_by("sequence")
    assert "resuming: 1 of 3 already done" in started.last().message
    assert_nothing_twice_and_nothing_running(session)


def test_a_worker_killed_twice_in_a_row_fails_the_session_with_the_reason(
    teacher, workers: Workers
) -> None:
    session = start_session(teacher)
    workers.kill_when_paused("marking:1")
    workers.kill_when_paused("storing:2")  # the second worker resumes it, then dies too
    session.refresh_from_db()
    assert session.attempts == 2
    assert Question.objects.filter(session=session).count() == 2  # questions 0 and 1

    workers.start()  # its watchdog finds the session silent after its second attempt
    wait_for(
        lambda: GenerationSession.objects.get(pk=session.pk).is_terminal,
        "the watchdog to fail the session",
    )
    session.refresh_from_db()
    assert session.status_id == Status.FAILED
    assert "stopped responding" in session.error and "resumed once" in session.error
    finished = session.steps.filter(kind="recovered").order_by("sequence").last()
    assert finished.message == "Worker stopped; session failed."
    assert session.steps.filter(kind="recovered").count() == 2
    assert_nothing_twice_and_nothing_running(session)
    # What was stored before the second kill is still there, in the bank.
    assert session.questions_made == 2


def test_the_killed_workers_task_row_is_closed_by_the_watchdog(teacher, workers: Workers) -> None:
    from django_tasks_db.compat import TaskResultStatus
    from django_tasks_db.models import DBTaskResult

    session = start_session(teacher)
    workers.kill_when_paused("generating:1")
    rows = DBTaskResult.objects.filter(args_kwargs__args=[str(session.pk)])
    assert list(rows.values_list("status", flat=True)) == [TaskResultStatus.RUNNING]

    workers.start()
    wait_for(
        lambda: GenerationSession.objects.get(pk=session.pk).is_terminal,
        "the second worker to finish the session",
    )
    statuses = dict(rows.values_list("exception_class_path", "status"))
    # The dead worker's run is closed as failed, the resumed run succeeded: none left running.
    assert statuses == {
        "generation.services.WorkerLost": TaskResultStatus.FAILED,
        "": TaskResultStatus.SUCCESSFUL,
    }
