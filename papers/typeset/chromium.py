"""Print HTML to PDF with headless Chromium (Debian's ``chromium``), driven by Playwright.

One browser per process, started on first use and kept warm: a version of a paper then prints
in a few hundred milliseconds instead of the second or more a new browser costs. Playwright
runs an event loop, and Django refuses ORM calls from a thread with a running loop, so the
browser lives in a thread of its own with its loop, and callers (a worker's task, a command)
hand it work and wait. A browser that crashed is started again for the next call.
"""

from __future__ import annotations

import asyncio
import atexit
import concurrent.futures
import logging
import os
import tempfile
import threading
from pathlib import Path
from typing import Any

from django.utils.html import escape

from papers.schemas import PageSize

logger = logging.getLogger(__name__)

CHROMIUM = Path(os.environ.get("TYPESET_CHROMIUM", "/usr/bin/chromium"))
ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
TIMEOUT_SECONDS = 120
MARGINS = {"top": "16mm", "bottom": "16mm", "left": "16mm", "right": "16mm"}

HEADER = (
    '<div style="width:100%;font:8.5pt sans-serif;color:#444;padding:0 16mm;'
    'display:flex;justify-content:space-between">'
    "<span>{title}</span><span>Cambridge IGCSE Mathematics 0580-style</span></div>"
)
FOOTER = (
    '<div style="width:100%;font:8.5pt sans-serif;color:#444;padding:0 16mm;'
    'display:flex;justify-content:space-between"><span>{title}</span>'
    '<span>Page <span class="pageNumber"></span> of <span class="totalPages"></span></span></div>'
)


FONTS = Path(__file__).resolve().parents[2] / "static" / "fonts"


def _font_env() -> dict[str, str]:
    """Chromium finds the project's maths font (static/fonts) besides the system's, through a
    fontconfig file of our own (the print HTML is loaded without a server to fetch fonts)."""
    folder = Path(tempfile.gettempdir()) / f"derivativ-fontconfig-{os.getuid()}"
    folder.mkdir(exist_ok=True)
    config = folder / "fonts.conf"
    config.write_text(
        '<?xml version="1.0"?>\n<!DOCTYPE fontconfig SYSTEM "fonts.dtd">\n<fontconfig>\n'
        '  <include ignore_missing="yes">/etc/fonts/fonts.conf</include>\n'
        f"  <dir>{FONTS}</dir>\n  <cachedir>{folder / 'cache'}</cachedir>\n</fontconfig>\n"
    )
    return {"FONTCONFIG_FILE": str(config)}


async def _refuse(route: Any) -> None:
    """Every request a printed page makes (it needs none: fonts are local, figures inline)."""
    await route.abort()


def running_head(title: str) -> tuple[str, str]:
    """The header and footer HTML Chromium prints on every page; ``title`` (the teacher's
    paper title) is escaped, as it is HTML too."""
    return HEADER.format(title=escape(title)), FOOTER.format(title=escape(title))


class TypesetError(RuntimeError):
    """A PDF could not be made; the message says why, in words an operator can act on."""


class _Printer:
    """A browser in a thread of its own, running an event loop; versions print in parallel
    tabs (one per core), as each tab's layout and PDF writing is single-threaded."""

    def __init__(self) -> None:
        self._loop = asyncio.new_event_loop()
        self._thread = threading.Thread(target=self._loop.run_forever, daemon=True, name="typeset")
        self._thread.start()
        self._playwright: Any = None
        self._browser: Any = None
        self._tabs: asyncio.Queue[Any] | None = None  # open pages, reused (a new one costs)
        self._tab_count = max(1, min(4, os.cpu_count() or 1))

    async def _start(self) -> None:
        if self._browser is not None and self._browser.is_connected():
            return
        await self._stop()
        if not (CHROMIUM.exists() and os.access(CHROMIUM, os.X_OK)):
            raise TypesetError(
                f"Printing PDFs needs Chromium, which is not at {CHROMIUM}: install Debian's "
                "package (apt-get install chromium) or set TYPESET_CHROMIUM to its path."
            )
        from playwright.async_api import async_playwright

        self._playwright = await async_playwright().start()
        self._browser = await self._playwright.chromium.launch(
            executable_path=str(CHROMIUM), args=ARGS, env={**os.environ, **_font_env()}
        )
        # The HTML holds teachers' and models' words: should anything in it ever become
        # markup, it must not run or fetch anything from the server's network.
        context = await self._browser.new_context(java_script_enabled=False)
        await context.route("**/*", _refuse)
        self._tabs = asyncio.Queue()
        for _ in range(self._tab_count):
            self._tabs.put_nowait(await context.new_page())

    async def _stop(self) -> None:
        browser, playwright = self._browser, self._playwright
        self._browser = self._playwright = self._tabs = None
        for step in (browser.close if browser else None, playwright.stop if playwright else None):
            if step is None:
                continue
            try:
                await step()
            except Exception:  # already gone
                logger.debug("typeset: closing the browser failed", exc_info=True)

    async def _one(
        self, tabs: asyncio.Queue[Any], html: str, title: str, page_size: PageSize
    ) -> bytes:
        page = await tabs.get()
        try:
            await page.set_content(html, wait_until="load")
            header, footer = running_head(title)
            return bytes(
                await page.pdf(
                    format="A4" if page_size == PageSize.A4 else "Letter",
                    print_background=True,
                    display_header_footer=True,
                    header_template=header,
                    footer_template=footer,
                    margin=MARGINS,
                )
            )
        finally:
            tabs.put_nowait(page)

    async def _print(self, pages: list[tuple[str, str]], page_size: PageSize) -> list[bytes]:
        from playwright.async_api import Error as PlaywrightError

        for attempt in (1, 2):
            await self._start()
            assert self._tabs is not None
            try:
                return list(
                    await asyncio.gather(
                        *(self._one(self._tabs, html, title, page_size) for html, title in pages)
                    )
                )
            except PlaywrightError as exc:
                logger.warning("typeset: the browser failed (%s); starting it again", exc)
                await self._stop()
                if attempt == 2:
                    raise TypesetError(f"Chromium could not print the paper: {exc}") from exc
        raise AssertionError("unreachable")

    def print(self, pages: list[tuple[str, str]], page_size: PageSize) -> list[bytes]:
        future = asyncio.run_coroutine_threadsafe(self._print(pages, page_size), self._loop)
        try:
            return future.result(timeout=TIMEOUT_SECONDS)
        except concurrent.futures.TimeoutError as exc:
            future.cancel()
            raise TypesetError(f"Printing took over {TIMEOUT_SECONDS} s and was stopped.") from exc

    def close(self) -> None:
        asyncio.run_coroutine_threadsafe(self._stop(), self._loop).result(timeout=30)
        self._loop.call_soon_threadsafe(self._loop.stop)
        self._thread.join(timeout=5)


_printer: _Printer | None = None
_printer_lock = threading.Lock()


def _get_printer() -> _Printer:
    global _printer
    with _printer_lock:
        if _printer is None:
            _printer = _Printer()
            atexit.register(_close)
        return _printer


def _close() -> None:
    global _printer
    with _printer_lock:
        if _printer is not None:
            try:
                _printer.close()
            except Exception:
                logger.debug("typeset: closing the printer failed", exc_info=True)
            _printer = None


def print_pdfs(pages: list[tuple[str, str]], *, page_size: PageSize) -> list[bytes]:
    """Each ``(html, running title)`` printed to PDF, in order."""
    return _get_printer().print(pages, page_size)
