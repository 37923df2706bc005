"""``parallax corpus``: a corpus sorted into stories, each compared (issue 17).

Small hand-made articles in a temporary folder: two stories (a bridge
collapse told by three outlets, a school closure told by two) and one
article alone.  The ECB+ subset test is skipped when ``../shared/data`` is
absent.
"""
from __future__ import annotations

import csv
import json
import subprocess
import sys
from collections import Counter
from pathlib import Path

import pytest

from desktop.engine import contract
from desktop.engine.corpus import CorpusOptions, run_corpus
from desktop.engine.corpus.blocking import block_into_groups, candidate_pairs
from desktop.engine.corpus.minhash import signature, similarity
from desktop.engine.corpus.run import story_ids
from desktop.engine.corpus.sources import Source, iter_sources
from desktop.engine.corpus.stories import split_stories, stories_of_block

ROOT = Path(__file__).resolve().parent.parent

BRIDGE = [
    ("Wire", "2024-03-04", "The Harlow Street bridge in Millbrook collapsed on Monday morning, injuring 12 "
     "people, officials said. The steel span fell into the Dorne River at about 7.40 a.m. as commuters "
     "crossed. Fire chief Alma Reyes said four of the injured were in serious condition at Millbrook "
     "General Hospital. The bridge, built in 1962, had been rated structurally deficient in an "
     "inspection last year. Mayor Tom Okafor ordered an independent review of every bridge in the city. "
     "Divers searched the river for hours but found no one else."),
    ("Gazette", "2024-03-04", "Twelve people were hurt when the Harlow Street bridge collapsed into the "
     "Dorne River in Millbrook on Monday. Fire chief Alma Reyes said five of them were seriously injured "
     "and taken to Millbrook General Hospital. The span, opened in 1962, gave way shortly before 8 a.m. "
     "during the morning rush. A state inspection last year found the bridge structurally deficient. "
     "Mayor Tom Okafor said the city would review all of its bridges. Rescue divers searched the Dorne "
     "River until the afternoon."),
    ("Daily", "2024-03-05", "Millbrook is asking how the Harlow Street bridge could collapse a year after "
     "inspectors flagged it. The 1962 steel bridge fell into the Dorne River on Monday morning, injuring "
     "14 people. Fire chief Alma Reyes said four remain in serious condition at Millbrook General "
     "Hospital. Mayor Tom Okafor announced an independent review of the city's bridges. The inspection "
     "report had rated the span structurally deficient. Commuters described the deck tilting before it "
     "dropped into the river."),
]
VOTE = [
    ("Wire", "2024-05-20", "The Eastvale school board voted 5 to 2 on Thursday to close Linden Elementary "
     "at the end of the year. Superintendent Grace Whitfield said falling enrolment left the school half "
     "empty. About 240 pupils will move to Carver Elementary and Oakridge Elementary in September. "
     "Parents packed the meeting and many spoke against the closure. Board member Luis Ortega, who voted "
     "no, said the district had not studied bus routes. The closure is expected to save the district "
     "$1.2 million a year."),
    ("Gazette", "2024-05-21", "Linden Elementary will close in June after the Eastvale school board voted "
     "5-2 on Thursday night. Superintendent Grace Whitfield told the board the building was only half "
     "full. Its 250 pupils will be split between Carver Elementary and Oakridge Elementary. Dozens of "
     "parents spoke against the plan at the crowded meeting. Luis Ortega, one of two board members who "
     "voted no, said bus routes had not been studied. The district expects to save $1.2 million each "
     "year."),
]
LONE = ("Daily", "2024-04-11", "The Riverside Orchestra named Hana Sato its new music director on "
        "Wednesday. Sato, 41, has led the Kestrel Chamber Players since 2015. She will conduct her first "
        "concert as director in October. The orchestra's board chair, Paul Lindqvist, called her a bold "
        "choice. Sato said she would add more music by living composers to the season. Her contract runs "
        "for five years.")

FAST = CorpusOptions(find_facts=True)


def _folder(tmp_path: Path) -> Path:
    """The six articles as .txt files, in nested folders (one per outlet)."""
    root = tmp_path / "corpus"
    for n, (outlet, _, text) in enumerate(BRIDGE + VOTE + [LONE]):
        path = root / outlet.lower() / f"article{n}.txt"
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text + "\n", encoding="utf-8")
    return root


def _stories_by_name(out: Path) -> list[set[str]]:
    saved = json.loads((out / "work" / "stories.json").read_text(encoding="utf-8"))
    sources = [json.loads(line)["source"] for line in
               (out / "work" / "articles.jsonl").read_text(encoding="utf-8").splitlines()]
    return [{Path(sources[k]).stem for k in story} for story in saved["stories"]]


def _read_csv(path: Path) -> list[dict]:
    with path.open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def test_a_folder_is_sorted_into_its_stories_and_each_story_is_compared(tmp_path):
    out = tmp_path / "out"
    result = run_corpus([str(_folder(tmp_path))], out, FAST, workers=0)
    assert result.articles == 6 and not result.errors
    stories = sorted(_stories_by_name(out), key=lambda s: (-len(s), sorted(s)))
    assert stories == [{"article0", "article1", "article2"}, {"article3", "article4"}, {"article5"}]
    reports = sorted((out / "stories").glob("*.html"))
    assert len(reports) == 2  # the lone article has nothing to compare
    for report in reports:
        comparison = contract.loads(report.with_suffix(".json").read_text(encoding="utf-8"))
        assert len(comparison.articles) >= 2 and comparison.groups
        assert "<html" in report.read_text(encoding="utf-8").lower()
    index = (out / "index.html").read_text(encoding="utf-8")
    for report in reports:
        assert f'href="stories/{report.name}"' in index
    rows = _read_csv(out / "tables" / "stories.csv")
    assert sorted(int(r["articles"]) for r in rows) == [1, 2, 3]
    # The lone article, a plain text with no title, is named by its opening, not its story id.
    lone = next(r for r in rows if r["articles"] == "1")
    assert lone["title"].startswith("The Riverside Orchestra named Hana Sato")
    assert f"<td>{lone['title']}</td>" in index and f"<td>{lone['story']}</td>" not in index
    bridge = next(r for r in rows if r["articles"] == "3")
    assert int(bridge["points"]) >= 3
    # The casualty figure differs (12, 12, 14): a conflict, listed by outlet and article.
    conflicts = _read_csv(out / "tables" / "conflicts.csv")
    assert any(r["story"] == bridge["story"] and "14" in r["text"] for r in conflicts)


def write_listing(path: Path) -> Path:
    """The bridge, vote and lone articles as a CSV list with outlet and date columns."""
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(["outlet", "date", "text"])
        for outlet, day, text in BRIDGE + VOTE + [LONE]:
            writer.writerow([outlet, day, text])
    return path


def test_a_list_gives_outlets_and_dates_and_the_tables_count_by_outlet(tmp_path):
    listing = write_listing(tmp_path / "list.csv")
    out = tmp_path / "out"
    result = run_corpus([str(listing)], out, FAST, workers=0)
    assert result.articles == 6
    assert sorted(map(len, result.stories)) == [1, 2, 3]
    outlets = {r["outlet"]: r for r in _read_csv(out / "tables" / "outlets.csv")}
    assert set(outlets) == {"Wire", "Gazette", "Daily"}
    assert outlets["Wire"]["articles"] == "2" and outlets["Daily"]["stories"] == "2"
    assert int(outlets["Daily"]["figures_disagreeing"]) >= 1  # its 14 injured against 12
    coverage = _read_csv(out / "tables" / "coverage.csv")
    assert Counter(r["outlet"] for r in coverage) == {"Wire": 2, "Gazette": 2, "Daily": 2}


def test_articles_dated_far_apart_are_never_one_story(tmp_path):
    rows = [("Wire", "2024-03-04", BRIDGE[0][2]), ("Gazette", "2024-09-30", BRIDGE[1][2])]
    listing = tmp_path / "list.jsonl"
    listing.write_text("".join(json.dumps({"outlet": o, "published": d, "text": t}) + "\n"
                               for o, d, t in rows), encoding="utf-8")
    apart = run_corpus([str(listing)], tmp_path / "a", CorpusOptions(window_days=30), workers=0)
    together = run_corpus([str(listing)], tmp_path / "b", CorpusOptions(window_days=None), workers=0)
    assert sorted(map(len, apart.stories)) == [1, 1]
    assert sorted(map(len, together.stories)) == [2]


def test_bad_rows_and_unreadable_files_are_reported_and_the_rest_goes_on(tmp_path):
    listing = tmp_path / "list.jsonl"
    listing.write_text('{"outlet": "X"}\nnot json\n' + json.dumps({"text": LONE[2]}) + "\n",
                       encoding="utf-8")
    (tmp_path / "empty.txt").write_text("", encoding="utf-8")
    found = list(iter_sources([str(listing), str(tmp_path / "empty.txt")]))
    assert [type(f).__name__ for f in found] == ["InputError", "InputError", "Source", "Source"]
    result = run_corpus([str(listing), str(tmp_path / "empty.txt")], tmp_path / "out", workers=0)
    assert result.articles == 1 and len(result.errors) == 3


def test_the_process_pool_finds_the_same_stories(tmp_path):
    folder = _folder(tmp_path)
    inline = run_corpus([str(folder)], tmp_path / "inline", FAST, workers=0)
    pooled = run_corpus([str(folder)], tmp_path / "pool", FAST, workers=2)
    assert inline.stories == pooled.stories
    assert sorted(p.name for p in (tmp_path / "inline" / "stories").iterdir()) == \
        sorted(p.name for p in (tmp_path / "pool" / "stories").iterdir())


def test_an_interrupted_run_resumes_without_redoing_finished_stories(tmp_path):
    folder, out = _folder(tmp_path), tmp_path / "out"

    def interrupt_after_first(stage, done, total):
        if stage == "compare" and done == 1:
            raise KeyboardInterrupt

    with pytest.raises(KeyboardInterrupt):
        run_corpus([str(folder)], out, FAST, workers=0, progress=interrupt_after_first)
    finished = sorted((out / "stories").glob("*.summary.json"))
    assert len(finished) == 2  # the lone article's, and the first compared story's
    assert not (out / "index.html").exists()
    stamps = {p.name: p.stat().st_mtime_ns for p in (out / "stories").iterdir()}
    again = run_corpus([str(folder)], out, FAST, workers=0)
    assert again.compared == 1 and again.skipped == 2
    for name, stamp in stamps.items():
        assert (out / "stories" / name).stat().st_mtime_ns == stamp, f"{name} was redone"
    assert len(list((out / "stories").glob("*.html"))) == 2 and (out / "index.html").exists()


def test_ctrl_c_on_the_command_exits_cleanly_and_a_rerun_finishes(tmp_path):
    folder, out = _folder(tmp_path), tmp_path / "out"
    # Ctrl+C arrives as KeyboardInterrupt; simulate it in the first progress report.
    code = ("import sys; from desktop import corpus_cli\n"
            "class P(corpus_cli.Progress):\n"
            "    def __call__(self, stage, done, total):\n"
            "        if stage == 'compare': raise KeyboardInterrupt\n"
            "corpus_cli.Progress = P\n"
            f"sys.exit(corpus_cli.main([{str(folder)!r}, '--out', {str(out)!r}, '--workers', '2']))\n")
    stopped = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True,
                             timeout=60)
    assert stopped.returncode == 130, stopped.stderr
    assert "Traceback" not in stopped.stderr and "run the same command again" in stopped.stderr
    finished = subprocess.run([sys.executable, "-m", "desktop", "corpus", str(folder), "--out", str(out),
                               "--workers", "0"], cwd=ROOT, capture_output=True, text=True, timeout=60)
    assert finished.returncode == 0, finished.stderr
    assert "stories done 2/2" in finished.stderr
    assert len(list((out / "stories").glob("*.html"))) == 2


def test_minhash_estimates_overlap_and_is_the_same_in_every_process():
    a = {f"w{n}" for n in range(100)}
    b = {f"w{n}" for n in range(50, 150)}  # Jaccard 1/3
    estimate = similarity(signature(a, 256), signature(b, 256))
    assert abs(estimate - 1 / 3) < 0.1
    assert similarity(signature(a), signature(a)) == 1.0
    assert similarity(signature({"x", "y"}), signature({"p", "q"})) < 0.1
    other = subprocess.run([sys.executable, "-c", "from desktop.engine.corpus.minhash import signature;"
                            "print(list(signature({'w1', 'w2', 'w3'})))"], cwd=ROOT, capture_output=True,
                           text=True, timeout=30)
    assert other.stdout.strip() == str(list(signature({"w1", "w2", "w3"})))


def test_blocking_keeps_the_candidate_list_linear_and_blocks_bounded():
    keys = [frozenset({"common", f"t{n // 4}", f"u{n // 2}"}) for n in range(400)]
    pairs = candidate_pairs(keys, neighbours=5)
    assert len(pairs) <= 5 * len(keys)
    assert all(b > a for a, b in pairs)
    assert (0, 1) in pairs and (0, 3) in pairs  # same u-term and same t-term
    blocks = block_into_groups(len(keys), pairs, max_block=4)
    assert sorted(k for b in blocks for k in b) == list(range(400))
    assert max(map(len, blocks)) <= 4 and [0, 1, 2, 3] in blocks


def test_blocking_by_date_pairs_only_articles_within_the_window():
    # Twelve months of the same story words: each month's two reports pair, no two months do,
    # and an undated report may pair with any of them.
    keys = [frozenset({"quake", "island", "rescue", f"m{n // 2}"}) for n in range(24)] + \
        [frozenset({"quake", "island", "rescue"})]
    dates = [f"2024-{1 + n // 2:02d}-{10 + n % 2:02d}" for n in range(24)] + [None]
    pairs = candidate_pairs(keys, dates, window_days=3, neighbours=30)
    dated = {(a, b) for a, b in pairs if b < 24}
    assert dated == {(n, n + 1) for n in range(0, 24, 2)}
    assert any(b == 24 for _, b in pairs)
    assert len(candidate_pairs(keys, dates, window_days=None, neighbours=30)) > len(pairs)


def _two_sides(across: float, left: int = 4, right: int = 4):
    """A story of ``left`` + ``right`` articles: alike within each side, ``across`` between the sides."""
    count = left + right

    def within(members):
        side = {k: k < left for k in members}
        return {(a, b): 0.9 if side[a] == side[b] else across for a in members for b in members if a < b}
    return [list(range(count))], within


def test_a_story_of_two_unlike_sides_is_cut_in_two():
    stories, within = _two_sides(0.2)
    assert split_stories(stories + [[8], [9, 10]], within) == [[0, 1, 2, 3], [4, 5, 6, 7], [9, 10], [8]]
    # Sides alike enough, or one side too small to be a story of its own: the story stays whole.
    from desktop.engine.corpus.stories import SPLIT_BELOW, SPLIT_SIDE
    assert split_stories(*_two_sides(SPLIT_BELOW + 0.05)) == [list(range(8))]
    assert split_stories(*_two_sides(0.2, 4, SPLIT_SIDE - 1)) == [list(range(3 + SPLIT_SIDE))]
    # The split reads the story scored on its own (within), not the block's probabilities.
    seen = []
    split_stories(stories, lambda members: seen.append(list(members)) or within(members))
    assert seen == [list(range(8))]


def _ecb_available() -> bool:
    sys.path.insert(0, str(ROOT))
    from benchmarks import realdata
    return realdata.available()


@pytest.mark.skipif(not _ecb_available(), reason="../shared/data (ECB+) is absent")
def test_ecb_subset_is_sorted_into_its_sub_topics(tmp_path):
    from benchmarks import realdata
    listing = tmp_path / "ecb.jsonl"
    labels = {}
    with listing.open("w", encoding="utf-8") as handle:
        for topic in (1, 3, 8, 19):
            for sub, names in realdata.ecb_corpus()[topic].items():
                for name in names:
                    path = realdata.data_root() / "ecbplus" / "articles" / str(topic) / f"{name}.txt"
                    labels[str(path)] = f"{topic}_{sub}"
                    handle.write(json.dumps({"path": str(path)}) + "\n")
    out = tmp_path / "out"
    result = run_corpus([str(listing)], out, CorpusOptions(find_facts=False), workers=0)
    sources = [json.loads(line)["source"] for line in
               (out / "work" / "articles.jsonl").read_text(encoding="utf-8").splitlines()]
    truth = [labels[s] for s in sources]
    purity = sum(Counter(truth[k] for k in s).most_common(1)[0][1] for s in result.stories) / len(truth)
    by_label: dict[str, Counter] = {}
    for n, story in enumerate(result.stories):
        for k in story:
            by_label.setdefault(truth[k], Counter())[n] += 1
    completeness = sum(c.most_common(1)[0][1] for c in by_label.values()) / len(truth)
    print(f"ECB+ topics 1, 3, 8, 19: {len(truth)} articles, {len(result.stories)} stories, "
          f"purity {purity:.3f}, completeness {completeness:.3f}")
    # Floors under the measured 1.000 / 0.824 (0.835 before the English-rarity features and the
    # split's new settings, 0.816 before the articles were sorted in content
    # order; docs/corpus.md: the whole corpus does better, its key terms are measured against
    # more articles).  Completeness was 0.893 before stories
    # were split: the split cuts one story here (Lindsay Lohan's rehab, 16 reports: her lawyer
    # saying she checked in, against the re-hired attorney and Betty Ford), one sub-topic of ECB+.
    assert purity >= 0.95 and completeness >= 0.80


@pytest.mark.skipif(not _ecb_available(), reason="../shared/data (ECB+) is absent")
def test_two_events_of_one_kind_merged_by_the_linkage_are_split_apart():
    # ECB+ topics 25 and 35 in one block: two injured-reserve moves of the Saints, two DUI
    # arrests of Chargers players.  The block's linkage merges each topic's two events; scored
    # on their own, each merged story falls into its two events (shipped models).
    from benchmarks import realdata
    documents, labels = [], []
    for topic in (25, 35):
        for sub, names in realdata.ecb_corpus()[topic].items():
            for name in names:
                document = realdata.ecb_document_undated(name)
                if document is not None:
                    documents.append(document)
                    labels.append(f"{topic}_{sub}")
    stories = stories_of_block(documents)
    impure = sum(len(s) - Counter(labels[k] for k in s).most_common(1)[0][1] for s in stories)
    largest = {label: max(sum(1 for k in s if labels[k] == label) for s in stories) for label in set(labels)}
    assert impure <= 2, [Counter(labels[k] for k in s) for s in stories]
    assert all(largest[label] >= 0.6 * labels.count(label) for label in largest), largest


def _sorted_only(paths: list[str], out: Path) -> set[tuple[str, frozenset[str]]]:
    """The stories of the articles at ``paths`` (listed in that order): (story id, sources), nothing compared."""
    listing = out.with_suffix(".jsonl")
    listing.write_text("".join(json.dumps({"path": p}) + "\n" for p in paths), encoding="utf-8")

    def stop_before_comparing(stage, done, total):
        if stage == "compare":
            raise StopIteration  # the stories are saved by now

    with pytest.raises(StopIteration):
        run_corpus([str(listing)], out, CorpusOptions(find_facts=False), workers=0,
                   progress=stop_before_comparing)
    saved = json.loads((out / "work" / "stories.json").read_text(encoding="utf-8"))
    sources = [json.loads(line)["source"] for line in
               (out / "work" / "articles.jsonl").read_text(encoding="utf-8").splitlines()]
    ids = story_ids(saved["stories"], sources)
    return {(i, frozenset(sources[k] for k in story)) for i, story in zip(ids, saved["stories"])}


def _order_test_articles(tmp_path: Path) -> list[str]:
    """ECB+ topics 25 and 35 (four events of two kinds, 47 articles) when the data is here, and the
    hand-made six: enough ties in the blocking and the linkage for the order to have mattered."""
    paths = [str(p) for p in sorted(_folder(tmp_path).rglob("*.txt"))]
    if _ecb_available():
        from benchmarks import realdata
        for topic in (25, 35):
            for names in realdata.ecb_corpus()[topic].values():
                paths += [str(realdata.data_root() / "ecbplus" / "articles" / str(topic) / f"{name}.txt")
                          for name in names]
    return paths


def test_the_stories_do_not_depend_on_the_order_the_articles_are_given_in(tmp_path):
    # A user who lists the same articles in another order (another folder walk, a shuffled
    # list) gets the same stories with the same ids.  Before the articles were put in an order
    # of their own content, 3 of 4 shuffles of these topics gave other stories.
    import random
    paths = _order_test_articles(tmp_path)
    first = _sorted_only(paths, tmp_path / "given")
    assert len(first) >= 3
    for seed in range(3):
        shuffled = list(paths)
        random.Random(seed).shuffle(shuffled)
        assert _sorted_only(shuffled, tmp_path / f"shuffled{seed}") == first, seed
    assert _sorted_only(paths[::-1], tmp_path / "reversed") == first


def test_a_story_the_pipeline_fails_on_is_reported_and_the_others_are_written(tmp_path, monkeypatch):
    import desktop.engine.pipeline as pipeline
    real = pipeline.compare

    def fragile(documents, *args, **kwargs):
        if any("Eastvale" in d.text for d in documents):
            raise RuntimeError("boom")
        return real(documents, *args, **kwargs)

    monkeypatch.setattr(pipeline, "compare", fragile)
    out = tmp_path / "out"
    result = run_corpus([str(_folder(tmp_path))], out, FAST, workers=0)
    assert [reason for _, reason in result.failed] == ["RuntimeError: boom"]
    assert len(list((out / "stories").glob("*.html"))) == 1 and (out / "index.html").exists()
    monkeypatch.setattr(pipeline, "compare", real)
    again = run_corpus([str(_folder(tmp_path))], out, FAST, workers=0)
    assert again.compared == 1 and not again.failed


def test_a_loner_does_not_stop_a_story_being_cut_in_two():
    # Two events of five reports each, and a round-up unlike all of them: average linkage
    # alone leaves the round-up as one side; the cut is made past it, and it joins a side.
    from desktop.engine.corpus.stories import split_stories
    first, second, loner = range(0, 5), range(5, 10), 10
    same = {}
    for a in range(11):
        for b in range(a + 1, 11):
            inside = (a in first and b in first) or (a in second and b in second)
            same[(a, b)] = 0.8 if inside else 0.3
    for a in range(10):
        same[(a, loner)] = 0.05 if a in first else 0.1
    stories = split_stories([list(range(11))], lambda members: same)
    assert sorted(map(sorted, stories)) == [[0, 1, 2, 3, 4], [5, 6, 7, 8, 9, 10]]


def test_the_index_never_breaks_a_date_inside_and_escapes_what_it_shows():
    # The Dates column wrapped "2013-06-\n07" in a narrow column (ECB+ topics 1-5 as a corpus).
    from desktop.engine.corpus.summary import index_page

    story = {"story": "S1", "title": "Storm <hits> coast", "report": "stories/S1.html", "articles": 2,
             "outlets": "Daily & Co", "first_date": "2013-06-06", "last_date": "2013-06-07",
             "points": 3, "conflicts": 1, "omissions": 0}
    page = index_page({"stories": [story], "outlets": []})
    assert "<td><span class=d>2013-06-06</span> – <span class=d>2013-06-07</span></td>" in page
    assert ".d{white-space:nowrap}" in page
    assert "Storm &lt;hits&gt; coast" in page and "Daily &amp; Co" in page
    one_day = index_page({"stories": [{**story, "last_date": "2013-06-06"}], "outlets": []})
    assert "<td><span class=d>2013-06-06</span></td>" in one_day


def test_a_sorted_story_is_compared_as_one_story(tmp_path, monkeypatch):
    # The sorting judges which reports tell one story; judged again among the story's own
    # reports, the comparison had set apart 20 reports of ECB+ 1-35, each of the story's own
    # event.  An engine that sets apart the last report of any comparison it judges must
    # leave every story whole.
    from dataclasses import replace

    import desktop.engine.pipeline as pipeline
    real = pipeline.compare
    judged = []

    def doubting(documents, config, *args, **kwargs):
        result = real(documents, config, *args, **kwargs)
        if config.one_story:
            return result
        judged.append(len(documents))
        articles = result.articles[:-1] + (replace(result.articles[-1], related=False, event=2),)
        return replace(result, articles=articles)

    monkeypatch.setattr(pipeline, "compare", doubting)
    out = tmp_path / "out"
    run_corpus([str(_folder(tmp_path))], out, FAST, workers=0)
    assert not judged
    for path in (out / "stories").glob("*.json"):
        if not path.name.endswith(".summary.json"):
            comparison = contract.loads(path.read_text(encoding="utf-8"))
            assert all(a.related for a in comparison.articles), path.name
