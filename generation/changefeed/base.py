"""What every change feed yields, and how long a feed waits before reconnecting."""

from __future__ import annotations

import uuid
from dataclasses import dataclass

# The NOTIFY channel and the tables whose triggers send to it (questions/migrations/0004,
# papers/migrations/0002).
CHANNEL = "derivativ_changes"
QUESTIONS = "questions"
SESSIONS = "generation_sessions"
PAPER_JOBS = "paper_jobs"
TABLES = (QUESTIONS, SESSIONS, PAPER_JOBS)
OPERATIONS = ("INSERT", "UPDATE", "DELETE")

# Reconnect delays: at once (a killed connection on a healthy server comes straight back),
# then doubling, never more than MAX_BACKOFF seconds apart, for ever.
FIRST_BACKOFF = 0.5
MAX_BACKOFF = 10.0


@dataclass(frozen=True)
class Change:
    """One row written: its table, the operation, its id (and owner when known).

    ``key`` names this change identically in every process that hears of it, so that only one
    of them forwards it.
    """

    table: str
    op: str
    id: str
    key: str
    owner_id: int | None = None

    @classmethod
    def make(cls, *, table: str, op: str, row_id: object, owner_id: object, stamp: str) -> Change:
        """A change from a feed's raw values; ``ValueError`` when they are not one of ours.

        ``stamp`` tells this change from every other write of the same row: the transaction
        id (NOTIFY) or the commit timestamp (Supabase Realtime).
        """
        if table not in TABLES or op not in OPERATIONS:
            raise ValueError(f"not a change feed table/operation: {table!r} {op!r}")
        normalised = str(uuid.UUID(str(row_id)))
        owner = int(owner_id) if owner_id not in (None, "") else None  # type: ignore[call-overload]
        return cls(
            table=table,
            op=op,
            id=normalised,
            key=f"{stamp}:{table}:{op}:{normalised}",
            owner_id=owner,
        )


def backoff(attempt: int) -> float:
    """Seconds to wait before reconnect attempt ``attempt`` (0, 1, 2…)."""
    if attempt <= 0:
        return 0.0
    return min(MAX_BACKOFF, FIRST_BACKOFF * 2 ** (attempt - 1))
