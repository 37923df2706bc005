#!/usr/bin/env python3
"""Article bodies from real web pages, scored with the Scrapinghub benchmark's metric.

    .venv/bin/python benchmarks/extraction.py                       # Parallax's HTML reader
    .venv/bin/python benchmarks/extraction.py parallax own trafilatura readability
    .venv/bin/python benchmarks/extraction.py mypkg.mod:extract      # any callable(html) -> str
    .venv/bin/python benchmarks/extraction.py parallax --worst 10    # the ten worst pages
    .venv/bin/python benchmarks/extraction.py --dates parallax own htmldate trafilatura

Reads ``../shared/data/article-extraction`` (``html/<id>.html.gz`` and
``ground-truth.json``; the other half of the benchmark is held out).

The metric is the benchmark's: the text is split into words (``\\w+``, case
kept), every run of four words is a shingle, and for each page the shingle
counts of the extracted and the true body give true positives, false
positives and false negatives, normalised by their sum so that long pages
weigh no more than short ones.  Precision is averaged over the pages where
something was extracted, recall over the pages with a true body, and F1 is
computed from the two averages.  Empty pages and pages below F1 0.5 are
counted apart, and the time per page is the median wall-clock of one call.

Every extractor runs with the network switched off (``socket`` connections
raise): a library that tries to reach the network while reading fails loudly.

``--dates`` scores publication dates instead.  The benchmark's ground truth
has no dates, so the reference is the date written in the page's URL
(``/2019/10/03/``, ``/20191003/``, ``2019-10-03``): 40-odd of the pages carry
one.  The extractor never sees the URL; a date one day off (time zones) is
counted apart from a wrong one.
"""
from __future__ import annotations

import argparse
import gzip
import importlib
import json
import re
import socket
import statistics
import sys
import time
from collections import Counter
from pathlib import Path
from typing import Callable

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
DATA = ROOT.parent / "shared" / "data" / "article-extraction"

_WORD = re.compile(r"\w+")


# -- the metric -------------------------------------------------------------
def shingles(text: str, n: int = 4) -> Counter:
    words = _WORD.findall(text or "")
    if len(words) < n:
        return Counter([tuple(words)] if words else [])
    return Counter(tuple(words[i:i + n]) for i in range(len(words) - n + 1))


def page_counts(true: str, pred: str) -> tuple[float, float, float]:
    """(tp, fp, fn) of one page, normalised to sum to 1 (or all 0)."""
    gold, got = shingles(true), shingles(pred)
    tp = sum((gold & got).values())
    fp = sum((got - gold).values())
    fn = sum((gold - got).values())
    total = tp + fp + fn
    return (tp / total, fp / total, fn / total) if total else (0.0, 0.0, 0.0)


def _precision(tp, fp, fn):
    if fp == fn == 0:
        return 1.0
    return tp / (tp + fp) if tp + fp else 0.0


def _recall(tp, fp, fn):
    if fp == fn == 0:
        return 1.0
    return tp / (tp + fn) if tp + fn else 0.0


def summary(counts: list[tuple[float, float, float]]) -> dict[str, float]:
    p = statistics.mean(_precision(*c) for c in counts if c[0] + c[1] > 0)
    r = statistics.mean(_recall(*c) for c in counts if c[0] + c[2] > 0)
    return {"precision": p, "recall": r, "f1": 2 * p * r / (p + r) if p + r else 0.0}


def page_f1(c: tuple[float, float, float]) -> float:
    p, r = _precision(*c), _recall(*c)
    return 2 * p * r / (p + r) if p + r else 0.0


# -- the data -----------------------------------------------------------------
def load_pages(data: Path = DATA) -> list[tuple[str, bytes, dict]]:
    """(id, raw HTML bytes, ground truth) for every page, sorted by id."""
    truth = json.loads((data / "ground-truth.json").read_text(encoding="utf-8"))
    pages = []
    for key in sorted(truth):
        raw = gzip.decompress((data / "html" / f"{key}.html.gz").read_bytes())
        pages.append((key, raw, truth[key]))
    return pages


def _markup(raw: bytes) -> str:
    from desktop.engine.ingest.decode import decode_bytes
    return decode_bytes(raw, "page")


# -- extractors: raw bytes -> text (and, for --dates, bytes -> ISO date) -------
def _parallax(raw: bytes) -> str:
    from desktop.engine.ingest import read_html
    return read_html(raw, "page.html").text


def _own(raw: bytes) -> str:
    """Parallax's own parser and clean-up alone (the reader before issue 14)."""
    from desktop.engine.ingest.cleanup import clean_text
    from desktop.engine.ingest.html import own_html_to_lines
    from desktop.engine.ingest.hygiene import clean_unicode
    return clean_text(clean_unicode(own_html_to_lines(_markup(raw))[0])).text


def _trafilatura(raw: bytes) -> str:
    import trafilatura
    return trafilatura.extract(_markup(raw), include_comments=False, include_tables=True) or ""


def _readability(raw: bytes) -> str:
    import lxml.html
    from readability import Document as Readable
    summary_html = Readable(_markup(raw)).summary(html_partial=True)
    tree = lxml.html.fromstring(summary_html)
    return "\n\n".join(" ".join(t.split()) for t in tree.itertext() if t.strip())


EXTRACTORS: dict[str, Callable[[bytes], str]] = {
    "parallax": _parallax, "own": _own, "trafilatura": _trafilatura, "readability": _readability,
}


def _date_parallax(raw: bytes) -> str | None:
    from desktop.engine.ingest import read_html
    return read_html(raw, "page.html").published


def _date_own(raw: bytes) -> str | None:
    from desktop.engine.ingest.html import own_html_to_lines
    return own_html_to_lines(_markup(raw))[1].get("published")


def _date_htmldate(raw: bytes) -> str | None:
    from htmldate import find_date
    return find_date(_markup(raw), original_date=True, extensive_search=False)


def _date_trafilatura(raw: bytes) -> str | None:
    import trafilatura
    meta = trafilatura.extract_metadata(_markup(raw))
    return meta.date if meta else None


DATERS: dict[str, Callable[[bytes], str | None]] = {
    "parallax": _date_parallax, "own": _date_own, "htmldate": _date_htmldate,
    "trafilatura": _date_trafilatura,
}


def _named(name: str, table: dict) -> Callable:
    if name in table:
        return table[name]
    module, _, attr = name.partition(":")
    if not attr:
        raise SystemExit(f"unknown extractor {name!r}: one of {', '.join(table)} or module:function")
    return getattr(importlib.import_module(module), attr)


# -- no network while reading ---------------------------------------------------
class NetworkUsed(RuntimeError):
    pass


def block_network() -> None:
    def refuse(*_args, **_kwargs):
        raise NetworkUsed("an extractor tried to use the network")

    socket.socket.connect = refuse  # type: ignore[method-assign]
    socket.socket.connect_ex = refuse  # type: ignore[method-assign]
    socket.create_connection = refuse  # type: ignore[assignment]
    socket.getaddrinfo = refuse  # type: ignore[assignment]


# -- runs -------------------------------------------------------------------------
def run_bodies(name: str, pages, worst: int = 0) -> dict:
    extract = _named(name, EXTRACTORS)
    extract(pages[0][1])  # warm up: imports and caches
    counts, times, empty = [], [], []
    for key, raw, truth in pages:
        t0 = time.perf_counter()
        try:
            text = extract(raw) or ""
        except NetworkUsed:
            raise
        except Exception as exc:  # noqa: BLE001 - a failing page counts as empty
            print(f"  {name}: {key[:12]} failed: {type(exc).__name__}: {str(exc)[:80]}")
            text = ""
        times.append(time.perf_counter() - t0)
        if not text.strip():
            empty.append(key)
        counts.append(page_counts(truth.get("articleBody", ""), text))
    result = summary(counts)
    f1s = [page_f1(c) for c in counts]
    result.update(ms=1000 * statistics.median(times), mean_ms=1000 * statistics.mean(times),
                  empty=len(empty), below_half=sum(f < 0.5 for f in f1s), pages=len(pages))
    if worst:
        order = sorted(range(len(pages)), key=lambda i: f1s[i])[:worst]
        result["worst"] = [(pages[i][0][:12], pages[i][2].get("url", ""), round(f1s[i], 3),
                            round(_precision(*counts[i]), 3), round(_recall(*counts[i]), 3))
                           for i in order]
    return result


_URL_DATE = (re.compile(r"/((?:19|20)\d{2})[/-](\d{1,2})[/-](\d{1,2})(?:/|-|\.|$)"),
             re.compile(r"[/_-]((?:19|20)\d{2})(\d{2})(\d{2})(?:[/_.-]|$)"))


def url_date(url: str) -> str | None:
    for pattern in _URL_DATE:
        if m := pattern.search(url):
            y, mo, d = map(int, m.groups())
            if 1 <= mo <= 12 and 1 <= d <= 31:
                return f"{y:04d}-{mo:02d}-{d:02d}"
    return None


def run_dates(name: str, pages) -> dict:
    from datetime import date
    find = _named(name, DATERS)
    right = near = wrong = missing = 0
    times = []
    for key, raw, truth in pages:
        gold = url_date(truth.get("url", ""))
        if gold is None:
            continue
        t0 = time.perf_counter()
        try:
            got = find(raw)
        except NetworkUsed:
            raise
        except Exception:  # noqa: BLE001
            got = None
        times.append(time.perf_counter() - t0)
        got = (got or "")[:10] or None
        if got is None:
            missing += 1
        elif got == gold:
            right += 1
        else:
            try:
                off = abs((date.fromisoformat(got) - date.fromisoformat(gold)).days)
            except ValueError:
                off = 99
            if off == 1:
                near += 1
            else:
                wrong += 1
    n = right + near + wrong + missing
    return {"pages": n, "right": right, "one_day_off": near, "wrong": wrong, "none": missing,
            "ms": 1000 * statistics.median(times) if times else 0.0}


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("extractors", nargs="*", default=["parallax"])
    ap.add_argument("--data", type=Path, default=DATA)
    ap.add_argument("--worst", type=int, default=0, help="list the N worst pages")
    ap.add_argument("--dates", action="store_true", help="score publication dates instead")
    ap.add_argument("--json", action="store_true", help="print the results as JSON")
    args = ap.parse_args(argv)
    if not (args.data / "ground-truth.json").exists():
        print(f"no benchmark at {args.data} (see ../shared/data/README.md)", file=sys.stderr)
        return 2
    pages = load_pages(args.data)
    block_network()
    results = {}
    for name in args.extractors:
        results[name] = run_dates(name, pages) if args.dates else run_bodies(name, pages, args.worst)
    if args.json:
        print(json.dumps(results, indent=1))
        return 0
    for name, r in results.items():
        if args.dates:
            print(f"{name:<14} pages with a URL date {r['pages']}: right {r['right']}, "
                  f"one day off {r['one_day_off']}, wrong {r['wrong']}, none {r['none']}  "
                  f"{r['ms']:.1f} ms/page")
            continue
        print(f"{name:<14} F1 {r['f1']:.3f}  P {r['precision']:.3f}  R {r['recall']:.3f}  "
              f"empty {r['empty']}/{r['pages']}  below 0.5: {r['below_half']}  "
              f"{r['ms']:.1f} ms/page (mean {r['mean_ms']:.1f})")
        for row in r.get("worst", []):
            print("   ", *row)
    return 0


if __name__ == "__main__":
    sys.exit(main())
