"""Benchmark: many generation sessions at once on a fixed number of workers.

    .venv/bin/python bench/concurrency.py                  # 50 and 200 sessions, 2 workers
    .venv/bin/python bench/concurrency.py --sessions 50 --workers 2 --questions 2
    .venv/bin/python bench/concurrency.py --smoke

All sessions are started through the normal service (each enqueues its task on commit); N
`manage.py worker` processes drain the queue. Reported: time until every session is in a
terminal state, sessions per minute, errors (sessions not completed — must be 0), steps lost
(gaps in a session's step sequence, a question without its final step, a session without its
"finished" step — must be 0) and the workers' peak memory (RSS, sampled every 0.2 s).
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.common import ROOT, setup_django, table, target_line, write_results  # noqa: E402


def start_workers(n: int, database_url: str) -> list[subprocess.Popen[bytes]]:
    env = dict(
        os.environ,
        DATABASE_URL=database_url,
        DJANGO_SETTINGS_MODULE="derivativ.settings.dev",
        DEBUG="false",
        LOG_LEVEL="WARNING",
    )
    env.setdefault("SECRET_KEY", "bench-only-" + "k3y" * 20)
    return [
        subprocess.Popen(
            [
                sys.executable,
                "manage.py",
                "worker",
                "--no-reload",
                "--no-startup-delay",
                "--interval",
                "0.1",
                "--verbosity",
                "0",
            ],
            cwd=ROOT,
            env=env,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        for _ in range(n)
    ]


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


def run(count: int, workers: int, questions: int, database_url: str) -> dict[str, Any]:
    import psutil

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
    owner = None
    started = time.monotonic()
    ids = []
    for i in range(count):
        tier, code = codes[i % len(codes)]
        session = services.session_start(
            owner=owner,
            request=GenerationRequest(
                tier=tier, syllabus_codes=[code], count=questions, seed=1000 + i
            ),
        )
        ids.append(session.pk)
    enqueue_s = time.monotonic() - started
    procs = start_workers(workers, database_url)
    peak_rss = 0
    deadline = time.monotonic() + 60 * 30
    try:
        while time.monotonic() < deadline:
            rss = 0
            for p in procs:
                try:
                    rss += psutil.Process(p.pid).memory_info().rss
                except psutil.Error:
                    pass
            peak_rss = max(peak_rss, rss)
            done = GenerationSession.objects.filter(
                pk__in=ids, status__in=TERMINAL_STATUSES
            ).count()
            if done == count:
                break
            if any(p.poll() is not None for p in procs):
                raise SystemExit("a worker died during the run")
            time.sleep(0.2)
    finally:
        for p in procs:
            p.terminate()
        for p in procs:
            p.wait(timeout=30)
    elapsed = time.monotonic() - started
    sessions = list(GenerationSession.objects.filter(pk__in=ids))
    errors = [s for s in sessions if s.status_id != "completed"]
    lost = [problem for s in sessions for problem in steps_lost(s)]
    stored = sum(s.questions_made for s in sessions)
    return {
        "sessions": count,
        "workers": workers,
        "questions_per_session": questions,
        "seconds": round(elapsed, 1),
        "enqueue_seconds": round(enqueue_s, 2),
        "sessions_per_minute": round(count / elapsed * 60, 1),
        "questions_stored": stored,
        "errors": len(errors),
        "error_reasons": sorted({s.error[:120] for s in errors})[:5],
        "steps_lost": len(lost),
        "lost_detail": lost[:5],
        "peak_worker_rss_mb": round(peak_rss / 2**20, 1),
    }


def report(rows: list[dict[str, Any]]) -> str:
    lines = ["# Concurrent sessions", ""]
    lines.append(
        table(
            [
                "sessions",
                "workers",
                "questions each",
                "time to finish all (s)",
                "sessions/min",
                "stored",
                "errors",
                "steps lost",
                "peak worker RSS (MB, all workers)",
            ],
            [
                [
                    r["sessions"],
                    r["workers"],
                    r["questions_per_session"],
                    r["seconds"],
                    r["sessions_per_minute"],
                    r["questions_stored"],
                    r["errors"],
                    r["steps_lost"],
                    r["peak_worker_rss_mb"],
                ]
                for r in rows
            ],
        )
    )
    targets = [
        target_line(
            f"{r['sessions']} concurrent sessions: 0 errors, 0 lost steps",
            f"{r['errors']} errors, {r['steps_lost']} lost",
            r["errors"] == 0 and r["steps_lost"] == 0,
        )
        for r in rows
    ]
    lines += ["", "## Targets", "", table(["target", "measured", "status"], targets)]
    for r in rows:
        if r["error_reasons"] or r["lost_detail"]:
            lines += [
                "",
                f"{r['sessions']} sessions — errors: {r['error_reasons']}; lost: {r['lost_detail']}",
            ]
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--sessions", default="50,200")
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--questions", type=int, default=2, help="questions per session")
    parser.add_argument("--database", default="derivativ_bench_concurrency")
    parser.add_argument("--smoke", action="store_true")
    args = parser.parse_args()
    if args.smoke:
        args.sessions, args.questions = "3", 1
        args.database += "_smoke"
    os.environ.setdefault("SECRET_KEY", "bench-only-" + "k3y" * 20)
    database_url = setup_django(args.database)
    rows = [
        run(int(n), args.workers, args.questions, database_url) for n in args.sessions.split(",")
    ]
    write_results("concurrency", report(rows), {"rows": rows}, smoke=args.smoke)
    if args.smoke and any(r["errors"] or r["steps_lost"] for r in rows):
        raise SystemExit("the smoke run had errors or lost steps")


if __name__ == "__main__":
    main()
