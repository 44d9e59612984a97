"""Benchmark: faults, and what each one loses.

    .venv/bin/python bench/faults.py              # 3 runs of each scenario
    .venv/bin/python bench/faults.py --runs 5 --scenarios worker_kill,database_restart
    .venv/bin/python bench/faults.py --smoke      # one worker kill, no results written

Each run starts an app of its own on a throwaway PostgreSQL cluster (and Redis server) in a
temporary directory, never the shared ones (``derivativ.testing.scenarios``):

- ``worker_kill``: a worker SIGKILLed while generating, marking or storing question 2 of 3
  (the stage cycles with the run), another worker started; its watchdog resumes the session.
- ``database_restart``: PostgreSQL restarted (fast shutdown: every connection cut) while a
  worker is paused mid-session, a bank socket is open and two pages are being read.
- ``redis_restart``: the Redis channel layer stopped for ~3 s while the session runs on and
  a session page's socket is open, then started again.

Reported: duplicates, lost questions and steps, sessions left running, task rows left
running, 5xx responses, and recovery time medians.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.common import table, write_results  # noqa: E402
from derivativ.testing import scenarios  # noqa: E402
from generation.faults import STAGES  # noqa: E402

SCENARIOS: dict[str, Callable[..., dict[str, Any]]] = {
    "worker_kill": scenarios.worker_kill,
    "database_restart": scenarios.database_restart,
    "redis_restart": scenarios.redis_restart,
}
RECOVERY = {
    "worker_kill": "recovery_seconds",
    "database_restart": "http_recovery_seconds",
    "redis_restart": "page_catch_up_seconds",
}


def run_one(name: str, index: int) -> dict[str, Any]:
    kwargs = {"stage": STAGES[index % len(STAGES)]} if name == "worker_kill" else {}
    started = time.monotonic()
    with tempfile.TemporaryDirectory(prefix=f"derivativ-{name}-") as workdir:
        try:
            outcome = SCENARIOS[name](Path(workdir), **kwargs)
        except Exception as exc:  # a scenario that breaks is a finding, not a crash of the bench
            outcome = {"error": f"{type(exc).__name__}: {exc}"}
    outcome["wall_seconds"] = round(time.monotonic() - started, 1)
    return outcome


def _total(runs: list[dict[str, Any]], key: str) -> int:
    return sum(int(r.get(key) or 0) for r in runs)


def _median(runs: list[dict[str, Any]], key: str) -> str:
    values = [float(r[key]) for r in runs if isinstance(r.get(key), (int, float))]
    return f"{statistics.median(values):.2f} s" if values else "–"


def summarise(name: str, runs: list[dict[str, Any]]) -> list[Any]:
    ended = [r.get("session_status") for r in runs]
    return [
        name,
        len(runs),
        sum(1 for r in runs if "error" in r),
        ", ".join(f"{s} {ended.count(s)}" for s in sorted({str(s) for s in ended})),
        _total(runs, "duplicates"),
        _total(runs, "questions_lost"),
        _total(runs, "steps_lost"),
        _total(runs, "sessions_left_running"),
        _total(runs, "task_rows_left_running"),
        _total(runs, "http_5xx"),
        _median(runs, RECOVERY[name]),
    ]


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--runs", type=int, default=3, help="runs of each scenario (1–20)")
    parser.add_argument("--scenarios", default=",".join(SCENARIOS))
    parser.add_argument("--smoke", action="store_true", help="one worker kill, nothing written")
    args = parser.parse_args()
    names = ["worker_kill"] if args.smoke else [n.strip() for n in args.scenarios.split(",")]
    unknown = [n for n in names if n not in SCENARIOS]
    if unknown:
        parser.error(
            f"unknown scenario(s) {', '.join(unknown)}; choose from {', '.join(SCENARIOS)}"
        )
    if not 1 <= args.runs <= 20:
        parser.error("--runs must be between 1 and 20")
    runs = 1 if args.smoke else args.runs

    load = os.getloadavg()
    results: dict[str, list[dict[str, Any]]] = {}
    for name in names:
        results[name] = []
        for index in range(runs):
            outcome = run_one(name, index)
            print(f"{name} #{index + 1}: {outcome}", file=sys.stderr)
            results[name].append(outcome)

    headers = [
        "Scenario", "Runs", "Broke", "Sessions ended", "Duplicates", "Questions lost",
        "Steps lost", "Sessions left running", "Task rows left running", "5xx",
        "Recovery (median)",
    ]  # fmt: skip
    rows = [summarise(name, r) for name, r in results.items()]
    markdown = "\n".join(
        [
            "# Faults benchmark",
            "",
            f"Load average when it started: {load[0]:.2f} / {load[1]:.2f} / {load[2]:.2f} "
            f"(1 / 5 / 15 min) on {os.cpu_count()} cores, shared with other work.",
            "",
            table(headers, rows),
            "",
            "Recovery: worker kill, from the SIGKILL to the session's end (resumed by the new "
            "worker's watchdog, heartbeats stale after 1.5 s); database restart, from the "
            "server accepting connections again until every page answered 200; Redis restart, "
            "from Redis accepting connections until the reconnected page showed the finished "
            "session (from the state sent on connect).",
            "",
            "A session ended by a database restart is failed with the reason (the connection "
            "was lost mid-run); what it had stored stays in the bank.",
        ]
    )
    write_results("faults", markdown, {"load": load, "runs": results}, smoke=args.smoke)


if __name__ == "__main__":
    main()
