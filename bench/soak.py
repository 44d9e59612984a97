"""Benchmark: soak. Simulated teachers over loopback against a real ``manage.py serve``.

    .venv/bin/python bench/soak.py                          # 100 teachers, 10 minutes
    .venv/bin/python bench/soak.py --teachers 3 --minutes 0.34 --smoke

Each teacher logs in (the login form), then until time is up, at most ``--cycles`` times:
generates one question (the offline engine, through the generate form), watches the session
socket until the session has finished, browses the bank, filters it, approves a question of
the session and edits its title. Between actions a teacher thinks for 1–3 s, and between
cycles reads for ``--pause`` seconds (±25 %; 45 s by default). Bounded in count
(teachers × cycles) and time (every request 30 s, every session 120 s, the run ``--minutes``).

It runs on a PostgreSQL cluster of its own (``derivativ.testing.clusters``, max_connections
200), never the shared server. Reported: errors (any 4xx/5xx, timeout or socket failure), p50/p95 latency per action, the
server's and workers' resident memory each minute (growth from the first minute to the
last), and the database's connections at start and end (``pg_stat_activity``).
"""

from __future__ import annotations

import argparse
import asyncio
import json
import logging
import math
import os
import random
import re
import sys
import time
from collections import defaultdict
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import httpx  # noqa: E402
from websockets.asyncio.client import connect  # noqa: E402

from bench.common import (  # noqa: E402
    free_port,
    server_env,
    setup_django,
    start_process,
    stop,
    summary_ms,
    table,
    wait_for_port,
    write_results,
)
from derivativ.testing.clusters import ThrowawayPostgres  # noqa: E402

DATABASE = "derivativ_bench_soak"
PASSWORD = "soak-pw-123"
QUESTION_LINK = re.compile(r"/bank/([0-9a-f]{8}-[0-9a-f-]{27})/")
SESSION_LINK = re.compile(r"/generate/sessions/([0-9a-f-]{36})/")


class Teacher:
    def __init__(self, name: str, port: int, stats: dict[str, list[float]], errors: list[str]):
        self.name = name
        self.base = f"http://127.0.0.1:{port}"
        self.port = port
        self.stats = stats
        self.errors = errors
        self.client = httpx.AsyncClient(
            base_url=self.base, timeout=30, headers={"Origin": self.base}
        )

    async def timed(self, action: str, method: str, path: str, **kwargs: Any) -> httpx.Response:
        started = time.perf_counter()
        headers = {"X-CSRFToken": self.client.cookies.get("csrftoken", ""), "Referer": self.base}
        response = await self.client.request(method, path, headers=headers, **kwargs)
        self.stats[action].append(time.perf_counter() - started)
        if response.status_code >= 400:
            raise RuntimeError(f"{action}: HTTP {response.status_code} on {path}")
        return response

    async def log_in(self) -> None:
        await self.client.get("/accounts/login/")
        response = await self.timed(
            "log in", "POST", "/accounts/login/",
            data={"username": self.name, "password": PASSWORD, "next": "/bank/"},
        )  # fmt: skip
        if "sessionid" not in self.client.cookies or response.status_code != 302:
            raise RuntimeError(f"log in: not logged in (HTTP {response.status_code})")

    async def generate_and_watch(self, seed: int) -> str:
        response = await self.timed(
            "generate", "POST", "/generate/",
            data={"tier": "Extended", "syllabus_code": "E5.3", "count": "1", "mode": "offline",
                  "difficulty": "3", "seed": str(seed)},
        )  # fmt: skip
        found = SESSION_LINK.search(response.headers.get("location", ""))
        if not found:
            raise RuntimeError(f"generate: no session in the redirect ({response.status_code})")
        session_id = found.group(1)
        started = time.perf_counter()
        url = f"ws://127.0.0.1:{self.port}/ws/generate/{session_id}/"
        cookie = f"sessionid={self.client.cookies['sessionid']}"
        async with connect(
            url, additional_headers={"Cookie": cookie}, origin=self.base, open_timeout=30
        ) as ws:  # type: ignore[arg-type]
            async with asyncio.timeout(120):
                while "Finished:" not in str(await ws.recv()):
                    pass
        self.stats["watch session to the end"].append(time.perf_counter() - started)
        return session_id

    async def review(self, session_id: str) -> None:
        page = await self.timed("open session", "GET", f"/generate/sessions/{session_id}/")
        ids = QUESTION_LINK.findall(page.text)
        await self.timed("browse bank", "GET", "/bank/")
        await self.timed(
            "filter bank", "GET", "/bank/", params={"tier": "Extended", "syllabus_code": "E5.3"}
        )
        if not ids:
            raise RuntimeError(f"open session: no question linked from session {session_id}")
        question = ids[0]
        await self.timed("approve", "POST", f"/bank/{question}/approve/")
        await self.timed("open edit form", "GET", f"/bank/{question}/edit/")
        await self.timed(
            "edit", "POST", f"/bank/{question}/edit/",
            data={"title": f"Edited by {self.name}", "stem": ""},
        )  # fmt: skip

    async def run(self, deadline: float, cycles: int, pause: float) -> int:
        done = 0
        try:
            await self.log_in()
            while done < cycles and time.monotonic() < deadline:
                await asyncio.sleep(random.uniform(0.75, 1.25) * pause if done else 1.0)
                if time.monotonic() >= deadline:
                    break
                session_id = await self.generate_and_watch(seed=random.randrange(10**6))
                await asyncio.sleep(random.uniform(1, 3))
                await self.review(session_id)
                done += 1
        except Exception as exc:  # every failure is counted, the teacher stops
            self.errors.append(f"{self.name}: {type(exc).__name__}: {exc}"[:300])
        finally:
            await self.client.aclose()
        return done


def _children(pid: int) -> list[int]:
    out: list[int] = []
    for task in Path(f"/proc/{pid}/task").glob("*/children"):
        for child in task.read_text().split():
            out += [int(child), *_children(int(child))]
    return out


def _rss_mb(pid: int) -> float:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return 0.0


def memory(serve_pid: int) -> dict[str, float]:
    """Resident MB of the web server and of the workers (summed), by their command lines."""
    sample = {"server": 0.0, "workers": 0.0}
    for pid in _children(serve_pid):
        try:
            command = Path(f"/proc/{pid}/cmdline").read_bytes().replace(b"\0", b" ").decode()
            kind = "server" if "daphne" in command else "workers" if " worker" in command else ""
            if kind:
                sample[kind] += _rss_mb(pid)
        except OSError:
            continue
    return {k: round(v, 1) for k, v in sample.items()}


def connections() -> int:
    """Connections to the soak database now, this query's own excepted."""
    import psycopg

    with psycopg.connect(os.environ["DATABASE_URL"], autocommit=True) as conn:
        row = conn.execute(
            "SELECT count(*) FROM pg_stat_activity WHERE datname = %s AND pid <> pg_backend_pid()",
            [DATABASE],
        ).fetchone()
    return int(row[0]) if row else 0


def make_teachers(count: int) -> list[str]:
    from django.contrib.auth import get_user_model
    from django.contrib.auth.hashers import make_password

    model = get_user_model()
    names = [f"soak-teacher-{i}" for i in range(count)]
    hashed = make_password(PASSWORD)
    existing = set(model.objects.filter(username__in=names).values_list("username", flat=True))
    model.objects.bulk_create(
        [model(username=n, password=hashed) for n in names if n not in existing]
    )
    model.objects.filter(username__in=names).update(password=hashed)
    return names


async def soak(
    port: int,
    names: list[str],
    minutes: float,
    cycles: int,
    pause: float,
    serve_pid: int,
    arrive_seconds: float,
) -> dict:
    stats: dict[str, list[float]] = defaultdict(list)
    errors: list[str] = []
    deadline = time.monotonic() + minutes * 60
    samples = [
        {"minute": 0, **memory(serve_pid), "db_connections": await asyncio.to_thread(connections)}
    ]

    async def sampler() -> None:
        minute = 0
        while True:
            await asyncio.sleep(60)
            minute += 1
            count = await asyncio.to_thread(connections)
            samples.append({"minute": minute, **memory(serve_pid), "db_connections": count})

    sampling = asyncio.create_task(sampler())
    teachers = [Teacher(n, port, stats, errors) for n in names]
    started = time.monotonic()
    # Teachers arrive over ``arrive_seconds`` (a class's start, not one instant), at most the
    # first 20 % of the run.
    spread = min(arrive_seconds, minutes * 12)

    async def arrive(i: int, teacher: Teacher) -> int:
        await asyncio.sleep(spread * i / max(1, len(teachers)))
        return await teacher.run(deadline, cycles, pause)

    done = await asyncio.gather(*(arrive(i, t) for i, t in enumerate(teachers)))
    sampling.cancel()
    await asyncio.sleep(3)  # the last requests' and sessions' connections settle
    end = {"minute": round((time.monotonic() - started) / 60, 2), **memory(serve_pid)}
    samples.append({**end, "db_connections": await asyncio.to_thread(connections)})
    return {"stats": stats, "errors": errors, "cycles": sum(done), "samples": samples,
            "seconds": round(time.monotonic() - started, 1)}  # fmt: skip


def growth(samples: list[dict[str, Any]], kind: str, *, after_minute: float = 1) -> float:
    """Growth (%) from the first sample at or after ``after_minute`` (every teacher arrived,
    the server warmed up) to the last."""
    values = [s[kind] for s in samples if s[kind]]
    later = [s[kind] for s in samples if s[kind] and s["minute"] >= after_minute]
    base = later[0] if len(later) > 1 else values[0] if values else 0
    return round((values[-1] - base) / base * 100, 1) if base else float("nan")


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--teachers", type=int, default=100)
    parser.add_argument("--minutes", type=float, default=10.0)
    parser.add_argument("--cycles", type=int, default=12, help="at most, per teacher")
    parser.add_argument(
        "--pause", type=float, default=45.0, help="seconds a teacher reads between cycles (±25 %%)"
    )
    parser.add_argument("--workers", type=int, default=2, help="task worker processes")
    parser.add_argument(
        "--web", type=int, default=1, help="server processes (more than 1 uses --redis)"
    )
    parser.add_argument("--redis", default="redis://127.0.0.1:6379/3", help="for --web > 1")
    parser.add_argument(
        "--arrive", type=float, default=60.0, help="seconds over which the teachers arrive"
    )
    parser.add_argument("--smoke", action="store_true", help="no results written")
    parser.add_argument("--json", type=Path, help="also write the figures to this file")
    args = parser.parse_args()
    if not (1 <= args.teachers <= 500 and 0 < args.minutes <= 60 and args.cycles >= 1):
        parser.error("--teachers 1–500, --minutes up to 60, --cycles at least 1")

    logging.getLogger("httpx").setLevel(logging.WARNING)
    # A PostgreSQL cluster of its own: a hundred teachers' requests hold more connections at
    # once than a shared server (max_connections 100) can spare.
    cluster = ThrowawayPostgres().start()
    os.environ["BENCH_DATABASE_SERVER"] = cluster.url("").rstrip("/")
    try:
        run(args)
    finally:
        cluster.stop()


def run(args: argparse.Namespace) -> None:
    url = setup_django(DATABASE)
    names = make_teachers(args.teachers)
    from django.db import connections as django_connections

    django_connections.close_all()  # counted otherwise
    port = free_port()
    env = server_env(url, redis_url=args.redis if args.web > 1 else None)
    load = os.getloadavg()
    serve = start_process(
        "serve",
        [
            "manage.py",
            "serve",
            "--port",
            str(port),
            "--web",
            str(args.web),
            "--workers",
            str(args.workers),
        ],
        env,
    )
    try:
        wait_for_port(port, [serve], seconds=120)
        time.sleep(3)  # the workers connect
        result = asyncio.run(
            soak(port, names, args.minutes, args.cycles, args.pause, serve.pid, args.arrive)
        )
    finally:
        stop([serve])
    time.sleep(1)
    connections_after_stop = connections()
    stats, errors, samples = result["stats"], result["errors"], result["samples"]
    counts = [s["db_connections"] for s in samples]
    connections_start, connections_end = counts[0], counts[-1]
    actions = {name: summary_ms(values) for name, values in sorted(stats.items())}
    rows = [[a, s["n"], f"{s['p50']:.0f}", f"{s['p95']:.0f}"] for a, s in actions.items()]
    settled = math.ceil(min(args.arrive, args.minutes * 12) / 60) + 1  # minute: all arrived, warm
    memory_rows = [[s["minute"], s["server"], s["workers"], s["db_connections"]] for s in samples]
    markdown = "\n".join(
        [
            "# Soak benchmark",
            "",
            f"{args.teachers} simulated teachers for {args.minutes:g} min against `manage.py serve` "
            f"({args.web} server process{'es' if args.web > 1 else ''}, {args.workers} workers, "
            f"{'Redis' if args.web > 1 else 'in-memory'} channel layer; teachers arriving over "
            f"{min(args.arrive, args.minutes * 12):g} s) over loopback; load average when "
            f"it started {load[0]:.2f} / {load[1]:.2f} / {load[2]:.2f} on {os.cpu_count()} cores "
            "shared with other work (the numbers are this machine's, busy).",
            "",
            f"**Errors: {len(errors)}**; cycles completed: {result['cycles']} in {result['seconds']} s. "
            f"Database connections (pg_stat_activity, this database): {connections_start} at "
            f"start, at most {max(counts)}, {connections_end} at the end, "
            f"{connections_after_stop} once the server stopped. Each process holds at most one "
            "per thread (Daphne's thread pool, each worker's task, heartbeat and watchdog "
            "threads), so the count is bounded by those, not by the requests served.",
            "",
            table(["Action", "n", "p50 ms", "p95 ms"], rows),
            "",
            f"Memory (resident MB): server growth {growth(samples, 'server', after_minute=settled)}"
            f" %, workers growth {growth(samples, 'workers', after_minute=settled)} % (from minute "
            f"{settled}, a minute after the last teacher arrived, to the end; from minute 1: "
            f"{growth(samples, 'server')} % and {growth(samples, 'workers')} %).",
            "",
            table(["Minute", "Server MB", "Workers MB", "DB connections"], memory_rows),
            *(["", "Errors (first 10):", *(f"- {e}" for e in errors[:10])] if errors else []),
        ]
    )
    data = {
        "load": load, "teachers": args.teachers, "minutes": args.minutes, "errors": errors,
        "cycles": result["cycles"], "actions": actions, "memory": samples,
        "connections": {
            "start": connections_start, "max": max(counts), "end": connections_end,
            "after_stop": connections_after_stop,
        },
        "web": args.web, "workers": args.workers, "arrive_seconds": args.arrive,
        "growth_percent": {
            k: growth(samples, k, after_minute=settled) for k in ("server", "workers")
        },
        "growth_from_minute_1_percent": {k: growth(samples, k) for k in ("server", "workers")},
    }  # fmt: skip
    write_results("soak", markdown, data, smoke=args.smoke)
    if args.json:
        args.json.write_text(json.dumps(data, indent=2) + "\n")
    if errors:
        sys.exit(1)


if __name__ == "__main__":
    main()
