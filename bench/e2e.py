"""Benchmark: end to end, from the generate form's POST to the last question card on the socket.

    .venv/bin/python bench/e2e.py                        # 1 and 10 questions, 50 runs each, both layers
    .venv/bin/python bench/e2e.py --counts 1 --runs 100 --layers memory
    .venv/bin/python bench/e2e.py --smoke

A Daphne process and a task worker, started as `manage.py serve` starts them (the worker polls
its queue every 0.2 s when idle), on a database of their own; with `--layers redis` also a
`change_feed` process and the Redis channel layer. A teacher's HTTP client logs in, then for
each run, one at a time, as a browser does:

    POST /generate/ (the form, offline mode) → 302 → GET the session page →
    open /ws/generate/<id>/ with the session cookie → read until the finished step

and timestamps the arrival of the last question card (the figure the target is about) and of the
session's terminal status in the page header; it also checks that the session's "finished"
step is pushed (not only shown on a reload). Also reported: where the time goes (the POST, the page, opening the socket; and
from the database, how long the session waited for the worker and how long the pipeline ran).
Loopback only; every wait is bounded.
"""

from __future__ import annotations

import argparse
import asyncio
import math
import re
import statistics
import sys
import time
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.common import (  # noqa: E402
    flush_redis,
    free_port,
    server_env,
    setup_django,
    smoke_database,
    start_daphne,
    start_process,
    stop,
    summary_ms,
    table,
    target_line,
    wait_for_port,
    write_results,
)

REDIS_URL = "redis://127.0.0.1:6379/6"
TARGET_P50_MS = 1000.0
USERNAME, PASSWORD = "bench-e2e", "bench-e2e-password"
# Codes with offline templates, both tiers, several topics.
CODES = [
    ("Extended", "E5.3"),
    ("Core", "C1.13"),
    ("Extended", "E2.5"),
    ("Core", "C8.3"),
    ("Extended", "E6.2"),
    ("Core", "C4.6"),
]
SESSION_TIMEOUT = 120.0  # seconds one session may take before the run counts as failed
CARD = re.compile(r'<article id="question-([0-9a-f-]{36})"')
TERMINAL = re.compile(r'data-status="(completed|failed|cancelled)"')
FINISHED = "step-kind-finished"
FINISHED_GRACE = 5.0  # seconds the finished step and the terminal header may be apart


def start_servers(port: int, layer: str, database_url: str) -> list[Any]:
    redis = REDIS_URL if layer == "redis" else None
    env = server_env(database_url, redis_url=redis)
    worker = ["manage.py", "worker", "--no-reload", "--interval", "0.2", "--verbosity", "0"]
    if redis:
        flush_redis(redis)
    procs = [start_daphne(port, env), start_process("worker", worker, env)]
    if redis:
        procs.append(start_process("change_feed", ["manage.py", "change_feed"], env))
    try:
        wait_for_port(port, procs)
    except BaseException:
        stop(procs)
        raise
    return procs


def teacher() -> None:
    from django.contrib.auth import get_user_model

    user, _ = get_user_model().objects.get_or_create(username=USERNAME)
    user.set_password(PASSWORD)
    user.save()


def _csrf(client: Any) -> str:
    return str(client.cookies.get("csrftoken", ""))


async def log_in(client: Any) -> None:
    await client.get("/accounts/login/")
    response = await client.post(
        "/accounts/login/",
        data={"username": USERNAME, "password": PASSWORD, "csrfmiddlewaretoken": _csrf(client)},
    )
    if response.status_code != 302:
        raise SystemExit(f"could not log in: HTTP {response.status_code}")
    await client.get("/generate/")  # the form page sets the CSRF cookie the POST needs


async def one_run(client: Any, port: int, count: int, run: int) -> dict[str, Any]:
    """One session through the teacher's pages; times in seconds from the POST."""
    from websockets.asyncio.client import connect

    tier, code = CODES[run % len(CODES)]
    form = {
        "tier": tier,
        "syllabus_code": code,
        "topic": "",
        "command_word": "",
        "marks": "",
        "calculator_policy": "",
        "difficulty": str(1 + run % 5),
        "count": str(count),
        "mode": "offline",
        "model": "",
        "csrfmiddlewaretoken": _csrf(client),
    }
    started = time.perf_counter()
    response = await client.post("/generate/", data=form)
    posted = time.perf_counter()
    if response.status_code != 302:
        raise SystemExit(f"the form was refused: HTTP {response.status_code}")
    location = response.headers["location"]
    session_id = location.rstrip("/").rsplit("/", 1)[-1]
    page = await client.get(location)
    paged = time.perf_counter()
    cards: set[str] = set()
    last_card = ended = finished_step = None
    async with connect(
        f"ws://127.0.0.1:{port}/ws/generate/{session_id}/",
        origin=f"http://127.0.0.1:{port}",  # type: ignore[arg-type]
        additional_headers={"Cookie": f"sessionid={client.cookies['sessionid']}"},
        max_size=None,
        open_timeout=30,
        ping_interval=None,
    ) as ws:
        opened = time.perf_counter()
        deadline = opened + SESSION_TIMEOUT
        while finished_step is None or ended is None:
            # Until both the session's finished step and the header's terminal status arrive
            # (two frames, in either order); once one has, a few seconds more at most for the
            # other (then it counts as missing).
            wait = deadline - time.perf_counter()
            first = min(t for t in (ended, finished_step, math.inf) if t is not None)
            wait = min(wait, first + FINISHED_GRACE - time.perf_counter())
            try:
                message = await asyncio.wait_for(ws.recv(), timeout=max(0.0, wait))
            except TimeoutError:
                break
            now = time.perf_counter()
            text = message if isinstance(message, str) else message.decode()
            new_cards = set(CARD.findall(text)) - cards
            if new_cards:
                cards |= new_cards
                last_card = now
            if ended is None and TERMINAL.search(text):
                ended = now
            if FINISHED in text:
                finished_step = now
    if ended is None:
        state = await asyncio.to_thread(_session_state, session_id)
        raise SystemExit(
            f"session {session_id} did not end on the socket within {SESSION_TIMEOUT:g} s"
            f" ({len(cards)} cards seen); in the database: {state}"
        )
    return {
        "session": session_id,
        "page_status": page.status_code,
        "post": posted - started,
        "page": paged - posted,
        "socket_open": opened - paged,
        "last_card": (last_card - started) if last_card else None,
        "finished": ended - started,
        "finished_step": (finished_step - started) if finished_step else None,
        "cards": len(cards),
    }


def _session_state(session_id: str) -> str:
    """What the database says of a session the socket did not see end: lost push or slow run."""
    from django.db import close_old_connections

    from generation.models import GenerationSession

    close_old_connections()
    row = (
        GenerationSession.objects.filter(pk=session_id)
        .values("status_id", "created_at", "started_at", "finished_at", "questions_made", "error")
        .first()
    )
    return str(row)


def database_timings(session_ids: list[str]) -> dict[str, dict[str, float]]:
    """Per session (seconds): waiting for the worker, and the pipeline itself."""
    from generation.models import GenerationSession

    rows = GenerationSession.objects.filter(pk__in=session_ids).values(
        "pk", "created_at", "started_at", "finished_at", "status_id", "questions_made"
    )
    return {
        str(r["pk"]): {
            "queue": (r["started_at"] - r["created_at"]).total_seconds(),
            "pipeline": (r["finished_at"] - r["started_at"]).total_seconds(),
            "completed": r["status_id"] == "completed",
            "made": r["questions_made"],
        }
        for r in rows
        if r["started_at"] and r["finished_at"]
    }


def run_layer(layer: str, counts: list[int], runs: int, database_url: str) -> list[dict[str, Any]]:
    import httpx

    port = free_port()
    procs = start_servers(port, layer, database_url)
    rows = []
    try:

        async def go(count: int) -> list[dict[str, Any]]:
            async with httpx.AsyncClient(
                base_url=f"http://127.0.0.1:{port}", timeout=60, follow_redirects=False
            ) as client:
                await log_in(client)
                await one_run(client, port, count, run=-1)  # unmeasured: loads views, templates
                results = []
                for i in range(runs):
                    results.append(await one_run(client, port, count, run=i))
                    await asyncio.sleep(0.05)
                return results

        for count in counts:
            print(f"  {layer}: {runs} sessions of {count}…", file=sys.stderr)
            started = time.monotonic()
            results = asyncio.run(go(count))
            timings = database_timings([r["session"] for r in results])
            incomplete = [
                r
                for r in results
                if not timings.get(r["session"], {}).get("completed")
                or r["cards"] < timings[r["session"]]["made"]
            ]
            rows.append(
                {
                    "layer": layer,
                    "questions": count,
                    "runs": len(results),
                    "seconds": round(time.monotonic() - started, 1),
                    "last_card": summary_ms([r["last_card"] for r in results if r["last_card"]]),
                    "finished": summary_ms([r["finished"] for r in results]),
                    "phases_median_ms": {
                        "post": _median_ms(r["post"] for r in results),
                        "session page": _median_ms(r["page"] for r in results),
                        "socket open": _median_ms(r["socket_open"] for r in results),
                        "queue wait (worker poll)": _median_ms(
                            t["queue"] for t in timings.values()
                        ),
                        "pipeline (worker)": _median_ms(t["pipeline"] for t in timings.values()),
                    },
                    "incomplete": len(incomplete),
                    "finished_step_missing": sum(1 for r in results if r["finished_step"] is None),
                }
            )
    finally:
        stop(procs)
    return rows


def _median_ms(values: Any) -> float:
    values = list(values)
    return round(statistics.median(values) * 1000, 1) if values else float("nan")


def report(rows: list[dict[str, Any]]) -> str:
    lines = [
        "# End to end",
        "",
        "The generate form's POST → the last question card received over the session's "
        "WebSocket (offline mode; one Daphne process and one task worker, as `manage.py serve` "
        "runs them). Sessions one at a time.",
        "",
        table(
            [
                "layer",
                "questions",
                "runs",
                "last card p50 ms",
                "p95 ms",
                "p99 ms",
                "“completed” p50 ms",
                "“completed” p95 ms",
                "incomplete",
                "finished step not pushed",
            ],
            [
                [
                    r["layer"],
                    r["questions"],
                    r["runs"],
                    r["last_card"]["p50"],
                    r["last_card"]["p95"],
                    r["last_card"]["p99"],
                    r["finished"]["p50"],
                    r["finished"]["p95"],
                    r["incomplete"],
                    r["finished_step_missing"],
                ]
                for r in rows
            ],
        ),
        "",
        "Where the time goes (medians, ms):",
        "",
    ]
    phases = list(rows[0]["phases_median_ms"]) if rows else []
    lines.append(
        table(
            ["layer", "questions", *phases],
            [[r["layer"], r["questions"], *r["phases_median_ms"].values()] for r in rows],
        )
    )
    targets = [
        target_line(
            f"one offline question end to end ({r['layer']}): p50 ≤ {TARGET_P50_MS / 1000:g} s",
            f"{r['last_card']['p50']} ms",
            r["last_card"]["p50"] <= TARGET_P50_MS and not r["incomplete"],
        )
        for r in rows
        if r["questions"] == 1
    ]
    if targets:
        lines += ["", "## Targets", "", table(["target", "measured", "status"], targets)]
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--counts", default="1,10", help="questions per session")
    parser.add_argument("--runs", type=int, default=50, help="sessions per count")
    parser.add_argument("--layers", default="memory,redis")
    parser.add_argument("--database", default="derivativ_bench_e2e")
    parser.add_argument("--smoke", action="store_true")
    args = parser.parse_args()
    if args.smoke:
        args.counts, args.runs, args.layers = "1", 2, "memory"
        args.database = smoke_database(args.database)
    database_url = setup_django(args.database)
    teacher()
    counts = [int(c) for c in args.counts.split(",")]
    rows = []
    for layer in args.layers.split(","):
        rows += run_layer(layer, counts, args.runs, database_url)
    write_results("e2e", report(rows), {"rows": rows}, smoke=args.smoke)
    if any(r["incomplete"] or r["finished_step_missing"] for r in rows):
        raise SystemExit("some sessions did not complete, or lost a card or a step: " + str(rows))


if __name__ == "__main__":
    main()
