"""Shared bits of the benchmarks: a database of their own, Django set-up, statistics, and the
results files (bench/results/<date>-<name>.md and .json)."""

from __future__ import annotations

import datetime as dt
import json
import os
import platform
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Sequence
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
RESULTS = ROOT / "bench" / "results"
sys.path.insert(0, str(ROOT))


def _server() -> str:
    return os.environ.get("BENCH_DATABASE_SERVER", "postgres://postgres@127.0.0.1:5432").rstrip("/")


def _create_database(database: str) -> None:
    import psycopg

    with psycopg.connect(f"{_server()}/postgres", autocommit=True) as conn:
        exists = conn.execute("SELECT 1 FROM pg_database WHERE datname = %s", [database]).fetchone()
        if not exists:
            conn.execute(f'CREATE DATABASE "{database}"')


def smoke_database(database: str) -> str:
    """A ``--smoke`` run's database: its own per process (two smoke runs at once never migrate
    one database together), dropped when the process ends."""
    import atexit

    name = f"{database}_smoke_{os.getpid()}"

    def drop() -> None:
        import psycopg

        try:
            from django.db import connections

            connections.close_all()
        except Exception:  # Django never set up: nothing to close
            pass
        with psycopg.connect(f"{_server()}/postgres", autocommit=True) as conn:
            conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')

    atexit.register(drop)
    return name


def setup_django(database: str, *, settings: str = "derivativ.settings.dev") -> str:
    """Point Django at a benchmark database of its own (created and migrated if missing) on the
    server ``BENCH_DATABASE_SERVER`` names (default the local PostgreSQL); returns its URL."""
    url = f"{_server()}/{database}"
    os.environ["DATABASE_URL"] = url
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", settings)
    os.environ.setdefault("DEBUG", "false")
    os.environ.setdefault("SECRET_KEY", BENCH_SECRET_KEY)
    _create_database(database)
    import django

    django.setup()
    from django.core.management import call_command

    call_command("migrate", interactive=False, verbosity=0)
    return url


def use_database(database: str) -> str:
    """Switch this (already set-up) process to another benchmark database on the same server,
    created and migrated if missing; returns its URL."""
    from django.core.management import call_command
    from django.db import connections

    _create_database(database)
    connection = connections["default"]
    connection.close()
    connection.settings_dict["NAME"] = database
    os.environ["DATABASE_URL"] = f"{_server()}/{database}"
    call_command("migrate", interactive=False, verbosity=0)
    return os.environ["DATABASE_URL"]


# -- servers, as a deployment runs them (loopback only) -----------------------------------------
LOGS = Path(tempfile.gettempdir()) / "derivativ-bench"
BENCH_SECRET_KEY = "bench-only-" + "k3y" * 20  # shared, so cookies made here are valid there


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def server_env(database_url: str, *, redis_url: str | None = None) -> dict[str, str]:
    """The environment of a server process: production-like (DEBUG off), this database, the
    Redis channel layer when ``redis_url`` is given (then the change feed is a process of its
    own), otherwise the in-memory layer with the change feed inside the web server."""
    env = dict(
        os.environ,
        DJANGO_SETTINGS_MODULE="derivativ.settings.dev",
        DEBUG="false",
        ALLOWED_HOSTS="127.0.0.1,localhost",
        DATABASE_URL=database_url,
        LOG_LEVEL="WARNING",
    )
    env.setdefault("SECRET_KEY", BENCH_SECRET_KEY)
    env.pop("REDIS_URL", None)
    if redis_url:
        env["REDIS_URL"] = redis_url
        env["CHANGE_FEED_IN_PROCESS"] = "false"
    else:
        env["CHANGE_FEED_IN_PROCESS"] = "true"
    return env


def flush_redis(url: str) -> None:
    """Empty the benchmark's own Redis database: group members left by servers of earlier
    runs would otherwise fill up (and be warned about) until they expire a day later."""
    import redis

    with redis.Redis.from_url(url) as client:
        client.flushdb()


def start_process(name: str, args: Sequence[str], env: dict[str, str]) -> subprocess.Popen[bytes]:
    """``python <args>`` in the project, its output in ``LOGS/<name>-<pid>.log``."""
    LOGS.mkdir(parents=True, exist_ok=True)
    log = (LOGS / f"{name}-{os.getpid()}-{time.monotonic_ns()}.log").open("wb")
    with log:
        return subprocess.Popen(
            [sys.executable, *args], cwd=ROOT, env=env, stdout=log, stderr=subprocess.STDOUT
        )


def start_daphne(port: int, env: dict[str, str]) -> subprocess.Popen[bytes]:
    return start_process(
        "daphne",
        ["-m", "daphne", "-b", "127.0.0.1", "-p", str(port), "derivativ.asgi:application"],
        env,
    )


def wait_for_port(port: int, procs: Sequence[subprocess.Popen[bytes]], seconds: float = 90) -> None:
    """Wait until something listens on ``port`` (SystemExit if a process dies or time is up)."""
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if any(p.poll() is not None for p in procs):
            raise SystemExit(f"a server process exited early; see its log under {LOGS}")
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=0.5):
                return
        except OSError:
            time.sleep(0.2)
    raise SystemExit(f"the server did not start within {seconds:g} s; see its log under {LOGS}")


def stop(procs: Sequence[subprocess.Popen[bytes]]) -> None:
    """Terminate the processes (SIGTERM, then SIGKILL after 15 s)."""
    for p in procs:
        if p.poll() is None:
            p.terminate()
    for p in procs:
        try:
            p.wait(timeout=15)
        except subprocess.TimeoutExpired:
            p.kill()
            p.wait(timeout=15)


def login_cookie(username: str, *, staff: bool = False) -> str:
    """A session cookie for a user of the benchmark database (created if missing), valid on
    servers started with ``server_env`` (they share the secret key)."""
    from django.contrib.auth import get_user_model
    from django.test import Client

    user, _ = get_user_model().objects.get_or_create(
        username=username, defaults={"is_staff": staff}
    )
    client = Client()
    client.force_login(user)
    return str(client.cookies["sessionid"].value)


def percentile(values: Sequence[float], p: float) -> float:
    """The p-th percentile (0–100) by linear interpolation."""
    ordered = sorted(values)
    if not ordered:
        return float("nan")
    k = (len(ordered) - 1) * p / 100
    lo, hi = int(k), min(int(k) + 1, len(ordered) - 1)
    return ordered[lo] + (ordered[hi] - ordered[lo]) * (k - lo)


def summary_ms(seconds: Sequence[float]) -> dict[str, float]:
    ms = [s * 1000 for s in seconds]
    return {
        "n": len(ms),
        "p50": round(percentile(ms, 50), 3),
        "p95": round(percentile(ms, 95), 3),
        "p99": round(percentile(ms, 99), 3),
        "mean": round(statistics.fmean(ms), 3) if ms else float("nan"),
    }


def cpu_probe_ms(runs: int = 5) -> float:
    """How fast this (shared, virtual) CPU is right now: the median time of a fixed pure-Python
    loop of a million steps, in ms. The same code's benchmark figures move with it (seen here
    from 350 to 700 ms for three million steps within a minute), so a results file records it
    and figures are compared as ratios within one run."""
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        total = 0
        for i in range(1_000_000):
            total += i * i
        times.append((time.perf_counter() - start) * 1000)
    return round(statistics.median(times), 1)


def machine() -> dict[str, Any]:
    commit = subprocess.run(
        ["git", "rev-parse", "--short", "HEAD"], cwd=ROOT, capture_output=True, text=True
    ).stdout.strip()
    return {
        "when": dt.datetime.now(dt.UTC).strftime("%Y-%m-%d %H:%M UTC"),
        "commit": commit,
        "python": platform.python_version(),
        "cpus": os.cpu_count(),
        "platform": platform.platform(),
    }


def table(headers: Sequence[str], rows: Sequence[Sequence[Any]]) -> str:
    """A Markdown table."""
    out = ["| " + " | ".join(headers) + " |", "|" + "|".join("---" for _ in headers) + "|"]
    out += ["| " + " | ".join(str(c) for c in row) + " |" for row in rows]
    return "\n".join(out)


def write_results(
    name: str, markdown: str, data: dict[str, Any], *, smoke: bool = False
) -> Path | None:
    """Print the report and (unless a smoke run) write it under bench/results/."""
    print(markdown)
    if smoke:
        return None
    RESULTS.mkdir(parents=True, exist_ok=True)
    stamp = dt.datetime.now(dt.UTC).strftime("%Y-%m-%d-%H%M")
    path = RESULTS / f"{stamp}-{name}"
    path.with_suffix(".md").write_text(markdown + "\n")
    path.with_suffix(".json").write_text(
        json.dumps({"machine": machine(), **data}, indent=2) + "\n"
    )
    print(f"\nwritten: {path.with_suffix('.md').relative_to(ROOT)} and .json")
    return path


def target_line(name: str, measured: str, met: bool) -> list[str]:
    return [name, measured, "met" if met else "**missed**"]
