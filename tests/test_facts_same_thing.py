"""A conflict is two values of the same thing: the gate, its readings, and the shared vocabulary.

The sentences here are written for these tests in the manner of wire copy:
each pair tells one event twice, once with values of the same thing that
disagree (a conflict), once with values of different things (no conflict).
"""
from __future__ import annotations

import json

import pytest

from desktop.engine import contract
from desktop.engine.facts.dates import find_dates, find_times
from desktop.engine.facts.extract import extract
from desktop.engine.facts.gate import value_words
from desktop.engine.facts.quotes import _given_name_pronoun
from desktop.engine.facts.items import Taken
from desktop.engine.facts.numbers import find_numbers
from desktop.engine.facts.slots import same_verb, slot_of, verb_lemma
from desktop.engine.facts.values import relation
from desktop.engine.model import (Article, CompareConfig, Document, FactKind, FactStatus, Mention)
from desktop.engine.pipeline import FACTS_FAILED, compare
from desktop.engine.segment import segment


def _numbers(text: str):
    return find_numbers(Article("A", "t", text, ()), Taken())


def _times(text: str):
    return find_times(Article("A", "t", text, ()), Taken())


def _dates(text: str, published: str | None = None, aid: str = "A"):
    return find_dates(Article(aid, "t", text, (), published=published), Taken())


def _extracted(text: str):
    return extract(Article("A", "a.txt", text, segment(text, "A")))


def _conflict_values(a: str, b: str, kind: str | None = None) -> list[list[str]]:
    """Each conflict of two articles as its mentions' texts, sorted."""
    return [sorted(m.text for m in f.mentions) for f in _conflicts(a, b, kind)]


def _slot(sentence: str, value: str, dated: bool = False):
    at = sentence.index(value)
    return slot_of(sentence, at, at + len(value), 0, len(sentence), value_words(), dated=dated)


def _conflicts(a: str, b: str, kind: str | None = None):
    docs = [Document(source=f"{n}.txt", text=t) for n, t in enumerate((a, b))]
    comparison = compare(docs, CompareConfig())
    return [f for f in comparison.facts if f.status == FactStatus.CONFLICT and (kind is None or f.kind == kind)]


# -- readings ---------------------------------------------------------------------

@pytest.mark.parametrize("word, lemma", [
    ("fell", "fall"), ("falling", "fall"), ("killed", "killed"), ("died", "killed"),
    ("hurt", "injured"), ("injuring", "injured"), ("sold", "sell"), ("came", "com"),
    ("coming", "com"), ("morning", None), ("hundred", None),
])
def test_verb_lemmas_put_forms_of_one_happening_together(word, lemma):
    assert verb_lemma(word) == lemma


def test_a_participle_after_an_article_is_no_verb():
    assert verb_lemma("reported", "a") is None  # "for a reported $30 million"
    assert verb_lemma("host", "will") == "host"


def test_a_report_date_is_told_apart_from_the_happening():
    said = _slot("The warehouse burned down late Tuesday, the fire chief said Wednesday.",
                 "Wednesday", dated=True)
    assert said.reporting
    burned = _slot("The warehouse burned down late Tuesday, the fire chief said Wednesday.",
                   "Tuesday", dated=True)
    assert not burned.reporting
    passive = _slot("The blaze was reported at 4:10 a.m. by a passing driver.", "4:10", dated=True)
    assert not passive.reporting, "the blaze being reported is the happening itself"


def test_a_dateline_is_bare():
    assert _slot("MONDAY, MARCH 3, 2014, 9:41 PM", "9:41", dated=True).bare


def test_own_verb_decides_which_happening_a_date_belongs_to():
    a = _slot("He left the firm in 1998 when he joined the city council.", "1998", dated=True)
    b = _slot("He joined the city council in 2001 when he left the firm.", "2001", dated=True)
    assert a.verb == "leav" and b.verb == "join"
    assert not same_verb(a, b)
    c = _slot("The mayor resigned on Friday after the audit.", "Friday", dated=True)
    d = _slot("The mayor, 61, resigned Thursday.", "Thursday", dated=True)
    assert same_verb(c, d)


# -- the gate on whole comparisons ----------------------------------------------------

_BASE = ("Flooding swept through the river town of Harlow after three days of rain. "
         "Emergency crews worked through the night to reach stranded residents. ")


def test_values_opposite_in_near_copies_conflict_even_without_a_noun():
    a = _BASE + "The 4.8-magnitude tremor that followed rattled windows across Harlow, officials said."
    b = _BASE + "The 5.2-magnitude tremor that followed rattled windows across Harlow, officials said."
    notes = [f.note for f in _conflicts(a, b, FactKind.NUMBER)]
    assert notes, "4.8 vs 5.2 stand in one slot of one sentence"


def test_counts_of_different_things_in_one_group_do_not_conflict():
    a = _BASE + "Rescuers pulled 14 people from flooded homes on Sunday."
    b = _BASE + "Rescuers pulled residents from flooded homes, and 300 people spent the night in shelters."
    assert not _conflicts(a, b, FactKind.NUMBER)


def test_dates_of_different_happenings_do_not_conflict():
    a = _BASE + "The levee failed on Sunday, the county said Tuesday."
    b = _BASE + "The levee failed on Sunday and the governor visited Harlow on Monday."
    assert not _conflicts(a, b, FactKind.DATE)


def test_one_happening_on_two_days_is_a_conflict():
    a = _BASE + "The levee failed on Sunday night, flooding the lower town."
    b = _BASE + "The levee failed on Saturday night, flooding the lower town."
    assert _conflicts(a, b, FactKind.DATE)


def test_a_sentence_dating_one_happening_from_another_dates_neither_alone():
    # ECB+ 20_ecbplus: the aftershock "on Monday", the quake "a day before"; another
    # report's quake "yesterday" (Sunday) is the quake's day, not the aftershock's.
    a = _BASE + ("A strong aftershock shook the valley on Monday as the toll from the levee "
                 "failure a day before rose to ten.")
    b = _BASE + "A strong tremor shook the valley on Sunday, causing major damage."
    assert not _conflicts(a, b, FactKind.DATE)
    # Without the second happening the two days are one shaking told two ways.
    a = _BASE + "A strong tremor shook the valley on Monday, causing major damage."
    assert _conflicts(a, b, FactKind.DATE)


def test_joint_speakers_are_no_speaker_conflict():
    quote = "“We will rebuild every home that the water took from us,”"
    a = _BASE + f"{quote} said Dana Ruiz and Tom Okafor."
    b = _BASE + f"{quote} organisers Dana Ruiz and Tom Okafor said in a statement."
    c = _BASE + f"{quote} said Okafor."
    assert not _conflicts(a, b, FactKind.QUOTE)
    assert not _conflicts(a, c, FactKind.QUOTE)


def test_speaker_after_an_abbreviated_title():
    text = ("Lena Marsh has run the shelter for a decade. “We are full tonight,” Ms. Marsh said. "
            "“Nobody will be turned away.” Her deputy, Paul Greer, agreed.")
    speakers = [(q.text, q.speaker) for q in _extracted(text).quotes]
    assert speakers[0][1] == "Lena Marsh"
    assert speakers[1][1] == "Lena Marsh", "a quote going on after its attribution keeps its speaker"


# -- one vocabulary ---------------------------------------------------------------------

def test_status_and_kind_are_enums_equal_to_their_strings():
    assert FactStatus.CONFLICT == "conflict" and FactKind.MONEY == "money"
    assert json.dumps({"s": FactStatus.AGREE}) == '{"s": "agree"}'


def test_the_contract_gives_enums_back_and_keeps_unknown_kinds():
    a = _BASE + "The levee failed on Sunday night, flooding the lower town."
    b = _BASE + "The levee failed on Saturday night, flooding the lower town."
    docs = [Document(source=f"{n}.txt", text=t) for n, t in enumerate((a, b))]
    comparison = compare(docs, CompareConfig())
    back = contract.loads(contract.dumps(comparison))
    assert back.facts == comparison.facts
    assert all(isinstance(f.status, FactStatus) and isinstance(f.kind, FactKind) for f in back.facts)
    data = contract.to_dict(comparison)
    data["facts"][0]["kind"] = "vehicle"  # a kind a later version may add
    assert contract.from_dict(data).facts[0].kind == "vehicle"


def test_a_facts_failure_is_a_warning_on_the_comparison(monkeypatch):
    import desktop.engine.pipeline as pipeline

    def broken(*_args, **_kwargs):
        raise ValueError("no facts today")

    monkeypatch.setattr(pipeline.facts_stage, "find_facts", broken)
    docs = [Document(source="a.txt", text=_BASE), Document(source="b.txt", text=_BASE)]
    comparison = compare(docs, CompareConfig())
    assert comparison.groups, "the passages are still compared"
    assert comparison.facts == ()
    assert comparison.warnings == (f"{FACTS_FAILED}ValueError: no facts today",)
    assert contract.loads(contract.dumps(comparison)).warnings == comparison.warnings


def test_pounds_of_a_body_are_a_weight_not_sterling():

    def kinds(text):
        return [(i.kind, i.text) for i in _numbers(text)]

    assert ("number", "150 pounds") in kinds("The suspect is 5-foot-9, 150 pounds, with short hair.")
    assert ("money", "400 pounds") in kinds("The magistrates fined him 400 pounds on Monday.")
    # A height glued to the weight by a comma: the weight is still read.
    glued = [(i.kind, i.value) for i in _numbers("Deputies said he is 5-foot-8,135 pounds, with tattoos.")]
    assert ("number", 135) in glued and not any(v == 8135 for _, v in glued)


def test_a_bracketed_sum_after_another_is_a_conversion():
    text = "The thieves took jewels worth 40 million euros ($52 million) from the shop."
    items = _numbers(text)
    converted = [i for i in items if i.extra.get("converted")]
    assert [i.text for i in converted] == ["$52 million"]


def test_time_elapsed_to_the_report_differs_by_the_day_it_was_written():
    a = _BASE + "Schools stayed shut after eight days of flooding in the valley."
    b = _BASE + "Schools stayed shut after five days of flooding in the valley."
    docs = [Document(source="a.txt", text=a, published="2024-03-10"),
            Document(source="b.txt", text=b, published="2024-03-07")]
    comparison = compare(docs, CompareConfig())
    assert not [f for f in comparison.facts if f.status == FactStatus.CONFLICT and f.kind == FactKind.NUMBER]
    same_day = [Document(source="a.txt", text=a, published="2024-03-10"),
                Document(source="b.txt", text=b, published="2024-03-10")]
    comparison = compare(same_day, CompareConfig())
    assert [f for f in comparison.facts if f.status == FactStatus.CONFLICT and f.kind == FactKind.NUMBER]


def test_a_bare_clock_reading_is_no_time_of_day():

    def times(text):
        return [i.text for i in _times(text)]

    assert times("The drive ate up 6:05 of the clock.") == []
    assert times("The polls closed at 20:00 local time.") == ["20:00"]


def test_house_styles_inside_quotes_are_one_wording():
    from desktop.engine.facts.quotes import normal_tokens
    assert normal_tokens("died at 6:41pm PST this evening") == normal_tokens("died at 18:41 this evening")
    assert normal_tokens("we met at 6 p.m. sharp") == normal_tokens("we met at 6:00 p.m. sharp")
    assert normal_tokens("the voters' anger") == normal_tokens("the voter's anger")


def test_a_quote_note_shows_the_change_not_the_longer_quote():
    from desktop.engine.facts.notes import wording_difference
    a, b = wording_difference("We will rebuild. Every family will get help from the city and the state.",
                              "Every family will get help from the state.")
    assert "city" in a and "rebuild" not in a


def test_a_conflict_is_told_once():
    from pathlib import Path
    from desktop.engine import compare_files
    case = Path(__file__).resolve().parent / "gold" / "facts" / "council_vote"
    comparison = compare_files(sorted(str(p) for p in case.glob("*.txt")), CompareConfig())
    told = [frozenset((m.article, m.start) for m in f.mentions)
            for f in comparison.facts if f.status == FactStatus.CONFLICT]
    assert len(told) == len(set(told)), "two conflict facts with the same mentions"


def test_the_command_line_says_when_facts_failed(monkeypatch, tmp_path, capsys):
    import desktop.engine.pipeline as pipeline
    from desktop import cli
    from conftest import SEED_003, SEED_004

    monkeypatch.setenv("PARALLAX_DATA_DIR", str(tmp_path / "data"))
    monkeypatch.setenv("PARALLAX_CONFIG_DIR", str(tmp_path / "config"))

    def broken(*_args, **_kwargs):
        raise ValueError("no facts today")

    monkeypatch.setattr(pipeline.facts_stage, "find_facts", broken)
    code = cli.main(["compare", str(SEED_003), str(SEED_004), "--json", str(tmp_path / "o.json")])
    assert code == 0, "the passages are still compared and written"
    assert "Facts could not be found: ValueError: no facts today" in capsys.readouterr().err
    assert json.loads((tmp_path / "o.json").read_text(encoding="utf-8"))["warnings"]


def test_counts_over_different_stretches_are_not_one_value():
    a = _BASE + "The suspect had been arrested three times since October, police said."
    b = _BASE + "The suspect had been arrested four times, police said."
    assert not _conflicts(a, b, FactKind.NUMBER)


def test_a_count_of_years_in_one_role_is_not_the_whole_career():
    # ECB+ 5_ecb: "four seasons as the team's director of personnel" within
    # "19 seasons with the 76ers".
    base = "The Sixers fired coach Maurice Cheeks on Saturday after a poor start. "
    a = base + "DiLeo, the new coach, spent four seasons as the team's director of personnel."
    b = base + "DiLeo, the new coach, spent 19 seasons with the Sixers."
    assert not _conflicts(a, b, FactKind.NUMBER)
    b = base + "DiLeo, the new coach, spent six seasons as the team's director of personnel."
    assert _conflicts(a, b, FactKind.NUMBER)


def test_a_relative_clause_verb_is_the_dates_own():
    s = _slot("He was hunting a man wanted for a robbery that occurred in Salem Monday.", "Monday", dated=True)
    assert s.verb == "occur"


def test_a_time_in_a_named_zone_is_not_compared_with_one_in_none():
    a = _BASE + "The relief concert starts at 7:30 p.m. ET on Saturday in Harlow."
    b = _BASE + "The relief concert starts at 6:30 p.m. on Saturday in Harlow."
    assert not _conflicts(a, b, FactKind.TIME)
    c = _BASE + "The relief concert starts at 8:30 p.m. on Saturday in Harlow."
    assert _conflicts(b, c, FactKind.TIME)


def test_a_weekday_alone_agrees_with_a_date_of_that_weekday_whatever_the_week():
    later = _dates("The court heard police were called on Saturday.", "2013-06-18", "A")[0]
    named = _dates("On Saturday 8 June 2013 police were called.", "2013-06-10", "B")[0]
    assert relation(later, named) == "same"
    friday = _dates("Police were called on Friday.", "2013-06-18", "C")[0]
    assert relation(friday, named) == "conflict"


def test_a_day_and_a_vaguer_stretch_compare_by_containment():

    def one(text, published="2025-11-22"):
        return _dates(text, published)[0]

    early = one("He won in early November.")
    assert relation(one("He won on November 2, 2025."), early) == "compatible"
    assert relation(one("He won on November 2, 2024."), early) == "conflict"


def test_mention_values_keep_their_types():
    m = Mention("A", "A1", 0, 3, "$5", {"amount": 5, "currency": "USD"})
    assert m.value["amount"] == 5


# -- distances from a named place ------------------------------------------------------

def test_a_distance_from_one_place_is_one_fact_across_unaligned_sentences():
    a = (_BASE + "The quake struck at dawn and its epicentre lay 40 miles northeast of Port Carra, "
         "the seismological office said.\n\nRelief flights were on their way.")
    b = ("Officials counted the damage to the harbour on Monday.\n\nA magnitude 5.8 quake shook the coast "
         "before dawn.\n\nTwo schools lost their roofs.\n\nThe quake was centred 52 miles northeast of Port Carra.")
    conflicts = _conflicts(a, b, "number")
    assert [sorted(m.text for m in f.mentions) for f in conflicts] == [["40", "52"]]


def test_distances_of_two_things_from_one_place_are_two_facts():
    a = _BASE + "Staff left the office tower, about 15 miles north of Halden, by noon."
    b = _BASE + "Later a driver 50 miles north of Halden saw the van and called the police."
    assert not _conflicts(a, b, "number")


def test_a_distance_in_two_units_is_no_conflict():
    from desktop.engine.facts.distances import place_of
    text = "The island lies 1,150 kilometers (700 miles) southeast of Tehran."
    keys = [place_of(i, text) for i in _numbers(text)]
    assert ("tehran", "km") in keys and ("tehran", "mile") in keys


def test_time_elapsed_conflicts_when_the_days_between_reports_cannot_explain_it():
    a = _BASE + "The mayor had moved back to Harlow 12 weeks ago from the capital."
    b = _BASE + "The mayor had moved back to Harlow six weeks ago from the capital."
    docs = [Document(source="a.txt", text=a, published="2024-03-10"),
            Document(source="b.txt", text=b, published="2024-03-09")]
    conflicts = [f for f in compare(docs, CompareConfig()).facts
                 if f.status == FactStatus.CONFLICT and f.kind == FactKind.NUMBER]
    assert [sorted(m.text for m in f.mentions) for f in conflicts] == [["12", "six"]]


def test_values_on_verbs_news_uses_for_one_happening_are_one_fact():
    from desktop.engine.facts.slots import related_verbs
    begin = _slot("Workers will begin clearing rubble from the square on Tuesday.", "Tuesday", dated=True)
    start = _slot("Workers are due to start removing debris from the square on Wednesday.", "Wednesday",
                  dated=True)
    close = _slot("Workers will close the square on Wednesday.", "Wednesday", dated=True)
    assert related_verbs(begin, start)
    assert not related_verbs(begin, close)
    a = _BASE + "Workers will begin clearing rubble from the flooded square on Tuesday, the council said."
    b = _BASE + "Workers are due to start removing debris from the flooded square on Wednesday."
    conflicts = _conflicts(a, b, "date")
    assert [sorted(m.text for m in f.mentions) for f in conflicts] == [["Tuesday", "Wednesday"]]


def test_a_count_in_a_sentence_opening_with_a_stretch_of_play_is_limited_to_it():
    base = "The Hawks beat the Owls 70-64 on Saturday night in Dunmore. "
    a = base + "During the decisive 12-0 run in the final minutes, Kerr grabbed two rebounds and blocked two shots."
    b = base + "Kerr finished with 14 points and blocked five shots."
    assert not _conflicts(a, b, "number")


def test_going_back_is_a_return():
    from desktop.engine.facts.slots import same_verb
    back = _slot("The family moved back to Harlow in 2019 after a spell abroad.", "2019", dated=True)
    returned = _slot("The family returned to Harlow in 2021 after a spell abroad.", "2021", dated=True)
    moved = _slot("The family moved to Harlow in 2021.", "2021", dated=True)
    assert back.verb == "return" and same_verb(back, returned)
    assert not same_verb(moved, returned)
    assert verb_lemma("wed") == verb_lemma("married") == "marry"


def test_a_value_opening_its_own_clause_hangs_on_that_clause_s_verb():
    s = _slot("Phone lines were cut on Friday after three masts were damaged in the gale.", "three")
    assert s.verb == "damaged"
    hurt = _slot("Two walkers suffered minor injuries in the gale.", "Two")
    assert hurt.verb == "injured"
    died = _slot("The man died after 10 minutes in the water.", "10")
    assert died.verb == "killed", "no verb in the value's own clause: the one before still holds"


def test_homes_lost_are_homes_destroyed_and_an_agreement_leaves_room_for_a_conflict():
    lost = _slot("Twenty-two houses have been lost along the ridge, county officials said.", "Twenty-two")
    burnt = _slot("The blaze has destroyed 25 houses, the sheriff said.", "25")
    assert lost.verb == burnt.verb
    match = _slot("He lost 12 matches in a row.", "12")
    assert match.verb != burnt.verb
    story = ("The Ridge Fire kept burning in the hills above Alder Creek on Wednesday.\n\n"
             "About 400 people were told to leave, Sheriff Tom Vail said.\n\n")
    a = story + "The Ridge Fire has destroyed 25 houses near Alder Creek, Sheriff Tom Vail said."
    b = story + "Twenty-two houses have been lost near Alder Creek, most of them on Pine Road."
    c = story + "More than a dozen houses have burned in the Ridge Fire, the sheriff said."
    docs = [Document(source=f"{n}.txt", text=t) for n, t in enumerate((a, b, c))]
    conflicts = [f for f in compare(docs, CompareConfig()).facts
                 if f.status == FactStatus.CONFLICT and f.kind == FactKind.NUMBER]
    # (the agreement path itself is held by the wildfire gold case: 17 / 'more than a
    # dozen' agree in a group, 'Nineteen homes have been lost' in no group with them)
    assert len(conflicts) == 1 and {"25", "Twenty-two"} <= {m.text for m in conflicts[0].mentions}


def test_the_one_share_of_two_best_matched_sentences_about_one_thing_is_one_fact():
    story = ("The Pine Ridge fire burned 4,000 acres east of Dalton before crews held its lines "
             "on Thursday.\n\nResidents of 300 homes were allowed back on Friday morning.\n\n")
    a = story + ("Late on Friday the federal emergency agency approved a grant that will cover 80 percent "
                 "of firefighting costs.\n\nSchools reopened.")
    b = story + ("Dalton officials said a federal grant will pick up about half of the bill for fighting "
                 "the fire, leaving the county to find the rest.\n\nSchools reopened.")
    conflicts = _conflicts(a, b, "percent")
    assert [sorted(m.text for m in f.mentions) for f in conflicts] == [["80 percent", "about half"]]


@pytest.mark.parametrize("third, joins", [
    ("The storm had injured two people, they said.", True),
    ("The storm had left two people homeless, they said.", False),
])
def test_a_further_article_s_count_on_the_same_verb_joins_a_count_s_conflict(third, joins):
    from desktop.engine.facts.gate import Scene
    from desktop.engine.facts.quantities import extend_conflicts
    from desktop.engine.facts.draft import Draft
    docs = [Document(source=f"{n}.txt", text=t) for n, t in enumerate((
        _BASE + "The storm injured five people in the valley.",
        _BASE + "The storm injured three people in the valley.",
        _BASE + "Officials in the next county spoke on Monday.\n\n" + third))]
    comparison = compare(docs, CompareConfig(find_facts=False))
    exts = {a.id: extract(a) for a in comparison.articles}
    scene = Scene(exts)
    five, three = ([i for i in exts[a].quantities if i.text in ("five", "three")][-1] for a in ("A", "B"))
    draft = Draft("number", FactStatus.CONFLICT, "people: five vs three", [five.mention(), three.mention()],
                  origin="group")
    extend_conflicts(scene, {id(five), id(three)}, [draft])
    assert [m.text for m in draft.mentions] == (["five", "three", "two"] if joins else ["five", "three"])
    assert ("two" in draft.note) == joins


def test_a_further_article_whose_count_is_already_told_adds_no_second_count_to_a_conflict():
    # ECB+ 20_ecbplus: "killing 10 people" agreed elsewhere, then "It killed 612 people" of an
    # earlier quake was added to the "10 vs three" conflict as that report's count.
    from desktop.engine.facts.gate import Scene
    from desktop.engine.facts.quantities import extend_conflicts
    from desktop.engine.facts.draft import Draft
    docs = [Document(source=f"{n}.txt", text=t) for n, t in enumerate((
        _BASE + "The storm injured five people in the valley.",
        _BASE + "The storm injured three people in the valley.",
        _BASE + "The storm injured five people, officials said.\n\n"
                "Officials in the next county spoke on Monday.\n\n"
                "A storm in 2004 had injured 612 people, they said."))]
    comparison = compare(docs, CompareConfig(find_facts=False))
    exts = {a.id: extract(a) for a in comparison.articles}
    scene = Scene(exts)
    five, three = ([i for i in exts[a].quantities if i.text in ("five", "three")][-1] for a in ("A", "B"))
    told, = [i for i in exts["C"].quantities if i.text == "five"]
    draft = Draft("number", FactStatus.CONFLICT, "people: five vs three", [five.mention(), three.mention()],
                  origin="group")
    extend_conflicts(scene, {id(five), id(three), id(told)}, [draft])
    assert [m.text for m in draft.mentions] == ["five", "three"]
    # Neither joins when none is told yet: two counts of its own, its count is not known.
    extend_conflicts(scene, {id(five), id(three)}, [draft])
    assert [m.text for m in draft.mentions] == ["five", "three"]
    # A vaguer count already told ("at least five") and another that would fit it ("more than a
    # dozen", of a storm elsewhere): the second is not the report's count either.
    docs[2] = Document(source="2.txt", text=_BASE + "The storm injured at least five people.\n\n"
                       "Officials in the next county spoke on Monday.\n\n"
                       "More than a dozen people were injured by a storm in the north, they said.")
    comparison = compare(docs, CompareConfig(find_facts=False))
    exts = {a.id: extract(a) for a in comparison.articles}
    five, three = ([i for i in exts[a].quantities if i.text in ("five", "three")][-1] for a in ("A", "B"))
    vague, = [i for i in exts["C"].quantities if i.text == "at least five"]
    draft = Draft("number", FactStatus.CONFLICT, "people: five vs three", [five.mention(), three.mention()],
                  origin="group")
    extend_conflicts(Scene(exts), {id(five), id(three), id(vague)}, [draft])
    assert [m.text for m in draft.mentions] == ["five", "three"]
    # The same value said twice is the report's count: it joins, as before.
    docs[2] = Document(source="2.txt", text=_BASE + "The storm injured two people.\n\n"
                       "Officials in the next county spoke on Monday.\n\nThe storm had injured two people.")
    comparison = compare(docs, CompareConfig(find_facts=False))
    exts = {a.id: extract(a) for a in comparison.articles}
    five, three = ([i for i in exts[a].quantities if i.text in ("five", "three")][-1] for a in ("A", "B"))
    first_two = [i for i in exts["C"].quantities if i.text == "two"][0]
    draft = Draft("number", FactStatus.CONFLICT, "people: five vs three", [five.mention(), three.mention()],
                  origin="group")
    extend_conflicts(Scene(exts), {id(five), id(three), id(first_two)}, [draft])
    assert [m.text for m in draft.mentions] == ["five", "three", "two"]


# -- counts of time on one verb, across unaligned sentences -------------------------------

_ACTRESS = ("The pin-up model whose photographs defined an era has died at 85.\n\n"
            "Her agent confirmed the death to reporters outside the clinic.\n\n")


def test_a_stay_of_different_length_on_one_verb_is_a_conflict_across_the_articles():
    a = _ACTRESS + ("Her agent said she had been in hospital for three weeks with pneumonia and was "
                    "about to go home when her heart failed.")
    b = _ACTRESS + ("Fans gathered by the gates on Sunday.\n\nThe details are known: she had been "
                    "hospitalized in Los Angeles for four weeks due to pneumonia, only to suffer a "
                    "heart attack.")
    conflicts = _conflicts(a, b, "number")
    assert [sorted(m.text for m in f.mentions) for f in conflicts] == [["four", "three"]]


def test_two_careers_on_one_verb_are_not_one_span():
    a = _BASE + "Dough mixer Andy Ryan, who has worked at the plant for nearly 30 years, heard the shots echo."
    b = _BASE + ("The suspect was escorted out on Monday.\n\nHer frustration grew over the summer, "
                 "detectives said, before the rampage through the bakery where she had worked for 15 years.")
    assert not _conflicts(a, b, "number")


def test_an_offset_and_a_span_of_time_are_not_one_value():
    a = _BASE + "The town had not been hit by a flood in more than 25 years, the mayor said."
    b = _BASE + ("Residents were moved to the school gym.\n\nHarlow was hit by a flood almost two "
                 "years after the dam upstream was rebuilt.")
    assert not _conflicts(a, b, "number")


def test_a_distance_is_tied_to_another_in_the_other_unit_through_a_third_article():
    # Article C says "the island" and never names it; B names the island and says
    # "island"; D names it too: C's and D's miles are of one thing through B.
    b = ("Varna, a rocky island off the coast, lies 1,500 kilometers south of Molden and "
         "has a population of 90,000.")
    c = ("The island, which has about 90,000 residents, is about 940 miles south of Molden. "
         "In March a quake hit Tarbel, 602 miles southeast of Molden.")
    d = ("Varna, located 1,150 kilometers (700 miles) southeast of Molden, has a busy fishing "
         "port.")
    docs = [Document(source=f"{n}.txt", text=t) for n, t in enumerate((b, c, d))]
    comparison = compare(docs, CompareConfig())
    conflicts = [sorted(m.text for m in f.mentions) for f in comparison.facts
                 if f.status == FactStatus.CONFLICT and f.kind == "number"]
    assert ["700", "about 940"] in conflicts
    assert not any("602" in values for values in conflicts)


# -- a figure of another time or stretch -------------------------------------------------

def _dated_conflicts(a: str, b: str, published=("2005-11-28", "2005-11-28")):
    docs = [Document(source=f"{n}.txt", text=t, published=p) for n, (t, p) in enumerate(zip((a, b), published))]
    comparison = compare(docs, CompareConfig())
    return [sorted(m.text for m in f.mentions) for f in comparison.facts
            if f.status == FactStatus.CONFLICT and f.kind == "number"]


_QUAKE = "A strong earthquake hit the island of Varna on Sunday, officials said.\n\n"


def test_a_count_in_a_sentence_about_months_before_is_another_happening():
    a = _QUAKE + "A powerful earthquake hit the south on Sunday, killing 10 people and injuring 80."
    b = _QUAKE + ("Rescue teams reached the island by noon.\n\nIn February, a quake measuring 6.4 hit "
                  "the town of Tarbel, killing 612 people and wounding around 1,400.")
    assert not _dated_conflicts(a, b)
    # Told of the same happening, the two figures do conflict.
    c = _QUAKE + ("Rescue teams reached the island by noon.\n\nOn Sunday, a quake measuring 6.4 hit "
                  "the town of Tarbel, killing 12 people and wounding around 80.")
    assert ["10", "12"] in _dated_conflicts(a, c)


def test_days_of_unrest_so_far_grow_with_the_day_of_the_report():
    a = _BASE + ("Riot police fired tear gas at youths outside the town hall as a strike shut the "
                 "region, reeling from four days of riots sparked by the shooting.")
    b = _BASE + ("Shops stayed shut.\n\nThe fatal shooting of the boy on Saturday sparked five days "
                 "of riots and protests across the region.")
    assert not _dated_conflicts(a, b, (None, None))


def test_a_count_limited_to_a_named_season_is_not_this_season_s():
    a = _BASE + "The striker also missed the final four games of the 2007 season after a knee injury."
    b = _BASE + "Fans were told on Monday.\n\nThe striker will miss the final two games with a sprained knee."
    assert not _dated_conflicts(a, b, (None, None))


# -- days of one happening in unaligned sentences -----------------------------------------

_MARKET = "A fire gutted the covered market of Harlow overnight, the fire service said.\n\n"


def test_a_day_on_synonymous_verbs_sharing_a_word_is_one_fact_across_the_articles():
    a = _MARKET + ("Stallholders gathered outside at dawn.\n\nWorkers will begin clearing rubble from the "
                   "square Tuesday, the council said.")
    b = _MARKET + ("Insurers sent assessors on the first train.\n\nWorkers are expected to start removing "
                   "debris from the square Wednesday, and the road will stay closed.")
    docs = [Document(source=f"{n}.txt", text=t, published="2026-03-02") for n, t in enumerate((a, b))]
    conflicts = [sorted(m.text for m in f.mentions) for f in compare(docs, CompareConfig()).facts
                 if f.status == FactStatus.CONFLICT and f.kind == "date"]
    assert conflicts == [["Tuesday", "Wednesday"]]


def test_the_day_of_a_decision_is_not_the_day_of_what_was_decided():
    a = _MARKET + ("Stallholders gathered.\n\nSpeaking to reporters, the owner said he had decided on "
                   "Saturday to close the square to the public for good.")
    b = _MARKET + ("Insurers sent assessors.\n\nPolice closed the square on Monday after finding cracks "
                   "in the clock tower.")
    docs = [Document(source=f"{n}.txt", text=t, published="2026-03-02") for n, t in enumerate((a, b))]
    assert not [f for f in compare(docs, CompareConfig()).facts
                if f.status == FactStatus.CONFLICT and f.kind == "date"]


def test_a_year_describing_a_thing_does_not_date_the_sentence():
    a = ("The Harlow Street bridge collapsed on Monday morning, injuring 12 people, officials said.\n\n"
         "Divers searched the river for hours.")
    b = ("Millbrook is asking how the bridge could collapse.\n\nThe 1962 steel bridge fell into the "
         "river on Monday morning, injuring 14 people.")
    assert ["12", "14"] in _dated_conflicts(a, b, ("2024-03-04", "2024-03-05"))


# -- a sum for one named purpose in unaligned sentences ------------------------------------

_LIBRARY = "The roof of the Harlow public library caved in during the storm on Monday.\n\n"


def test_a_sum_for_one_purpose_in_synonyms_is_one_fact_across_the_articles():
    a = _LIBRARY + ("Nobody was inside.\n\nThe city had scheduled a $3.1 million renovation of the "
                    "library for 2028, officials said.")
    b = _LIBRARY + ("Readers were moved to the school.\n\nWork was already planned: the council had set "
                    "aside $31 million to overhaul the building in 2028.")
    conflicts = _conflict_values(a, b, "money")
    assert conflicts == [["$3.1 million", "$31 million"]]


def test_a_further_article_s_share_for_the_same_purpose_joins_an_agreement_as_a_conflict():
    a = _LIBRARY + "Nobody was inside.\n\nLibrarians will receive a 2 percent raise under the budget."
    b = _LIBRARY + "Readers were moved.\n\nThe budget still gives librarians a 2 percent raise."
    c = _LIBRARY + "Insurers came.\n\nEven so, library pay will rise 3 percent, a concession won last year."
    docs = [Document(source=f"{n}.txt", text=t) for n, t in enumerate((a, b, c))]
    conflicts = [sorted(m.text for m in f.mentions) for f in compare(docs, CompareConfig()).facts
                 if f.status == FactStatus.CONFLICT and f.kind == "percent"]
    assert conflicts == [["2 percent", "2 percent", "3 percent"]]


def test_two_deals_are_not_one_purpose():
    a = _LIBRARY + "Nobody was inside.\n\nThe striker agreed to a seven-year, $161 million deal on Tuesday."
    b = _LIBRARY + ("Readers were moved.\n\nAccording to a report in the Times, the Angels have made the "
                    "biggest offer in the history of the franchise, surpassing the $90 million deal they "
                    "gave to goalkeeper Torres.")
    assert not _conflicts(a, b, "money")


# -- counts of nouns that are one figure ---------------------------------------------------

def test_a_gerund_before_a_plural_names_the_counted_kind():
    items = _numbers("The plan eliminates 24 teaching positions.")
    assert [(i.text, i.extra["head"]) for i in items] == [("24", "position")]


def test_counts_of_positions_and_of_the_people_in_them_are_one_figure_side_by_side():
    a = ("The Dunmore school board approved a budget on Tuesday that eliminates 24 teaching positions "
         "to close a deficit.\n\nParents protested outside.")
    b = ("Under the budget the Dunmore school board approved on Tuesday, 21 teachers will lose their "
         "jobs.\n\nParents protested outside.")
    assert _conflict_values(a, b, "number") == [["21", "24"]]


def test_crews_and_firefighters_are_counted_in_different_units():
    a = ("A fire broke out at the Harlow supermarket early on Sunday.\n\nDozens of firefighters "
         "tackled the blaze after the alarm was raised at about 6am.")
    b = ("A fire broke out at the Harlow supermarket early on Sunday.\n\nEight crews fought the blaze, "
         "which was raised to a major incident at about 6am.")
    assert not _conflicts(a, b, "number")


# -- a quote broken by a paragraph break ---------------------------------------------------

def _quote_texts(text: str) -> list[str]:
    return [" ".join(q.text.split()) for q in _extracted(text).quotes]


def test_a_quote_broken_by_a_paragraph_break_without_marks_is_one_quote():
    quotes = _quote_texts('The sentence was read out on Saturday. "I am sorry.\n\nI just want to say that '
                          'I will not waste the chance I was given," the convicted man said.\n\nHis mother wept.')
    assert any(q.startswith("I am sorry. I just want to say") and q.endswith("given,") for q in quotes), quotes


def test_a_quote_running_on_over_paragraphs_the_usual_way_keeps_its_parts():
    quotes = _quote_texts('"We will rebuild the market stall by stall.\n\n"And we will do it before the '
                          'summer," the mayor said.')
    assert not any("stall. And" in q for q in quotes), quotes
    assert any(q.startswith("And we will do it") for q in quotes), quotes


# -- who speaks a quote ------------------------------------------------------------------

def _speakers(text: str) -> list[str]:
    return [q.speaker for q in _extracted(text).quotes]


def test_names_joined_right_before_the_verb_speak_together_after_a_title():
    text = ('Film Festival producers Maria Lund and Peter Okoye said in a statement: "We are thrilled '
            'to have her host the gala."')
    assert _speakers(text) == ["Maria Lund and Peter Okoye"]


def test_an_appositive_between_the_name_and_the_verb_leaves_the_name_speaking():
    text = ('Alan Birch, an ecologist and director of the Society for Marine Biology, said, "As the '
            'threats grow, scientists must be free to judge them."')
    assert _speakers(text) == ["Alan Birch"]


def test_speakers_of_one_joint_statement_do_not_clash():
    quote = '"We are thrilled to have Ellen Marsh host the awards this year,"'
    a = f'The producers named the host on Friday.\n\n{quote} producers Maria Lund and Peter Okoye said.'
    b = f'The academy made the choice public.\n\n{quote} Okoye said.'
    c = f'Viewers cheered the news online.\n\n{quote} said Lund.'
    docs = [Document(source=f"{n}.txt", text=t) for n, t in enumerate((a, b, c))]
    assert not [f for f in compare(docs, CompareConfig()).facts
                if f.status == FactStatus.CONFLICT and f.kind == "quote"]


def test_a_month_of_one_verdict_in_unaligned_sentences_is_one_fact():
    a = _MARKET + "Stallholders gathered.\n\nIn April 2007 the arsonist was found guilty of murder and jailed for life."
    b = _MARKET + ("Insurers sent assessors.\n\nDunmore, 29, was found guilty by the same jury last month "
                   "of first-degree murder with special circumstances.")
    docs = [Document(source="a.txt", text=a, published="2007-06-04"),
            Document(source="b.txt", text=b, published="2007-06-04")]
    conflicts = [sorted(m.text for m in f.mentions) for f in compare(docs, CompareConfig()).facts
                 if f.status == FactStatus.CONFLICT and f.kind == "date"]
    assert conflicts == [["April 2007", "last month"]]


def test_friday_night_and_early_saturday_may_be_one_night():

    def day(text):
        return _dates(text, "2008-12-14")[0]

    night = day("The church was badly damaged by fire Friday night, and arson is suspected.")
    early = day("A suspicious fire destroyed the church early Saturday.")
    sunday = day("A suspicious fire destroyed the church early Sunday.")
    assert relation(night, early) == "compatible"
    assert relation(night, sunday) == "conflict"


def test_a_weight_beside_a_height_describes_the_one_sought():
    a = ("Police are searching for a man who escaped from custody on Monday.\n\nHe is 6-feet-1 inches "
         "tall, weighing 180 pounds, and has a shaved head.")
    b = ("A manhunt went on through the night.\n\nDeputies said that Marsh is 6-foot-1,190 pounds, with "
         "a tattoo on his neck.")
    conflicts = _conflict_values(a, b, "number")
    assert conflicts == [["180 pounds", "190"]]
    # Weights with no height are not a description: a parcel, a catch.
    c = "A manhunt went on through the night.\n\nDeputies found a 190-pound safe in his car."
    assert not _conflicts(a.replace("6-feet-1 inches tall, ", ""), c, "number")


def test_people_counted_after_what_happened_to_them_are_one_count_across_the_articles():
    item, = _numbers("The quake hit on Sunday, injuring five people.")
    assert item.key == "people|injured"
    a = ("A 5.6 magnitude earthquake hit an island off the coast on Sunday, injuring five people and "
         "damaging buildings, state media said.\n\nThe governor said 2,000 tents were ready.")
    b = ("Rescue teams reached the island by noon.\n\nAccording to the student news agency, the quake "
         "on the outskirts of the small town injured two people.")
    assert _conflict_values(a, b, "number") == [["five", "two"]]


# -- game clocks --------------------------------------------------------------------------

def test_a_game_clock_is_read_with_its_stretch_of_play_and_never_as_a_time_of_day():
    text = ("The kicker tied the game with 10:03 to play in the third quarter. "
            "The drive ate up 6:05 of the clock.")
    items = _times(text)
    assert [(i.text, i.key) for i in items] == [("10:03 to play in the third quarter", "clock|third quarter")]


def test_clocks_of_one_play_on_one_verb_conflict_and_of_two_plays_do_not():
    a = _BASE + ("The Chiefs came out and tied the game with 6:00 remaining in the third quarter, and "
                 "the crowd fell silent.\n\nThe Colts scored late.")
    b = _BASE + ("Fans stayed to the end.\n\nKicker Ryan Sutton tied the game at 13-13 with a "
                 "47-yard field goal with 10:03 to play in the third quarter.")
    conflicts = [f for f in _conflicts(a, b, "time")]
    assert len(conflicts) == 1 and sorted(m.text[:5] for m in conflicts[0].mentions) == ["10:03", "6:00 "]
    c = _BASE + ("Fans stayed to the end.\n\nThe quarterback threw an interception with 2:10 left in "
                 "the third quarter.")
    assert not _conflicts(a, c, "time")


def test_a_paragraph_opening_on_an_unattributed_quote_goes_on_with_the_last_speaker():
    text = ('"I am giving you the longest term the law allows," Judge Ann Bellamy said in the same '
            'courtroom.\n\n"If I could give you more, I would."\n\nThe defendant showed no emotion.')
    assert _speakers(text) == ["Ann Bellamy", "Ann Bellamy"]


def test_a_sentence_naming_another_speaker_between_two_quote_paragraphs_hands_the_next_over():
    text = ('But awards are not what drives her, Paul Renner said. "She is the most committed doctor I '
            'know." Ruth Calder said at the announcement that illness in her family drove her into '
            'medicine.\n\n"My father died of a disease we could have prevented."')
    assert _speakers(text) == ["Paul Renner", "Ruth Calder"]


def test_a_quote_with_its_own_attribution_is_not_carried_over():
    # The finder misses this speaker's name; it must not hand the quote to the last one.
    text = ('"We are shocked," said Ravi Sethi.\n\n"It is a sad day for the street," added '
            'the owner of the corner bakery shop nearby.')
    speakers = _speakers(text)
    assert speakers[0] == "Ravi Sethi" and speakers[1] != "Ravi Sethi", speakers


def test_a_quote_right_after_a_sentence_ending_in_name_said_is_that_persons():
    text = ('The photographs were never tawdry, Yolanda Pryce said. "She was at ease in front of the '
            'camera, and it showed."')
    assert _speakers(text) == ["Yolanda Pryce"]


def test_speakers_named_after_a_description_or_a_long_title():
    nephew = '"We are really just shocked," said her nephew, Arun Mehta, 32, of Queens.'
    assert _speakers(nephew) == ["Arun Mehta"]
    long_title = '"The process is not over," said Security Response Group director Mark Reeve.'
    assert _speakers(long_title) == ["Mark Reeve"]
    place_first = '"They lost $300,000 in July," said Fairbanks businessman and blogger Andrew Holm.'
    assert _speakers(place_first) == ["Andrew Holm"]
    aside = ('"Most buildings are not safe," the head of the provincial relief service, Massoud Darvish, '
             'told state television.')
    assert _speakers(aside) == ["Massoud Darvish"]
    initials = '"It is disappointing," general manager A. J. Smithers said in a statement.'
    assert _speakers(initials) == ["A. J. Smithers"]


def test_two_apostrophes_mark_a_quote_as_a_double_mark_does():
    text = ("''We had chances all game and we squandered them,\" Wade Collins said. ''We wanted to get "
            "that done.\" The film ''The Long Night'' opens on Friday.")
    assert _quote_texts(text) == ["We had chances all game and we squandered them,", "We wanted to get that done.",
                                  "The Long Night"]
    assert _speakers(text)[0] == "Wade Collins"


def test_an_honorific_says_whom_he_or_she_can_be():
    text = ('Fire Chief James Steele said the blaze was being treated as arson. Officials did not know '
            'whether Mrs Palin\'s ties to the church mattered.\n\n"It is hard to say at this point," he said.')
    assert _speakers(text) == ["James Steele"]


def test_a_clear_given_name_says_whom_she_can_be():
    # The photographer named last is a man by his given name, with no "he" to say so.
    text = ('Dolores Finch grew up in Dayton. A photographer named Gerald Hobbs met her on a pier in '
            '1951 and asked her to pose. Years later she told a magazine: "I never felt ashamed of it."')
    assert _speakers(text) == ["Dolores Finch"]


def test_a_family_surname_does_not_make_a_woman_he():
    # Three Varelas; the men's "he" must not rule out the widow, whose given name is no help.
    text = ('Deputy Tomas Varela was killed in June. His son, Mateo Varela, wrote a letter. '
            'He said he missed his father.\n\nThe widow, Chela Varela, read it to the court. '
            '"Our Tomas is at peace," she said.')
    assert _speakers(text)[-1] == "Chela Varela"


def test_a_work_named_after_someone_is_not_their_name():
    text = ('Nina Pardo, the pin-up model, died on Thursday. A 2006 film, The Daring Nina Pardo, told her '
            'story.\n\n"I just wanted to be remembered young," Pardo said in 1998.')
    assert _speakers(text) == ["Nina Pardo"]


def test_a_magazine_told_is_no_speaker():
    text = ('"I go out less now," Mara Quinn told Us Weekly last year.\n\n'
            'Asked about old habits, she laughed. "I am happy where I am," she added.')
    assert _speakers(text) == ["Mara Quinn", "Mara Quinn"]


def test_he_after_a_family_is_its_man():
    # "Vance" alone, after his mother was named in full: "he" is Gary, not Catherine,
    # and the woman the sentence is about ("on Ms. Ruiz") is no subject.
    text = ('Gary Vance, 35, was charged with murder on Tuesday. The body of his mother, Catherine Vance, '
            'was found in her apartment, police said.\n\nIn 2005, Vance was charged with assault on Ms. Ruiz, '
            'according to court records, which say he held a knife to her throat and told her, '
            '"You are never going to leave me."')
    assert _speakers(text) == ["Gary Vance"]


def test_whom_she_told_is_no_speaker():
    text = ('Lena Frost modelled for ten years. "I never felt ashamed," she told Playboy in 1998.\n\n'
            '"God approves of nudity," she said. Internet traffic fell, according to Dan Lowe, an officer '
            'with Arbor Networks.\n\n"It was significant," he said.')
    assert _speakers(text) == ["Lena Frost", "Lena Frost", "Dan Lowe"]


def test_a_surname_alone_takes_the_sex_its_full_name_gave():
    # "Hobbs" alone has no "he" after it; "Gerald Hobbs" before says he is no "she".
    text = ('Gerald Hobbs photographed Dolores Finch in 1951. Hobbs later sold the prints to a '
            'magazine. Years later she told an interviewer: "I never felt ashamed of it."')
    assert _speakers(text) == ["Dolores Finch"]


def test_a_title_that_is_also_a_given_name_says_nothing_of_the_sex():
    assert _given_name_pronoun("Dean Susan Miller".split()) == "she"
    assert _given_name_pronoun("Major Tom Hale".split()) == "he"


def test_a_work_named_after_someone_with_odd_spacing_is_read_too():
    # Text not tidied by a reader (a Document given to the engine directly): two spaces
    # inside the work's name must neither break the name finder nor keep the work as her name.
    text = ('Nina Pardo, the pin-up model, died on Thursday. A 2006 film, The Daring Nina  Pardo, told '
            'her story.\n\n"I just wanted to be remembered young," Pardo said in 1998.')
    assert _speakers(text) == ["Nina Pardo"]


# Two values that read alike but are of different things, each from a false conflict
# Parallax showed on ECB+, and a control: the same sentence with only the value
# changed still conflicts, so the case tests the rule, not a missed pairing.
_TOLD_APART = {
    # 27_ecb: "0.2 percent of IE users" were exposed; victims "increasing by 50 per cent every day".
    "a part of a whole is not a rate of change": (
        FactKind.PERCENT,
        "Microsoft rushed out an emergency patch for its browser on Wednesday. "
        "Attackers had used the flaw to steal passwords from home computers. ",
        "The company said roughly 0.2 percent of users had been exposed to the attacks.",
        "The company said the number of users exposed to the attacks was growing by 50 percent every day.",
        "The company said roughly 2 percent of users had been exposed to the attacks."),
    # 18_ecb: "charged ... Saturday" / "charged ... after a shooting at an office party ... Friday".
    "a date after 'after a ...' is that noun's day": (
        FactKind.DATE,
        "A gunman opened fire at an office party in Vancouver, killing one man. ",
        "A 61-year-old man was charged with first-degree murder Saturday, police said.",
        "A man has been charged with first-degree murder after a shooting at the party Friday.",
        "A man was charged with first-degree murder Friday after the shooting, police said."),
    # 25_ecbplus: two players put on injured reserve on two days.
    "days of sentences about different people are different happenings": (
        FactKind.DATE,
        "The Saints lost two more running backs to injury this week. ",
        "The Saints placed rookie Chris Ivory on injured reserve Tuesday.",
        "Pierre Thomas was placed on injured reserve on Wednesday because of his ankle.",
        "The Saints placed rookie Chris Ivory on injured reserve Wednesday."),
    # 25_ecbplus: the wildcard game "at 3:30 p.m. Saturday", and "If the Saints beat
    # Seattle ..., the Falcons will face the Saints at 8 p.m. Saturday".
    "an hour told on a condition is not the hour of what happens": (
        FactKind.TIME,
        "The Saints open the playoffs on the road against Seattle this weekend. ",
        "The Saints face the Seattle Seahawks in a wildcard game at 3:30 p.m. Saturday.",
        "If the Saints beat Seattle, the Falcons will face the Saints at 8 p.m. Saturday.",
        "The Saints face the Seattle Seahawks in a wildcard game at 4:30 p.m. Saturday."),
    # 31_ecbplus: "advances to play Saturday in a 1:35 pm semifinal" / "will play the winner of
    # Friday's second semifinal": the ordinal says which game, not when Creighton plays.
    "a day owning one of several things says which, not when": (
        FactKind.DATE,
        "Creighton beat Drake 65-53 in the quarterfinals of the conference tournament. ",
        "Creighton advances to play Saturday in a semifinal against Indiana State.",
        "Creighton will play the winner of Friday's second semifinal in the final.",
        "Creighton advances to play Friday in a semifinal against Indiana State."),
    # 10_ecbplus: "the Nationals have offered Mark Teixeira an 8-year, $160 million contract" /
    # "the Red Sox offered Mark Teixeira an eight-year, $200MM deal": two teams' offers.
    "sums on one verb with different named doers are two sums": (
        FactKind.MONEY,
        "Mark Teixeira is still weighing where to play next season. ",
        "Reports say the Nationals have offered Mark Teixeira an 8-year, $160 million contract.",
        "Reports say the Red Sox offered Mark Teixeira an eight-year, $200 million deal.",
        "Reports say the Nationals offered Mark Teixeira an eight-year, $200 million deal."),
}


@pytest.mark.parametrize("case", sorted(_TOLD_APART))
def test_values_of_different_things_are_told_apart(case):
    kind, base, told, other_thing, same_thing_otherwise = _TOLD_APART[case]
    assert not _conflicts(base + told, base + other_thing, kind)
    assert _conflicts(base + told, base + same_thing_otherwise, kind)


def test_a_year_between_the_and_a_name_names_which_one():
    # ECB+ 29_ecbplus: "join the 2008 Miami Dolphins as the only teams ..." is no date
    # of the return the other report dates "this year".
    from desktop.engine.facts.gate import same_thing
    extractions, scene, date = _dated_scene({
        "A": "Darius Butler returned an interception 32 yards for a TD in helping the Colts join "
             "the 2008 Miami Dolphins as the only teams to win ten games after losing 14.",
        "B": "It was the second interception Butler returned for a touchdown this year, and the "
             "score tied a club record.",
        "C": "Darius Butler returned an interception 32 yards for a TD in 2008.",
        "D": "Police charged a woman on Friday in the 1967 Staunton killings."}, "2009-12-28")

    assert not same_thing(date("A"), date("B"), scene)
    # A year that dates the return itself is compared; one before a place and a noun
    # dates that noun ("the 1967 Staunton killings"), not a team's or a show's name.
    assert same_thing(date("C"), date("B"), scene)
    from desktop.engine.facts.gate import _names_a_thing
    assert _names_a_thing(scene, date("A"))
    assert not _names_a_thing(scene, next(i for i in extractions["D"].quantities if i.text == "1967"))


def test_sums_told_over_one_period_are_not_paired_by_it():
    # ECB+ 8_ecbplus: "110 billion euros in loans over three years from eurozone countries" /
    # "slice 30bn euros from its deficit over the next three years": two sentences left
    # apart by the alignment, paired by their words, whose sums are of different things.
    from desktop.engine.facts.gate import Scene
    from desktop.engine.facts.quantities import sentence_facts
    loans = ("The Greek government agreed to slash spending and raise taxes in return for "
             "110 billion euros in loans over three years from eurozone countries.")
    texts = {"A": loans,
             "B": "The Greek government is attempting to slice 30 billion euros from its deficit "
                  "over the next three years after raising taxes and slashing spending.",
             "C": loans.replace("110 billion", "100 billion")}

    def drafts(a, b):
        extractions = {aid: extract(Article(aid, f"{aid}.txt", texts[aid], segment(texts[aid], aid)))
                       for aid in (a, b)}
        found = sentence_facts(Scene(extractions), set(), lambda passages: None, min_shared=3)
        return [d for d in found if d.kind == "money" and d.status == FactStatus.CONFLICT]

    assert not drafts("A", "B")
    assert drafts("A", "C")  # the same words around two sums of one thing: a conflict


def test_a_date_long_past_is_not_compared_with_one_still_to_come():
    # ECB+ 2_ecbplus: "DeGeneres ... first hosted the Oscars in 2007" against "would return
    # next year to host the annual Oscar ceremony", both reported in August 2013.
    from desktop.engine.facts.gate import same_thing
    texts = {"A": "DeGeneres, the star of her own talk show, first hosted the Oscars in 2007.",
             "B": "The producers announced that DeGeneres would return next year to host the Oscars.",
             "C": "The producers announced that DeGeneres would host the Oscars in 2015."}
    _, scene, date = _dated_scene(texts, "2013-08-02")

    assert not same_thing(date("A"), date("B"), scene)
    assert same_thing(date("C"), date("B"), scene)  # two years still to come: one hosting
    # Reports written months apart may see one happening first ahead, then past.
    _, later_scene, later_date = _dated_scene(texts, "2013-08-02", {"B": "2014-01-15"})
    assert same_thing(later_date("A"), later_date("B"), later_scene)


def _dated_scene(texts: dict[str, str], published: str, other_days: dict[str, str] | None = None):
    """Extractions of one-sentence articles, a Scene over them, and each one's first date."""
    from desktop.engine.facts.gate import Scene
    days = other_days or {}
    extractions = {aid: extract(Article(aid, f"{aid}.txt", t, segment(t, aid),
                                        published=days.get(aid, published)))
                   for aid, t in texts.items()}

    def date(aid):
        return next(i for i in extractions[aid].quantities if i.kind == "date")

    return extractions, Scene(extractions), date


def test_temperatures_told_bare_are_degrees_and_compared():
    # ECB+ 13_ecb, a real disagreement found by reading: "Firefighters fought the blaze in
    # temperatures of minus 17 degrees" / "Outside temperatures were minus 20 as firefighters
    # battled the blaze".
    base = "A fire destroyed the Wasilla Bible Church on Friday night. The pastor said no one was hurt. "
    told = "Firefighters fought the blaze in temperatures of minus 17 degrees."
    found = _conflicts(base + told, base + "Outside temperatures were minus 20 as firefighters battled the blaze.")
    assert [f.kind for f in found] == [FactKind.NUMBER] and found[0].note.endswith("minus 17 vs minus 20")
    # Below zero is a sign: "minus 17" against "17 degrees" disagrees, against "-17" agrees.
    assert _conflicts(base + told, base + "Firefighters fought the blaze in temperatures of 17 degrees.")
    assert not _conflicts(base + told, base + "Firefighters fought the blaze in temperatures of -17 degrees.")
    # A bare figure that is no temperature is not read as degrees.
    assert not _conflicts(base + told, base + "Outside, 20 firefighters battled the blaze.", FactKind.NUMBER)


def test_a_figure_that_compares_with_nothing_is_left_out_of_an_agreement():
    # ECB+ 3_ecb: "more than three years" of delays and the "485 years" of the sentence
    # were shown as one agreement, "years: more than three / 485 (roughly the same)".
    texts = [
        "After more than three years of legal delays, the man who killed four people in a "
        "courthouse escape was sentenced Saturday to life without parole and hundreds of years more.",
        "Nichols was sentenced Saturday to seven life sentences without parole plus 485 years.",
        "Courthouse killer Brian Nichols was sentenced Saturday to seven life sentences without "
        "parole plus 485 years for the crimes.",
    ]
    docs = [Document(source=f"{n}.txt", text=t) for n, t in enumerate(texts)]
    facts = compare(docs, CompareConfig()).facts
    years = [f for f in facts if f.kind == FactKind.NUMBER and "485" in f.note]
    assert years, [f.note for f in facts]
    for fact in years:
        assert sorted(m.text for m in fact.mentions) == ["485", "485"], fact.note
        assert fact.note == "years: 485 (same)"


@pytest.mark.parametrize("a, b, label", [
    # ECB+ 20_ecb: "struck seven km (4 miles) east of Dargahan" was told as "number: seven".
    ("The quake struck seven km east of Dargahan, officials said.",
     "The quake struck seven km east of Dargahan, the governor said.", "km: seven (same)"),
    ("The quake struck 12 km east of the town, officials said.",
     "The quake struck 12 kilometres east of the town, officials said.", "12 (same)"),
    # ECB+ 23_ecbplus: "about 200ft" and "(200 feet)".
    ("The climber died after falling about 200ft from a ridge.",
     "The climber died after falling about 60 metres (200 feet) from a ridge.", "feet: about 200 / 200"),
])
def test_a_unit_written_short_counts_what_the_word_does(a, b, label):
    notes = [f.note for f in compare([Document(source="a.txt", text=a), Document(source="b.txt", text=b)]).facts
             if f.kind == FactKind.NUMBER and f.status == FactStatus.AGREE]
    assert any(label in note for note in notes), notes


def test_a_measure_before_a_dash_that_lost_its_spaces_is_what_is_counted():
    # ECB+ 29_ecbplus: "with 4,051 yards-breaking Cam Newton's record" (an em dash written
    # as a hyphen) had no label, so the figure was never compared with the other reports' yards.
    a = "Luck set the NFL rookie record for a season with 4,183 passing yards."
    b = "Luck set the NFL rookie record for a season with 4,051 yards-breaking Cam Newton's record."
    notes = [f.note for f in compare([Document(source="a.txt", text=a), Document(source="b.txt", text=b)]).facts
             if f.kind == FactKind.NUMBER and f.status == FactStatus.CONFLICT]
    assert notes == ["passing yards: 4,183 vs 4,051"], notes
    # A compound that is no measure keeps the whole word out of the label.
    labels = {i.text: i.label for i in _extracted("The 12 players-only meetings ran late.").quantities}
    assert "players" not in labels.get("12", ""), labels


def test_a_count_is_labelled_by_what_it_counts():
    # ECB+ 11_ecb: "ruled Turkmenistan for two decades until his death" was "decades death: two".
    text = ("The dictator ruled the country for two decades until his death in 2006. "
            "Timmons, who was arrested 12 days after the shooting, faces trial. "
            # ECB+ 35_ecb: "six bullet casings: five".
            "Five of the six bullet casings found at the scene came from his weapon. "
            # ECB+ 23_ecbplus: "meters death: 700".
            "A climber slipped on ice and fell 700 meters to his death.")
    items = [i for i in _extracted(text).quantities if i.kind == "number"]
    labels = {i.text: i.label for i in items}
    assert labels == {"two": "decades", "12": "days", "Five": "bullet casings", "six": "bullet casings",
                      "700": "meters"}, labels


@pytest.mark.parametrize("a, b, status, shown", [
    ("Between 10 and 15 people were injured in the blast, police said.",
     "Twelve people were injured in the blast, police said.", FactStatus.AGREE, "between 10 and 15"),
    ("Two or three people were injured in the blast, police said.",
     "Three people were injured in the blast, police said.", FactStatus.AGREE, "two or three"),
    ("Some 10 to 15 people were injured in the blast, police said.",
     "Twenty people were injured in the blast, police said.", FactStatus.CONFLICT, "some 10 to 15"),
])
def test_a_range_is_one_figure(a, b, status, shown):
    facts = compare([Document(source="a.txt", text=a), Document(source="b.txt", text=b)]).facts
    injured = [f for f in facts if f.kind == FactKind.NUMBER]
    assert [f.status for f in injured] == [status], [f.note for f in injured]
    assert shown in injured[0].note.lower()


def test_a_change_and_a_list_are_no_ranges():
    text = "The toll rose from 10 to 15 people. The team lost games 3 and 7 of the series."
    shown = sorted(i.text for i in _extracted(text).quantities if i.kind == "number")
    assert shown == ["10", "15", "3", "7"]


def test_a_count_told_ahead_is_not_compared_with_one_done():
    # ECB+ 25_ecb: the games Bush "will miss" now against those he "missed" after his surgery.
    ahead = "The 23-year-old Bush will miss the team's final two regular season games with a sprained knee."
    done = "Bush injured his left knee on Oct. 19, had surgery and missed four regular season games."
    assert _conflict_values(ahead, done, FactKind.NUMBER) == []
    # Both told ahead, or both done, they are still compared.
    assert _conflict_values(ahead, ahead.replace("two", "three"), FactKind.NUMBER) == [["three", "two"]]


def test_a_name_between_a_happening_and_its_date_says_which_happening():
    # ECB+ 14_ecbplus: the hearing before one court against the hearing before another.
    a = ("Mr Pitman entered a not guilty plea and was remanded in custody to appear before "
         "Taunton Crown Court on 19 August.")
    b = "Robert Pitman, 24, is due to appear before Taunton Deane Magistrates' Court on Tuesday."

    def dates_in_conflict(x: str, y: str) -> list[str]:
        docs = [Document(source=f"{n}.txt", text=t, published="2013-08-03") for n, t in enumerate((x, y))]
        return [f.note for f in compare(docs).facts if f.kind == FactKind.DATE and f.status == FactStatus.CONFLICT]

    assert dates_in_conflict(a, b) == []
    # Before the same court, two days still disagree.
    assert dates_in_conflict(a, b.replace("Deane Magistrates' Court", "Crown Court")) != []


def test_sentences_whose_ages_are_years_apart_speak_of_two_people():
    # ECB+ 23_ecbplus: one climber's fall of 200 metres against another's of 700.
    a = ("Two climbers have died in Aoraki Mount Cook National Park this weekend. "
         "The 36-year-old, who had been living in Melbourne, slipped and fell approximately 200 metres "
         "down a steep ice gully. Rescuers reached his body on Saturday.")
    b = ("Two climbers have died in Aoraki Mount Cook National Park this weekend, police said. "
         "Rescuers reached the body of the first on Saturday. "
         "The next day 31-year-old Robert Buckley slipped on ice and fell 700 metres down a steep ice gully.")
    falls = lambda x, y: [v for v in _conflict_values(x, y, FactKind.NUMBER) if "700" in v]  # noqa: E731
    assert falls(a, b) == []
    # A year apart is one person told two ways, and the fall is still compared.
    assert falls(a, b.replace("31-year-old", "37-year-old")) != []
