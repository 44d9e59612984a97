"""Deterministic pause points, for fault tests and ``bench/faults.py`` only.

A test that must kill a worker *while* it is generating, marking or storing a given question
sets ``PIPELINE_PAUSE_AT=<stage>:<question index>`` and ``PIPELINE_PAUSE_FILE=<path>`` in the
worker's environment. When the worker reaches that point it writes the session id to the file
and waits there (its heartbeat thread still beating, as a wedged worker's would) until the file
is removed, so the test knows exactly where a SIGKILL (or a database restart) lands, without
guessing with sleeps; a test that removes the file lets the worker carry on. Unset (always, in
production) the check costs one dictionary lookup.
"""

from __future__ import annotations

import time
from pathlib import Path

from django.conf import settings

STAGES = ("generating", "marking", "storing")


def pause_point(stage: str, *, session_id: str, index: int | None) -> None:
    wanted = settings.PIPELINE_PAUSE_AT
    if not wanted or wanted != f"{stage}:{index}":
        return
    path = Path(settings.PIPELINE_PAUSE_FILE)
    path.write_text(f"{session_id} {stage} {index}\n", encoding="utf-8")
    while path.exists():  # until the process is killed or the test lets it go on
        time.sleep(0.05)
