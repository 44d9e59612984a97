"""`python manage.py embedded_db status|stop|url`: the embedded PostgreSQL under .data/."""

from __future__ import annotations

import os
import subprocess
from typing import Any

from django.core.management.base import BaseCommand, CommandError

from derivativ.database import EMBEDDED_DATA_DIR


class Command(BaseCommand):
    help = "Show, or stop, the embedded PostgreSQL server."

    def add_arguments(self, parser: Any) -> None:
        parser.add_argument("action", choices=["status", "stop", "url"])

    def handle(self, *args: Any, action: str, **options: Any) -> None:
        from pgserver import _commands
        from pgserver.utils import PostmasterInfo

        info = PostmasterInfo.read_from_pgdata(EMBEDDED_DATA_DIR)
        running = info is not None and info.is_running()
        if action == "status":
            self.stdout.write("running" if running else "stopped")
        elif action == "url":
            if not running:
                raise CommandError("the embedded PostgreSQL is not running")
            self.stdout.write(info.get_uri(database="derivativ"))  # type: ignore[union-attr]
        elif running:
            from django.db import connections

            connections.close_all()
            # pgserver runs the server as the "pgserver" user when we are root.
            user = "pgserver" if os.geteuid() == 0 else None
            try:
                _commands.pg_ctl(  # type: ignore[attr-defined]
                    ["-w", "-m", "fast", "stop"], pgdata=EMBEDDED_DATA_DIR, user=user, timeout=30
                )
            except subprocess.CalledProcessError as exc:
                raise CommandError(f"could not stop the embedded PostgreSQL: {exc}") from exc
            self.stdout.write("Embedded PostgreSQL stopped.")
        else:
            self.stdout.write("The embedded PostgreSQL is not running.")
