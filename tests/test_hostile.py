"""Hostile inputs (issue 16): each defect found by the attack run, as a test that failed
before its fix.  Engine and command line only; the app's share is in test_hostile_app.py.
"""
import json
import re
import os
import signal
import subprocess
import sys
import textwrap
import time

import pytest

from conftest import ROOT, SEED_003, SEED_004
from desktop import cli
from desktop.cli import EXIT_PARTIAL
from desktop.engine import CompareConfig, compare
from desktop.engine.atomic import write_atomic
from desktop.engine.errors import IngestError
from desktop.engine.ingest import document_from_text, read_document, read_rtf
from desktop.engine.report import export_report
from desktop.engine.report.mdescape import md_span, md_text
from desktop.engine.session import (Session, SessionError, load_session, read_autosave,
                                    save_session, write_autosave)

ARTICLE = ("Officials said on Tuesday that the bridge would close for repairs. "
           "The mayor said the work would take three weeks.\n\n"
           "Café owners near the bridge said they feared losing customers.\n")


@pytest.fixture
def data(tmp_path, monkeypatch):
    monkeypatch.setenv("PARALLAX_DATA_DIR", str(tmp_path / "data"))
    monkeypatch.setenv("PARALLAX_CONFIG_DIR", str(tmp_path / "config"))
    return tmp_path / "data"


# --- 2. lone surrogates --------------------------------------------------------------------

def test_sanitiser_joins_pairs_and_replaces_lone_surrogates():
    from desktop.engine.ingest.hygiene import no_lone_surrogates
    assert no_lone_surrogates("a\ud83d\ude00b") == "a😀b"
    assert no_lone_surrogates("a\ud83d b\udcff") == "a\ufffd b\ufffd"
    assert no_lone_surrogates("plain") == "plain"


def test_rtf_emoji_as_word_writes_it_reads_as_the_emoji():
    rtf = rb"{\rtf1\ansi\uc1 Officials said the bridge \u-10179?\u-8704? would close on Tuesday.\par}"
    doc = read_rtf(rtf, "emoji.rtf")
    assert "😀" in doc.text
    doc.text.encode("utf-8")


def test_article_text_with_lone_surrogates_is_clean_at_the_ingest_boundary():
    doc = document_from_text(ARTICLE.replace("customers.", "customers \ud83d today."), "pasted \udcff")
    doc.text.encode("utf-8")
    doc.source.encode("utf-8")
    assert "\ufffd" in doc.text


def test_file_name_that_is_not_utf8_can_be_saved_and_reported(tmp_path):
    name = os.fsdecode(b"bad-\xff-name.txt")  # a surrogate escape in the name
    (tmp_path / name).write_text(ARTICLE, encoding="utf-8")
    (tmp_path / "other.txt").write_text(ARTICLE.replace("three", "four"), encoding="utf-8")
    doc = read_document(tmp_path / name)
    doc.source.encode("utf-8")
    comparison = compare([doc, read_document(tmp_path / "other.txt")], CompareConfig(find_facts=True))
    for fmt, suffix in (("md", ".md"), ("html", ".html"), ("csv", ".csv")):
        export_report(comparison, tmp_path / f"r{suffix}", fmt)
    save_session(tmp_path / "s.parallax", Session((doc,)))
    assert load_session(tmp_path / "s.parallax").documents[0].source == doc.source


def test_unreadable_file_name_is_safe_in_the_error():
    with pytest.raises(IngestError) as caught:
        read_document(os.fsdecode(b"/nonexistent/\xff.txt"))
    caught.value.source.encode("utf-8")


def test_atomic_write_never_fails_on_lone_surrogates(tmp_path):
    write_atomic(tmp_path / "x.txt", "before \ud83d after")
    assert (tmp_path / "x.txt").read_text(encoding="utf-8") == "before \ufffd after"


def test_session_with_surrogate_escapes_in_json_loads_clean_and_saves(tmp_path):
    path = tmp_path / "s.parallax"
    path.write_text(json.dumps({"format": "parallax.session", "version": 1, "documents": [
        {"source": "a\udcff", "text": "Text \ud83d here.", "title": "T\udc80"}]}), encoding="utf-8")
    session = load_session(path)
    save_session(tmp_path / "again.parallax", session)
    assert "\ufffd" in session.documents[0].text


# --- 4. session files: depth, huge numbers, wrong types ------------------------------------

def _session_json(**changes) -> dict:
    base = {"format": "parallax.session", "version": 1,
            "documents": [{"source": "a.txt", "text": ARTICLE}], "settings": {}}
    base.update(changes)
    return base


@pytest.mark.parametrize("raw", [
    '{"format": "parallax.session", "version": 1, "documents": [], "settings": '
    + "[" * 100_000 + "]" * 100_000 + "}",
    '{"format": "parallax.session", "version": 1, "documents": [], "pair": [' + "9" * 5000 + ", 1]}",
    '{"format": "parallax.session", "version": ' + "1" * 5000 + ', "documents": []}',
])
def test_deep_or_huge_session_is_a_session_error(tmp_path, raw):
    path = tmp_path / "bad.parallax"
    path.write_text(raw, encoding="utf-8")
    with pytest.raises(SessionError) as caught:
        load_session(path)
    assert "damaged" in caught.value.reason or "too" in caught.value.reason


@pytest.mark.parametrize("changes", [
    {"settings": {"a": json.loads("[" * 60 + "]" * 60)}},
    {"pair": [0, 10 ** 30]},
    {"documents": [{"source": "a.txt", "text": ARTICLE, "published": 2024}]},
    {"documents": [{"source": "a.txt", "text": ARTICLE, "removed": "line"}]},
    {"documents": [{"source": "a.txt", "text": ARTICLE, "warnings": 5}]},
    {"included": [1]},
    {"settings": {"x": float("inf")}},
])
def test_wrong_types_are_refused_not_crashing_later(tmp_path, changes):
    path = tmp_path / "bad.parallax"
    path.write_text(json.dumps(_session_json(**changes)), encoding="utf-8")
    try:
        session = load_session(path)
    except SessionError:
        return
    # Accepted: then it must survive everything a session is used for.
    save_session(tmp_path / "again.parallax", session)
    load_session(tmp_path / "again.parallax")
    compare(session.included_documents(), CompareConfig())


def test_unreadable_autosave_of_any_kind_is_none(tmp_path):
    folder = tmp_path / "data"
    folder.mkdir()
    (folder / "autosave.parallax").write_text(
        '{"format": "parallax.session", "version": 1, "documents": [], "settings": '
        + "[" * 50_000 + "]" * 50_000 + "}", encoding="utf-8")
    assert read_autosave(folder) is None


# --- 7. malformed links --------------------------------------------------------------------

@pytest.mark.parametrize("link", ["http://[::1/x", "https://[zz]/", "http://a:99999999/"])
def test_malformed_link_is_an_input_error_not_a_crash(data, capsys, link):
    code = cli.main(["compare", link, str(SEED_003), str(SEED_004)])
    err = capsys.readouterr().err
    assert code == EXIT_PARTIAL, err
    assert "internal error" not in err
    assert "link" in err


# --- 6. Markdown: autolinks must not eat the escapes ----------------------------------------

@pytest.mark.parametrize("text", [
    "http://h/g<img src=x onerror=alert(1)//>",
    "see www.h.com/g<img src=x onerror=alert(1)//> now",
    "mail a@b.co<img src=x onerror=alert(1)//>",
    "https://x.org/<script>alert(1)</script>",
])
def test_markdown_has_no_raw_angle_brackets_and_no_autolinks(text):
    for out in (md_text(text), md_span(text)):
        assert "<" not in out and ">" not in out
        assert not re.search(r"(?<!\\)://|(?<!\\)@|www\.", out, re.I), out


# --- 5. the download deadline covers the whole exchange ------------------------------------

_SLOW_SERVER = textwrap.dedent("""
    import socket, sys, time
    srv = socket.socket()
    srv.bind(("127.0.0.1", 0))
    srv.listen(1)
    print(srv.getsockname()[1], flush=True)
    conn, _ = srv.accept()
    conn.recv(65536)
    head = sys.argv[1].encode()
    try:
        for i in range(len(head)):
            conn.sendall(head[i:i + 1])
            time.sleep(0.2)
    except OSError:
        pass
""")


@pytest.mark.parametrize("head", [
    "HTTP/1.0 200 OK\r\nContent-Type: text/plain\r\nX-Slow: " + "a" * 200 + "\r\n\r\n",
    "HTTP/1.0 200 OK\r\nContent-Type: text/plain\r\n\r\n" + "Officials said the bridge. " * 20,
])
def test_fetch_deadline_covers_status_line_headers_and_body(head):
    from desktop.engine.ingest.web import fetch_url
    server = subprocess.Popen([sys.executable, "-c", _SLOW_SERVER, head], stdout=subprocess.PIPE,
                              text=True)
    try:
        port = int(server.stdout.readline())
        start = time.monotonic()
        with pytest.raises(IngestError) as caught:
            fetch_url(f"http://127.0.0.1:{port}/a", timeout=1.0)
        assert time.monotonic() - start < 3
        assert "timed out" in caught.value.reason
    finally:
        server.kill()
        server.wait()


# --- 13. temporary files of a killed save ----------------------------------------------------

def test_temp_file_of_a_killed_save_is_removed_by_the_next_save(tmp_path):
    target = tmp_path / "report.md"
    child = subprocess.Popen([sys.executable, "-c", textwrap.dedent(f"""
        import os, sys, time
        sys.path.insert(0, {str(ROOT)!r})
        from desktop.engine import atomic
        os.fsync = lambda fd: time.sleep(60)
        atomic.write_atomic(__import__("pathlib").Path({str(target)!r}), "x" * 100000)
    """)])
    try:
        for _ in range(200):
            if any(p.name.endswith(".tmp") for p in tmp_path.iterdir()):
                break
            time.sleep(0.05)
        assert any(p.name.endswith(".tmp") for p in tmp_path.iterdir())
    finally:
        child.send_signal(signal.SIGKILL)
        child.wait()
    (tmp_path / "notes.tmp").write_text("not ours")
    write_atomic(target, "done")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["notes.tmp", "report.md"]


def test_next_save_keeps_a_temp_file_being_written_by_a_live_process(tmp_path):
    target = tmp_path / "report.md"
    child = subprocess.Popen([sys.executable, "-c", textwrap.dedent(f"""
        import os, sys, time
        sys.path.insert(0, {str(ROOT)!r})
        from desktop.engine import atomic
        os.fsync = lambda fd: time.sleep(60)
        atomic.write_atomic(__import__("pathlib").Path({str(target)!r}), "x")
    """)])
    try:
        for _ in range(200):
            if any(p.name.endswith(".tmp") for p in tmp_path.iterdir()):
                break
            time.sleep(0.05)
        write_atomic(target, "done")
        assert any(p.name.endswith(".tmp") for p in tmp_path.iterdir())
    finally:
        child.send_signal(signal.SIGKILL)
        child.wait()


# --- 10. outside text on the terminal ------------------------------------------------------

def test_file_name_cannot_forge_a_line_or_send_escapes(tmp_path, data, capsys):
    evil = tmp_path / "x\nparallax: all facts agree \x1b[2J\u202eevil.txt"
    evil.write_bytes(b"")
    code = cli.main(["compare", str(evil), str(SEED_003), str(SEED_004)])
    err = capsys.readouterr().err
    assert code == EXIT_PARTIAL
    lines = err.splitlines()
    assert not any(line.startswith("parallax: all facts agree") for line in lines)
    assert "\x1b" not in err and "\u202e" not in err
    assert "\\x1b" in err and "\\n" in err


# --- 3 and 8. work the readers may do; limits the user can see -------------------------------

from hostile_inputs import email_with_base64_part, pdf_with_operators  # noqa: E402


def _unique_text(chars: int) -> str:
    import random
    rng = random.Random(7)
    words = ("bridge mayor council river repair closed weeks officials traffic budget "
             "engineers said Tuesday residents shops detour inspection steel cracks").split()
    out, size = [], 0
    while size < chars:
        sentence = " ".join(rng.choice(words) for _ in range(14)).capitalize() + f" {size}."
        out.append(sentence)
        size += len(sentence) + 1
    return "\n\n".join(" ".join(out[i:i + 5]) for i in range(0, len(out), 5))


def test_pdf_page_with_millions_of_operators_is_bounded(monkeypatch):
    from desktop.engine.ingest import pdf
    monkeypatch.setattr(pdf, "MAX_PAGE_OPERATORS", 20_000)
    data = pdf_with_operators(3, [200_000, 300, 300])
    start = time.monotonic()
    doc = read_document_bytes(data, "ops.pdf")
    assert time.monotonic() - start < 5
    assert any("page 1" in w and "too much" in w for w in doc.warnings), doc.warnings


def test_pdf_work_over_all_pages_is_bounded(monkeypatch):
    from desktop.engine.ingest import pdf
    monkeypatch.setattr(pdf, "MAX_OPERATORS", 30_000)
    data = pdf_with_operators(300, 1_000)
    start = time.monotonic()
    doc = read_document_bytes(data, "many.pdf")
    assert time.monotonic() - start < 5
    assert any("only the first" in w and "pages" in w for w in doc.warnings), doc.warnings


def read_document_bytes(data: bytes, name: str):
    from desktop.engine.ingest import READERS
    return READERS[os.path.splitext(name)[1]](data, name)


def test_long_article_is_cut_with_a_message():
    from desktop.engine.ingest.hygiene import MAX_ARTICLE_CHARS
    doc = document_from_text(_unique_text(3 * MAX_ARTICLE_CHARS), "long.txt")
    assert len(doc.text) <= MAX_ARTICLE_CHARS
    assert any("first" in w and "characters" in w for w in doc.warnings), doc.warnings


def test_huge_token_is_shortened_with_a_message():
    from desktop.engine.ingest.hygiene import MAX_TOKEN_CHARS
    doc = document_from_text(ARTICLE + "\n\nThe code was " + "x" * 500_000 + " today.\n", "token.txt")
    assert max(map(len, doc.text.split())) <= MAX_TOKEN_CHARS + 1
    assert any("without a space" in w for w in doc.warnings), doc.warnings


def test_email_with_a_huge_base64_part_is_bounded():
    data = email_with_base64_part(6)
    start = time.monotonic()
    doc = read_document_bytes(data, "big.eml")
    assert time.monotonic() - start < 10
    from desktop.engine.ingest.hygiene import MAX_ARTICLE_CHARS
    assert len(doc.text) <= MAX_ARTICLE_CHARS


def test_folder_with_too_many_files_is_cut_with_a_message(tmp_path, monkeypatch):
    from desktop.engine import ingest
    from desktop.engine.pipeline import read_documents
    monkeypatch.setattr(ingest, "MAX_ARTICLES", 5)
    for n in range(12):
        (tmp_path / f"a{n:02d}.txt").write_text(ARTICLE.replace("three", str(n + 3)))
    docs, errors = read_documents([str(tmp_path)])
    assert len(docs) == 5
    assert len(errors) == 1 and "7 more articles" in errors[0].reason and "at most 5" in errors[0].reason


def test_pdf_report_breaks_very_long_tokens():
    """A 300,000-character token (from a session or any Document, not only the readers)
    must not make Qt's line breaking quadratic: the report gives it break points."""
    from desktop.engine.model import Document
    from desktop.engine.report import build_view
    from desktop.report_pdf import qt_html, render_pdf
    token = "x" * 150_000 + "&<>" + "y" * 150_000
    a = Document("a.txt", ARTICLE + "\n\nThe code was " + token + " today.")
    b = Document("b.txt", ARTICLE.replace("three", "four"))
    comparison = compare([a, b], CompareConfig(find_facts=True))
    html = qt_html(build_view(comparison))
    assert max(map(len, re.findall(r"[^\s\u200b<>]+", html))) < 400
    assert "&amp;&lt;&gt;" in html.replace("\u200b", "")
    start = time.monotonic()
    assert render_pdf(comparison).startswith(b"%PDF")
    assert time.monotonic() - start < 3


def test_session_texts_keep_the_readers_limits(tmp_path):
    from desktop.engine.ingest.hygiene import MAX_TOKEN_CHARS
    path = tmp_path / "s.parallax"
    path.write_text(json.dumps(_session_json(documents=[
        {"source": "a.txt", "text": ARTICLE + " " + "x" * 300_000}])), encoding="utf-8")
    doc = load_session(path).documents[0]
    assert max(map(len, doc.text.split())) <= MAX_TOKEN_CHARS + 1
    assert doc.warnings


# --- 11. masked crashes (fuzz leftovers) --------------------------------------------------

@pytest.mark.parametrize("escape", [
    rb"\u9999999999?", rb"\u-9999999999?", rb"\u1114112?", rb"\uc9999999999 \u233?x",
    rb"\bin9999999999 ", rb"\bin-5 ", rb"\ansicpg9999999999 ", rb"\f9999999999 \'e9",
    rb"\'zz\'e", rb"\deff9999999999 ",
])
def test_rtf_huge_or_odd_parameters_are_text_not_a_crash(escape):
    rtf = rb"{\rtf1\ansi Officials said the bridge " + escape + rb" would close on Tuesday.\par}"
    try:
        doc = read_rtf(rtf, "odd.rtf")
    except IngestError as exc:
        assert "internal error" not in exc.reason and "odd.rtf" in str(exc)
        return
    assert "Officials said the bridge" in doc.text


def test_rtf_out_of_range_unicode_keeps_its_fallback_text():
    doc = read_rtf(rb"{\rtf1\ansi\uc1 Caf\u9999999999e au lait.\par}", "odd.rtf")
    assert doc.text.strip() == "Cafe au lait."


def _docx_zip(**member_bytes) -> bytes:
    import io
    import zipfile
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("word/document.xml",
                         '<w:document xmlns:w="http://schemas.openxmlformats.org/'
                         'wordprocessingml/2006/main"><w:body><w:p><w:r><w:t>Officials said '
                         'the bridge would close.</w:t></w:r></w:p></w:body></w:document>')
    return buffer.getvalue()


def test_docx_with_an_unsupported_zip_version_is_the_readers_own_error():
    from desktop.engine.ingest import read_docx
    data = bytearray(_docx_zip())
    # "version needed to extract" of each central directory entry: 14.8, as in fuzz case 16727
    at = data.find(b"PK\x01\x02")
    while at != -1:
        data[at + 6:at + 8] = (148).to_bytes(2, "little")
        at = data.find(b"PK\x01\x02", at + 4)
    with pytest.raises(IngestError) as info:
        read_docx(bytes(data), "odd.docx")
    assert "internal error" not in info.value.reason
    assert "odd.docx" in str(info.value) and "zip" in info.value.reason


def test_docx_with_an_unsupported_compression_method_is_the_readers_own_error():
    from desktop.engine.ingest import read_docx
    data = bytearray(_docx_zip())
    # compression method 99 (AES, WinZip) in every local and central header
    for signature, offset in ((b"PK\x03\x04", 8), (b"PK\x01\x02", 10)):
        at = data.find(signature)
        while at != -1:
            data[at + offset:at + offset + 2] = (99).to_bytes(2, "little")
            at = data.find(signature, at + 4)
    with pytest.raises(IngestError) as info:
        read_docx(bytes(data), "odd.docx")
    assert "internal error" not in info.value.reason and "odd.docx" in str(info.value)


@pytest.mark.parametrize("case", [895, 16727])
def test_fuzz_cases_of_the_masked_crashes_end_in_the_readers_own_error(case):
    sys.path.insert(0, str(ROOT / "benchmarks"))
    import fuzz
    result = fuzz.run_case(16, case)
    assert result["outcome"] in ("document", "error"), result
