"""The fault scenarios, each on an app of its own (throwaway PostgreSQL, and Redis when asked):
a worker SIGKILLed mid-session, PostgreSQL restarted mid-run, Redis stopped and restarted.

Each returns what it measured as a dict: what was lost, how long recovery took, what the pages
saw. ``generation/tests/test_database_restart.py`` and ``tests/test_redis_restart.py`` assert on
it; ``bench/faults.py`` runs them a number of times and reports it.
"""

from __future__ import annotations

import subprocess
import sys
import threading
import time
from pathlib import Path
from typing import Any

import httpx
import psycopg
from websockets.exceptions import WebSocketException
from websockets.sync.client import connect

from bench.common import server_env, start_daphne, start_process, stop, wait_for_port
from derivativ.testing.clusters import ThrowawayPostgres, ThrowawayRedis, free_port
from derivativ.testing.processes import ROOT, Workers, wait_for

TERMINAL = ("completed", "failed", "cancelled")
FEED_APPLICATION = "derivativ-change-feed"


class App:
    """The app on a throwaway PostgreSQL cluster (migrated), optionally a Redis channel layer:
    ``web()`` starts Daphne (and a change feed process with Redis), ``workers`` starts workers."""

    def __init__(self, workdir: Path, *, redis: ThrowawayRedis | None = None) -> None:
        self.workdir = workdir
        self.pg = ThrowawayPostgres().start()
        self.database_url = self.pg.create_database("derivativ")
        self.redis = redis
        self.env = server_env(self.database_url, redis_url=redis.url if redis else None)
        self.procs: list[subprocess.Popen[bytes]] = []
        self.workers = Workers(
            workdir,
            database_url=self.database_url,
            env={"REDIS_URL": self.env.get("REDIS_URL", "")},
        )
        self.port = 0
        self._run([sys.executable, "manage.py", "migrate", "--no-input", "-v", "0"])

    def _run(self, command: list[str]) -> str:
        done = subprocess.run(command, cwd=ROOT, env=self.env, capture_output=True, text=True)
        if done.returncode:
            raise RuntimeError(f"{' '.join(command[1:3])} failed:\n{done.stderr[-3000:]}")
        return done.stdout.strip().splitlines()[-1] if done.stdout.strip() else ""

    def remote(self, *argv: str) -> str:
        """``derivativ.testing.remote`` on this app's database (a cookie, a session id)."""
        return self._run([sys.executable, "-m", "derivativ.testing.remote", *argv])

    def web(self) -> int:
        self.port = free_port()
        if self.redis:
            self.procs.append(start_process("change_feed", ["manage.py", "change_feed"], self.env))
        self.procs.insert(0, start_daphne(self.port, self.env))
        wait_for_port(self.port, self.procs)
        return self.port

    def sql(self, query: str, params: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
        with psycopg.connect(self.database_url, autocommit=True) as conn:
            cursor = conn.execute(query, params)  # type: ignore[arg-type]
            return cursor.fetchall() if cursor.description else []

    def session(self, session_id: str) -> tuple[str, str]:
        rows = self.sql(
            "SELECT status, error FROM generation_sessions WHERE id = %s", (session_id,)
        )
        return rows[0][0], rows[0][1]

    def feed_listening(self) -> bool:
        return bool(
            self.sql(
                "SELECT 1 FROM pg_stat_activity WHERE application_name = %s", (FEED_APPLICATION,)
            )
        )

    def close(self) -> None:
        self.workers.stop_all()
        stop(self.procs)
        self.pg.stop()


class Page:
    """What a browser tab does with one socket: connects, and when the socket drops reconnects
    (every 0.2 s, as htmx's ws extension backs off), keeping every frame with its arrival time."""

    def __init__(self, port: int, path: str, cookie: str) -> None:
        self.url = f"ws://127.0.0.1:{port}{path}"
        self.headers = {"Cookie": f"sessionid={cookie}"}
        self.origin = f"http://127.0.0.1:{port}"
        self.frames: list[tuple[float, str]] = []
        self.connects: list[float] = []
        self.closed = threading.Event()
        self.thread = threading.Thread(target=self._run, daemon=True)
        self.thread.start()

    def _run(self) -> None:
        while not self.closed.is_set():
            try:
                with connect(
                    self.url, additional_headers=self.headers, origin=self.origin, open_timeout=5
                ) as ws:  # type: ignore[arg-type]
                    self.connects.append(time.monotonic())
                    while not self.closed.is_set():
                        try:
                            frame = ws.recv(timeout=0.2)
                        except TimeoutError:
                            continue
                        self.frames.append((time.monotonic(), str(frame)))
            except (OSError, WebSocketException):
                pass
            time.sleep(0.2)

    def saw(self, text: str, *, since: float = 0.0) -> bool:
        return any(text in frame for at, frame in self.frames if at >= since)

    def close(self) -> None:
        self.closed.set()
        self.thread.join(timeout=5)


class Probe:
    """GETs ``paths`` in turn every 0.1 s on a thread, recording (time, path, status); status
    0 is a refused or broken connection."""

    def __init__(self, port: int, cookie: str, paths: list[str]) -> None:
        self.client = httpx.Client(
            base_url=f"http://127.0.0.1:{port}", cookies={"sessionid": cookie}, timeout=10
        )
        self.paths = paths
        self.results: list[tuple[float, str, int]] = []
        self.stopped = threading.Event()
        self.thread = threading.Thread(target=self._run, daemon=True)
        self.thread.start()

    def _run(self) -> None:
        while not self.stopped.is_set():
            for path in self.paths:
                try:
                    status = self.client.get(path).status_code
                except httpx.HTTPError:
                    status = 0
                self.results.append((time.monotonic(), path, status))
            time.sleep(0.1)

    def close(self) -> None:
        self.stopped.set()
        self.thread.join(timeout=15)
        self.client.close()

    def errors_after(self, since: float) -> list[tuple[float, str, int]]:
        return [r for r in self.results if r[0] >= since and r[2] != 200]

    def first_ok_after(self, since: float) -> float | None:
        """Seconds from ``since`` until every path had answered 200 again."""
        ok_at = []
        for path in self.paths:
            times = [t for t, p, s in self.results if p == path and t >= since and s == 200]
            if not times:
                return None
            ok_at.append(min(times))
        return max(ok_at) - since


def _committed(app: App, session_id: str) -> tuple[set[str], set[int]]:
    questions = {
        str(r[0]) for r in app.sql("SELECT id FROM questions WHERE session_id = %s", (session_id,))
    }
    steps = {
        int(r[0])
        for r in app.sql("SELECT id FROM generation_steps WHERE session_id = %s", (session_id,))
    }
    return questions, steps


def _duplicates(app: App, session_id: str) -> int:
    rows = app.sql(
        "SELECT count(*) - count(DISTINCT variant_key) FROM questions WHERE session_id = %s",
        (session_id,),
    )
    return int(rows[0][0])


def database_restart(workdir: Path, *, count: int = 3) -> dict[str, Any]:
    """PostgreSQL restarted while a worker is paused mid-session, a page watches the bank and
    the web server is being read: what came back, how fast, and what was lost."""
    app = App(workdir)
    try:
        cookie = app.remote("teacher", "teacher-a")
        session_id = app.remote("session", "teacher-a", str(count), "11")
        port = app.web()
        process, pause_file = app.workers.start("generating:1")
        wait_for(pause_file.exists, "the worker to reach question 2", 120)
        page = Page(port, "/ws/bank/", cookie)
        probe = Probe(port, cookie, ["/bank/", f"/generate/sessions/{session_id}/"])
        wait_for(
            lambda: page.connects and app.feed_listening(), "the bank page and change feed", 60
        )
        questions_before, steps_before = _committed(app, session_id)

        restarted_at = time.monotonic()
        app.pg.restart()
        up_at = time.monotonic()
        wait_for(app.feed_listening, "the change feed to reconnect", 60)
        feed_back = time.monotonic() - up_at
        # A bank page opened after the restart, beside the one open through it (whose socket
        # may have dropped, if the restart caught its consumer reading the page, and come back).
        fresh = Page(port, "/ws/bank/", cookie)
        wait_for(lambda: fresh.connects, "a bank page opened after the restart", 60)
        time.sleep(1.0)  # let the new consumer read its page
        # A change committed after the restart, by plain SQL (the triggers notify).
        first = sorted(questions_before)[0]
        app.sql("UPDATE questions SET review_note = 'after the restart' WHERE id = %s", (first,))
        changed_at = time.monotonic()
        delivered = True
        try:
            wait_for(lambda: fresh.saw(first, since=changed_at), "the change on the bank page", 30)
        except AssertionError:
            delivered = False
        delivery = time.monotonic() - changed_at
        fresh.close()
        wait_for(lambda: probe.first_ok_after(up_at) is not None, "pages to answer again", 60)

        pause_file.unlink()  # let the worker carry on, on a database that has restarted
        wait_for(lambda: app.session(session_id)[0] in TERMINAL, "the session to end", 120)
        time.sleep(1.0)
        probe.close()
        page.close()
        status, error = app.session(session_id)
        questions_after, steps_after = _committed(app, session_id)
        running = app.sql("SELECT count(*) FROM generation_sessions WHERE status = 'running'")
        return {
            "session_status": status,
            "session_error": error,
            "worker_alive": process.poll() is None,
            "restart_seconds": round(up_at - restarted_at, 3),
            "feed_reconnect_seconds": round(feed_back, 3),
            "change_delivered": delivered,
            "change_delivered_to_page_open_through_restart": page.saw(first, since=changed_at),
            "page_connects": len(page.connects),
            "page_frames_after_change": len([f for t, f in page.frames if t >= changed_at]),
            "change_delivery_seconds": round(delivery, 3),
            "http_requests": len(probe.results),
            "http_5xx": sum(1 for r in probe.results if r[2] >= 500),
            "http_errors_after_restart": len(probe.errors_after(up_at)),
            "http_recovery_seconds": round(probe.first_ok_after(up_at) or -1, 3),
            "http_last_status": [s for _, _, s in probe.results[-2:]],
            "questions_lost": len(questions_before - questions_after),
            "steps_lost": len(steps_before - steps_after),
            "duplicates": _duplicates(app, session_id),
            "sessions_left_running": int(running[0][0]),
        }
    finally:
        app.close()


def worker_kill(workdir: Path, *, stage: str = "marking", count: int = 3) -> dict[str, Any]:
    """A worker SIGKILLed at ``stage`` of question 2, another worker started: how long until the
    session ended, and whether anything was stored twice or lost."""
    app = App(workdir)
    try:
        app.remote("teacher", "teacher-a")
        session_id = app.remote("session", "teacher-a", str(count), "11")
        app.workers.kill_when_paused(f"{stage}:1", 120)
        questions_before, steps_before = _committed(app, session_id)
        killed_at = time.monotonic()
        app.workers.start()
        wait_for(lambda: app.session(session_id)[0] in TERMINAL, "the session to end", 120)
        recovered = time.monotonic() - killed_at
        status, error = app.session(session_id)
        questions_after, steps_after = _committed(app, session_id)
        stuck_tasks = app.sql(
            "SELECT count(*) FROM django_tasks_database_dbtaskresult WHERE status = 'RUNNING'"
        )
        running = app.sql("SELECT count(*) FROM generation_sessions WHERE status = 'running'")
        return {
            "stage": stage,
            "session_status": status,
            "session_error": error,
            "recovery_seconds": round(recovered, 3),
            "questions_lost": len(questions_before - questions_after),
            "steps_lost": len(steps_before - steps_after),
            "duplicates": _duplicates(app, session_id),
            "sessions_left_running": int(running[0][0]),
            "task_rows_left_running": int(stuck_tasks[0][0]),
        }
    finally:
        app.close()


def redis_restart(workdir: Path, *, count: int = 3, outage_seconds: float = 3.0) -> dict[str, Any]:
    """Redis (the channel layer) stopped while a session runs and a page watches it, then
    started again: HTTP errors meanwhile, and whether the page caught up on reconnecting."""
    redis = ThrowawayRedis(workdir / "redis").start()
    app = App(workdir, redis=redis)
    try:
        cookie = app.remote("teacher", "teacher-a")
        session_id = app.remote("session", "teacher-a", str(count), "11")
        port = app.web()
        process, pause_file = app.workers.start("generating:1")
        wait_for(pause_file.exists, "the worker to reach question 2", 120)
        page = Page(port, f"/ws/generate/{session_id}/", cookie)
        wait_for(lambda: page.connects, "the session page's socket", 60)
        probe = Probe(port, cookie, ["/bank/", f"/generate/sessions/{session_id}/", "/generate/"])

        stopped_at = time.monotonic()
        redis.stop()
        pause_file.unlink()  # the session runs on and ends while Redis is down
        wait_for(lambda: app.session(session_id)[0] in TERMINAL, "the session to end", 120)
        time.sleep(max(0.0, outage_seconds - (time.monotonic() - stopped_at)))
        # On a loaded machine a request can take seconds: see at least one answered while down.
        wait_for(
            lambda: any(r[0] >= stopped_at for r in probe.results),
            "an HTTP request answered while Redis is down",
            60,
        )
        errors_during = list(probe.results)
        # Timed from before the start: the page may reconnect before ``start()`` returns.
        up_at = time.monotonic()
        redis.start()
        finished = "Finished:"
        caught_up = True
        try:
            wait_for(lambda: page.saw(finished, since=up_at), "the page to catch up", 60)
        except AssertionError:
            caught_up = False
        catch_up = time.monotonic() - up_at
        reconnects = [t for t in page.connects if t >= up_at]
        time.sleep(0.5)
        probe.close()
        page.close()
        status, error = app.session(session_id)
        return {
            "session_status": status,
            "session_error": error,
            "worker_alive": process.poll() is None,
            "outage_seconds": round(up_at - stopped_at, 3),
            "page_caught_up": caught_up,
            "page_catch_up_seconds": round(catch_up, 3),
            "page_reconnected_seconds": round(reconnects[0] - up_at, 3) if reconnects else None,
            "page_connects_seconds": [round(t - stopped_at, 3) for t in page.connects],
            "http_requests": len(probe.results),
            "http_requests_while_down": len([r for r in errors_during if r[0] >= stopped_at]),
            "http_5xx": sum(1 for r in probe.results if r[2] >= 500),
            "http_non_200": sum(1 for r in probe.results if r[2] != 200),
        }
    finally:
        app.close()
        redis.stop()
