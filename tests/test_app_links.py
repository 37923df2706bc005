"""Web links dropped or pasted on the window, served by a local http.server on 127.0.0.1."""
from __future__ import annotations

import http.server
import threading
import time

import pytest
from PySide6.QtCore import QMimeData, QUrl

from conftest import SEED_003, SEED_004
from app_helpers import drop, text_mime, url_mime

TIMEOUT = 30_000


class _Handler(http.server.BaseHTTPRequestHandler):
    pages: dict[str, tuple[str, bytes]] = {}
    delay = 0.0

    def do_GET(self):  # noqa: N802 (http.server's naming)
        page = self.pages.get(self.path)
        if page is None:
            self.send_error(404, "Not Found")
            return
        content_type, body = page
        self.send_response(200)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        # Slow pages come in small pieces, so a cancel lands between chunks.
        step = 256 if self.delay else len(body)
        for start in range(0, len(body), step):
            if self.delay:
                time.sleep(self.delay)
            try:
                self.wfile.write(body[start:start + step])
            except (BrokenPipeError, ConnectionResetError):
                return

    def log_message(self, *_args):
        pass


def _page(title: str, text: str) -> bytes:
    paragraphs = "".join(f"<p>{p}</p>" for p in text.split("\n\n") if p.strip())
    return (f"<!doctype html><html><head><title>{title}</title></head><body><article>"
            f"<h1>{title}</h1>{paragraphs}</article></body></html>").encode("utf-8")


@pytest.fixture
def server(monkeypatch):
    # The test talks to 127.0.0.1 only: no proxy may get in between.
    for name in ("http_proxy", "HTTP_PROXY", "https_proxy", "HTTPS_PROXY", "all_proxy",
                 "ALL_PROXY"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("no_proxy", "127.0.0.1")
    handler = type("Handler", (_Handler,), {"pages": {}, "delay": 0.0})
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    httpd.daemon_threads = True
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    base = f"http://127.0.0.1:{httpd.server_address[1]}"
    yield base, handler
    httpd.shutdown()
    httpd.server_close()
    thread.join(5)


def link_mime(*urls: str) -> QMimeData:
    mime = QMimeData()
    mime.setUrls([QUrl(u) for u in urls])
    return mime


def settled(window, count):
    return (window.comparison is not None and len(window.comparison.articles) == count
            and not window.comparison_busy() and window.shown_comparison is window.comparison)


def test_dropped_link_becomes_an_article(window, qtbot, server):
    base, handler = server
    handler.pages["/story"] = ("text/html; charset=utf-8",
                               _page("Mayor's budget", SEED_004.read_text(encoding="utf-8")))
    drop(window, url_mime([SEED_003]))
    qtbot.waitUntil(lambda: len(window.session) == 1, timeout=TIMEOUT)
    assert drop(window, link_mime(f"{base}/story"))
    qtbot.waitUntil(lambda: settled(window, 2), timeout=TIMEOUT)
    sources = [a.source for a in window.comparison.articles]
    assert sources[1] == f"{base}/story"
    assert window.comparison.articles[1].title == "Mayor's budget"
    assert not any("not supported" in m for m in window.message_bar.messages())


def test_pasted_link_text_is_fetched(window, qtbot, server):
    base, handler = server
    handler.pages["/one"] = ("text/plain", SEED_003.read_bytes())
    handler.pages["/two"] = ("text/plain", SEED_004.read_bytes())
    drop(window, text_mime(f"{base}/one\n{base}/two\n"))
    qtbot.waitUntil(lambda: settled(window, 2), timeout=TIMEOUT)
    assert [e.document.source for e in window.session.entries] == [f"{base}/one", f"{base}/two"]


def test_404_link_is_named_and_the_others_stay(window, qtbot, server):
    base, handler = server
    drop(window, url_mime([SEED_003, SEED_004]))
    qtbot.waitUntil(lambda: settled(window, 2), timeout=TIMEOUT)
    drop(window, link_mime(f"{base}/missing"))
    qtbot.waitUntil(lambda: any(f"{base}/missing" in m for m in window.message_bar.messages()),
                    timeout=TIMEOUT)
    message = next(m for m in window.message_bar.messages() if f"{base}/missing" in m)
    assert "404" in message
    assert not window.comparison_busy()
    assert len(window.session) == 2 and len(window.comparison.articles) == 2


def test_slow_download_shows_progress_and_can_be_cancelled(window, qtbot, server):
    base, handler = server
    handler.delay = 0.05
    handler.pages["/slow"] = ("text/plain", SEED_003.read_bytes())
    drop(window, link_mime(f"{base}/slow"))
    qtbot.waitUntil(lambda: window.fetcher.busy, timeout=TIMEOUT)
    assert window.cancel_button.isVisible()
    qtbot.waitUntil(lambda: window.progress_label.text().startswith("Downloading"),
                    timeout=TIMEOUT)
    window.cancel_button.click()
    assert not window.comparison_busy()
    qtbot.wait(300)
    assert len(window.session) == 0


def test_warnings_of_an_added_article_are_shown(window, qtbot, server):
    base, handler = server
    german = ("Der Bürgermeister hat am Dienstag einen neuen Haushalt vorgelegt, der deutlich "
              "mehr Geld für Schulen und den Nahverkehr vorsieht. Die Opposition kritisierte "
              "die Pläne und sprach von einer unverantwortlichen Politik, die die Stadt in "
              "den kommenden Jahren teuer zu stehen kommen werde. ") * 3
    handler.pages["/de"] = ("text/plain; charset=utf-8", german.encode("utf-8"))
    drop(window, link_mime(f"{base}/de"))
    qtbot.waitUntil(lambda: len(window.session) == 1, timeout=TIMEOUT)
    document = window.session.entries[0].document
    language = [w for w in document.warnings if "does not look like English" in w]
    assert language, ("a German article must carry the not-English warning; "
                      f"the engine gave {list(document.warnings)}")
    messages = window.message_bar.messages()
    lines = [m for m in messages if language[0] in m]
    assert len(lines) == 1 and "/de" in lines[0], \
        f"the warning should be shown once, naming the link; the message bar shows {messages}"


def test_open_link_dialog_adds_the_article(window, qtbot, server):
    base, handler = server
    handler.pages["/one"] = ("text/plain", SEED_003.read_bytes())
    handler.pages["/two"] = ("text/plain", SEED_004.read_bytes())
    drop(window, url_mime([SEED_003]))
    qtbot.waitUntil(lambda: len(window.session) == 1, timeout=TIMEOUT)
    window.open_link_action.trigger()
    dialog = window.link_dialog
    assert dialog.isVisible() and not dialog.open_button.isEnabled()
    dialog.set_text("example.com/story")
    assert not dialog.open_button.isEnabled(), "only http(s) links"
    assert "Not a web link" in dialog.note.text()
    dialog.set_text(f"{base}/two")
    assert dialog.open_button.isEnabled()
    dialog.open_button.click()
    assert not dialog.isVisible()
    qtbot.waitUntil(lambda: settled(window, 2), timeout=TIMEOUT)
    assert window.comparison.articles[1].source == f"{base}/two"
