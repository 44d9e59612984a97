"""PostgreSQL restarted mid-run, on a throwaway cluster this test starts (never the shared one):
Daphne serving pages and a bank socket (its change feed in-process), a worker paused in the
middle of a session. After the restart the pages answer again, the change feed reconnects and
delivers a change committed after it, the session ends in a terminal state with a reason, the
worker is still running, and nothing committed before the restart is lost."""

from __future__ import annotations

from pathlib import Path

import pytest

from derivativ.testing.clusters import postgres_available
from derivativ.testing.scenarios import TERMINAL, database_restart

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(not postgres_available(), reason="no PostgreSQL server binaries"),
]


def test_the_app_recovers_from_a_database_restart_and_loses_nothing(tmp_path: Path) -> None:
    outcome = database_restart(tmp_path)

    assert outcome["http_errors_after_restart"] == 0, outcome
    assert outcome["http_last_status"] == [200, 200]
    assert outcome["change_delivered"], "the change feed did not deliver after the restart"
    assert outcome["session_status"] in TERMINAL
    if outcome["session_status"] != "completed":
        assert "database connection was lost" in outcome["session_error"]
    assert outcome["worker_alive"], "the worker exited with the database"
    assert outcome["questions_lost"] == 0 and outcome["steps_lost"] == 0
    assert outcome["duplicates"] == 0
    assert outcome["sessions_left_running"] == 0
