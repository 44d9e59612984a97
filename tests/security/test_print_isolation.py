"""The typesetter's browser prints teachers' and models' words: should any ever become markup,
Chromium runs no script in it and fetches nothing (one PDF, printed once)."""

from __future__ import annotations

import http.server
import io
import threading

from pypdf import PdfReader

from papers.schemas import PageSize
from papers.typeset.chromium import print_pdfs


class _Counter(http.server.BaseHTTPRequestHandler):
    hits: list[str] = []

    def do_GET(self) -> None:  # noqa: N802 (the standard library's name)
        self.hits.append(self.path)
        self.send_response(200)
        self.end_headers()

    def log_message(self, *args: object) -> None:
        pass


def test_the_print_browser_runs_no_script_and_fetches_nothing():
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), _Counter)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    base = f"http://127.0.0.1:{server.server_port}"
    html = (
        '<!doctype html><html><head><link rel="stylesheet" href="' + base + '/style.css">'
        '</head><body><p id="words">printed words</p><img src="' + base + '/pixel.png">'
        "<script>document.getElementById('words').textContent = 'a script ran';"
        "fetch('" + base + "/fetched')</script></body></html>"
    )
    try:
        (pdf,) = print_pdfs([(html, "<b>a title</b>")], page_size=PageSize.A4)
    finally:
        server.shutdown()
    text = "\n".join(page.extract_text() for page in PdfReader(io.BytesIO(pdf)).pages)
    assert "printed words" in text and "a script ran" not in text
    assert "<b>a title</b>" in text  # the running head shows the title as text
    assert _Counter.hits == []
