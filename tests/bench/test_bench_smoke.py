"""Each benchmark's ``--smoke`` run, so the scripts keep working: tiny sizes, no results
written, no timing asserted (benchmarks report numbers; they are not tests).

They run as the scripts run by hand, in a process of their own, each on a database of its own
on the PostgreSQL server the benchmarks use (``BENCH_DATABASE_SERVER``, by default the local
one on 127.0.0.1:5432); without that server they are skipped.
"""

from __future__ import annotations

import os
import socket
import subprocess
import sys
from pathlib import Path
from urllib.parse import urlparse

import pytest

ROOT = Path(__file__).resolve().parents[2]
SERVER = os.environ.get("BENCH_DATABASE_SERVER", "postgres://postgres@127.0.0.1:5432")
TIMEOUT = 180  # seconds per script: generous for a busy machine; each finishes sooner


def _server_answers() -> bool:
    url = urlparse(SERVER)
    try:
        with socket.create_connection((url.hostname or "127.0.0.1", url.port or 5432), 2):
            return True
    except OSError:
        return False


pytestmark = pytest.mark.skipif(
    not _server_answers(), reason=f"no PostgreSQL for the benchmarks at {SERVER}"
)


@pytest.mark.parametrize(
    "script",
    [
        "engine",
        "bank",
        "live",
        "concurrency",
        "e2e",
        "papers",
        "faults",
        "memory",
        "memory --path worker --no-trace",
    ],
)
def test_the_benchmark_runs(script: str) -> None:
    env = {k: v for k, v in os.environ.items() if k not in ("DATABASE_URL", "REDIS_URL")}
    env.pop("DJANGO_SETTINGS_MODULE", None)
    result = subprocess.run(
        [sys.executable, f"bench/{script.split()[0]}.py", *script.split()[1:], "--smoke"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=TIMEOUT,
    )
    assert result.returncode == 0, result.stdout[-2000:] + result.stderr[-4000:]
    assert result.stdout.strip(), "a smoke run prints its report"
