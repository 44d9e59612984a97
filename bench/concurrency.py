"""Benchmark: many generation sessions at once on a fixed number of workers.

    .venv/bin/python bench/concurrency.py                       # 200 × 1, 2, 4 workers; 1000 × 4
    .venv/bin/python bench/concurrency.py --plan 50x2,200x2 --questions 2
    .venv/bin/python bench/concurrency.py --smoke

All sessions are started through the normal service (each enqueues its task on commit); N
`manage.py worker` processes drain the queue. Each session's page is open meanwhile: a Daphne
process (the in-memory channel layer and its change feed, as `make run` has it; `--layer redis`
for Redis and a `change_feed` process) and one WebSocket per session, as its teacher's browser
would hold, recording which steps reach the page.

Reported: time until every session is in a terminal state, sessions per minute, errors
(sessions not completed — must be 0), steps lost (must be 0): in the log (gaps in a session's
step sequence, a question without its final step, a session without its "finished" step) and on
the way to the page (steps in the log that never reached the session's socket, 15 s after the
end), sessions stuck (not in a terminal state when the run's 30 minutes are up), queue wait
(a session's start − the later of its creation and the first session's start: the sessions
arrive at once, so this is how long the burst keeps the last ones waiting), run time per
session, CPU (cores the workers used, and the whole machine's busy share, from the first
session's start to the last one's end) and peak memory (RSS of the workers and of the web
server, sampled every 0.2 s). Several session × worker counts in one run (``--plan``) show
where adding workers stops adding throughput on this machine's cores.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import itertools
import random
import re
import subprocess
import sys
import threading
import time
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.common import (  # noqa: E402
    flush_redis,
    free_port,
    login_cookie,
    server_env,
    setup_django,
    smoke_database,
    start_daphne,
    start_process,
    stop,
    table,
    target_line,
    wait_for_port,
    write_results,
)

REDIS_URL = "redis://127.0.0.1:6379/5"
STEP = re.compile(r'id="step-([0-9a-f-]{36})-(\d+)"')
PUSH_GRACE = 15.0  # seconds after the last session ends for its steps to reach the pages


def start_workers(n: int, env: dict[str, str]) -> list[subprocess.Popen[bytes]]:
    args = ["manage.py", "worker", "--no-reload", "--no-startup-delay", "--interval", "0.1"]
    args += ["--verbosity", "0"]
    return [start_process("worker", args, env) for _ in range(n)]


class Watchers:
    """One socket per session on its page's WebSocket, in a thread of their own, recording
    which steps (by sequence) reach each page."""

    def __init__(self, port: int, cookie: str, session_ids: list[str]) -> None:
        self.port, self.cookie = port, cookie
        self.seen: dict[str, set[int]] = {sid: set() for sid in session_ids}
        self.loop = asyncio.new_event_loop()
        self.thread = threading.Thread(target=self.loop.run_forever, daemon=True)
        self.sockets: list[Any] = []
        self.tasks: list[asyncio.Task[None]] = []

    def __enter__(self) -> Watchers:
        self.thread.start()
        asyncio.run_coroutine_threadsafe(self._open_all(), self.loop).result(timeout=600)
        return self

    def __exit__(self, *exc: object) -> None:
        asyncio.run_coroutine_threadsafe(self._close_all(), self.loop).result(timeout=60)
        self.loop.call_soon_threadsafe(self.loop.stop)
        self.thread.join(timeout=10)

    async def _open_all(self) -> None:
        from websockets.asyncio.client import connect

        async def one(sid: str) -> None:
            for attempt in range(3):  # Daphne drops handshakes not accepted within 5 s
                try:
                    ws = await connect(
                        f"ws://127.0.0.1:{self.port}/ws/generate/{sid}/",
                        origin=f"http://127.0.0.1:{self.port}",  # type: ignore[arg-type]
                        additional_headers={"Cookie": f"sessionid={self.cookie}"},
                        max_size=None,
                        open_timeout=60,
                        ping_interval=None,
                    )
                    break
                except OSError:
                    if attempt == 2:
                        raise
                    await asyncio.sleep(1 + attempt)
            self.sockets.append(ws)
            self.tasks.append(asyncio.ensure_future(self._read(ws)))

        ids = list(self.seen)
        for start in range(0, len(ids), 50):
            await asyncio.gather(*(one(sid) for sid in ids[start : start + 50]))

    async def _read(self, ws: Any) -> None:
        with contextlib.suppress(Exception):
            async for message in ws:
                text = message if isinstance(message, str) else message.decode()
                for sid, sequence in STEP.findall(text):
                    if sid in self.seen:
                        self.seen[sid].add(int(sequence))

    async def _close_all(self) -> None:
        for task in self.tasks:
            task.cancel()
        await asyncio.gather(*(ws.close() for ws in self.sockets), return_exceptions=True)

    def missing(self, logged: dict[str, set[int]]) -> dict[str, set[int]]:
        """Per session, the logged steps that have not reached its page."""
        return {sid: logged[sid] - self.seen[sid] for sid in logged if logged[sid] - self.seen[sid]}


def logged_steps(ids: list[str]) -> dict[str, set[int]]:
    from generation.models import GenerationStep

    logged: dict[str, set[int]] = {sid: set() for sid in ids}
    for sid, sequence in GenerationStep.objects.filter(session_id__in=ids).values_list(
        "session_id", "sequence"
    ):
        logged[str(sid)].add(sequence)
    return logged


def rss(procs: list[subprocess.Popen[bytes]]) -> int:
    import psutil

    total = 0
    for p in procs:
        with contextlib.suppress(psutil.Error):
            total += psutil.Process(p.pid).memory_info().rss
    return total


def steps_lost(session: Any) -> list[str]:
    """What is missing from a session's step log, in words (empty when nothing is)."""
    problems = []
    steps = list(session.steps.order_by("sequence").values("sequence", "kind", "question_index"))
    sequences = [s["sequence"] for s in steps]
    if sequences != list(range(1, len(sequences) + 1)):
        problems.append(f"sequence gaps in {session.pk}")
    if not steps or steps[-1]["kind"] != "finished":
        problems.append(f"no finished step in {session.pk}")
    ends = {s["question_index"] for s in steps if s["kind"] in ("stored", "rejected")}
    missing = set(range(session.count)) - ends
    if missing:
        problems.append(f"questions {sorted(missing)} of {session.pk} have no final step")
    return problems


def cpu_seconds(procs: list[subprocess.Popen[bytes]]) -> float:
    import psutil

    total = 0.0
    for p in procs:
        with contextlib.suppress(psutil.Error):
            t = psutil.Process(p.pid).cpu_times()
            total += t.user + t.system
    return total


def machine_busy() -> tuple[float, float]:
    """(busy, total) CPU seconds of the whole machine so far."""
    import psutil

    t = psutil.cpu_times()
    total = sum(t)
    return total - t.idle - getattr(t, "iowait", 0.0), total


def waits(sessions: list[Any]) -> dict[str, Any]:
    """Queue wait and run time per session (seconds), from the sessions' own timestamps."""
    from bench.common import summary_ms

    started = [s for s in sessions if s.started_at]
    if not started:
        return {}
    first = min(s.started_at for s in started)
    queue = [(s.started_at - max(s.created_at, first)).total_seconds() for s in started]
    ran = [(s.finished_at - s.started_at).total_seconds() for s in started if s.finished_at]
    return {"queue_wait_ms": summary_ms(queue), "run_ms": summary_ms(ran)}


def run(count: int, workers: int, questions: int, layer: str, database_url: str) -> dict[str, Any]:
    from generation import services
    from generation.models import TERMINAL_STATUSES, GenerationSession
    from generation.schemas import GenerationRequest

    codes = [
        ("Extended", "E5.3"),
        ("Core", "C1.13"),
        ("Extended", "E2.5"),
        ("Core", "C8.3"),
        ("Extended", "E6.2"),
        ("Core", "C4.6"),
    ]
    env = server_env(database_url, redis_url=REDIS_URL if layer == "redis" else None)
    if layer == "redis":
        flush_redis(REDIS_URL)
    port = free_port()
    server = [start_daphne(port, env)]
    if layer == "redis":
        server.append(start_process("change_feed", ["manage.py", "change_feed"], env))
    procs: list[subprocess.Popen[bytes]] = []
    try:
        wait_for_port(port, server)
        started = time.monotonic()
        ids = []
        # Fresh seeds each run: variants already in the bank are sent back for regeneration.
        first_seed = random.randrange(10**9)
        for i in range(count):
            tier, code = codes[i % len(codes)]
            session = services.session_start(
                owner=None,
                request=GenerationRequest(
                    tier=tier, syllabus_codes=[code], count=questions, seed=first_seed + i
                ),
            )
            ids.append(str(session.pk))
        enqueue_s = time.monotonic() - started
        mine = GenerationSession.objects.filter(pk__in=ids)
        with Watchers(port, login_cookie("bench-watcher", staff=True), ids) as watchers:
            procs = start_workers(workers, env)
            started = time.monotonic()
            peak_rss = peak_server_rss = 0
            deadline = started + 60 * 30
            cpu_from: tuple[float, float, float, float] | None = None  # t, workers, busy, total
            while time.monotonic() < deadline:
                peak_rss = max(peak_rss, rss(procs))
                peak_server_rss = max(peak_server_rss, rss(server))
                if cpu_from is None and mine.filter(started_at__isnull=False).exists():
                    cpu_from = (time.monotonic(), cpu_seconds(procs), *machine_busy())
                done = mine.filter(status__in=TERMINAL_STATUSES).count()
                if done == count:
                    break
                if any(p.poll() is not None for p in procs + server):
                    raise SystemExit("a worker or the server died during the run")
                time.sleep(0.2)
            elapsed = time.monotonic() - started
            cpu_to = (time.monotonic(), cpu_seconds(procs), *machine_busy())
            # The finished steps are written after the last status: let them reach the pages.
            logged = logged_steps(ids)
            grace = time.monotonic() + PUSH_GRACE
            while watchers.missing(logged) and time.monotonic() < grace:
                time.sleep(0.2)
            not_pushed = watchers.missing(logged)
    finally:
        stop(procs + server)
    sessions = list(GenerationSession.objects.filter(pk__in=ids))
    errors = [s for s in sessions if s.status_id != "completed"]
    lost = [problem for s in sessions for problem in steps_lost(s)]
    stored = sum(s.questions_made for s in sessions)
    stuck = [s for s in sessions if s.status_id not in TERMINAL_STATUSES]
    cpu_from = cpu_from or cpu_to
    span = max(1e-6, cpu_to[0] - cpu_from[0])
    return {
        "layer": layer,
        "sessions": count,
        "workers": workers,
        "questions_per_session": questions,
        "seconds": round(elapsed, 1),
        "enqueue_seconds": round(enqueue_s, 2),
        "sessions_per_minute": round(count / elapsed * 60, 1),
        "questions_stored": stored,
        "steps_logged": sum(len(v) for v in logged.values()),
        "errors": len(errors),
        "stuck": len(stuck),
        **waits(sessions),
        "worker_cores": round((cpu_to[1] - cpu_from[1]) / span, 2),
        "machine_busy_pct": round(
            100 * (cpu_to[2] - cpu_from[2]) / max(1e-6, cpu_to[3] - cpu_from[3]), 1
        ),
        "error_reasons": sorted({s.error[:120] for s in errors})[:5],
        "steps_lost": len(lost),
        "lost_detail": lost[:5],
        "steps_not_pushed": sum(len(v) for v in not_pushed.values()),
        "not_pushed_detail": [
            f"{sid}: {sorted(seqs)}" for sid, seqs in list(not_pushed.items())[:5]
        ],
        "peak_worker_rss_mb": round(peak_rss / 2**20, 1),
        "peak_server_rss_mb": round(peak_server_rss / 2**20, 1),
    }


def _ms(r: dict[str, Any], key: str, stat: str) -> Any:
    return round(r[key][stat] / 1000, 1) if key in r else "—"


def saturation(rows: list[dict[str, Any]]) -> str:
    """Where more workers stop adding throughput, among the rows of one session count."""
    by_count: dict[int, list[dict[str, Any]]] = {}
    for r in rows:
        by_count.setdefault(r["sessions"], []).append(r)
    lines = []
    for count, mine in by_count.items():
        mine = sorted(mine, key=lambda r: r["workers"])
        if len(mine) < 2:
            continue
        steps = ", ".join(
            f"{r['workers']} → {r['sessions_per_minute']}/min "
            f"({r['worker_cores']} cores in workers, machine {r['machine_busy_pct']} % busy)"
            for r in mine
        )
        saturated = mine[-1]
        for a, b in itertools.pairwise(mine):
            if b["sessions_per_minute"] < a["sessions_per_minute"] * 1.10:
                saturated = a
                break
        lines.append(
            f"{count} sessions: {steps}. Throughput stops rising (< 10 % more) past "
            f"**{saturated['workers']} worker(s)**, at {saturated['machine_busy_pct']} % of the "
            "machine's 2 cores."
        )
    return "\n\n".join(lines)


def report(rows: list[dict[str, Any]], loads: dict[str, str]) -> str:
    lines = [
        "# Concurrent sessions",
        "",
        "All sessions started at once through the normal service (each enqueues its task); N "
        "`manage.py worker` processes drain the queue; one WebSocket per session on its page "
        "(a Daphne process; Redis channel layer and a `change_feed` process when the layer is "
        "redis). Shared 2-core machine: workers, web server, PostgreSQL, Redis and the "
        "benchmark's sockets on the same cores.",
        "",
        f"Machine load: before `{loads['before']}`; after `{loads['after']}`.",
        "",
    ]
    lines.append(
        table(
            [
                "layer",
                "sessions",
                "workers",
                "questions each",
                "time to finish all (s)",
                "sessions/min",
                "stored",
                "steps",
                "errors",
                "stuck",
                "steps lost (log)",
                "steps not pushed to the page",
                "queue wait p50 s",
                "queue wait p95 s",
                "run p50 s",
                "run p95 s",
                "worker cores used",
                "machine busy %",
                "peak RSS, workers (MB)",
                "peak RSS, web server (MB)",
            ],
            [
                [
                    r["layer"],
                    r["sessions"],
                    r["workers"],
                    r["questions_per_session"],
                    r["seconds"],
                    r["sessions_per_minute"],
                    r["questions_stored"],
                    r["steps_logged"],
                    r["errors"],
                    r["stuck"],
                    r["steps_lost"],
                    r["steps_not_pushed"],
                    _ms(r, "queue_wait_ms", "p50"),
                    _ms(r, "queue_wait_ms", "p95"),
                    _ms(r, "run_ms", "p50"),
                    _ms(r, "run_ms", "p95"),
                    r["worker_cores"],
                    r["machine_busy_pct"],
                    r["peak_worker_rss_mb"],
                    r["peak_server_rss_mb"],
                ]
                for r in rows
            ],
        )
    )
    targets = [
        target_line(
            f"{r['sessions']} concurrent sessions, {r['workers']} workers ({r['layer']}): "
            "0 errors, 0 lost steps, 0 stuck",
            f"{r['errors']} errors, {r['steps_lost'] + r['steps_not_pushed']} lost, "
            f"{r['stuck']} stuck; queue wait p95 {_ms(r, 'queue_wait_ms', 'p95')} s",
            r["errors"] == 0
            and r["steps_lost"] == 0
            and r["steps_not_pushed"] == 0
            and r["stuck"] == 0,
        )
        for r in rows
    ]
    lines += ["", "## Targets", "", table(["target", "measured", "status"], targets)]
    if sat := saturation(rows):
        lines += ["", "## Workers and the 2 cores", "", sat]
    for r in rows:
        if r["error_reasons"] or r["lost_detail"] or r["not_pushed_detail"]:
            lines += [
                "",
                f"{r['sessions']} sessions — errors: {r['error_reasons']}; lost: "
                f"{r['lost_detail']}; not pushed: {r['not_pushed_detail']}",
            ]
    return "\n".join(lines)


def uptime() -> str:
    return subprocess.run(["uptime"], capture_output=True, text=True).stdout.strip()


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument(
        "--plan",
        default="200x1,200x2,200x4,1000x4",
        help="runs, as SESSIONSxWORKERS, comma-separated",
    )
    parser.add_argument("--questions", type=int, default=2, help="questions per session")
    parser.add_argument("--layer", default="redis", choices=["memory", "redis"])
    parser.add_argument("--database", default="derivativ_bench_concurrency")
    parser.add_argument("--smoke", action="store_true")
    args = parser.parse_args()
    if args.smoke:
        args.plan, args.questions = "3x1,3x2", 1
        args.database = smoke_database(args.database)
    try:
        plan = [tuple(int(x) for x in item.split("x")) for item in args.plan.split(",")]
        assert all(len(p) == 2 and p[0] > 0 and p[1] > 0 for p in plan)
    except (ValueError, AssertionError):
        parser.error(f"--plan: expected e.g. 200x2,1000x4, not {args.plan!r}")
    database_url = setup_django(args.database)
    loads = {"before": uptime()}
    rows = []
    for count, workers in plan:
        print(f"{count} sessions on {workers} workers…", file=sys.stderr)
        rows.append(run(count, workers, args.questions, args.layer, database_url))
    loads["after"] = uptime()
    write_results(
        "concurrency", report(rows, loads), {"load": loads, "rows": rows}, smoke=args.smoke
    )
    if args.smoke and any(
        r["errors"] or r["steps_lost"] or r["steps_not_pushed"] or r["stuck"] for r in rows
    ):
        raise SystemExit("the smoke run had errors, lost steps or stuck sessions")


if __name__ == "__main__":
    main()
