"""Background tasks: thin interfaces that take ids and call the orchestrator."""

from __future__ import annotations

from django.tasks import task


@task()
def run_session(session_id: str) -> str:
    """Run one generation session to a terminal state."""
    from generation.agents.orchestrator import run_session as run

    return run(session_id)
