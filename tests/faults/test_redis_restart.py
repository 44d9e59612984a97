"""Redis (the channel layer) stopped and started again, on a redis-server this test starts
(never the shared one): Daphne and a ``change_feed`` process on it, a session page's socket
open, a worker running the session. While Redis is down the pages still answer (no 5xx) and the
session runs to its end; when Redis is back the page's socket reconnects and, from the state
the consumer sends on connect, shows the session finished."""

from __future__ import annotations

from pathlib import Path

import pytest

from derivativ.testing.clusters import postgres_available, redis_available
from derivativ.testing.scenarios import redis_restart

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(
        not (postgres_available() and redis_available()), reason="no PostgreSQL or redis-server"
    ),
]


def test_pages_catch_up_from_the_database_after_redis_comes_back(tmp_path: Path) -> None:
    outcome = redis_restart(tmp_path)

    assert outcome["http_requests_while_down"] > 0
    assert outcome["http_5xx"] == 0 and outcome["http_non_200"] == 0, outcome
    assert outcome["session_status"] == "completed", outcome["session_error"]
    assert outcome["worker_alive"]
    assert outcome["page_reconnected_seconds"] is not None, f"the page never reconnected: {outcome}"
    assert outcome["page_caught_up"], "the reconnected page did not show the finished session"
