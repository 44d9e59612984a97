"""Real ``manage.py worker`` processes for the fault tests and benchmarks, and waiting on them.

Shared by ``generation/tests/test_worker_faults.py``, ``test_recovery.py``,
``test_database_restart.py`` and ``bench/faults.py``: each worker is a subprocess on a given
database (by default the one this process's Django uses, i.e. the test database), with fast
heartbeats and watchdog, optionally stopped at a pause point (``generation.faults``).
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
STALE_SECONDS = 1.5
# A task worker as the tests run it: polling fast, no autoreload, no start-up delay.
WORKER_COMMAND = (
    sys.executable, "manage.py", "worker", "--no-reload", "--no-startup-delay", "--interval", "0.1"
)  # fmt: skip


def django_database_url() -> str:
    """The URL of the database this process's Django is connected to (the test database)."""
    from django.db import connection

    s = connection.settings_dict
    return f"postgres://{s['USER']}@{s['HOST'] or '127.0.0.1'}:{s['PORT'] or 5432}/{s['NAME']}"


def wait_for(condition: Callable[[], object], what: str, timeout: float = 90) -> None:
    """Poll ``condition`` every 50 ms until it is true; AssertionError after ``timeout`` s."""
    deadline = time.monotonic() + timeout
    while not condition():
        if time.monotonic() > deadline:
            raise AssertionError(f"timed out waiting for {what}")
        time.sleep(0.05)


class Workers:
    """Worker subprocesses started by one test; ``stop_all()`` ends every one of them."""

    def __init__(
        self,
        tmp_path: Path,
        *,
        database_url: str | None = None,
        env: dict[str, str] | None = None,
        stale_seconds: float = STALE_SECONDS,
        log: Path | None = None,
    ) -> None:
        self.tmp_path = tmp_path
        self.database_url = database_url
        self.extra_env = env or {}
        self.stale_seconds = stale_seconds
        self.log = log
        self.running: list[subprocess.Popen[bytes]] = []

    def start(self, pause_at: str = "") -> tuple[subprocess.Popen[bytes], Path]:
        """A new worker (stopping at ``pause_at``, ``<stage>:<index>``, if given) and the file
        it writes when it gets there."""
        pause_file = self.tmp_path / f"paused-{len(self.running)}"
        env = dict(
            os.environ,
            DJANGO_SETTINGS_MODULE="derivativ.settings.test",
            DATABASE_URL=self.database_url or django_database_url(),
            PIPELINE_HEARTBEAT_SECONDS="0.2",
            PIPELINE_HEARTBEAT_STALE_SECONDS=str(self.stale_seconds),
            PIPELINE_WATCHDOG_SECONDS="0.3",
            PIPELINE_PAUSE_AT=pause_at,
            PIPELINE_PAUSE_FILE=str(pause_file),
            **self.extra_env,
        )
        out = self.log.open("ab") if self.log else subprocess.DEVNULL
        try:
            process = subprocess.Popen(
                list(WORKER_COMMAND),
                cwd=ROOT,
                env=env,
                stdout=out,
                stderr=subprocess.STDOUT if self.log else subprocess.DEVNULL,
            )
        finally:
            if self.log:
                out.close()  # type: ignore[union-attr]
        self.running.append(process)
        return process, pause_file

    def kill_when_paused(self, pause_at: str, timeout: float = 90) -> None:
        """Start a worker, wait until it reaches ``pause_at``, SIGKILL it."""
        process, pause_file = self.start(pause_at)
        wait_for(pause_file.exists, f"the worker to reach {pause_at}", timeout)
        process.send_signal(signal.SIGKILL)
        process.wait(timeout=10)

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
