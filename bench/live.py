"""Benchmark: live updates, from a committed question to the fragment in N browsers' sockets.

    .venv/bin/python bench/live.py                          # N = 1, 100, 1000; in-memory and Redis
    .venv/bin/python bench/live.py --clients 1,100 --changes 30 --layers memory
    .venv/bin/python bench/live.py --smoke

One Daphne process serves N WebSocket clients on the bank page (/ws/bank/, each logged in).
The benchmark commits a question through the normal service and timestamps the commit; each
client timestamps the arrival of that question's card. Latency = arrival − commit, over every
client and every change: p50/p95/p99, and messages per second (N ÷ the time until the last
client has it). The database-originated path is the real one: trigger → NOTIFY → change feed
(in the server process with the in-memory layer; a `change_feed` process with Redis) → render
once → channel layer → each consumer filters → socket. With Redis, a second series measures a
plain broadcast (channel-layer group_send of a rendered card, no database), the figure to put
beside Supabase Realtime's "WebSocket broadcast". Loopback only; bounded in count and time.

Supabase Realtime's published benchmarks, for comparison: database-originated broadcast p50
46 ms, p95 132 ms; WebSocket broadcast p50 6 ms, p95 28 ms.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import socket
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.common import ROOT, setup_django, summary_ms, table, target_line, write_results  # noqa: E402

REDIS_URL = os.environ.get("BENCH_REDIS_URL", "redis://127.0.0.1:6379/7")
TARGET_P95_MS = 50.0
SUPABASE = {"db_p50": 46, "db_p95": 132, "ws_p50": 6, "ws_p95": 28}


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def start_server(port: int, layer: str, database_url: str) -> list[subprocess.Popen[bytes]]:
    env = dict(
        os.environ,
        DJANGO_SETTINGS_MODULE="derivativ.settings.dev",
        DEBUG="false",
        ALLOWED_HOSTS="127.0.0.1,localhost",
        DATABASE_URL=database_url,
        LOG_LEVEL="WARNING",
    )
    env.pop("REDIS_URL", None)
    procs = []
    if layer == "redis":
        env["REDIS_URL"] = REDIS_URL
        env["CHANGE_FEED_IN_PROCESS"] = "false"
        procs.append(
            subprocess.Popen([sys.executable, "manage.py", "change_feed"], cwd=ROOT, env=env)
        )
    else:
        env["CHANGE_FEED_IN_PROCESS"] = "true"
    procs.insert(
        0,
        subprocess.Popen(
            [
                sys.executable,
                "-m",
                "daphne",
                "-b",
                "127.0.0.1",
                "-p",
                str(port),
                "derivativ.asgi:application",
            ],
            cwd=ROOT,
            env=env,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        ),
    )
    deadline = time.monotonic() + 90
    while time.monotonic() < deadline:
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=0.5):
                return procs
        except OSError:
            time.sleep(0.2)
    stop(procs)
    raise SystemExit("the server did not start within 90 s")


def stop(procs: list[subprocess.Popen[bytes]]) -> None:
    for p in procs:
        if p.poll() is None:
            p.terminate()
    for p in procs:
        try:
            p.wait(timeout=15)
        except subprocess.TimeoutExpired:
            p.kill()


def session_cookie() -> str:
    from django.contrib.auth import get_user_model
    from django.test import Client

    user, _ = get_user_model().objects.get_or_create(
        username="bench-live", defaults={"is_staff": True}
    )
    client = Client()
    client.force_login(user)
    return client.cookies["sessionid"].value


class Clients:
    """N logged-in bank sockets that timestamp every card they receive."""

    def __init__(self, port: int, n: int, cookie: str) -> None:
        self.port, self.n, self.cookie = port, n, cookie
        self.arrivals: dict[str, list[float]] = {}
        self.sockets: list[Any] = []
        self.readers: list[asyncio.Task[None]] = []

    async def __aenter__(self) -> Clients:
        from websockets.asyncio.client import connect

        async def one() -> Any:
            return await connect(
                f"ws://127.0.0.1:{self.port}/ws/bank/",
                origin=f"http://127.0.0.1:{self.port}",  # type: ignore[arg-type]
                additional_headers={"Cookie": f"sessionid={self.cookie}"},
                max_size=None,
                open_timeout=60,
                ping_interval=None,
            )

        for start in range(0, self.n, 100):  # connect in waves, as browsers arrive
            self.sockets += await asyncio.gather(*(one() for _ in range(min(100, self.n - start))))
        self.readers = [asyncio.create_task(self._read(ws)) for ws in self.sockets]
        await asyncio.sleep(0.5)
        return self

    async def _read(self, ws: Any) -> None:
        async for message in ws:
            now = time.perf_counter()
            text = message if isinstance(message, str) else message.decode()
            start = text.find('id="question-')
            if start >= 0:
                qid = text[start + 13 : start + 49]
                self.arrivals.setdefault(qid, []).append(now)

    async def __aexit__(self, *exc: object) -> None:
        for task in self.readers:
            task.cancel()
        await asyncio.gather(*(ws.close() for ws in self.sockets), return_exceptions=True)

    async def wait_for(self, qid: str, timeout: float) -> list[float]:
        deadline = time.perf_counter() + timeout
        while len(self.arrivals.get(qid, [])) < self.n and time.perf_counter() < deadline:
            await asyncio.sleep(0.002)
        return self.arrivals.get(qid, [])


def make_contents(count: int) -> list[Any]:
    from generation.engine import base
    from questions.schemas import Tier

    contents = []
    seed = 10_000 + int(time.time()) % 100_000
    while len(contents) < count:
        seed += 1
        contents.append(
            base.generate(
                "mensuration.circle_area_circumference", seed=seed, difficulty=3, tier=Tier.EXTENDED
            ).question
        )
    return contents


async def database_series(
    clients: Clients, contents: list[Any]
) -> tuple[list[float], list[float], int]:
    from asgiref.sync import sync_to_async

    from questions import services
    from questions.models import ReviewState

    @sync_to_async
    def commit(content: Any) -> tuple[str, float]:
        row = services.question_create(
            content=content, origin="generated", review_state=ReviewState.APPROVED
        )
        return str(row.pk), time.perf_counter()  # question_create's transaction has committed

    latencies, rates, missing = [], [], 0
    for content in contents:
        qid, committed = await commit(content)
        arrivals = await clients.wait_for(qid, timeout=20)
        missing += clients.n - len(arrivals)
        latencies += [a - committed for a in arrivals]
        if os.environ.get("BENCH_VERBOSE"):
            print(
                f"    change {qid[:8]}: {[round((a - committed) * 1000, 1) for a in arrivals][:5]} ms",
                file=sys.stderr,
            )
        if arrivals:
            rates.append(len(arrivals) / max(1e-6, max(arrivals) - committed))
        await asyncio.sleep(0.05)
    return latencies, rates, missing


async def broadcast_series(clients: Clients, changes: int) -> tuple[list[float], int]:
    """Channel-layer broadcast of an already rendered card (Redis only: no database)."""
    from channels.layers import get_channel_layer

    from generation import live
    from questions.models import Question

    layer = get_channel_layer()
    question = await Question.objects.order_by("-created_at").afirst()
    assert question is not None
    from asgiref.sync import sync_to_async

    event = await sync_to_async(live.question_change_event)(
        question_id=question.pk, operation="UPDATE"
    )
    latencies, missing = [], 0
    for _ in range(changes):
        clients.arrivals.pop(str(question.pk), None)
        sent = time.perf_counter()
        await layer.group_send(live.BANK_GROUP, event)
        arrivals = await clients.wait_for(str(question.pk), timeout=20)
        missing += clients.n - len(arrivals)
        latencies += [a - sent for a in arrivals]
        await asyncio.sleep(0.05)
    return latencies, missing


def run_layer(
    layer: str, sizes: list[int], changes: int, database_url: str, cookie: str
) -> list[dict[str, Any]]:
    from django.conf import settings

    port = free_port()
    procs = start_server(port, layer, database_url)
    results = []
    try:
        if layer == "redis":
            settings.CHANNEL_LAYERS = {
                "default": {
                    "BACKEND": "channels_redis.core.RedisChannelLayer",
                    "CONFIG": {"hosts": [REDIS_URL]},
                }
            }
            from channels import layers

            layers.channel_layers.backends.clear()
        for n in sizes:
            contents = make_contents(changes)

            async def go(n: int = n, contents: list[Any] = contents) -> dict[str, Any]:
                async with Clients(port, n, cookie) as clients:
                    latencies, rates, missing = await database_series(clients, contents)
                    row: dict[str, Any] = {
                        "layer": layer,
                        "clients": n,
                        "changes": len(contents),
                        "db": summary_ms(latencies),
                        "db_missing": missing,
                        "db_msgs_per_s": round(sorted(rates)[len(rates) // 2]) if rates else 0,
                    }
                    if layer == "redis":
                        b_lat, b_missing = await broadcast_series(clients, len(contents))
                        row["broadcast"] = summary_ms(b_lat)
                        row["broadcast_missing"] = b_missing
                    return row

            print(f"  {layer}: {n} clients…", file=sys.stderr)
            results.append(asyncio.run(go()))
    finally:
        stop(procs)
    return results


def report(rows: list[dict[str, Any]]) -> str:
    lines = [
        "# Live updates",
        "",
        "Committed question → its card received by every connected client (one Daphne process).",
        "",
    ]
    table_rows = []
    for r in rows:
        b = r.get("broadcast")
        table_rows.append(
            [
                r["layer"],
                r["clients"],
                r["changes"],
                r["db"]["p50"],
                r["db"]["p95"],
                r["db"]["p99"],
                r["db_msgs_per_s"],
                r["db_missing"],
                b["p50"] if b else "—",
                b["p95"] if b else "—",
            ]
        )
    lines.append(
        table(
            [
                "layer",
                "clients",
                "changes",
                "DB→client p50 ms",
                "p95 ms",
                "p99 ms",
                "msgs/s (median)",
                "missed",
                "broadcast p50 ms",
                "broadcast p95 ms",
            ],
            table_rows,
        )
    )
    lines += [
        "",
        f"Supabase Realtime (published): database-originated broadcast p50 {SUPABASE['db_p50']} ms, "
        f"p95 {SUPABASE['db_p95']} ms; WebSocket broadcast p50 {SUPABASE['ws_p50']} ms, p95 {SUPABASE['ws_p95']} ms.",
        "",
    ]
    targets = [
        target_line(
            f"live update at {r['clients']} clients ({r['layer']}): p95 ≤ {TARGET_P95_MS:g} ms",
            f"{r['db']['p95']} ms",
            r["db"]["p95"] <= TARGET_P95_MS,
        )
        for r in rows
        if r["clients"] >= 1000
    ]
    if targets:
        lines += ["## Targets", "", table(["target", "measured", "status"], targets)]
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--clients", default="1,100,1000")
    parser.add_argument(
        "--changes", type=int, default=30, help="committed questions per client count"
    )
    parser.add_argument("--layers", default="memory,redis")
    parser.add_argument("--database", default="derivativ_bench_live")
    parser.add_argument("--smoke", action="store_true")
    args = parser.parse_args()
    if args.smoke:
        args.clients, args.changes, args.layers = "2", 2, "memory"
        args.database += "_smoke"
    # The server and this process share the secret key, so the session cookie made here is valid.
    os.environ.setdefault("SECRET_KEY", "bench-only-" + "k3y" * 20)
    database_url = setup_django(args.database)
    cookie = session_cookie()
    sizes = [int(n) for n in args.clients.split(",")]
    rows = []
    for layer in args.layers.split(","):
        rows += run_layer(layer, sizes, args.changes, database_url, cookie)
    write_results("live", report(rows), {"rows": rows}, smoke=args.smoke)
    if args.smoke and any(r["db_missing"] for r in rows):
        raise SystemExit("some clients missed an update: " + json.dumps(rows))


if __name__ == "__main__":
    main()
