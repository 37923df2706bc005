#!/usr/bin/env python3
"""The facts stage on real news: judged flags and real disagreements (ECB+ topics 1-35).

    .venv/bin/python benchmarks/real_news_facts.py               # tables
    .venv/bin/python benchmarks/real_news_facts.py --sample 60   # and 60 new flags to read
    .venv/bin/python benchmarks/real_news.py --facts             # the same, from the real-news command

Every ECB+ sub-topic is compared whole, as the flags in
``ecbplus/facts/judged_flags.json`` were made ("all articles of one
sub-topic compared together"), with the shipped alignment models.  Each
conflict Parallax shows is matched to the judged flags of its sub-topic:

- by its key (``subtopic|kind|note#n``) when the note is word for word the
  judged one;
- otherwise by its values: two of the values it shows (mention texts) must
  be values of one judged note ("seasons: 11 vs 15" matches the judged
  "seasons: 11 vs 15 vs just over three"); a quote flag matches a judged
  quote note when its mentions hold the judged snippets (or the judged
  quote's opening and both speakers).

A flag matching a judged ``F`` counts against; the share of judged ``F``
flagged again and of judged ``T`` still flagged are the precision figures.
Flags matching nothing judged are *new*; ``--sample`` prints some to read.
Recall is over ``facts/discrepancies.json`` (51 real disagreements): one
is found when a conflict has a mention in each of its two articles that
holds its value (inside its sentence, for all but names).  Both are given
by topic and by fold (``realdata.fold_of``), so a rule written while reading
some folds can be checked on the others.
"""
from __future__ import annotations

import argparse
import json
import random
import re
import sys
import time
import unicodedata
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

import realdata as rd  # noqa: E402
from desktop.engine.model import CompareConfig  # noqa: E402
from desktop.engine.pipeline import compare  # noqa: E402


# -- loading --------------------------------------------------------------------------

def judged_flags() -> dict[str, dict]:
    path = rd.data_root() / "ecbplus" / "facts" / "judged_flags.json"
    return json.loads(path.read_text(encoding="utf-8"))["labels"]


def discrepancies() -> list[dict]:
    path = rd.data_root() / "ecbplus" / "facts" / "discrepancies.json"
    return json.loads(path.read_text(encoding="utf-8"))["discrepancies"]


@dataclass
class SubtopicRun:
    subtopic: str
    topic: int
    names: list[str]               # document names, in article order
    comparison: object
    seconds: float
    facts_seconds: float = 0.0


def run_subtopic(topic: int, sub: str, config: CompareConfig) -> SubtopicRun | None:
    names, documents = [], []
    for name in rd.ecb_corpus()[topic][sub]:
        doc = rd.ecb_document(name)
        if doc is not None:
            names.append(name)
            documents.append(doc)
    if len(documents) < 2:
        return None
    started = time.perf_counter()
    comparison = compare(documents, config)
    return SubtopicRun(f"{topic}_{sub}", topic, names, comparison, time.perf_counter() - started)


# -- matching flags to judged notes ------------------------------------------------------

_FOLD = str.maketrans({"’": "'", "‘": "'", "“": '"', "”": '"', "–": "-", "—": "-"})


def norm(text: str) -> str:
    text = unicodedata.normalize("NFC", text).translate(_FOLD).lower()
    text = " ".join(text.split())
    # The corpus spaces some marks its own way ("business - and", "3:33 a. m."):
    # a value is the same however the space falls around a hyphen or a point.
    text = re.sub(r"\s*-\s*", "-", text)
    text = re.sub(r"(?<=\b[a-z])\.\s(?=[a-z]\b)", ".", text)
    return text.strip(" ,.;:\"'…")


def note_values(kind: str, note: str) -> list[str]:
    """The values a non-quote note shows: "seasons: 11 vs 15" -> ["11", "15"]."""
    body = note.split(": ", 1)[1] if ": " in note else note
    return [norm(v) for v in body.split(" vs ")]


_WORDED = re.compile(r"worded differently: “(.*)” vs “(.*)”$")
_ATTRIBUTED = re.compile(r"quote “(.*?)” attributed to (.*?) vs (.*?)(?:; wording differs too)?$")


def _value_hit(value: str, judged: list[str]) -> int | None:
    for k, j in enumerate(judged):
        if value == j or (len(value) >= 2 and (value in j.split() or j in value.split())):
            return k
        if len(value) >= 4 and len(j) >= 4 and (value in j or j in value):
            return k
    return None


def flag_matches(fact, judged_key: str, tag: str = "") -> bool:
    """Does a conflict Parallax shows say what the judged note said (see module doc)?

    A judged ``money`` note tagged ``number-as-money`` is a real disagreement
    that the earlier version misread as a sum ("130 pounds" of a body read as
    sterling): shown now as the count it is, it is the same disagreement."""
    _, kind, rest = judged_key.split("|", 2)
    note = rest.rsplit("#", 1)[0]
    # A judged name flag the earlier version read as a person's ("Gordon Advisers vs Gordon
    # Advisors") is the same disagreement shown as an organisation's name.
    renamed = kind == "person" and fact.kind == "organization" and note.startswith("name:")
    if fact.kind != kind and not (tag == "number-as-money" and fact.kind == "number") and not renamed:
        return False
    texts = [norm(m.text) for m in fact.mentions]
    if kind == "quote":
        m = _WORDED.search(note)
        if m:
            snippets = [norm(s.replace("…", " ").strip()) for s in m.groups()]
            snippets = [s[:40] for s in snippets]
            hit = [any(s and s in t for t in texts) for s in snippets]
            return all(hit)
        m = _ATTRIBUTED.search(note)
        if m:
            opening = norm(m.group(1).replace("…", ""))[:30]
            speakers = {norm(s) for s in (m.group(2), m.group(3))}
            said = {norm(x.speaker) for x in fact.mentions if x.speaker}
            return any(opening in t for t in texts) and len(speakers & said) >= 2
        return False
    judged = note_values(kind, note)
    shown = list(dict.fromkeys(texts))
    hits = {_value_hit(v, judged) for v in shown} - {None}
    return len(hits) >= 2


def _note_key(subtopic: str, fact, seen: Counter) -> str:
    base = f"{subtopic}|{fact.kind}|{fact.note}"
    seen[base] += 1
    return f"{base}#{seen[base]}"


@dataclass
class FlagScore:
    judged_hit: dict[str, bool] = field(default_factory=dict)   # judged key -> flagged again
    flags: list[tuple[str, object, str | None]] = field(default_factory=list)  # (subtopic, fact, judged key)


def score_flags(runs: list[SubtopicRun], labels: dict[str, dict]) -> FlagScore:
    score = FlagScore({k: False for k in labels})
    by_sub: dict[str, list[str]] = defaultdict(list)
    for key in labels:
        by_sub[key.split("|", 1)[0]].append(key)
    for run in runs:
        seen: Counter = Counter()
        for fact in run.comparison.facts:
            if fact.status != "conflict":
                continue
            exact = _note_key(run.subtopic, fact, seen)
            # One flag may show what two judged notes did ("Heidar Alishvandi vs Heydar
            # Alishvandi vs Heydar Alishbandi" holds both of 20_ecbplus's name flags).
            matches = [exact] if exact in labels else [
                key for key in by_sub.get(run.subtopic, ())
                if flag_matches(fact, key, labels[key].get("tag", ""))]
            for key in matches:
                score.judged_hit[key] = True
            score.flags.append((run.subtopic, fact, matches[0] if matches else None))
    return score


# -- recall on the real disagreements ---------------------------------------------------

def _locate(text: str, sentence: str) -> tuple[int, int] | None:
    at = text.find(sentence)
    if at >= 0:
        return at, at + len(sentence)
    # The reader may fold quotes or spaces: look for the sentence's first words.
    words = sentence.split()
    for n in (8, 5):
        probe = " ".join(words[:n])
        at = text.find(probe)
        if at >= 0:
            return at, at + len(sentence)
    return None


def _holds(mention_text: str, value: str, kind: str) -> bool:
    a, b = norm(mention_text), norm(value)
    if not a or not b:
        return False
    if kind == "quote":
        return a[:25] in b or b[:25] in a
    return b in a or a in b


def disagreement_found(run: SubtopicRun, item: dict) -> bool:
    names = run.names
    doc_a, doc_b = item["doc_a"].removesuffix(".txt"), item["doc_b"].removesuffix(".txt")
    if doc_a not in names or doc_b not in names:
        return False
    art_a = run.comparison.articles[names.index(doc_a)]
    art_b = run.comparison.articles[names.index(doc_b)]
    span_a = _locate(art_a.text, item["sent_a"])
    span_b = _locate(art_b.text, item["sent_b"])
    kind = item["kind"]

    def hit(m, article, span, value) -> bool:
        if m.article != article.id or not _holds(m.text, value, kind):
            return False
        if kind == "person" or span is None:
            return True
        return m.start < span[1] and span[0] < m.end

    for fact in run.comparison.facts:
        if fact.status != "conflict":
            continue
        if any(hit(m, art_a, span_a, item["val_a"]) for m in fact.mentions) and \
                any(hit(m, art_b, span_b, item["val_b"]) for m in fact.mentions):
            return True
    return False


# -- the report -----------------------------------------------------------------------

def _sentence_of(comparison, mention) -> str:
    article = comparison.article(mention.article)
    for p in article.passages:
        if p.id == mention.passage:
            return " ".join(article.text[p.start:p.end].split())
    return mention.text


def _holders(run: SubtopicRun | None, key: str, limit: int = 6) -> list[str]:
    """Sentences of a sub-topic holding a judged note's values, to read why a real
    conflict is no longer shown (values never paired, or paired and refused)."""
    if run is None:
        return []
    from desktop.engine.facts.extract import extract
    _, kind, rest = key.split("|", 2)
    if kind in ("quote", "person"):
        return []
    judged = note_values(kind, rest.rsplit("#", 1)[0])
    lines = []
    for article in run.comparison.articles:
        for item in extract(article).quantities:
            hit = _value_hit(norm(item.text), judged)
            if item.kind == kind and hit is not None:
                lines.append(f"{article.id} [{judged[hit]}]: {_sentence_of(run.comparison, item.mention())[:180]}")
    return lines[:limit]


def evaluate(topics: list[int] | None = None, sample: int = 0, seed: int = 60,
             out=sys.stdout, explain: bool = False) -> dict:
    labels = judged_flags()
    wanted = set(topics or rd.topics())
    labels = {k: v for k, v in labels.items() if int(k.split("_", 1)[0]) in wanted}
    items = [d for d in discrepancies() if int(d["subtopic"].split("_", 1)[0]) in wanted]
    config = CompareConfig()
    started = time.time()
    runs = []
    for topic in sorted(wanted):
        for sub in ("ecb", "ecbplus"):
            if sub in rd.ecb_corpus().get(topic, {}):
                run = run_subtopic(topic, sub, config)
                if run is not None:
                    runs.append(run)
    by_name = {r.subtopic: r for r in runs}
    flags = score_flags(runs, labels)
    found = {d["id"]: d["subtopic"] in by_name and disagreement_found(by_name[d["subtopic"]], d)
             for d in items}

    def tally(keys):
        c = Counter()
        for k in keys:
            c[labels[k]["label"]] += 1
            c[labels[k]["label"] + "_hit"] += int(flags.judged_hit[k])
        return c

    total = tally(labels)
    new = [(s, f) for s, f, m in flags.flags if m is None]
    against = [(s, f, m) for s, f, m in flags.flags if m and labels[m]["label"] == "F"]
    print(f"Facts on real news: ECB+ {len(wanted)} topics, {len(runs)} sub-topics compared whole "
          f"({time.time() - started:.0f} s); {len(flags.flags)} conflicts shown", file=out)
    print("| measure | value | target |", file=out)
    print("|---|---|---|", file=out)
    f_rate = total["F_hit"] / total["F"] if total["F"] else 0.0
    t_rate = total["T_hit"] / total["T"] if total["T"] else 0.0
    r_rate = sum(found.values()) / len(found) if found else 0.0
    print(f"| judged false flags flagged again | {f_rate:.3f} ({total['F_hit']}/{total['F']}) | <= 0.05 |", file=out)
    print(f"| judged real flags still flagged | {t_rate:.3f} ({total['T_hit']}/{total['T']}) | >= 0.90 |", file=out)
    print(f"| judged partly-true / unsure flagged | {total['P_hit']}/{total['P']} / {total['U_hit']}/{total['U']} | |", file=out)
    print(f"| new flags (match no judged flag) | {len(new)} | >= 54 of 60 read are real |", file=out)
    print(f"| real disagreements found (recall) | {r_rate:.3f} ({sum(found.values())}/{len(found)}) | >= 0.80 |", file=out)
    by_kind = defaultdict(lambda: [0, 0])
    for d in items:
        by_kind[d["kind"]][0] += 1
        by_kind[d["kind"]][1] += int(found[d["id"]])
    print("recall by kind: " + ", ".join(f"{k} {v[1]}/{v[0]}" for k, v in sorted(by_kind.items())), file=out)
    causes = Counter(labels[m]["tag"] for _, _, m in against)
    print("false flags again by cause: " + (", ".join(f"{k} {v}" for k, v in causes.most_common()) or "none"),
          file=out)
    print("\n| fold | topics | F again | T kept | new | found |", file=out)
    print("|---|---|---|---|---|---|", file=out)
    for fold in range(rd.FOLDS):
        fold_topics = sorted(t for t in wanted if rd.fold_of(t) == fold)
        keys = [k for k in labels if rd.fold_of(int(k.split("_", 1)[0])) == fold]
        c = tally(keys)
        n_new = sum(1 for s, _ in new if rd.fold_of(int(s.split("_", 1)[0])) == fold)
        ds = [d for d in items if rd.fold_of(int(d["subtopic"].split("_", 1)[0])) == fold]
        print(f"| {fold} | {len(fold_topics)} | {c['F_hit']}/{c['F']} | {c['T_hit']}/{c['T']} | {n_new} | "
              f"{sum(found[d['id']] for d in ds)}/{len(ds)} |", file=out)
    print("\nby topic: topic  F-again/F  T-kept/T  new  found/disagreements", file=out)
    for topic in sorted(wanted):
        keys = [k for k in labels if int(k.split("_", 1)[0]) == topic]
        c = tally(keys)
        n_new = sum(1 for s, _ in new if int(s.split("_", 1)[0]) == topic)
        ds = [d for d in items if int(d["subtopic"].split("_", 1)[0]) == topic]
        print(f"  {topic:>3}  {c['F_hit']}/{c['F']}  {c['T_hit']}/{c['T']}  {n_new}  "
              f"{sum(found[d['id']] for d in ds)}/{len(ds)}", file=out)
    if against:
        print("\njudged false flags still shown:", file=out)
        for s, f, m in against:
            print(f"  [{labels[m]['tag']}] {s}: {f.note}", file=out)
            if explain:
                for x in f.mentions:
                    print(f"      {x.article}: {_sentence_of(by_name[s].comparison, x)[:200]}", file=out)
    if explain:
        print("\njudged real flags shown:", file=out)
        for s, f, m in flags.flags:
            if m and labels[m]["label"] in ("T", "P"):
                print(f"  [{labels[m]['label']}] {s}: {f.note}", file=out)
                for x in f.mentions:
                    print(f"      {x.article}: {_sentence_of(by_name[s].comparison, x)[:200]}", file=out)
    missed_t = [k for k in labels if labels[k]["label"] == "T" and not flags.judged_hit[k]]
    if missed_t:
        print("\njudged real flags no longer shown:", file=out)
        for k in missed_t:
            print(f"  {k}", file=out)
            if explain:
                for line in _holders(by_name.get(k.split("|", 1)[0]), k):
                    print(f"      {line}", file=out)
    missed = [d for d in items if not found[d["id"]]]
    if missed:
        print("\ndisagreements missed:", file=out)
        for d in missed:
            print(f"  {d['id']} {d['kind']} {d['subtopic']}: {d['val_a']!r} vs {d['val_b']!r}", file=out)
    if sample and new:
        rng = random.Random(seed)
        chosen = rng.sample(new, min(sample, len(new)))
        print(f"\n{len(chosen)} of {len(new)} new flags to read (seed {seed}):", file=out)
        for n, (s, f) in enumerate(chosen, 1):
            comparison = by_name[s].comparison
            print(f"{n:2d}. {s} [{f.kind}] {f.note}", file=out)
            for m in f.mentions:
                who = f" ({m.speaker})" if m.speaker else ""
                print(f"      {m.article}{who}: {_sentence_of(comparison, m)[:220]}", file=out)
    return {"false_again": f_rate, "true_kept": t_rate, "recall": r_rate, "new": len(new),
            "flags": len(flags.flags), "found": found}


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--topics", type=int, nargs="*", help="only these ECB+ topics")
    parser.add_argument("--sample", type=int, default=0, help="print this many new flags to read")
    parser.add_argument("--seed", type=int, default=60, help="seed of the sample")
    parser.add_argument("--explain", action="store_true",
                        help="print the sentences of the judged flags shown")
    args = parser.parse_args(argv)
    if not rd.available():
        print(f"real_news_facts: no data at {rd.data_root()}; nothing measured", file=sys.stderr)
        return 1
    evaluate(args.topics, args.sample, args.seed, explain=args.explain)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
