"""`python manage.py worker`: django-tasks-db's `db_worker`, plus the session watchdog.

Beside the task loop, a thread checks every few seconds for running sessions (and paper jobs)
whose worker stopped sending heartbeats (killed, out of memory, machine gone) and resumes or
fails them, so none is ever left running.
"""

from __future__ import annotations

import logging
import threading
import time
from typing import Any

from django.conf import settings
from django.db import InterfaceError, OperationalError, close_old_connections, connection
from django_tasks_db.management.commands.db_worker import Command as DbWorkerCommand

logger = logging.getLogger("generation.worker")


def _watchdog(stop: threading.Event, every: float) -> None:
    from generation.services import session_recover_stale
    from papers.jobs import job_recover_stale

    try:
        while True:
            try:
                close_old_connections()
                recovered = session_recover_stale()
                if recovered:
                    logger.warning("recovered stale sessions: %s", ", ".join(recovered))
                jobs = job_recover_stale()
                if jobs:
                    logger.warning("recovered stale paper jobs: %s", ", ".join(jobs))
            except Exception:  # the watchdog must outlive a database hiccup
                logger.exception("session watchdog failed; retrying")
            if stop.wait(every):
                return
    finally:
        connection.close()


class Command(DbWorkerCommand):
    help = "Run a background worker (django-tasks-db) with the stale-session watchdog."

    def handle(self, *args: Any, **options: Any) -> None:
        stop = threading.Event()
        every = settings.PIPELINE.get("WATCHDOG_SECONDS") or max(
            1.0, settings.PIPELINE["HEARTBEAT_STALE_SECONDS"] / 4
        )
        thread = threading.Thread(
            target=_watchdog, args=(stop, every), daemon=True, name="session-watchdog"
        )
        thread.start()
        try:
            self._run_through_database_outages(*args, **options)
        finally:
            stop.set()

    def _run_through_database_outages(self, *args: Any, **options: Any) -> None:
        # db_worker re-raises any database error outside a task (fetching the next one), so a
        # database restart would end the worker; wait for the database and carry on instead.
        outage = 0
        while True:
            try:
                super().handle(*args, **options)
                return
            except (OperationalError, InterfaceError) as exc:
                connection.close()
                outage += 1
                delay = min(10.0, 0.5 * 2 ** (outage - 1))
                logger.warning("database unavailable (%s); retrying in %.1f s", exc, delay)
                time.sleep(delay)
