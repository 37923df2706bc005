"""Output says how sure it is: weak links look weak, articles set apart say why."""
from dataclasses import replace

from desktop.engine import CompareConfig, compare_files
from desktop.engine.contract import dumps, loads
from desktop.engine.report import render_html, render_markdown

from alignment_eval import load_cases

PORT = next(c for c in load_cases() if c.name == "heldout_port_strike")


def _port():
    return compare_files(PORT.paths(), CompareConfig(find_facts=False))


def test_an_article_set_apart_says_what_it_shares_and_lacks():
    comparison = _port()
    apart = [a for a in comparison.articles if not a.related]
    assert [PORT.files[comparison.articles.index(a)] for a in apart] == ["distractor.txt"]
    note = apart[0].event_note
    assert note.startswith("Reports another event:") and "told again in the main story" in note
    assert "names in common" in note
    assert apart[0].event == 2
    html = render_html(comparison)
    assert "told again in the main story" in html
    # After "left out of the alignment." the reason starts a sentence of its own.
    from dataclasses import replace

    named = replace(apart[0], event_note="Reports another event: names Hugh Jackman 5 times, never named "
                                         "in the main story; 2 sentences of 9 told again in the main story.")
    articles = tuple(named if a is apart[0] else a for a in comparison.articles)
    assert "left out of the alignment. Names Hugh Jackman 5 times" in render_html(
        replace(comparison, articles=articles))
    assert apart[0].event_note in render_markdown(comparison)


def test_the_note_counts_sentences_and_says_when_and_with_whom(tmp_path):
    from desktop.engine.set_apart import date_gap as _date_gap
    from desktop.engine.model import Article

    comparison = _port()
    apart = next(a for a in comparison.articles if not a.related)
    told = int(apart.event_note.split("told again")[0].split(":")[1].split()[0])
    assert 0 <= told <= len(apart.passages)  # sentences of its own, never more than it has
    # One sentence linked to two of the story's counts once.
    from types import SimpleNamespace

    from desktop.engine.align import sentence_vectors
    from desktop.engine.set_apart import set_apart_note as _set_apart_note
    from desktop.engine.segment import segment

    texts = ["Crews cleared the road and the bridge on Monday.",
             "Crews cleared the road on Monday. They also cleared the bridge."]
    articles = [Article(aid, aid, t, segment(t, aid)) for aid, t in zip("AB", texts)]
    vectors = sentence_vectors([[a.passage_text(p) for p in a.passages] for a in articles])
    note = _set_apart_note(0, {1}, articles, vectors, {(0, 1): {(0, 0): 0.9, (0, 1): 0.8}},
                           SimpleNamespace(link_threshold=0.35))
    assert note.startswith("Reports another event: 1 sentence of 1 told again"), note
    # A report naming no one mid-sentence: "0 of its 0 names in common" says nothing.
    plain = [Article(aid, aid, t, segment(t, aid)) for aid, t in
             zip("AB", ["Crews cleared the road and the bridge.", "Crews cleared the road at dawn."])]
    plain_vectors = sentence_vectors([[a.passage_text(p) for p in a.passages] for a in plain])
    quiet = _set_apart_note(0, {1}, plain, plain_vectors, {(0, 1): {(0, 0): 0.9}},
                            SimpleNamespace(link_threshold=0.35))
    assert quiet.startswith("Reports another event: 1 sentence of 1 told again") and "name" not in quiet, quiet
    assert "(most with article B)" in quiet
    # Sharing no sentence, it names no report it shares "most" with (ECB+ 22).
    unlinked = _set_apart_note(0, {1}, plain, plain_vectors, {(0, 1): {(0, 0): 0.1}},
                               SimpleNamespace(link_threshold=0.35))
    assert "0 sentences of 1 told again in the main story" in unlinked and "most with" not in unlinked, unlinked
    # A near thing says so: the main story's closest report and how likely it tells the same event.
    links = {(0, 1): {(0, 0): 0.9, (0, 1): 0.8}}
    close = _set_apart_note(0, {1}, articles, vectors, links, SimpleNamespace(link_threshold=0.35),
                            closest=("B", 0.38))
    assert close.startswith("Reports another event, a close call (38% likely the same as B): "), close
    from desktop.engine.set_apart import reason_only
    alike = _set_apart_note(0, {1}, articles, vectors, links, SimpleNamespace(link_threshold=0.35),
                            closest=("B", 0.69))
    assert alike.startswith("Reports another event on balance — most like B (69% likely the same event) "
                            "but unlike the rest of the main story: "), alike
    assert reason_only(alike).startswith("On balance — most like B (69% likely")
    assert reason_only(close).startswith("A close call (38% likely the same as B): 1 sentence")
    assert reason_only(note).startswith("1 sentence of 1 told again")
    # Dates far apart are said; near ones are not (the event model's two weeks).
    story = [Article("A", "a", "x", (), published="2013-04-12"), Article("B", "b", "x", (), published="2013-04-11")]
    assert _date_gap(Article("C", "c", "x", (), published="2011-10-25"), story) == \
        "published 18 months before the main story"
    assert _date_gap(Article("C", "c", "x", (), published="2013-05-02"), story) == \
        "published 20 days after the main story"
    assert _date_gap(Article("C", "c", "x", (), published="2013-04-20"), story) == ""
    assert _date_gap(Article("C", "c", "x", (), published=None), story) == ""
    # Two reports of one other event name each other.
    distractor = (PORT.folder / "distractor.txt").read_text(encoding="utf-8")
    for name in ("other1.txt", "other2.txt"):
        (tmp_path / name).write_text(distractor, encoding="utf-8")
    paths = [p for p in PORT.paths() if not p.endswith("distractor.txt")]
    paths += [str(tmp_path / "other1.txt"), str(tmp_path / "other2.txt")]
    both = compare_files(paths, CompareConfig(find_facts=False))
    apart = [a for a in both.articles if not a.related]
    assert len(apart) == 2 and apart[0].event == apart[1].event
    assert apart[0].event_note.endswith(f"the same event as {apart[1].id}.")
    assert apart[1].event_note.endswith(f"the same event as {apart[0].id}.")


def test_weak_groups_are_marked_in_the_reports():
    comparison = _port()
    sure = tuple(replace(g, confidence=0.9) for g in comparison.groups)
    # Rows under 0.65 read right about half the time or less (docs/real-news.md).
    for confidence, shown in ((0.31, True), (0.6, True), (0.7, False), (0.93, False)):
        changed = replace(comparison, groups=(replace(sure[0], confidence=confidence),) + sure[1:])
        assert ("weak link" in render_html(changed)) == shown
        assert (f"weak link (confidence {confidence:.0%})" in render_markdown(changed)) == shown


def test_confidence_and_events_survive_the_contract():
    comparison = _port()
    again = loads(dumps(comparison))
    assert [g.confidence for g in again.groups] == [g.confidence for g in comparison.groups]
    assert [(a.event, a.event_note) for a in again.articles] == \
        [(a.event, a.event_note) for a in comparison.articles]
    assert all(0 < g.confidence <= 1 for g in comparison.groups)


def test_the_note_names_whom_the_article_is_about_and_the_story_never_names():
    from desktop.engine.model import Article
    from desktop.engine.set_apart import names_of_its_own

    def article(aid, text):
        return Article(aid, aid, text, ())

    story = [article("A", "Chargers receiver Vincent Jackson was arrested on Tuesday. Jackson was released."),
             article("B", "Vincent Jackson of the Chargers was booked. Jackson said he was innocent.")]
    other = article("C", "Chargers tackle Jamal Williams was arrested on Saturday. Williams was booked into jail. "
                         "Coach Norv Turner said the team was disappointed. Vincent Jackson was arrested last month, "
                         "and Jackson was on probation.")
    assert names_of_its_own(other, story) == [("Jamal Williams", 2)]  # Turner once, Jackson in the story
    assert names_of_its_own(story[0], [story[1], other]) == []
    # A place's people are no person: "New York Jews" (read as a name by the facts stage).
    assert names_of_its_own(article("D", "New York Jews marched. New York Jews voted early."), story) == []
    from types import SimpleNamespace

    from desktop.engine.align import sentence_vectors
    from desktop.engine.segment import segment
    from desktop.engine.set_apart import set_apart_note

    texts = [a.text for a in story] + [other.text]
    articles = [Article(aid, aid, t, segment(t, aid)) for aid, t in zip("ABC", texts)]
    vectors = sentence_vectors([[a.passage_text(p) for p in a.passages] for a in articles])
    note = set_apart_note(2, {0, 1}, articles, vectors, {(0, 2): {}, (1, 2): {}},
                          SimpleNamespace(link_threshold=0.35))
    assert note.startswith("Reports another event: names Jamal Williams 2 times, never named in the main story;"), note
