"""A short soak: 3 simulated teachers for ~20 s against a real ``manage.py serve`` (log in,
generate, watch the session socket, browse, filter, approve, edit), as ``bench/soak.py`` runs
it, on a PostgreSQL cluster of its own. 0 errors, and no database connection left behind once the server has stopped; during the
run the count stays within what the processes' threads can hold."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from derivativ.testing.clusters import postgres_available

ROOT = Path(__file__).resolve().parents[1]
pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(not postgres_available(), reason="no PostgreSQL server binaries"),
]


def test_three_teachers_for_twenty_seconds_make_no_errors_and_leak_no_connections(tmp_path):
    env = {k: v for k, v in os.environ.items() if k not in ("DATABASE_URL", "REDIS_URL")}
    env.pop("DJANGO_SETTINGS_MODULE", None)
    out = tmp_path / "soak.json"
    result = subprocess.run(
        [sys.executable, "bench/soak.py", "--teachers", "3", "--minutes", "0.34", "--pause", "1", "--smoke",
         "--json", str(out)],
        cwd=ROOT, env=env, capture_output=True, text=True, timeout=240,
    )  # fmt: skip
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-3000:]
    report = json.loads(out.read_text())
    assert report["errors"] == []
    assert report["cycles"] >= 3  # each teacher went round at least once
    actions = report["actions"]
    for action in ("log in", "generate", "watch session to the end", "approve", "edit"):
        assert actions[action]["n"] >= 1, action
    assert report["connections"]["after_stop"] == 0
    assert report["connections"]["max"] <= 60
