"""Seeded mutation fuzzing of every reader, the comparison, every report and the session
round trip (issue 16).

    python benchmarks/fuzz.py --cases 20000            # the long run (a few minutes per 10k)
    python benchmarks/fuzz.py --cases 200 --jobs 1     # a quick look
    python benchmarks/fuzz.py --replay 1234            # one case again, with its traceback

Case ``n`` is fully determined by ``--seed`` and ``n`` (``random.Random(f"{seed}:{n}")``), so
any failure can be replayed.  Each case mutates a fixture, a seed article or a crafted hostile
file (flips, cuts, insertions, duplications, truncation, and splices of known trouble:
``\\u-10179?``, ``<![``, ``<!--``, 400-digit numbers, escape codes, bidi overrides, deep
nesting) and reads it with the reader of its suffix.  The only outcomes allowed are a
Document or the project's own error (IngestError, SessionError); the readers' last-resort
"internal error" counts as a masked crash.  One case in ``--deep`` (default 8) goes on: the
document is compared with a seed article, the Markdown, HTML, CSV and JSON reports are
rendered, and a session holding both is saved, loaded and saved again; one in 40 of those
also renders the PDF report.

Each case runs in a worker process with a hard limit (``--limit`` seconds, default 60)
and is timed; the totals list every case over 10 s, the slowest, and the largest resident
memory any worker reached.  Exit code 0 when every case ended in an allowed outcome, no case
took 10 s or more and no worker passed 1 GB.
"""
from __future__ import annotations

import argparse
import logging
import multiprocessing
import os
import random
import resource
import signal
import sys
import tempfile
import time
import traceback
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests"))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

FIXTURES = ROOT / "tests" / "fixtures" / "formats"
SEEDS = sorted((ROOT / "seeds").glob("0*.txt"))

# Splices of known trouble, by the defects of issue 16 and the readers' formats.
TROUBLE = [
    rb"\u-10179?\u-8704?", rb"\u9999999999?", b"<![", b"<![CDATA[", b"<!--" * 50, b"</span>" * 200,
    b"<a" * 300, b"9" * 400, b"1" * 5000, b"\x1b[2J\x1b]0;owned\x07", "\u202e".encode(),
    b"\x00\x01\x02", b"\xff\xfe", b"\xef\xbb\xbf", b"\xed\xa0\xbd", b"[" * 2000, b"{" * 2000,
    b"http://h/g<img src=x onerror=alert(1)//>", b"www.x.com/<script>", b"a@b.co<b>",
    b"x" * 5000, b"\r\n\r\n", b"=?utf-8?b?////?=", b"Content-Transfer-Encoding: base64\r\n",
    b"BT (x) Tj ET " * 50, b"stream\nendstream", b"%%EOF", b"<w:t>", b"PK\x03\x04",
]


def _bases() -> list[tuple[str, bytes]]:
    from hostile_inputs import email_with_base64_part, pdf_with_operators
    bases = [(p.suffix, p.read_bytes()) for p in sorted(FIXTURES.iterdir()) if p.is_file()]
    bases += [(".txt", p.read_bytes()) for p in SEEDS]
    bases += [(".mhtml", (FIXTURES / "saved_page.mhtml").read_bytes()),
              (".htm", (FIXTURES / "news_page.html").read_bytes()),
              (".pdf", pdf_with_operators(3, [300, 5000, 300])),
              (".eml", email_with_base64_part(0.2, html=True)),
              (".md", b"# Title\n\n" + SEEDS[0].read_bytes()),
              ("", b"<!doctype html><html><body><p>" + SEEDS[1].read_bytes() + b"</p>"),
              (".parallax", b"")]  # filled with a real session below
    return bases


def _session_base() -> bytes:
    from desktop.engine.ingest import read_document
    from desktop.engine.session import Session, dumps_session
    docs = tuple(read_document(p) for p in SEEDS[:2])
    return dumps_session(Session(docs, settings={"tab": "facts", "text_points": 11})).encode()


def mutate(data: bytes, rng: random.Random) -> bytes:
    out = bytearray(data)
    for _ in range(rng.randint(1, 8)):
        op = rng.choice(["flip", "cut", "insert", "dup", "truncate", "trouble", "trouble"])
        if not out:
            out.extend(rng.randbytes(rng.randint(1, 64)))
            continue
        at = rng.randrange(len(out))
        if op == "flip":
            out[at] = rng.randrange(256)
        elif op == "cut":
            del out[at:at + rng.randint(1, 512)]
        elif op == "insert":
            out[at:at] = rng.randbytes(rng.randint(1, 64))
        elif op == "dup":
            out[at:at] = out[at:at + rng.randint(1, 256)] * rng.randint(1, 4)
        elif op == "truncate":
            del out[at:]
        else:
            out[at:at] = rng.choice(TROUBLE) * rng.randint(1, 3)
    return bytes(out)


_STATE: dict = {}


def _setup() -> None:
    if not _STATE:
        bases = _bases()
        session = _session_base()
        _STATE["bases"] = [(s, session if s == ".parallax" else b) for s, b in bases]
        from desktop.engine.ingest import read_document
        _STATE["partner"] = read_document(SEEDS[3])
        _STATE["tmp"] = Path(tempfile.mkdtemp(prefix="parallax-fuzz-"))


def _alarm(signum, frame):
    raise TimeoutError("case over the hard limit")


def run_case(seed: int, n: int, deep_every: int = 8, limit: float = 60.0,
             raise_errors: bool = False) -> dict:
    """One case; returns {"n", "outcome", "seconds", "detail"}.  Outcomes: "document",
    "error" (the project's own), "masked" (an internal-error IngestError), "crash" (any
    other exception), "hang" (over the hard limit)."""
    _setup()
    from desktop.engine import CompareConfig, compare, contract
    from desktop.engine.errors import IngestError
    from desktop.engine.ingest import READERS, _reader_for
    from desktop.engine.report import RENDERERS
    from desktop.engine.session import (Session, SessionError, dumps_session, load_session,
                                        save_session)

    rng = random.Random(f"{seed}:{n}")
    suffix, base = rng.choice(_STATE["bases"])
    data = mutate(base, rng)
    deep = rng.randrange(deep_every) == 0
    pdf_report = deep and rng.randrange(40) == 0
    outcome, detail = "document", ""
    start = time.monotonic()
    old = signal.signal(signal.SIGALRM, _alarm)
    signal.setitimer(signal.ITIMER_REAL, limit)
    try:
        if suffix == ".parallax":
            path = _STATE["tmp"] / f"case-{n}.parallax"
            path.write_bytes(data)
            try:
                session = load_session(path)
                save_session(path, session)
                load_session(path)
                docs = list(session.included_documents())
            except SessionError:
                outcome, docs = "error", []
            finally:
                path.unlink(missing_ok=True)
        else:
            name = f"case-{n}{suffix}"
            try:
                reader = READERS.get(suffix) or _reader_for(Path(name), data)
                docs = [reader(data, name)]
            except IngestError as exc:
                outcome, docs = ("masked" if "internal error" in exc.reason else "error"), []
                detail = exc.reason[:200]
        if deep and docs:
            comparison = compare(docs[:1] + [_STATE["partner"]], CompareConfig(find_facts=True))
            for render in RENDERERS.values():
                render(comparison)
            contract.loads(contract.dumps(comparison))
            path = _STATE["tmp"] / f"case-{n}-s.parallax"
            save_session(path, Session(tuple(docs[:1]) + (_STATE["partner"],)))
            dumps_session(load_session(path))
            path.unlink()
            if pdf_report:
                from desktop.report_pdf import render_pdf
                render_pdf(comparison)
    except TimeoutError:
        outcome, detail = "hang", f"{suffix} over {limit:g} s"
    except Exception as exc:  # noqa: BLE001 - what the fuzzer is looking for
        if raise_errors:
            raise
        outcome = "crash"
        detail = f"{suffix}: {type(exc).__name__}: {str(exc)[:160]}"
        tb = traceback.extract_tb(exc.__traceback__)
        if tb:
            detail += f" at {Path(tb[-1].filename).name}:{tb[-1].lineno}"
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, old)
    return {"n": n, "outcome": outcome, "seconds": time.monotonic() - start, "detail": detail,
            "suffix": suffix or "(none)", "deep": deep,
            "rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}


def _work(args):
    return run_case(*args)


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--cases", type=int, default=2000)
    parser.add_argument("--seed", type=int, default=16)
    parser.add_argument("--start", type=int, default=0)
    parser.add_argument("--jobs", type=int, default=os.cpu_count() or 1)
    parser.add_argument("--deep", type=int, default=8, help="one case in DEEP is compared, "
                        "rendered and round-tripped")
    parser.add_argument("--limit", type=float, default=60.0, help="hard limit per case, s")
    parser.add_argument("--replay", type=int, help="run this one case and show its traceback")
    args = parser.parse_args(argv)
    # Readers log what they recover from (readability prints tracebacks); the run counts
    # outcomes instead.  Only here, never in run_case: the tests import it.
    logging.disable(logging.CRITICAL)
    if args.replay is not None:
        print(run_case(args.seed, args.replay, args.deep, args.limit, raise_errors=True))
        return 0
    started = time.monotonic()
    outcomes: Counter[str] = Counter()
    by_suffix: Counter[str] = Counter()
    failures, slow, slowest = [], [], []
    deep = 0
    peak = 0.0
    tasks = [(args.seed, n, args.deep, args.limit) for n in range(args.start, args.start + args.cases)]
    with multiprocessing.get_context("fork").Pool(args.jobs, maxtasksperchild=500) as pool:
        for done, result in enumerate(pool.imap_unordered(_work, tasks, chunksize=4), 1):
            outcomes[result["outcome"]] += 1
            by_suffix[result["suffix"]] += 1
            deep += result["deep"]
            peak = max(peak, result["rss_mb"])
            slowest = sorted(slowest + [(result["seconds"], result["n"], result["suffix"])])[-5:]
            if result["seconds"] >= 10:
                slow.append(result)
            if result["outcome"] in ("crash", "masked", "hang"):
                failures.append(result)
            if done % 1000 == 0:
                print(f"{done} cases, {time.monotonic() - started:.0f} s: {dict(outcomes)}",
                      flush=True)
    elapsed = time.monotonic() - started
    print(f"\n{args.cases} cases (seed {args.seed}, from {args.start}) in {elapsed:.0f} s "
          f"with {args.jobs} workers; {deep} went on to compare, render and round-trip")
    print("outcomes:", ", ".join(f"{k} {v}" for k, v in outcomes.most_common()))
    print("by suffix:", ", ".join(f"{k} {v}" for k, v in sorted(by_suffix.items())))
    print("slowest cases:", ", ".join(f"#{n} {s} {t:.2f} s" for t, n, s in reversed(slowest)))
    print(f"cases over 10 s: {len(slow)}; largest worker memory: {peak:.0f} MB")
    for result in failures[:40]:
        print(f"  #{result['n']} {result['outcome']}: {result['detail']}")
    ok = not failures and not slow and peak < 1024
    print("PASS" if ok else "FAIL")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
