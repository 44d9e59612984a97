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
import base64
import json
import os
import subprocess
import sys
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
    summary_ms,
    table,
    target_line,
    wait_for_port,
    write_results,
)

REDIS_URL = os.environ.get("BENCH_REDIS_URL", "redis://127.0.0.1:6379/7")
TARGET_P95_MS = 50.0
WAVE = 50  # sockets opened at once
SUPABASE = {"db_p50": 46, "db_p95": 132, "ws_p50": 6, "ws_p95": 28}


def start_server(port: int, layer: str, database_url: str) -> list[subprocess.Popen[bytes]]:
    """One Daphne process; with Redis also a ``change_feed`` process beside it."""
    redis = REDIS_URL if layer == "redis" else None
    env = server_env(database_url, redis_url=redis)
    procs = []
    if redis:
        flush_redis(redis)
        procs.append(start_process("change_feed", ["manage.py", "change_feed"], env))
    procs.insert(0, start_daphne(port, env))
    try:
        wait_for_port(port, procs)
    except BaseException:
        stop(procs)
        raise
    return procs


class CardReader(asyncio.Protocol):
    """One bank socket, read with as little Python as a WebSocket allows.

    Browsers parse frames in native code; a websockets-library client in Python costs tens of
    microseconds a message, which at a thousand sockets on one shared machine would be measured
    as server latency. This reader does the opening handshake, splits the server's (unmasked)
    frames, answers pings, and timestamps each text frame that carries a question card, by the
    question's id, when the frame's last byte arrives.
    """

    def __init__(self, arrivals: dict[str, list[float]]) -> None:
        self.arrivals = arrivals
        self.buffer = bytearray()
        self.opened: asyncio.Future[None] = asyncio.get_running_loop().create_future()
        self.transport: asyncio.Transport | None = None

    def connection_made(self, transport: asyncio.BaseTransport) -> None:
        self.transport = transport  # type: ignore[assignment]

    def connection_lost(self, exc: Exception | None) -> None:
        if not self.opened.done():
            self.opened.set_exception(ConnectionError("closed during the handshake"))

    def data_received(self, data: bytes) -> None:
        now = time.perf_counter()
        buffer = self.buffer
        buffer += data
        if not self.opened.done():
            end = buffer.find(b"\r\n\r\n")
            if end < 0:
                return
            status = bytes(buffer[: buffer.find(b"\r\n")])
            del buffer[: end + 4]
            if b" 101 " not in status:
                self.opened.set_exception(ConnectionError(status.decode("latin-1")))
                return
            self.opened.set_result(None)
        while len(buffer) >= 2:
            opcode, length, start = buffer[0] & 0x0F, buffer[1] & 0x7F, 2
            if length == 126:
                if len(buffer) < 4:
                    return
                length, start = int.from_bytes(buffer[2:4]), 4
            elif length == 127:
                if len(buffer) < 10:
                    return
                length, start = int.from_bytes(buffer[2:10]), 10
            if len(buffer) < start + length:
                return
            if opcode == 0x9:  # ping → pong (Daphne closes sockets that do not answer)
                self.send_frame(0xA, bytes(buffer[start : start + length]))
            elif opcode in (0x0, 0x1):
                at = buffer.find(b'id="question-', start, start + length)
                if at >= 0:
                    qid = buffer[at + 13 : at + 49].decode()
                    self.arrivals.setdefault(qid, []).append(now)
            del buffer[: start + length]

    def send_frame(self, opcode: int, payload: bytes) -> None:
        """A client frame (always masked), short payloads only (pong, close)."""
        mask = os.urandom(4)
        masked = bytes(b ^ mask[i % 4] for i, b in enumerate(payload))
        assert self.transport is not None
        self.transport.write(bytes([0x80 | opcode, 0x80 | len(payload)]) + mask + masked)

    def close(self) -> None:
        if self.transport is not None and not self.transport.is_closing():
            self.send_frame(0x8, (1000).to_bytes(2))
            self.transport.close()


class Clients:
    """N logged-in bank sockets that timestamp every card they receive."""

    def __init__(self, port: int, n: int, cookie: str) -> None:
        self.port, self.n, self.cookie = port, n, cookie
        self.arrivals: dict[str, list[float]] = {}
        self.readers: list[CardReader] = []
        self.retries = 0

    async def _open(self) -> CardReader:
        loop = asyncio.get_running_loop()
        key = base64.b64encode(os.urandom(16)).decode()
        request = (
            f"GET /ws/bank/ HTTP/1.1\r\nHost: 127.0.0.1:{self.port}\r\n"
            "Upgrade: websocket\r\nConnection: Upgrade\r\n"
            f"Sec-WebSocket-Key: {key}\r\nSec-WebSocket-Version: 13\r\n"
            f"Origin: http://127.0.0.1:{self.port}\r\nCookie: sessionid={self.cookie}\r\n\r\n"
        )
        # Daphne drops a handshake the application has not accepted within 5 s; on a busy
        # machine a wave can take that long, so a refused socket tries again (3 times).
        for attempt in range(3):
            reader = CardReader(self.arrivals)
            try:
                transport, _ = await loop.create_connection(
                    lambda: reader,  # noqa: B023 (awaited here, before the next attempt)
                    "127.0.0.1",
                    self.port,
                )
                transport.write(request.encode())  # type: ignore[attr-defined]
                await asyncio.wait_for(reader.opened, 60)
                return reader
            except (OSError, ConnectionError, TimeoutError):
                reader.close()
                if attempt == 2:
                    raise
                self.retries += 1
                await asyncio.sleep(1 + attempt)
        raise AssertionError("unreachable")

    async def __aenter__(self) -> Clients:
        for start in range(0, self.n, WAVE):  # connect in waves, as browsers arrive
            wave = min(WAVE, self.n - start)
            self.readers += await asyncio.gather(*(self._open() for _ in range(wave)))
        await asyncio.sleep(0.5)
        return self

    async def __aexit__(self, *exc: object) -> None:
        for reader in self.readers:
            reader.close()
        await asyncio.sleep(0.2)

    async def wait_for(self, qid: str, timeout: float) -> list[float]:
        deadline = time.perf_counter() + timeout
        while len(self.arrivals.get(qid, [])) < self.n and time.perf_counter() < deadline:
            await asyncio.sleep(0.002)
        return self.arrivals.get(qid, [])


def make_contents(count: int) -> list[Any]:
    from generation.engine import base
    from questions.schemas import Tier

    contents: list[Any] = []
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

    # The first change after the server starts also pays for loading views and templates
    # (the forwarder warms them up, but it may still be at it): forward one, unmeasured.
    qid, _ = await commit(contents[0])
    await clients.wait_for(qid, timeout=30)
    latencies, rates, missing = [], [], 0
    for content in contents[1:]:
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
            contents = make_contents(changes + 1)  # + the unmeasured first one

            async def go(n: int = n, contents: list[Any] = contents) -> dict[str, Any]:
                async with Clients(port, n, cookie) as clients:
                    latencies, rates, missing = await database_series(clients, contents)
                    row: dict[str, Any] = {
                        "layer": layer,
                        "clients": n,
                        "changes": len(contents) - 1,
                        "connect_retries": clients.retries,
                        "db": summary_ms(latencies),
                        "db_missing": missing,
                        "db_msgs_per_s": round(sorted(rates)[len(rates) // 2]) if rates else 0,
                    }
                    if layer == "redis":
                        b_lat, b_missing = await broadcast_series(clients, len(contents) - 1)
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
        args.database = smoke_database(args.database)
    database_url = setup_django(args.database)
    cookie = login_cookie("bench-live", staff=True)
    sizes = [int(n) for n in args.clients.split(",")]
    rows = []
    for layer in args.layers.split(","):
        rows += run_layer(layer, sizes, args.changes, database_url, cookie)
    write_results("live", report(rows), {"rows": rows}, smoke=args.smoke)
    if args.smoke and any(r["db_missing"] for r in rows):
        raise SystemExit("some clients missed an update: " + json.dumps(rows))


if __name__ == "__main__":
    main()
