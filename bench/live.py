"""Benchmark: live updates, from a committed question to the fragment in N browsers' sockets.

    .venv/bin/python bench/live.py                # 1, 100, 1000, 5000 pages over 1, 2, 4 servers
    .venv/bin/python bench/live.py --clients 1,100 --servers 1 --changes 30 --layers memory
    .venv/bin/python bench/live.py --smoke

The app runs as an operator runs it: ``manage.py serve --web S --workers 0`` — S Daphne
processes on one shared listening socket and, with Redis, one ``change_feed`` process — and N
WebSocket clients hold the bank page (/ws/bank/, each logged in). The sockets are spread evenly
over the S processes, as a load balancer in front of them would: the kernel hands each new
connection on the shared socket to whichever process accepts first, which can be uneven, so the
benchmark looks up which process holds each socket (its pid, from /proc) and reconnects the
ones over a process's share; the kernel's own first placement is reported beside it.
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
import contextlib
import json
import os
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.common import (  # noqa: E402
    LOGS,
    flush_redis,
    free_port,
    login_cookie,
    server_env,
    setup_django,
    smoke_database,
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


def start_server(
    port: int, layer: str, web: int, database_url: str
) -> tuple[list[subprocess.Popen[bytes]], list[int]]:
    """``manage.py serve --web <web> --workers 0`` (with Redis also its ``change_feed``
    process); returns the serve process and the pids of its Daphne processes, once each of
    them answers HTTP on the port."""
    redis = REDIS_URL if layer == "redis" else None
    env = server_env(database_url, redis_url=redis)
    if redis:
        flush_redis(redis)
    args = ["manage.py", "serve", "--port", str(port), "--web", str(web), "--workers", "0"]
    procs = [start_process("serve", args, env)]
    try:
        wait_for_port(port, procs)
        pids = wait_for_servers(port, web, procs)
    except BaseException:
        stop(procs)
        raise
    return procs, pids


def wait_for_servers(port: int, web: int, procs: list[subprocess.Popen[bytes]]) -> list[int]:
    """The pids of the ``web`` server processes, once each has answered a request
    (``X-Served-By``) over a fresh connection."""
    import http.client

    seen: set[int] = set()
    deadline = time.monotonic() + 120
    while len(seen) < web:
        if time.monotonic() > deadline or any(p.poll() is not None for p in procs):
            raise SystemExit(f"only {len(seen)} of {web} servers answered; see logs in {LOGS}")
        conn = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
        try:
            conn.request("GET", "/accounts/login/")
            response = conn.getresponse()
            response.read()
            if served := response.getheader("X-Served-By"):
                seen.add(int(served))
        except OSError:
            time.sleep(0.2)
        finally:
            conn.close()
    return sorted(seen)


def socket_owners(server_pids: list[int]) -> dict[int, int]:
    """Our local port → the server process holding the other end of that connection."""
    import psutil

    owners: dict[int, int] = {}
    for pid in server_pids:
        for conn in psutil.Process(pid).net_connections(kind="tcp4"):
            if conn.raddr and conn.status == psutil.CONN_ESTABLISHED:
                owners[conn.raddr.port] = pid
    return owners


class CardReader(asyncio.Protocol):
    """One bank socket, read with as little Python as a WebSocket allows.

    Browsers parse frames in native code; a websockets-library client in Python costs tens of
    microseconds a message, which at a thousand sockets on one shared machine would be measured
    as server latency. This reader does the opening handshake, splits the server's (unmasked)
    frames, answers pings, and timestamps each text frame that carries a question card, by the
    question's id, when the frame's last byte arrives.
    """

    def __init__(self, arrivals: dict[str, list[tuple[float, int]]]) -> None:
        self.arrivals = arrivals
        self.server = 0  # the pid of the server process holding this socket
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
                    self.arrivals.setdefault(qid, []).append((now, self.server))
            del buffer[: start + length]

    def send_frame(self, opcode: int, payload: bytes) -> None:
        """A client frame (always masked), short payloads only (pong, close)."""
        mask = os.urandom(4)
        masked = bytes(b ^ mask[i % 4] for i, b in enumerate(payload))
        assert self.transport is not None
        self.transport.write(bytes([0x80 | opcode, 0x80 | len(payload)]) + mask + masked)

    @property
    def local_port(self) -> int:
        assert self.transport is not None
        return int(self.transport.get_extra_info("sockname")[1])

    def close(self) -> None:
        if self.transport is not None and not self.transport.is_closing():
            self.send_frame(0x8, (1000).to_bytes(2))
            self.transport.close()


class Clients:
    """N logged-in bank sockets that timestamp every card they receive, spread evenly over the
    server processes ``server_pids``."""

    def __init__(self, port: int, n: int, cookie: str, server_pids: list[int]) -> None:
        self.port, self.n, self.cookie, self.server_pids = port, n, cookie, server_pids
        self.arrivals: dict[str, list[tuple[float, int]]] = {}
        self.readers: list[CardReader] = []
        self.retries = 0
        self.kernel_placement: dict[int, int] = {}  # where the kernel put the first attempts
        self.reconnects = 0

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

    async def _open_many(self, n: int) -> list[CardReader]:
        readers: list[CardReader] = []
        for start in range(0, n, WAVE):  # connect in waves, as browsers arrive
            wave = min(WAVE, n - start)
            readers += await asyncio.gather(*(self._open() for _ in range(wave)))
        return readers

    def _place(self, readers: list[CardReader]) -> None:
        owners = socket_owners(self.server_pids)
        for reader in readers:
            reader.server = owners.get(reader.local_port, 0)

    def placement(self) -> dict[int, int]:
        counts = dict.fromkeys(self.server_pids, 0)
        for reader in self.readers:
            counts[reader.server] = counts.get(reader.server, 0) + 1
        return counts

    async def __aenter__(self) -> Clients:
        self.readers = await self._open_many(self.n)
        self._place(self.readers)
        self.kernel_placement = self.placement()
        # As a load balancer would: each process gets its share (± 1); the sockets over a
        # process's share are closed and opened again, until they land elsewhere.
        share = -(-self.n // len(self.server_pids))
        for _ in range(40):
            counts = self.placement()
            over: list[CardReader] = []
            for pid, count in counts.items():
                if count > share or pid not in self.server_pids:
                    mine = [r for r in self.readers if r.server == pid]
                    over += mine[: count - share] if pid in self.server_pids else mine
            if not over:
                break
            for reader in over:
                reader.close()
                self.readers.remove(reader)
            self.reconnects += len(over)
            await asyncio.sleep(0.05)
            fresh = await self._open_many(len(over))
            self._place(fresh)
            self.readers += fresh
        await asyncio.sleep(0.5)
        return self

    async def __aexit__(self, *exc: object) -> None:
        for reader in self.readers:
            reader.close()
        await asyncio.sleep(0.2)

    async def wait_for(self, qid: str, timeout: float) -> list[tuple[float, int]]:
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


Latencies = dict[int, list[float]]  # server pid → seconds from commit (or send) to arrival


def _add(latencies: Latencies, arrivals: list[tuple[float, int]], since: float) -> None:
    for at, server in arrivals:
        latencies.setdefault(server, []).append(at - since)


def _all(latencies: Latencies) -> list[float]:
    return [x for values in latencies.values() for x in values]


async def database_series(clients: Clients, contents: list[Any]) -> tuple[Latencies, list, int]:
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
    latencies: Latencies = {}
    rates: list[float] = []
    missing = 0
    for content in contents[1:]:
        qid, committed = await commit(content)
        arrivals = await clients.wait_for(qid, timeout=20)
        missing += clients.n - len(arrivals)
        _add(latencies, arrivals, committed)
        if os.environ.get("BENCH_VERBOSE"):
            shown = [round((a - committed) * 1000, 1) for a, _ in arrivals][:5]
            print(f"    change {qid[:8]}: {shown} ms", file=sys.stderr)
        if arrivals:
            last = max(a for a, _ in arrivals)
            rates.append(len(arrivals) / max(1e-6, last - committed))
        await asyncio.sleep(0.05)
    return latencies, rates, missing


async def broadcast_series(clients: Clients, changes: int) -> tuple[Latencies, int]:
    """Channel-layer broadcast of an already rendered card (Redis only: no database)."""
    from asgiref.sync import sync_to_async
    from channels.layers import get_channel_layer

    from generation import live
    from questions.models import Question

    layer = get_channel_layer()
    question = await Question.objects.order_by("-created_at").afirst()
    assert question is not None
    event = await sync_to_async(live.question_change_event)(
        question_id=question.pk, operation="UPDATE"
    )
    latencies: Latencies = {}
    missing = 0
    for _ in range(changes):
        clients.arrivals.pop(str(question.pk), None)
        sent = time.perf_counter()
        await layer.group_send(live.BANK_GROUP, event)
        arrivals = await clients.wait_for(str(question.pk), timeout=20)
        missing += clients.n - len(arrivals)
        _add(latencies, arrivals, sent)
        await asyncio.sleep(0.05)
    return latencies, missing


def use_redis_layer() -> None:
    """This process's channel layer: the servers' Redis (for the broadcast series)."""
    from channels import layers
    from django.conf import settings

    from derivativ.settings.base import redis_channel_layers

    settings.CHANNEL_LAYERS = redis_channel_layers(REDIS_URL)
    layers.channel_layers.backends.clear()


def cpu_by_role(serve_pid: int, server_pids: list[int]) -> dict[int, tuple[str, float]]:
    """Per process, its role and CPU seconds so far: the web servers, the rest of ``serve``
    (the change feed), this benchmark (commits and the clients' sockets), PostgreSQL + Redis."""
    import psutil

    out: dict[int, tuple[str, float]] = {}

    def add(p: psutil.Process, role: str) -> None:
        with contextlib.suppress(psutil.Error):
            t = p.cpu_times()
            out[p.pid] = (role, t.user + t.system)

    with contextlib.suppress(psutil.Error):
        for child in psutil.Process(serve_pid).children(recursive=True):
            add(child, "web servers" if child.pid in server_pids else "change feed")
    add(psutil.Process(), "benchmark client")
    for p in psutil.process_iter(["name"]):
        if (p.info["name"] or "").startswith(("postgres", "redis-server")):
            add(p, "postgres+redis")
    return out


def cores_used(
    before: dict[int, tuple[str, float]], after: dict[int, tuple[str, float]], wall: float
) -> dict[str, float]:
    """Cores per role between two samples (processes present in both: a PostgreSQL backend
    that exited meanwhile is not counted)."""
    used: dict[str, float] = {}
    for pid, (role, seconds) in after.items():
        if pid in before:
            used[role] = used.get(role, 0.0) + seconds - before[pid][1]
    return {role: round(seconds / wall, 2) for role, seconds in used.items()}


def run_series(
    layer: str, web: int, sizes: list[int], changes: int, database_url: str, cookie: str
) -> list[dict[str, Any]]:
    port = free_port()
    procs, server_pids = start_server(port, layer, web, database_url)
    results = []
    try:
        if layer == "redis":
            use_redis_layer()
        for n in sizes:
            contents = make_contents(changes + 1)  # + the unmeasured first one

            async def go(n: int = n, contents: list[Any] = contents) -> dict[str, Any]:
                async with Clients(port, n, cookie, server_pids) as clients:
                    cpu_before, wall = cpu_by_role(procs[0].pid, server_pids), time.monotonic()
                    latencies, rates, missing = await database_series(clients, contents)
                    wall = time.monotonic() - wall
                    cpu_after = cpu_by_role(procs[0].pid, server_pids)
                    cpu = cores_used(cpu_before, cpu_after, wall)
                    row: dict[str, Any] = {
                        "layer": layer,
                        "servers": web,
                        "clients": n,
                        "changes": len(contents) - 1,
                        "connect_retries": clients.retries,
                        "kernel_placement": list(clients.kernel_placement.values()),
                        "placement": list(clients.placement().values()),
                        "reconnects": clients.reconnects,
                        "db": summary_ms(_all(latencies)),
                        "db_per_server": [
                            summary_ms(latencies.get(pid, [])) for pid in server_pids
                        ],
                        "db_missing": missing,
                        "cpu_cores": cpu,
                        "db_msgs_per_s": round(sorted(rates)[len(rates) // 2]) if rates else 0,
                    }
                    if layer == "redis":
                        b_lat, b_missing = await broadcast_series(clients, len(contents) - 1)
                        row["broadcast"] = summary_ms(_all(b_lat))
                        row["broadcast_missing"] = b_missing
                    return row

            print(f"  {layer}, {web} server(s): {n} clients…", file=sys.stderr)
            results.append(asyncio.run(go()))
            print(f"    {results[-1]['db']} {results[-1]['placement']}", file=sys.stderr)
    finally:
        stop(procs)
    return results


def _fmt_counts(counts: list[int]) -> str:
    return " / ".join(str(c) for c in counts)


def report(rows: list[dict[str, Any]], loads: dict[str, str]) -> str:
    lines = [
        "# Live updates",
        "",
        "Committed question → its card received by every connected client, with the app run as "
        "`manage.py serve --web S --workers 0` (S Daphne processes on one shared socket; with "
        "Redis one `change_feed` process). Clients spread evenly over the S processes (the "
        "kernel's own first placement beside it: sockets per process). Loopback, one shared "
        "2-core machine: clients, servers, PostgreSQL and Redis on the same cores.",
        "",
        f"Machine load: before `{loads['before']}`; after `{loads['after']}`.",
        "",
    ]
    table_rows = []
    for r in rows:
        b = r.get("broadcast")
        per_server = " / ".join(str(round(s["p95"], 1)) for s in r["db_per_server"])
        table_rows.append(
            [
                r["layer"],
                r["servers"],
                r["clients"],
                r["changes"],
                r["db"]["p50"],
                r["db"]["p95"],
                r["db"]["p99"],
                per_server,
                r["db_msgs_per_s"],
                r["db_missing"],
                b["p50"] if b else "—",
                b["p95"] if b else "—",
                _fmt_counts(r["kernel_placement"]),
                _fmt_counts(r["placement"]),
                r["reconnects"],
                ", ".join(f"{k} {v}" for k, v in r.get("cpu_cores", {}).items()),
            ]
        )
    lines.append(
        table(
            [
                "layer",
                "servers",
                "clients",
                "changes",
                "DB→client p50 ms",
                "p95 ms",
                "p99 ms",
                "p95 per server ms",
                "msgs/s (median)",
                "missed",
                "broadcast p50 ms",
                "broadcast p95 ms",
                "kernel's placement",
                "measured placement",
                "reconnects",
                "CPU cores used while changes were sent",
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
            f"live update at {r['clients']} clients, {r['servers']} server(s) ({r['layer']}): "
            f"p95 ≤ {TARGET_P95_MS:g} ms",
            f"{r['db']['p95']} ms",
            r["db"]["p95"] <= TARGET_P95_MS,
        )
        for r in rows
        if r["clients"] >= 1000
    ]
    if targets:
        lines += ["## Targets", "", table(["target", "measured", "status"], targets)]
    return "\n".join(lines)


def uptime() -> str:
    return subprocess.run(["uptime"], capture_output=True, text=True).stdout.strip()


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--clients", default="1,100,1000,5000")
    parser.add_argument("--servers", default="1,2,4", help="server processes (serve --web)")
    parser.add_argument(
        "--changes", type=int, default=30, help="committed questions per client count"
    )
    parser.add_argument(
        "--layers", default="redis", help="redis, and/or memory (one server process only)"
    )
    parser.add_argument("--database", default="derivativ_bench_live")
    parser.add_argument("--smoke", action="store_true")
    args = parser.parse_args()
    if args.smoke:
        args.clients, args.changes, args.servers = "2", 2, "1,2"
        args.database = smoke_database(args.database)
    database_url = setup_django(args.database)
    cookie = login_cookie("bench-live", staff=True)
    sizes = [int(n) for n in args.clients.split(",")]
    loads = {"before": uptime()}
    rows = []
    for layer in args.layers.split(","):
        for web in (int(w) for w in args.servers.split(",")):
            if layer == "memory" and web > 1:
                continue  # serve refuses: an in-memory layer cannot reach the other processes
            rows += run_series(layer, web, sizes, args.changes, database_url, cookie)
    loads["after"] = uptime()
    write_results("live", report(rows, loads), {"load": loads, "rows": rows}, smoke=args.smoke)
    if args.smoke and any(r["db_missing"] for r in rows):
        raise SystemExit("some clients missed an update: " + json.dumps(rows))


if __name__ == "__main__":
    main()
