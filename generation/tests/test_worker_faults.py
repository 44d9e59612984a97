"""Workers SIGKILLed at each stage of a question (generating, marking, storing), and twice in
a row: the session is resumed or failed with a reason, no question is stored twice, and no
session is left running once the watchdog has looked.

Real ``manage.py worker`` subprocesses against the test database. Each is stopped at an exact
point by ``generation.faults.pause_point`` (``PIPELINE_PAUSE_AT``), which writes a file when it
gets there: the test waits for the file, then kills, so the kill lands where the test says.
Heartbeats every 0.2 s, stale after 1.5 s, the watchdog every 0.3 s.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from django.db import connection

from generation import services
from generation.faults import STAGES
from generation.models import GenerationSession, Status
from generation.schemas import GenerationRequest
from questions.models import Question

pytestmark = pytest.mark.django_db(transaction=True)
ROOT = Path(__file__).resolve().parents[2]
COUNT = 3
STALE_SECONDS = 1.5


class Workers:
    def __init__(self, tmp_path: Path) -> None:
        self.tmp_path = tmp_path
        self.running: list[subprocess.Popen[bytes]] = []

    def start(self, pause_at: str = "") -> tuple[subprocess.Popen[bytes], Path]:
        s = connection.settings_dict
        url = f"postgres://{s['USER']}@{s['HOST'] or '127.0.0.1'}:{s['PORT'] or 5432}/{s['NAME']}"
        pause_file = self.tmp_path / f"paused-{len(self.running)}"
        env = dict(
            os.environ,
            DJANGO_SETTINGS_MODULE="derivativ.settings.test",
            DATABASE_URL=url,
            PIPELINE_HEARTBEAT_SECONDS="0.2",
            PIPELINE_HEARTBEAT_STALE_SECONDS=str(STALE_SECONDS),
            PIPELINE_WATCHDOG_SECONDS="0.3",
            PIPELINE_PAUSE_AT=pause_at,
            PIPELINE_PAUSE_FILE=str(pause_file),
        )
        process = subprocess.Popen(
            [
                sys.executable,
                "manage.py",
                "worker",
                "--no-reload",
                "--no-startup-delay",
                "--interval",
                "0.1",
            ],
            cwd=ROOT,
            env=env,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        self.running.append(process)
        return process, pause_file

    def stop_all(self) -> None:
        for process in self.running:
            if process.poll() is None:
                process.send_signal(signal.SIGTERM)
        for process in self.running:
            try:
                process.wait(timeout=20)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait()


@pytest.fixture
def workers(tmp_path: Path) -> Iterator[Workers]:
    pool = Workers(tmp_path)
    try:
        yield pool
    finally:
        pool.stop_all()


def wait_for(condition: Callable[[], object], what: str, timeout: float = 90) -> None:
    deadline = time.monotonic() + timeout
    while not condition():
        if time.monotonic() > deadline:
            raise AssertionError(f"timed out waiting for {what}")
        time.sleep(0.05)


def kill_when_paused(workers: Workers, pause_at: str) -> None:
    process, pause_file = workers.start(pause_at)
    wait_for(pause_file.exists, f"the worker to reach {pause_at}")
    process.send_signal(signal.SIGKILL)
    process.wait(timeout=10)


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
    kill_when_paused(workers, f"{stage}:1")  # question 1 of 0..2, after question 0 is stored
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
    kill_when_paused(workers, "marking:1")
    kill_when_paused(workers, "storing:2")  # the second worker resumes it, then dies too
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
