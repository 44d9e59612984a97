"""`python manage.py serve`: migrate, then run the web server(s), task workers and change feed.

This is what `make run` calls. Ctrl-C stops them all (and the embedded PostgreSQL, if we
started it).

``--web N`` runs N Daphne processes on one listening socket: this command binds it and hands
the same file descriptor to each (Daphne's ``--fd``), and the kernel gives each new connection
to one of them, as a load balancer in front of N ports would. Their pages hear each change
through the Redis channel layer, so N > 1 needs ``REDIS_URL``; with Redis one ``change_feed``
process forwards database changes for all of them.
"""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time
from typing import Any

from django.conf import settings
from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError

from derivativ.dev_accounts import DEV_ACCOUNTS, dev_accounts_ensure
from derivativ.limits import daphne_limit_args


class Command(BaseCommand):
    help = "Set up the database and run the web server, the task worker and the change feed."

    def add_arguments(self, parser: Any) -> None:
        parser.add_argument("--host", default="127.0.0.1")
        parser.add_argument("--port", type=int, default=8000)
        parser.add_argument("--workers", type=int, default=1, help="task worker processes")
        parser.add_argument(
            "--web", type=int, default=1, help="web server (Daphne) processes on the one port"
        )
        parser.add_argument(
            "--keep-db", action="store_true", help="leave the embedded PostgreSQL running on exit"
        )

    def handle(self, *args: Any, **options: Any) -> None:
        if options["web"] < 1 or options["workers"] < 0:
            raise CommandError("--web must be at least 1 and --workers at least 0.")
        if options["web"] > 1 and not settings.REDIS_URL:
            raise CommandError(
                f"--web {options['web']} needs the Redis channel layer: set REDIS_URL "
                "(e.g. redis://127.0.0.1:6379/0). Without it each server process has its own "
                "in-memory layer and a page would miss changes heard by the others."
            )
        embedded = not os.environ.get("DATABASE_URL")
        where = "embedded PostgreSQL in .data/postgres" if embedded else "DATABASE_URL"
        self.stdout.write(f"Database: {where}")
        call_command("migrate", interactive=False, verbosity=0)
        self.stdout.write("Database migrated and seeded.")
        if settings.DEBUG:
            dev_accounts_ensure()
            self.stdout.write(
                "Log in at http://{}:{}/ as:".format(options["host"], options["port"])
            )
            for account in DEV_ACCOUNTS:
                role = "admin (staff)" if account.staff else "teacher"
                self.stdout.write(f"  {role:14} {account.username} / {account.password}")

        env = dict(os.environ, PYTHONUNBUFFERED="1")
        env.setdefault("DJANGO_SETTINGS_MODULE", "derivativ.settings.dev")
        # Daphne runs each synchronous view on a thread of a pool, and glibc gives threads
        # malloc arenas of their own, which fragment: resident memory creeps up under steady
        # load with nothing live growing (bench/memory.py). Two arenas keep it flat.
        env.setdefault("MALLOC_ARENA_MAX", "2")
        manage = [sys.executable, str(settings.BASE_DIR / "manage.py")]
        listener = _listen(options["host"], options["port"])
        daphne = [
            *[sys.executable, "-m", "daphne", "--fd", str(listener.fileno())],
            *daphne_limit_args(),
        ]
        commands = [
            *([*daphne, "derivativ.asgi:application"] for _ in range(options["web"])),
            *(
                [*manage, "worker", "--no-reload", "--interval", "0.2"]
                for _ in range(options["workers"])
            ),
            # With Redis, a forwarder process beside the server; without, the server's own
            # in-process forwarder delivers database changes (see generation.changefeed).
            *([[*manage, "change_feed"]] if settings.REDIS_URL else []),
        ]
        # SIGTERM (from a process manager, or `kill`) stops everything as Ctrl-C does.
        signal.signal(signal.SIGTERM, _raise_keyboard_interrupt)
        signal.signal(signal.SIGINT, signal.default_int_handler)  # even if started in background
        children = [
            subprocess.Popen(
                c,
                env=env,
                cwd=settings.BASE_DIR,
                preexec_fn=_die_with_parent,
                pass_fds=(listener.fileno(),) if "daphne" in c else (),
            )
            for c in commands
        ]
        listener.close()  # the servers hold it now
        self.stdout.write(
            self.style.SUCCESS(
                f"Derivativ is running on http://{options['host']}:{options['port']}/ "
                f"({options['web']} web, {options['workers']} worker process"
                f"{'es' if options['workers'] != 1 else ''}) — press Ctrl-C to stop."
            )
        )
        try:
            while all(child.poll() is None for child in children):
                time.sleep(0.5)
            failed = [c for c in children if c.poll() is not None]
            time.sleep(0.5)  # a Ctrl-C reaches the children a moment before it reaches us
            self.stderr.write(f"A process stopped unexpectedly: {' '.join(failed[0].args)}")
        except KeyboardInterrupt:
            self.stdout.write("\nStopping…")
        finally:
            self._stop(children)
            if embedded and not options["keep_db"]:
                call_command("embedded_db", "stop")
        self.stdout.write("Stopped.")

    def _stop(self, children: list[subprocess.Popen[bytes]]) -> None:
        for child in children:
            if child.poll() is None:
                child.send_signal(signal.SIGTERM)
        deadline = time.monotonic() + 10
        for child in children:
            try:
                child.wait(timeout=max(0.1, deadline - time.monotonic()))
            except subprocess.TimeoutExpired:
                child.kill()


def _listen(host: str, port: int) -> socket.socket:
    """The listening socket every web process accepts on (inherited, so not closed on exec)."""
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    listener = socket.socket(family, socket.SOCK_STREAM)
    listener.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    try:
        listener.bind((host, port))
    except OSError as exc:
        listener.close()
        raise CommandError(f"Cannot listen on {host}:{port}: {exc.strerror}.") from None
    listener.listen(1024)
    listener.set_inheritable(True)
    return listener


def _raise_keyboard_interrupt(signum: int, frame: object) -> None:
    raise KeyboardInterrupt


def _die_with_parent() -> None:
    """In the child, before exec: on Linux, get SIGTERM if `serve` itself dies (even killed),
    so no web server or worker is left running on its own."""
    if sys.platform.startswith("linux"):
        import ctypes

        pr_set_pdeathsig = 1
        ctypes.CDLL("libc.so.6", use_errno=True).prctl(pr_set_pdeathsig, signal.SIGTERM)
