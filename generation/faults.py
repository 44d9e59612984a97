"""Deterministic pause points, for fault tests and ``bench/faults.py`` only.

A test that must kill a worker *while* it is generating, marking or storing a given question
sets ``PIPELINE_PAUSE_AT=<stage>:<question index>`` and ``PIPELINE_PAUSE_FILE=<path>`` in the
worker's environment. When the worker reaches that point it writes the session id to the file
and waits there for good (its heartbeat thread still beating, as a wedged worker's would), so
the test knows exactly where the SIGKILL lands, without guessing with sleeps. Unset (always, in
production) the check costs one dictionary lookup.
"""

from __future__ import annotations

import threading
from pathlib import Path

from django.conf import settings

STAGES = ("generating", "marking", "storing")


def pause_point(stage: str, *, session_id: str, index: int | None) -> None:
    wanted = settings.PIPELINE_PAUSE_AT
    if not wanted or wanted != f"{stage}:{index}":
        return
    path = Path(settings.PIPELINE_PAUSE_FILE)
    path.write_text(f"{session_id} {stage} {index}\n", encoding="utf-8")
    threading.Event().wait()  # until the process is killed
