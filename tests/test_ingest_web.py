"""fetch_url against a local http.server on 127.0.0.1 (ephemeral port) only."""
import threading
import urllib.error
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from conftest import ROOT
from desktop import __version__
from desktop.engine.errors import Cancelled, IngestError
from desktop.engine.ingest.web import USER_AGENT, fetch_url

FIXTURES = ROOT / "tests" / "fixtures" / "formats"
NEWS_PAGE = (FIXTURES / "news_page.html").read_bytes()
PDF = (FIXTURES / "print.pdf").read_bytes()
PLAIN = ("The harbour master said the new pier would open in June after two years of "
         "building work, a month later than planned.\n").encode("utf-8")
seen_agents: list[str] = []


class Handler(BaseHTTPRequestHandler):
    def log_message(self, *args):  # keep test output quiet
        pass

    def _send(self, body: bytes, ctype: str, status: int = 200, length: bool = True):
        try:
            self.send_response(status)
            self.send_header("Content-Type", ctype)
            if length:
                self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)
        except (BrokenPipeError, ConnectionResetError):
            pass  # the client gave up (the timeout tests)

    def do_GET(self):
        seen_agents.append(self.headers.get("User-Agent", ""))
        path = self.path
        if path == "/article":
            self._send(NEWS_PAGE, "text/html; charset=utf-8")
        elif path == "/latin1":
            body = ("<html><body><article><p>Le café de la gare a rouvert lundi après trois mois "
                    "de travaux, a annoncé la mairie dans un communiqué publié ce matin.</p>"
                    "</article></body></html>").encode("latin-1")
            self._send(body, "text/html; charset=iso-8859-1")
        elif path == "/paper.pdf":
            self._send(PDF, "application/pdf")
        elif path == "/notes":
            self._send(PLAIN, "text/plain; charset=utf-8")
        elif path.startswith("/hop/"):
            n = int(path.rsplit("/", 1)[1])
            self.send_response(302)
            self.send_header("Location", f"/hop/{n - 1}" if n > 0 else "/article")
            self.send_header("Content-Length", "0")
            self.end_headers()
        elif path == "/loop":
            self.send_response(301)
            self.send_header("Location", "/loop")
            self.send_header("Content-Length", "0")
            self.end_headers()
        elif path == "/to-ftp":
            self.send_response(302)
            self.send_header("Location", "ftp://127.0.0.1/file.txt")
            self.send_header("Content-Length", "0")
            self.end_headers()
        elif path == "/huge-declared":
            self.send_response(200)
            self.send_header("Content-Type", "text/html")
            self.send_header("Content-Length", str(50 * 1024 * 1024))
            self.end_headers()
        elif path == "/huge-streamed":
            self.send_response(200)
            self.send_header("Content-Type", "text/html")
            self.end_headers()  # no length: the cap must hold while streaming
            try:
                for _ in range(64):
                    self.wfile.write(b"<p>" + b"x" * 65536 + b"</p>")
            except (BrokenPipeError, ConnectionResetError):
                pass
            self.close_connection = True
        elif path == "/slow":
            time.sleep(3)
            self._send(NEWS_PAGE, "text/html")
        elif path == "/trickle":
            self.send_response(200)
            self.send_header("Content-Type", "text/html")
            self.end_headers()
            try:
                for _ in range(30):  # a byte every 0.2 s: each read is quick, the whole is not
                    self.wfile.write(b" ")
                    self.wfile.flush()
                    time.sleep(0.2)
            except (BrokenPipeError, ConnectionResetError):
                pass
            self.close_connection = True
        elif path == "/image.png":
            self._send(b"\x89PNG\r\n\x1a\n" + b"\0" * 100, "image/png")
        elif path == "/empty":
            self._send(b"", "text/html")
        else:
            self._send(b"<html><body><h1>Not found</h1></body></html>", "text/html", status=404)


@pytest.fixture(scope="module")
def server():
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    httpd.daemon_threads = True
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()
    httpd.server_close()


def test_normal_page(server):
    url = f"{server}/article"
    seen_agents.clear()
    progress = []
    doc = fetch_url(url, progress=lambda stage, f: progress.append((stage, f)))
    assert doc.source == url
    assert doc.title == "Harbor ferry service cut to two sailings a day"
    assert doc.outlet == "The Coastline Courier"
    assert doc.text.startswith("The regional transit authority will cut the harbor ferry")
    assert "cookies" not in doc.text
    assert seen_agents == [USER_AGENT] and USER_AGENT == f"Parallax/{__version__} (+desktop app)"
    assert progress and progress[-1] == ("download", 1.0)
    assert all(0.0 <= f <= 1.0 for _, f in progress)


def test_charset_from_the_header(server):
    doc = fetch_url(f"{server}/latin1")
    assert "Le café de la gare a rouvert lundi" in doc.text


def test_pdf_and_plain_text_by_content_type(server):
    assert fetch_url(f"{server}/paper.pdf").text.startswith("Night-shift nurses and porters")
    assert fetch_url(f"{server}/notes").text.startswith("The harbour master said")


def test_redirect_chain_is_followed(server):
    doc = fetch_url(f"{server}/hop/3")
    assert doc.source == f"{server}/hop/3"
    assert doc.title == "Harbor ferry service cut to two sailings a day"


@pytest.mark.parametrize("path, kwargs, reason", [
    ("/hop/9", {}, "too many redirects"),
    ("/loop", {}, "too many redirects"),
    ("/hop/2", {"max_redirects": 1}, "too many redirects"),
    ("/to-ftp", {}, "only http and https"),
    ("/huge-declared", {}, "the page is larger than 10 MB"),
    ("/huge-streamed", {"max_bytes": 1024 * 1024}, "the page is larger than 1 MB"),
    ("/slow", {"timeout": 0.5}, "timed out after 0.5 s"),
    ("/trickle", {"timeout": 1.5}, "timed out after 1.5 s"),
    ("/missing", {}, "404"),
    ("/image.png", {}, "not an article"),
    ("/empty", {}, "empty"),
])
def test_errors_are_clear(server, path, kwargs, reason):
    started = time.monotonic()
    with pytest.raises(IngestError) as info:
        fetch_url(f"{server}{path}", **kwargs)
    assert time.monotonic() - started < 5
    assert info.value.source == f"{server}{path}"
    assert reason in info.value.reason, info.value.reason


def test_nobody_listening():
    import socket
    with socket.socket() as probe:  # a free port nobody listens on
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    with pytest.raises(IngestError) as info:
        fetch_url(f"http://127.0.0.1:{port}/", timeout=2)
    assert "no network connection or the site did not answer" in info.value.reason


@pytest.mark.parametrize("url", ["file:///etc/passwd", "ftp://127.0.0.1/x", "javascript:alert(1)",
                                 "http://"])
def test_only_http_links(url):
    with pytest.raises(IngestError):
        fetch_url(url)


def test_cancel_stops_the_download(server):
    with pytest.raises(Cancelled):
        fetch_url(f"{server}/article", should_cancel=lambda: True)


def test_cli_reads_links(server, tmp_path, capsys):
    from desktop.cli import main
    local = FIXTURES / "news_page.html"
    code = main(["compare", f"{server}/article", str(local), f"{server}/missing",
                 "--json", str(tmp_path / "out.json")])
    err = capsys.readouterr().err
    assert f"{server}/missing: the site answered 404" in err
    import json
    data = json.loads((tmp_path / "out.json").read_text())
    assert f"{server}/article" in json.dumps(data)
    assert code != 0  # partial: one input failed


# --- redirects to local or private addresses (issue 16, item 12) ---------------------------

def _fake_dns(monkeypatch, table: dict[str, str]):
    import socket

    real = socket.getaddrinfo

    def getaddrinfo(host, *args, **kwargs):
        if host in table:
            family = socket.AF_INET6 if ":" in table[host] else socket.AF_INET
            return [(family, socket.SOCK_STREAM, 6, "", (table[host], 0))]
        if host in ("127.0.0.1", "::1"):
            return real(host, *args, **kwargs)
        raise socket.gaierror("no network in tests")

    monkeypatch.setattr(socket, "getaddrinfo", getaddrinfo)


@pytest.mark.parametrize("target, shown", [
    ("http://127.0.0.1:8080/admin", "127.0.0.1"),
    ("http://[::1]:631/", "::1"),
    ("http://0.0.0.0/", "0.0.0.0"),
    ("http://169.254.169.254/latest/meta-data/", "169.254.169.254"),
    ("http://[::ffff:10.0.0.1]/", "10.0.0.1"),
    ("http://router.example.net/setup", "192.168.1.1"),
    ("https://intranet.example.org/", "10.20.30.40"),
    ("http://v6.example.org/", "fe80::1"),
])
def test_public_link_may_not_redirect_to_a_local_or_private_address(monkeypatch, target, shown):
    from desktop.engine.ingest.web import check_redirect
    _fake_dns(monkeypatch, {"news.example.com": "93.184.216.34",
                            "router.example.net": "192.168.1.1",
                            "intranet.example.org": "10.20.30.40",
                            "v6.example.org": "fe80::1"})
    link = "https://news.example.com/story"
    with pytest.raises(IngestError) as info:
        check_redirect(link, target, link)
    assert info.value.source == link and link in str(info.value)
    assert "redirected to a local or private address" in info.value.reason
    assert shown in info.value.reason


def test_public_link_may_redirect_to_another_public_host(monkeypatch):
    from desktop.engine.ingest.web import check_redirect
    _fake_dns(monkeypatch, {"news.example.com": "93.184.216.34",
                            "www.example.com": "93.184.216.35"})
    check_redirect("http://news.example.com/a", "https://www.example.com/a", "x")
    check_redirect("http://news.example.com/a", "https://unresolvable.example/a", "x")


def test_local_link_may_redirect_within_local_addresses(monkeypatch):
    from desktop.engine.ingest.web import check_redirect
    _fake_dns(monkeypatch, {"nas.lan": "192.168.1.20"})
    check_redirect("http://127.0.0.1:8000/", "http://127.0.0.1:9000/a", "x")
    check_redirect("http://nas.lan/", "http://10.0.0.2/a", "x")


def test_fetch_refuses_a_public_page_redirecting_to_this_computer(server, monkeypatch):
    """The whole path: a 'public' host (by faked name resolution) whose answer is a redirect
    to the local server; the download stops at the redirect with one clear message."""
    import urllib.request
    from desktop.engine.ingest import web
    _fake_dns(monkeypatch, {"news.example.com": "93.184.216.34"})
    redirect = urllib.error.HTTPError("http://news.example.com/story", 302, "Found",
                                      {"Location": f"{server}/article"}, None)

    class Opener:
        def open(self, request, timeout=None):
            assert request.full_url == "http://news.example.com/story"
            raise redirect

    monkeypatch.setattr(web, "_opener", lambda exchange: Opener())
    with pytest.raises(IngestError) as info:
        fetch_url("http://news.example.com/story")
    assert info.value.source == "http://news.example.com/story"
    assert "local or private address (127.0.0.1)" in info.value.reason


def test_direct_local_link_redirecting_to_another_local_port_is_read(server):
    """A link the user gives to 127.0.0.1 still works, redirects to another port included."""
    class Redirect(BaseHTTPRequestHandler):
        def log_message(self, *args):
            pass

        def do_GET(self):
            self.send_response(302)
            self.send_header("Location", f"{server}/article")
            self.send_header("Content-Length", "0")
            self.end_headers()

    httpd = ThreadingHTTPServer(("127.0.0.1", 0), Redirect)
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    try:
        doc = fetch_url(f"http://127.0.0.1:{httpd.server_address[1]}/moved")
    finally:
        httpd.shutdown()
        httpd.server_close()
    assert doc.title == "Harbor ferry service cut to two sailings a day"
