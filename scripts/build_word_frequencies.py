#!/usr/bin/env python3
"""Write resources/lexicon/word_frequencies.tsv: how common each word stem is in English.

    pip download wordfreq==3.1.1 --no-deps -d /tmp/wordfreq
    python scripts/build_word_frequencies.py /tmp/wordfreq/wordfreq-3.1.1-py3-none-any.whl

The sentence scorer weighs words by how few sentences *of the comparison*
hold them; in a story of two reports that cannot tell "evacuees" from
"people".  These frequencies say which words are specific anywhere.  They are
wordfreq's ``large_en`` table (Robyn Speer; word frequencies from Wikipedia,
subtitles, news, books, the web and social media; the data is under CC BY-SA
4.0, and so is the file written here), read from the package's wheel: a
msgpack list of buckets, bucket ``i`` holding the words whose frequency is
``10 ** (-i / 100)``.  Each word is reduced to the stem the engine's own term
maker gives it (:func:`desktop.engine.features.cased_content_terms`; rebuild the table
when that changes), a stem keeps its most common word's Zipf value
(log10 of the frequency per billion words); the scorer reads a stem the table lacks
as rarer than any it lists.  ``FLOOR`` can leave the rarest out, but it costs: with
stems under Zipf 2.5 left out (about 33,000 instead of 219,096) strict recall on ECB+ was 0.618
against 0.628 and two events compared together were told apart worse (0.847 against 0.866).
"""
from __future__ import annotations

import gzip
import sys
import zipfile
from pathlib import Path

import msgpack

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
OUT = ROOT / "resources" / "lexicon" / "word_frequencies.tsv"
FLOOR = 0.0
HEADER = """\
# How common each word stem is in English: "stem<TAB>Zipf" (log10 of uses per billion words),
# for the sentence scorer's rarity features. From wordfreq 3.1.1's large_en table (Robyn Speer;
# CC BY-SA 4.0, as is this file), stems as Parallax's term maker gives them.
# Written by scripts/build_word_frequencies.py.
"""


def main(argv: list[str]) -> int:
    from desktop.engine.features import ENTITY_MARK, cased_content_terms

    if len(argv) != 1:
        print(__doc__.split("\n\n")[0], file=sys.stderr)
        return 2
    with zipfile.ZipFile(argv[0]) as wheel:
        packed = gzip.decompress(wheel.read("wordfreq/data/large_en.msgpack.gz"))
    buckets = msgpack.unpackb(packed, raw=False)
    if not isinstance(buckets[0], dict) or buckets[0].get("format") != "cB":
        print("not a wordfreq cB table", file=sys.stderr)
        return 1
    zipf: dict[str, float] = {}
    for index, words in enumerate(buckets[1:]):
        value = round(9 - index / 100, 2)
        if value < FLOOR:
            break
        for word in words:
            # The engine's own reading of the word: stopwords give no term, "couldn't" and
            # "o'clock" keep their apostrophe, "people's" is "people".
            terms = cased_content_terms(word)
            term = terms[0][0].lstrip(ENTITY_MARK) if len(terms) == 1 else ""
            if term and not any(c.isdigit() for c in term):  # "two" is "2": a number is a detail, never common
                zipf.setdefault(term, value)
    OUT.write_text(HEADER + "".join(f"{stem}\t{value}\n" for stem, value in zipf.items()),
                   encoding="utf-8")
    print(f"{len(zipf):,} stems -> {OUT.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
