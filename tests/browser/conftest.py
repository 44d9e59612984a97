"""Browser tests: Playwright drives Debian's Chromium against a live Daphne server and a real
task worker (``manage.py worker``), both started here on this run's test database.

The app runs as ``make run`` runs it without Redis: one Daphne process with the in-memory
channel layer and its own in-process change feed (``CHANGE_FEED_IN_PROCESS=1``), and a worker
that reaches the pages only through the database (NOTIFY triggers → the server's forwarder).
Tests use ``django_db(transaction=True)``, so what they write is committed and the two processes
see it; pytest-django empties the tables after each test and the root conftest reseeds the
reference data before the next.
"""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pytest

from derivativ.testing.processes import WORKER_COMMAND

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
BASE_DIR = Path(__file__).resolve().parents[2]
HERE = Path(__file__).resolve().parent
# Generous: the machine may be busy with other work; each wait still ends as soon as it can.
WAIT_MS = 20_000
DESKTOP = {"width": 1280, "height": 900}


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    if CHROMIUM.exists() and os.access(CHROMIUM, os.X_OK):
        return
    skip = pytest.mark.skip(
        reason=f"browser tests need Debian's Chromium at {CHROMIUM} "
        "(apt-get install chromium chromium-driver); it is missing here"
    )
    for item in items:
        if "browser" in item.keywords and HERE in Path(str(item.path)).parents:
            item.add_marker(skip)


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def _database_url(settings_dict: dict[str, Any]) -> str:
    user = settings_dict.get("USER") or "postgres"
    password = f":{settings_dict['PASSWORD']}" if settings_dict.get("PASSWORD") else ""
    host = settings_dict.get("HOST") or "127.0.0.1"
    port = settings_dict.get("PORT") or 5432
    return f"postgres://{user}{password}@{host}:{port}/{settings_dict['NAME']}"


class App:
    """The running server and worker: where to reach them, and ways to hold the worker back."""

    def __init__(self, url: str, database_url: str) -> None:
        self.url = url
        self.database_url = database_url

    def wait_for_backend(self, condition: str, params: list[Any], failure: str) -> None:
        """Return once a backend on the test database matches ``condition`` (SQL on
        ``pg_stat_activity``); fail with ``failure`` after the usual wait."""
        import psycopg

        deadline = time.monotonic() + WAIT_MS / 1000
        with psycopg.connect(self.database_url, autocommit=True) as probe:
            while time.monotonic() < deadline:
                found = probe.execute(
                    "SELECT EXISTS (SELECT FROM pg_stat_activity "
                    f"WHERE datname = current_database() AND {condition})",
                    params,
                ).fetchone()
                if found and found[0]:
                    return
                time.sleep(0.05)
        raise AssertionError(failure)

    def wait_for_change_feed(self) -> None:
        """Return once the server's change feed listens: a change written before then reaches
        no page (NOTIFY is not replayed)."""
        from generation.changefeed.postgres import APPLICATION_NAME

        # The feed's connection runs LISTEN first and then a ``SELECT 1`` every few idle
        # seconds, so its last query is either; an empty one means it has not listened yet.
        self.wait_for_backend(
            "application_name = %s AND (query ILIKE 'LISTEN%%' OR query = 'SELECT 1')",
            [APPLICATION_NAME],
            "the server's change feed never listened",
        )

    @contextmanager
    def steps_blocked(self) -> Iterator[Callable[[str], None]]:
        """Hold back every new agent step until the block ends: the worker stops, mid-run and
        losing nothing, when it next writes a step (``LOCK TABLE … IN SHARE MODE`` lets pages
        read but not insert). Yields ``wait_for_waiting(pattern)``, which returns once a query
        like ``pattern`` (ILIKE) waits for a lock, e.g. a cancel queued behind the worker."""
        import psycopg

        def wait_for_waiting(pattern: str) -> None:
            self.wait_for_backend(
                "wait_event_type = 'Lock' AND query ILIKE %s",
                [pattern],
                f"no query like {pattern!r} waited for a lock",
            )

        with psycopg.connect(self.database_url) as conn:
            conn.execute("LOCK TABLE generation_steps IN SHARE MODE")
            try:
                yield wait_for_waiting
            finally:
                conn.rollback()


def _wait_for_port(port: int, processes: list[subprocess.Popen[bytes]], logs: Path) -> None:
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        for process in processes:
            if process.poll() is not None:
                raise RuntimeError(
                    f"{' '.join(map(str, process.args))} exited with {process.returncode}:\n"
                    + _tail(logs)
                )
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=0.5):
                return
        except OSError:
            time.sleep(0.1)
    raise RuntimeError(f"the server did not listen on port {port} within 60 s:\n{_tail(logs)}")


def _tail(logs: Path) -> str:
    return "\n".join(
        f"--- {log.name} ---\n" + log.read_text(errors="replace")[-4000:]
        for log in sorted(logs.glob("*.log"))
    )


def _stop(processes: list[subprocess.Popen[bytes]]) -> None:
    for process in processes:
        if process.poll() is None:
            process.terminate()
    for process in processes:
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


# Package scope: the server, the worker and the browser stop once the browser tests are done
# (pytest-django runs them together with the other transactional tests). Playwright's sync API
# keeps an event loop running in this thread while it lives, which later tests that run a loop
# of their own (asyncio.run) would trip over.
@pytest.fixture(scope="package")
def live_app(
    django_db_setup: None, django_db_blocker: Any, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[App]:
    """Daphne and a worker on this run's test database, for the browser tests."""
    from django.db import connection

    with django_db_blocker.unblock():
        database_url = _database_url(connection.settings_dict)
    port = _free_port()
    logs = tmp_path_factory.mktemp("browser-app")
    env = dict(
        os.environ,
        DATABASE_URL=database_url,
        DJANGO_SETTINGS_MODULE="derivativ.settings.test",
        CHANGE_FEED_IN_PROCESS="1",
        ALLOWED_HOSTS="127.0.0.1,localhost",
        PYTHONUNBUFFERED="1",
    )
    # Static files: the test settings' WhiteNoise serves them from the finders (DEBUG stays off).
    env.pop("REDIS_URL", None)  # the embedded default: in-memory layer, in-process feed
    env.pop("DJANGO_ALLOW_ASYNC_UNSAFE", None)  # set for this process only (see chromium)
    commands = {
        "daphne": [
            sys.executable,
            "-m",
            "daphne",
            "-b",
            "127.0.0.1",
            "-p",
            str(port),
            "derivativ.asgi:application",
        ],
        "worker": list(WORKER_COMMAND),
    }
    processes = {
        name: subprocess.Popen(
            command,
            cwd=BASE_DIR,
            env=env,
            stdout=(logs / f"{name}.log").open("wb"),
            stderr=subprocess.STDOUT,
        )
        for name, command in commands.items()
    }
    try:
        _wait_for_port(port, list(processes.values()), logs)
        yield App(f"http://127.0.0.1:{port}", database_url)
    finally:
        _stop(list(processes.values()))


@pytest.fixture(scope="package")
def chromium() -> Iterator[Any]:
    from playwright.sync_api import expect, sync_playwright

    expect.set_options(timeout=WAIT_MS)
    # Playwright's sync API keeps an event loop running in this thread, which Django takes
    # for async code and refuses the test's own ORM calls; they are plain sync calls here.
    with pytest.MonkeyPatch.context() as patch, sync_playwright() as playwright:
        patch.setenv("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@pytest.fixture
def app(live_app: App, transactional_db: None) -> App:
    return live_app


@pytest.fixture
def open_page(chromium: Any, app: App) -> Iterator[Callable[..., Any]]:
    """``open_page(user=None, viewport=DESKTOP)``: a page in a fresh browser context (its own
    cookies), signed in as ``user`` if given (test_generate.py logs in through the form)."""
    from django.conf import settings
    from django.test import Client

    contexts: list[Any] = []
    refused: list[str] = []  # what the page's Content Security Policy blocked

    def open_(user: Any = None, viewport: dict[str, int] = DESKTOP) -> Any:
        context = chromium.new_context(base_url=app.url, viewport=viewport)
        context.set_default_timeout(WAIT_MS)
        contexts.append(context)
        if user is not None:
            client = Client()
            client.force_login(user)
            cookie = client.cookies[settings.SESSION_COOKIE_NAME].value
            context.add_cookies(
                [{"name": settings.SESSION_COOKIE_NAME, "value": cookie, "url": app.url}]
            )
        page = context.new_page()
        page.on(
            "console",
            lambda message: (
                refused.append(f"{page.url}: {message.text}")
                if "Content Security Policy" in message.text
                else None
            ),
        )
        return page

    open_.refused = refused  # type: ignore[attr-defined]  # a test that expects a refusal clears it
    yield open_
    for context in contexts:
        context.close()
    # Every page the tests used worked under the site's policy: nothing of ours was blocked.
    assert not refused, "\n".join(refused)


def log_in(page: Any, username: str, password: str) -> None:
    """Sign in through the login form; the bank opens."""
    from playwright.sync_api import expect

    page.goto("/accounts/login/")
    page.get_by_label("Username").fill(username)
    page.get_by_label("Password").fill(password)
    page.get_by_role("button", name="Log in").click()
    expect(page.get_by_role("heading", name="Questions", level=1)).to_be_visible()


def wait_until_live(page: Any, app: App) -> None:
    """Wait for the page's socket to be open and the server's change feed to listen."""
    from playwright.sync_api import expect

    expect(page.locator("[data-live=open]")).to_have_count(1)
    app.wait_for_change_feed()


def wait_until(page: Any, condition: Callable[[], bool], failure: str) -> None:
    """Wait for a condition outside the page (the database, a routed socket), letting the
    page's events run meanwhile."""
    deadline = time.monotonic() + WAIT_MS / 1000
    while not condition():
        if time.monotonic() > deadline:
            raise AssertionError(failure)
        page.wait_for_timeout(50)
