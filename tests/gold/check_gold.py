#!/usr/bin/env python3
"""Validate the hand-written gold data under tests/gold/align.

Each case folder holds ``gold.json`` (groups of sentences that tell the same
thing, each sentence named by a snippet) and ``facts.json`` (planted fact
conflicts and agreements, each mention named by a context string).  This
script checks that the data can be located unambiguously in the articles:

* every article listed exists and is UTF-8;
* every group snippet is 10-90 characters, occurs exactly once in its file,
  lies in the body (not the headline/byline/date lines), contains no sentence
  end followed by a capital (". X"), and stays inside one sentence;
* every group spans at least two different files, uses no unrelated
  article, names each sentence once, and no snippet or sentence is used in
  two groups;
* every fact mention has its text inside its context, and its context occurs
  exactly once in its file; a fourth element (speaker) is only used for
  quotes and must occur in the file.

Optional key ``borderline`` in gold.json lists pairs that are plausible but
deliberately not gold; its members get the same snippet checks.

Standard library only.  Usage:  python3 tests/gold/check_gold.py [case ...]
Exit status 0 when everything passes, 1 otherwise.
"""
from __future__ import annotations

import json
import re
import sys
from collections import Counter, defaultdict
from pathlib import Path

ALIGN_ROOT = Path(__file__).resolve().parent / "align"
KINDS = {"number", "money", "percent", "date", "time", "person", "organization", "place", "quote"}
# 90, not 60: the held-out cases quote whole clauses (up to 82 characters); what
# matters is that a snippet is unique and stays inside one sentence, checked below.
SNIPPET_MIN, SNIPPET_MAX = 10, 90

# A sentence end followed by a capital: ". X", '." X', ". “X", "? X" ...
SENTENCE_END_CAPITAL = re.compile(r"[.!?][”’\"')\]]*\s+[“‘\"]?[A-Z]")
_BOUNDARY = re.compile(r"[.!?]+[”’\"')\]]*(?=\s+[“‘\"]?[A-Z])")
_ABBREVIATIONS = {
    "mr", "mrs", "ms", "dr", "prof", "sr", "jr", "st", "gov", "lt", "sen", "rep", "gen", "col",
    "maj", "capt", "sgt", "supt", "rev", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep",
    "sept", "oct", "nov", "dec", "u.s", "u.k", "u.n", "d.c", "n.y", "calif", "fla", "ore",
    "colo", "mass", "penn", "conn", "ariz", "ill", "mich", "minn", "tenn", "wis", "ky", "va",
    "ft", "mt", "ave", "blvd", "rd", "inc", "corp", "co", "ltd", "a.m", "p.m", "no", "vs", "etc",
}
_BYLINE = re.compile(r"^By\s+[A-Z]")
_DATE_LINE = re.compile(r"^[A-Z][a-z]{2,8}\.?\s+\d{1,2},\s+\d{4}$")


class Article:
    """An article file: its text, where the body starts, and its sentences."""

    def __init__(self, path: Path):
        self.path = path
        self.text = path.read_text(encoding="utf-8")
        self.body_start = self._body_start()
        self.sentences = self._sentences()

    def _body_start(self) -> int:
        lines = self.text.split("\n")
        pos = len(lines[0]) + 1  # the headline
        for line in lines[1:]:
            stripped = line.strip()
            if stripped and not (_BYLINE.match(stripped) or _DATE_LINE.match(stripped)):
                break
            pos += len(line) + 1
        return min(pos, len(self.text))

    def _sentences(self) -> list[tuple[int, int]]:
        spans = []
        pos = self.body_start
        for line in self.text[self.body_start:].split("\n"):
            start, end = pos, pos + len(line)
            pos = end + 1
            if not line.strip():
                continue
            cut = start
            for match in _BOUNDARY.finditer(self.text, start, end):
                word = re.search(r"([\w.]+)$", self.text[cut:match.start() + 1].rstrip(".!?"))
                if match.group().startswith(".") and word and (
                        word.group(1).lower() in _ABBREVIATIONS or len(word.group(1)) == 1):
                    continue
                spans.append((cut, match.end()))
                cut = match.end()
                while cut < end and self.text[cut].isspace():
                    cut += 1
            if cut < end:
                spans.append((cut, end))
        return [(s, e) for s, e in spans if self.text[s:e].strip()]

    def sentence_of(self, start: int, end: int) -> int | None:
        """Index of the sentence holding text[start:end], or None if it crosses a boundary."""
        for i, (s, e) in enumerate(self.sentences):
            if s <= start < e:
                return i if end <= e else None
        return None


class Checker:
    def __init__(self):
        self.errors: list[str] = []
        self.warnings: list[str] = []

    def error(self, where: str, message: str) -> None:
        self.errors.append(f"ERROR {where}: {message}")

    def warn(self, where: str, message: str) -> None:
        self.warnings.append(f"warning {where}: {message}")


def load_json(path: Path, chk: Checker):
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        chk.error(str(path), f"cannot read JSON ({exc})")
        return None


def find_once(text: str, needle: str) -> tuple[int, int]:
    """(offset of the first occurrence or -1, number of occurrences)."""
    count, at, first = 0, text.find(needle), text.find(needle)
    while at >= 0:
        count += 1
        at = text.find(needle, at + 1)
    return first, count


def check_member(chk, case, label, member, articles, unrelated):
    """Check one [file, snippet] member; returns (file, sentence index) or None."""
    where = f"{case}/{label}"
    if not (isinstance(member, list) and len(member) == 2 and all(isinstance(x, str) for x in member)):
        chk.error(where, f"member must be [file, snippet]: {member!r}")
        return None
    file, snippet = member
    if file not in articles:
        chk.error(where, f"file {file!r} is not listed in articles")
        return None
    if file in unrelated:
        chk.error(where, f"unrelated article {file!r} used in a group")
    art = articles[file]
    if not SNIPPET_MIN <= len(snippet) <= SNIPPET_MAX:
        chk.error(where, f"snippet length {len(snippet)} not in {SNIPPET_MIN}-{SNIPPET_MAX}: {snippet!r}")
    if "\n" in snippet:
        chk.error(where, f"snippet spans a line break: {snippet!r}")
    if SENTENCE_END_CAPITAL.search(snippet):
        chk.error(where, f"snippet contains a sentence end followed by a capital: {snippet!r}")
    at, count = find_once(art.text, snippet)
    if count != 1:
        chk.error(where, f"snippet occurs {count} times in {file} (must be once): {snippet!r}")
        return None
    if at < art.body_start:
        chk.error(where, f"snippet is in the headline/byline/date lines of {file}: {snippet!r}")
        return None
    sentence = art.sentence_of(at, at + len(snippet))
    if sentence is None:
        chk.error(where, f"snippet crosses a sentence end in {file}: {snippet!r}")
        return None
    return file, sentence


def check_gold(chk, case_dir: Path):
    case = case_dir.name
    data = load_json(case_dir / "gold.json", chk)
    if not isinstance(data, dict):
        return None
    files = data.get("articles")
    if not (isinstance(files, list) and files and all(isinstance(f, str) for f in files)):
        chk.error(f"{case}/gold.json", "'articles' must be a non-empty list of file names")
        return None
    if len(set(files)) != len(files):
        chk.error(f"{case}/gold.json", "'articles' lists a file twice")
    unrelated = data.get("unrelated", [])
    if not isinstance(unrelated, list) or any(u not in files for u in unrelated):
        chk.error(f"{case}/gold.json", "'unrelated' must be a list of files from 'articles'")
        unrelated = [u for u in unrelated if u in files] if isinstance(unrelated, list) else []
    articles: dict[str, Article] = {}
    for f in files:
        path = (case_dir / f).resolve()
        if not path.is_file():
            chk.error(f"{case}/gold.json", f"article {f!r} does not exist ({path})")
            continue
        try:
            articles[f] = Article(path)
        except UnicodeDecodeError as exc:
            chk.error(f"{case}/gold.json", f"article {f!r} is not UTF-8 ({exc})")
    if len(articles) != len(files):
        return None

    groups = data.get("groups")
    if not isinstance(groups, list) or not groups:
        chk.error(f"{case}/gold.json", "'groups' must be a non-empty list")
        return None
    snippet_owner: dict[tuple[str, str], int] = {}
    sentence_owner: dict[tuple[str, int], int] = {}
    splits = 0
    for gi, group in enumerate(groups, 1):
        label = f"gold.json group {gi}"
        if not isinstance(group, dict) or not isinstance(group.get("members"), list):
            chk.error(f"{case}/{label}", "group must be an object with 'members'")
            continue
        if not isinstance(group.get("note"), str) or not group["note"].strip():
            chk.error(f"{case}/{label}", "group needs a non-empty 'note'")
        located = []
        for member in group["members"]:
            loc = check_member(chk, case, label, member, articles, unrelated)
            if isinstance(member, list) and len(member) == 2:
                key = (member[0], member[1])
                if key in snippet_owner:
                    chk.error(f"{case}/{label}", f"snippet already used in group {snippet_owner[key]}: {member[1]!r}")
                snippet_owner.setdefault(key, gi)
            if loc is not None:
                if loc in located:
                    chk.error(f"{case}/{label}", f"two members name the same sentence in {loc[0]}: {member[1]!r}")
                elif loc in sentence_owner and sentence_owner[loc] != gi:
                    chk.error(f"{case}/{label}", f"sentence already in group {sentence_owner[loc]}: {member[1]!r}")
                sentence_owner.setdefault(loc, gi)
                located.append(loc)
        if len({m[0] for m in group["members"] if isinstance(m, list) and m}) < 2:
            chk.error(f"{case}/{label}", "group must span at least two different files")
        per_file = Counter(f for f, _ in located)
        if any(n > 1 for n in per_file.values()):
            splits += 1

    borderline = data.get("borderline", [])
    if not isinstance(borderline, list):
        chk.error(f"{case}/gold.json", "'borderline' must be a list")
        borderline = []
    for bi, item in enumerate(borderline, 1):
        label = f"gold.json borderline {bi}"
        if not isinstance(item, dict) or not isinstance(item.get("members"), list):
            chk.error(f"{case}/{label}", "item must be an object with 'members'")
            continue
        locs = [check_member(chk, case, label, m, articles, unrelated) for m in item["members"]]
        if len({m[0] for m in item["members"] if isinstance(m, list) and m}) < 2:
            chk.error(f"{case}/{label}", "item must span at least two different files")
        owners = {sentence_owner.get(loc) for loc in locs if loc is not None}
        if len(owners) == 1 and None not in owners:
            chk.warn(f"{case}/{label}", f"all its sentences are already in group {owners.pop()}")

    unique = {}
    for f, art in articles.items():
        if f in unrelated:
            continue
        unique[f] = sum(1 for i in range(len(art.sentences)) if (f, i) not in sentence_owner)
    return {"articles": articles, "unrelated": unrelated, "groups": len(groups), "splits": splits,
            "unique": unique, "borderline": len(borderline)}


def check_facts(chk, case_dir: Path, articles: dict[str, Article], unrelated):
    case = case_dir.name
    data = load_json(case_dir / "facts.json", chk)
    if not isinstance(data, dict):
        return None
    counts = {}
    for section in ("conflicts", "agreements"):
        entries = data.get(section)
        if not isinstance(entries, list):
            chk.error(f"{case}/facts.json", f"'{section}' must be a list")
            counts[section] = Counter()
            continue
        kinds = Counter()
        for ei, entry in enumerate(entries, 1):
            where = f"{case}/facts.json {section} {ei}"
            if not isinstance(entry, dict):
                chk.error(where, "entry must be an object")
                continue
            kind = entry.get("kind")
            if kind not in KINDS:
                chk.error(where, f"kind {kind!r} not one of {sorted(KINDS)}")
            kinds[kind] += 1
            if not isinstance(entry.get("note"), str) or not entry["note"].strip():
                chk.error(where, "entry needs a non-empty 'note'")
            mentions = entry.get("mentions")
            if not isinstance(mentions, list) or len(mentions) < 2:
                chk.error(where, "needs at least two mentions")
                continue
            seen_files, values = set(), set()
            for mention in mentions:
                if not (isinstance(mention, list) and len(mention) in (3, 4)
                        and all(isinstance(x, str) and x for x in mention)):
                    chk.error(where, f"mention must be [file, text, context(, speaker)]: {mention!r}")
                    continue
                file, text, context = mention[:3]
                if file not in articles:
                    chk.error(where, f"file {file!r} is not listed in gold.json articles")
                    continue
                if file in unrelated:
                    chk.error(where, f"unrelated article {file!r} used in a fact")
                seen_files.add(file)
                if text not in context:
                    chk.error(where, f"mention text {text!r} is not inside its context {context!r}")
                art = articles[file]
                at, count = find_once(art.text, context)
                if count != 1:
                    chk.error(where, f"context occurs {count} times in {file} (must be once): {context!r}")
                elif at < art.body_start:
                    chk.error(where, f"context is in the headline/byline/date lines of {file}: {context!r}")
                speaker = mention[3] if len(mention) == 4 else None
                if speaker is not None:
                    if kind != "quote":
                        chk.error(where, "a speaker (4th element) is only for quote facts")
                    if speaker not in art.text:
                        chk.error(where, f"speaker {speaker!r} does not occur in {file}")
                values.add((" ".join(text.lower().split()), speaker))
            if len(seen_files) < 2:
                chk.error(where, "mentions must come from at least two different files")
            if section == "conflicts" and len(values) < 2:
                chk.error(where, "a conflict needs mentions that differ in text or speaker")
        counts[section] = kinds
    return counts


def main(argv: list[str]) -> int:
    chk = Checker()
    case_dirs = sorted(p for p in ALIGN_ROOT.iterdir() if p.is_dir()) if ALIGN_ROOT.is_dir() else []
    if argv:
        case_dirs = [d for d in case_dirs if d.name in argv]
    if not case_dirs:
        print(f"no gold cases found under {ALIGN_ROOT}")
        return 1
    totals = Counter()
    rows = []
    for case_dir in case_dirs:
        if not (case_dir / "gold.json").is_file():
            chk.error(case_dir.name, "gold.json is missing")
            continue
        gold = check_gold(chk, case_dir)
        if gold is None:
            continue
        facts = None
        if (case_dir / "facts.json").is_file():
            facts = check_facts(chk, case_dir, gold["articles"], gold["unrelated"])
        else:
            chk.warn(case_dir.name, "facts.json is missing")
        n_conf = sum(facts["conflicts"].values()) if facts else 0
        n_agr = sum(facts["agreements"].values()) if facts else 0
        totals.update(cases=1, groups=gold["groups"], splits=gold["splits"], conflicts=n_conf,
                      agreements=n_agr, borderline=gold["borderline"])
        rows.append((case_dir.name, gold, facts, n_conf, n_agr))

    for name, gold, facts, n_conf, n_agr in rows:
        print(f"{name}: {gold['groups']} groups ({gold['splits']} with 2+ sentences from one file), "
              f"{n_conf} conflicts, {n_agr} agreements"
              + (f", {gold['borderline']} borderline" if gold["borderline"] else ""))
        for f, art in gold["articles"].items():
            tag = "unrelated" if f in gold["unrelated"] else f"{gold['unique'][f]} unique"
            print(f"    {Path(f).name:<32} {len(art.sentences):>3} sentences, {tag}")
        if facts:
            for section in ("conflicts", "agreements"):
                kinds = ", ".join(f"{k}={v}" for k, v in sorted(facts[section].items(), key=str))
                print(f"    {section}: {kinds}")
    print(f"TOTAL: {totals['cases']} cases, {totals['groups']} groups ({totals['splits']} with 2+ sentences from one file), "
          f"{totals['conflicts']} conflicts, {totals['agreements']} agreements")
    for w in chk.warnings:
        print(w)
    for e in chk.errors:
        print(e)
    print("OK" if not chk.errors else f"FAILED: {len(chk.errors)} error(s)")
    return 0 if not chk.errors else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
